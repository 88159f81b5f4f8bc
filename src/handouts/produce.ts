/** Makes one planned PDF: renders it (a handout, the booklet or a packet) and stamps its metadata. */
import type { PDFDocument } from 'pdf-lib';
import type { BrowserContext } from 'puppeteer';
import { bookletSlug, packetSlug } from '../lib/handout-files.ts';
import type { HandoutLabels } from '../contracts/handout-index.ts';
import { fillText } from '../lib/placeholders.ts';
import type { AssembledResult } from './assembled.ts';
import { handoutStarts } from './contents-numbers.ts';
import { renderBooklet } from './booklet.ts';
import { sha256 } from './files.ts';
import type { ManifestEntry } from './manifest.ts';
import { finalizePdf } from './metadata.ts';
import { renderPacket } from './packet.ts';
import type { HandoutPage } from './pages.ts';
import type { BookletJob, HandoutJob, PacketJob } from './plan.ts';
import { labelsFor, renderHandouts, type RenderContext, type RenderResult } from './render.ts';

export interface ProduceContext extends RenderContext {
  /** The site's public URL, e.g. "https://guide.example.org" (Astro `site`). */
  siteUrl: string;
  /** Astro `base`, e.g. "/". */
  base: string;
}

export interface Produced {
  bytes: Uint8Array;
  entry: ManifestEntry;
  blockedRequests: string[];
  /** Prints it took: 1 for a single handout; 1 to 3 for a booklet or packet (see assembled.ts). */
  prints: number;
}

/** A PDF is dated with its content's last clinical review; a page never reviewed gets no date rather than an invented one. */
function pdfDate(reviewDay: string | undefined): Date | undefined {
  return reviewDay === undefined ? undefined : new Date(`${reviewDay}T00:00:00Z`);
}

/** The PDFs' titles in the handout's language (the Spanish booklet is not called "all handouts"). */
function pdfWords(context: ProduceContext, lang: string): HandoutLabels['pdf'] {
  return labelsFor(context, lang).pdf;
}

/** Checks that the contents page numbers are where each handout's bookmark says it starts. */
function checkStarts(doc: PDFDocument, pages: HandoutPage[], starts: Record<string, number>): void {
  const printed = handoutStarts(doc, pages);
  const moved = pages.filter((page) => printed[page.slug] !== starts[page.slug]);
  if (moved.length > 0)
    throw new Error(`the contents page numbers do not match where ${moved.map((page) => page.title).join(', ')} start`);
}

/** Makes the booklet for one paper size and language. */
export async function produceBooklet(
  browser: BrowserContext,
  job: BookletJob,
  key: string,
  context: ProduceContext,
  pageCounts?: readonly number[],
): Promise<Produced> {
  const links = { from: context.origin, to: new URL(context.siteUrl).origin };
  const result = await renderBooklet(browser, job, context, pageCounts);
  const words = pdfWords(context, job.lang);
  const title = fillText(words.bookletTitle, { title: result.title });
  const { bytes, pages, doc } = await finalizePdf(result.pdf, {
    title,
    author: context.clinicName,
    subject: fillText(words.bookletSubject, { clinic: context.clinicName }),
    keywords: [...words.keywords, 'handout', 'booklet', ...job.pages.map((page) => page.title)],
    language: job.lang,
    date: pdfDate(result.review.date),
    links,
    headings: result.headings,
    // The cover has no running header, footer or page number.
    coverPages: result.coverPages,
  });
  checkStarts(doc, job.pages, result.starts);
  const entry = assembledEntry(
    job,
    { slug: bookletSlug(job.lang), title, kind: 'booklet' },
    bytes,
    pages,
    key,
    context,
  );
  return { bytes, entry: { ...entry, starts: result.starts }, ...printedWith(result) };
}

/** What an assembled document's render says about how it was printed. */
function printedWith(result: AssembledResult): Pick<Produced, 'blockedRequests' | 'prints'> {
  return { blockedRequests: result.blockedRequests, prints: result.prints };
}

/** The manifest entry of an assembled document (booklet or packet): it links to its first page's site page. */
function assembledEntry(
  job: BookletJob | PacketJob,
  own: Pick<ManifestEntry, 'slug' | 'title' | 'kind'>,
  bytes: Uint8Array,
  pages: number,
  key: string,
  context: ProduceContext,
): ManifestEntry {
  return {
    slug: own.slug,
    title: own.title,
    url: new URL(job.pages[0]?.path ?? context.base, context.siteUrl).href,
    file: job.file,
    kind: own.kind,
    paper: job.paper,
    pages,
    bytes: bytes.length,
    sha256: sha256(bytes),
    key,
  };
}

/** Makes one visit packet: one packet, language, paper and size. */
export async function producePacket(
  browser: BrowserContext,
  job: PacketJob,
  key: string,
  context: ProduceContext,
  pageCounts?: readonly number[],
): Promise<Produced> {
  const large = job.kind === 'large-print';
  const result = await renderPacket(browser, job, context, pageCounts);
  const words = pdfWords(context, job.lang);
  const { bytes, pages, doc } = await finalizePdf(result.pdf, {
    title: large ? fillText(words.largePrintTitle, { title: job.title }) : job.title,
    author: context.clinicName,
    subject: fillText(words.packetSubject, { title: job.title, clinic: context.clinicName }),
    keywords: [
      ...words.keywords,
      'handout',
      'packet',
      ...(large ? ['large print'] : []),
      ...job.pages.map((page) => page.title),
    ],
    language: job.lang,
    date: pdfDate(result.review.date),
    links: { from: context.origin, to: new URL(context.siteUrl).origin },
    headings: result.headings,
    // The cover (and, two-sided, its back) has no running header, footer or page number.
    coverPages: result.coverPages,
  });
  checkStarts(doc, job.pages, result.starts);
  const own = {
    slug: packetSlug(job.packet.id, job.lang),
    title: job.title,
    kind: large ? ('large-print-packet' as const) : ('packet' as const),
  };
  const entry = assembledEntry(job, own, bytes, pages, key, context);
  return { bytes, entry: { ...entry, starts: result.starts }, ...printedWith(result) };
}

/** Makes every requested variant of one page's handout (all `jobs` share one page). */
export async function produceHandouts(
  browser: BrowserContext,
  jobs: Array<{ job: HandoutJob; key: string }>,
  context: ProduceContext,
): Promise<Produced[]> {
  const results = await renderHandouts(
    browser,
    jobs.map(({ job }) => job),
    context,
  );
  return Promise.all(jobs.map(({ job, key }, i) => finishHandout(job, key, results[i] as RenderResult, context)));
}

async function finishHandout(
  job: HandoutJob,
  key: string,
  result: RenderResult,
  context: ProduceContext,
): Promise<Produced> {
  const large = job.kind === 'large-print';
  const sheet = job.kind === 'sheet';
  const words = pdfWords(context, job.page.lang);
  const { bytes, pages } = await finalizePdf(result.pdf, {
    title: large
      ? fillText(words.largePrintTitle, { title: job.page.title })
      : sheet
        ? fillText(words.sheetTitle, { title: job.page.title })
        : job.page.title,
    author: context.clinicName,
    subject: job.page.description ?? job.page.title,
    keywords: [
      ...words.keywords,
      'handout',
      ...(large ? ['large print'] : []),
      ...(sheet ? ['one-sheet summary'] : []),
      job.page.title,
    ],
    language: job.page.lang,
    date: pdfDate(job.page.review.date),
    links: { from: context.origin, to: new URL(context.siteUrl).origin },
    headings: result.headings,
  });
  const url = new URL(job.page.path, context.siteUrl).href;
  const entry: ManifestEntry = {
    slug: job.page.slug,
    title: job.page.title,
    url,
    file: job.file,
    kind: job.kind,
    paper: job.paper,
    pages,
    bytes: bytes.length,
    sha256: sha256(bytes),
    key,
  };
  return { bytes, entry, blockedRequests: result.blockedRequests, prints: 1 };
}
