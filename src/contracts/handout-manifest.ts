/**
 * Contract: `handouts/manifest.json`, what a handout run printed. The renderer
 * writes it and reads the last run's copy (to keep unchanged PDFs); the
 * Handouts page tables, the tests and the bench read it. This schema is the
 * only definition of its shape.
 */
import { z } from 'astro/zod';
import { PAPER_SIZES } from '../lib/handout-files.ts';

/** File name, inside the handouts folder. */
export const MANIFEST_FILE = 'manifest.json';

/** What a PDF is: one page's handout (12 pt or 18 pt), the booklet, or a visit packet (12 pt or 18 pt). */
export const MANIFEST_KINDS = ['sheet', 'standard', 'large-print', 'booklet', 'packet', 'large-print-packet'] as const;
export type ManifestKind = (typeof MANIFEST_KINDS)[number];

/** Whether a PDF of this kind is set in large print (18 pt). */
export function isLargePrintKind(kind: ManifestKind): boolean {
  return kind === 'large-print' || kind === 'large-print-packet';
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in hex');

export const manifestEntrySchema = z
  .object({
    /** The page's slug, "booklet" ("es-booklet"), or a packet's "packet-<id>" ("es-packet-<id>"). */
    slug: z.string().min(1),
    title: z.string(),
    /** Public URL of the page the handout was printed from (the site's first page for the booklet). */
    url: z.url(),
    /** Path of the PDF relative to the manifest, e.g. "letter/risks.pdf". */
    file: z.string().regex(/^[^/].*\.pdf$/, 'must be a relative path to a .pdf file'),
    kind: z.enum(MANIFEST_KINDS),
    paper: z.enum(PAPER_SIZES),
    pages: z.number().int().positive(),
    bytes: z.number().int().positive(),
    sha256,
    /** Hash of everything the PDF was made from (see src/handouts/cache.ts); equal key, same PDF. */
    key: sha256,
    /** Booklets and packets: the page where each handout starts, by slug. */
    starts: z.record(z.string(), z.number().int().positive()).optional(),
  })
  .strict();

export const manifestSchema = z.object({ handouts: z.array(manifestEntrySchema) }).strict();

export type ManifestEntry = z.output<typeof manifestEntrySchema>;
export type Manifest = z.output<typeof manifestSchema>;

/** Stable JSON, checked first: entries in the given (reading) order, two-space indent, final newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`;
}
