/**
 * The fingerprint of a page's source file that a review vouches for. Line endings
 * are normalised so that a checkout on Windows (CRLF) does not look "changed".
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** SHA-256 (hex) of `source` with every CRLF or lone CR turned into LF. */
export function contentHash(source: string): string {
  return createHash('sha256').update(source.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/** The content hash of a file on disk. */
export async function fileContentHash(path: string): Promise<string> {
  return contentHash(await readFile(path, 'utf8'));
}
