/** Makes one planned PDF: renders it (a handout or the booklet) and stamps its metadata. */
import type { Browser } from 'puppeteer';
import { bookletSlug } from '../../src/lib/handout-files.ts';
import type { HandoutLabels } from '../../src/lib/handout-pages.ts';
import { fillText } from '../../src/lib/placeholders.ts';
import { handoutStarts, renderBooklet } from './booklet.ts';
import { sha256 } from './files.ts';
import type { ManifestEntry } from './manifest.ts';
import { finalizePdf } from './metadata.ts';
import type { BookletJob, HandoutJob } from './plan.ts';
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
}

const KEYWORDS = ['ketamine therapy', 'patient education', 'handout'];

/** The PDFs' titles in the handout's language (the Spanish booklet is not called "all handouts"). */
function pdfWords(context: ProduceContext, lang: string): NonNullable<HandoutLabels['pdf']> {
  return (
    labelsFor(context, lang).pdf ?? {
      bookletTitle: '{title}: all handouts',
      bookletSubject: 'Every handout of the patient guide from {clinic}, in one booklet',
      largePrintTitle: '{title} (large print)',
    }
  );
}

/** Makes the booklet for one paper size and language. */
export async function produceBooklet(browser: Browser, job: BookletJob, key: string, context: ProduceContext): Promise<Produced> {
  const links = { from: context.origin, to: new URL(context.siteUrl).origin };
  const result = await renderBooklet(browser, job, context);
  const words = pdfWords(context, job.lang);
  const title = fillText(words.bookletTitle, { title: result.title });
  const { bytes, pages, doc } = await finalizePdf(result.pdf, {
    title,
    author: context.clinicName,
    subject: fillText(words.bookletSubject, { clinic: context.clinicName }),
    keywords: [...KEYWORDS, 'booklet', ...job.pages.map((page) => page.title)],
    language: job.lang,
    date: new Date(`${result.reviewed}T00:00:00Z`),
    links,
    headings: result.headings,
  });
  const printed = handoutStarts(doc, job);
  const moved = job.pages.filter((page) => printed[page.slug] !== result.starts[page.slug]);
  if (moved.length > 0) throw new Error(`the contents page numbers do not match where ${moved.map((page) => page.title).join(', ')} start`);
  const url = new URL(job.pages[0]?.path ?? context.base, context.siteUrl).href;
  const entry: ManifestEntry = { slug: bookletSlug(job.lang), title, url, file: job.file, kind: 'booklet', paper: job.paper, pages, bytes: bytes.length, sha256: sha256(bytes), key, starts: result.starts };
  return { bytes, entry, blockedRequests: result.blockedRequests };
}

/** Makes every requested variant of one page's handout (all `jobs` share one page). */
export async function produceHandouts(browser: Browser, jobs: Array<{ job: HandoutJob; key: string }>, context: ProduceContext): Promise<Produced[]> {
  const results = await renderHandouts(browser, jobs.map(({ job }) => job), context);
  return Promise.all(jobs.map(({ job, key }, i) => finishHandout(job, key, results[i] as RenderResult, context)));
}

async function finishHandout(job: HandoutJob, key: string, result: RenderResult, context: ProduceContext): Promise<Produced> {
  const large = job.kind === 'large-print';
  const { bytes, pages } = await finalizePdf(result.pdf, {
    title: large ? fillText(pdfWords(context, job.page.lang).largePrintTitle, { title: job.page.title }) : job.page.title,
    author: context.clinicName,
    subject: job.page.description ?? job.page.title,
    keywords: [...KEYWORDS, ...(large ? ['large print'] : []), job.page.title],
    language: job.page.lang,
    date: new Date(`${job.page.reviewed}T00:00:00Z`),
    links: { from: context.origin, to: new URL(context.siteUrl).origin },
    headings: result.headings,
  });
  const url = new URL(job.page.path, context.siteUrl).href;
  const entry: ManifestEntry = { slug: job.page.slug, title: job.page.title, url, file: job.file, kind: job.kind, paper: job.paper, pages, bytes: bytes.length, sha256: sha256(bytes), key };
  return { bytes, entry, blockedRequests: result.blockedRequests };
}
