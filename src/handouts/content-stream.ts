/**
 * Marks the content Chromium leaves untagged as artifacts, in a page's content
 * stream, so a screen reader does not read it and PDF/UA's "all content is
 * tagged or an artifact" holds (Matterhorn 01-005).
 *
 * What Chromium (Skia) leaves untagged, as seen in 156: the white page
 * background painted first, and the running header and footer
 * (`headerTemplate`/`footerTemplate`), painted after all the page's tagged
 * content. Everything tagged sits in a marked-content sequence with an MCID;
 * anything painted outside one is untagged. This wraps each such stretch of
 * painting in an `/Artifact` sequence: the stretch after the last tagged
 * content is the header and footer (`/Type /Pagination`).
 *
 * Only the operators are read, with their byte positions; the stream is
 * edited by inserting text, so nothing Chromium wrote is re-encoded.
 */

/** One operator and where its operands start and it ends, in the stream's bytes. */
interface Operator {
  name: string;
  /** Offset of its first operand, or of the operator when it has none. */
  start: number;
  /** Offset just after the operator. */
  end: number;
}

/** Byte classes, looked up by byte value (a table, not a Set: this loop reads every byte of every page). */
const WHITE = 1;
const DELIMITER = 2;
const BYTE_CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) BYTE_CLASS[c] = WHITE;
for (const c of '()<>[]{}/%') BYTE_CLASS[c.charCodeAt(0)] = DELIMITER;
/** Ends a name or a word: whitespace or a delimiter. */
const ENDS_WORD = (c: number): boolean => BYTE_CLASS[c] !== 0;

/** Operators that put marks on the page: text showing, path painting, XObjects, shadings, inline images. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI']);

export class ContentStreamError extends Error {
  override name = 'ContentStreamError';
}

/** Splits a content stream into operators (operands are skipped, not parsed). */
export function readOperators(bytes: Uint8Array): Operator[] {
  const operators: Operator[] = [];
  let operandStart = -1;
  let i = 0;
  const skipString = (): void => {
    let depth = 0;
    for (; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === 0x5c)
        i++; // backslash escapes the next byte
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) {
        i++;
        return;
      }
    }
  };
  while (i < bytes.length) {
    const c = bytes[i] as number;
    if (BYTE_CLASS[c] === WHITE) {
      i++;
      continue;
    }
    if (c === 0x25) {
      while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    if (operandStart < 0) operandStart = i;
    if (c === 0x28) skipString();
    else if (c === 0x3c && bytes[i + 1] === 0x3c) i += 2;
    else if (c === 0x3e && bytes[i + 1] === 0x3e) i += 2;
    else if (c === 0x3c) while (i < bytes.length && bytes[i++] !== 0x3e);
    else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) i++;
    else if (c === 0x2f) {
      i++;
      while (i < bytes.length && !ENDS_WORD(bytes[i] as number)) i++;
    } else {
      const from = i;
      while (i < bytes.length && !ENDS_WORD(bytes[i] as number)) i++;
      // Numbers are most of a page's content (path coordinates): skip them without making strings.
      if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) continue;
      const word = String.fromCharCode(...bytes.subarray(from, i));
      if (word === 'true' || word === 'false' || word === 'null') continue;
      if (word === 'ID')
        throw new ContentStreamError('the page content has an inline image, which this finishing step does not handle');
      operators.push({ name: word, start: operandStart, end: i });
      operandStart = -1;
    }
  }
  return operators;
}

interface Stretch {
  from: number;
  to: number;
  /** Index of its first and last operator. */
  first: number;
  last: number;
}

/** Stretches of operators outside every marked-content sequence that paint something. */
function untaggedStretches(operators: Operator[]): Stretch[] {
  const stretches: Stretch[] = [];
  let depth = 0;
  let current: Stretch | undefined;
  let paints = false;
  const close = (): void => {
    if (current && paints) stretches.push(current);
    current = undefined;
    paints = false;
  };
  operators.forEach((op, index) => {
    if (op.name === 'BDC' || op.name === 'BMC') {
      if (depth === 0) close();
      depth++;
    } else if (op.name === 'EMC') {
      depth--;
      if (depth < 0)
        throw new ContentStreamError(
          'the page content closes a marked-content sequence it never opened (EMC without BDC)',
        );
    } else if (depth === 0) {
      if (!current) current = { from: op.start, to: op.end, first: index, last: index };
      current.to = op.end;
      current.last = index;
      if (PAINTING.has(op.name)) paints = true;
    }
  });
  close();
  return stretches;
}

/** For each operator index, whether a text object (BT..ET) is open just before it. */
function textObjectOpen(operators: Operator[]): boolean[] {
  const open: boolean[] = [];
  let inText = false;
  for (const op of operators) {
    open.push(inText);
    if (op.name === 'BT') inText = true;
    else if (op.name === 'ET') inText = false;
  }
  open.push(inText);
  return open;
}

export interface ArtifactOptions {
  /** Leave out the running header and footer (the last untagged stretch after the tagged content): for a cover page. */
  dropRunningText?: boolean;
}

export interface MarkedContent {
  bytes: Uint8Array;
  /** Stretches marked as artifacts. */
  artifacts: number;
}

/** Wraps every untagged stretch of painting in an /Artifact sequence (see the module comment). */
export function markArtifacts(bytes: Uint8Array, options: ArtifactOptions = {}): MarkedContent {
  const operators = readOperators(bytes);
  const stretches = untaggedStretches(operators);
  const inText = textObjectOpen(operators);
  const lastTagged = operators.findLastIndex((op) => op.name === 'BDC' || op.name === 'BMC');
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const stretch of stretches) {
    // A marked-content sequence may not cut a text object in two.
    if (inText[stretch.first] || inText[stretch.last + 1]) {
      throw new ContentStreamError(
        'untagged page content starts or ends inside a text object (BT..ET); Chromium changed how it writes pages',
      );
    }
    const running = stretch.first > lastTagged;
    parts.push(bytes.subarray(at, stretch.from));
    if (running && options.dropRunningText) {
      // Keep the graphics-state operators (q, Q, cm, clipping) so the stream stays balanced; drop what paints.
      parts.push(encoder.encode(keepStateOnly(bytes, operators.slice(stretch.first, stretch.last + 1))));
    } else {
      parts.push(encoder.encode(running ? '/Artifact <</Type /Pagination>> BDC\n' : '/Artifact BMC\n'));
      parts.push(bytes.subarray(stretch.from, stretch.to));
      parts.push(encoder.encode('\nEMC'));
    }
    at = stretch.to;
  }
  parts.push(bytes.subarray(at));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return { bytes: out, artifacts: stretches.length };
}

/** Only the save/restore operators of a stretch, so dropping what it paints leaves the graphics state stack as it was. */
function keepStateOnly(bytes: Uint8Array, operators: Operator[]): string {
  return operators
    .filter((op) => op.name === 'q' || op.name === 'Q')
    .map((op) => new TextDecoder('latin1').decode(bytes.subarray(op.start, op.end)))
    .join('\n');
}
