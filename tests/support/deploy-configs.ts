/**
 * Reads the headers each hosting recipe sends, so tests can hold them to one
 * source: public/_headers (Netlify, Cloudflare Pages), deploy/apache/.htaccess
 * and deploy/nginx/guide-headers.conf.
 */

/** Header name (lower case) to value. */
export type HeaderSet = Record<string, string>;

/** `_headers`: a path pattern line, then indented `Name: value` lines. Returns the headers per pattern. */
export function parseHeadersFile(text: string): Record<string, HeaderSet> {
  const rules: Record<string, HeaderSet> = {};
  let current: HeaderSet | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = rules[line.trim()] ??= {};
      continue;
    }
    const match = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    if (!match || !current) throw new Error(`Not a header line in _headers: "${line}"`);
    current[match[1]!.toLowerCase()] = match[2]!.trim();
  }
  return rules;
}

/** Apache: `Header always set Name "value"` lines outside any <Files> block; plus those per <Files "name">. */
export function parseHtaccess(text: string): {
  headers: HeaderSet;
  files: Record<string, HeaderSet>;
  types: Record<string, string>;
  errorDocuments: Record<string, string>;
} {
  const headers: HeaderSet = {};
  const files: Record<string, HeaderSet> = {};
  const types: Record<string, string> = {};
  const errorDocuments: Record<string, string> = {};
  let inFiles: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const open = /^<Files\s+"([^"]+)">$/.exec(line);
    if (open) inFiles = open[1];
    else if (line === '</Files>') inFiles = undefined;
    const header = /^Header\s+always\s+set\s+([\w-]+)\s+"(.*)"$/.exec(line);
    if (header) {
      if (inFiles) files[inFiles] ??= {};
      const target = inFiles ? files[inFiles]! : headers;
      target[header[1]!.toLowerCase()] = header[2]!;
    }
    const type = /^AddType\s+(\S+)\s+(\.\w+)$/.exec(line);
    if (type) types[type[2]!] = type[1]!;
    const errorDocument = /^ErrorDocument\s+(\d{3})\s+(\S+)$/.exec(line);
    if (errorDocument) errorDocuments[errorDocument[1]!] = errorDocument[2]!;
  }
  return { headers, files, types, errorDocuments };
}

/** nginx: `add_header Name "value" always;` lines. */
export function parseNginxHeaders(text: string): HeaderSet {
  const headers: HeaderSet = {};
  for (const match of text.matchAll(/^\s*add_header\s+([\w-]+)\s+"(.*)"\s+always;\s*$/gm))
    headers[match[1]!.toLowerCase()] = match[2]!;
  return headers;
}

/** nginx: the body of each `location <match> { ... }` block (one level of nesting is enough here). */
export function nginxLocations(text: string): Record<string, string> {
  const locations: Record<string, string> = {};
  for (const match of text.matchAll(/^\s*location\s+([^{]+?)\s*\{([\s\S]*?)^\s{4}\}/gm))
    locations[match[1]!.trim()] = match[2]!;
  return locations;
}
