/** Makes one planned PDF: renders it (a handout or the booklet) and stamps its metadata. */
import type { Browser } from 'puppeteer';
import { bookletSlug } from '../../src/lib/handout-files.ts';
import { renderBooklet } from './booklet.ts';
import { sha256 } from './files.ts';
import type { ManifestEntry } from './manifest.ts';
import { finalizePdf } from './metadata.ts';
import type { Job } from './plan.ts';
import { renderHandout, type RenderContext } from './render.ts';

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

export async function produce(browser: Browser, job: Job, key: string, context: ProduceContext): Promise<Produced> {
  const links = { from: context.origin, to: new URL(context.siteUrl).origin };
  if (job.type === 'booklet') {
    const result = await renderBooklet(browser, job, context);
    const title = `${result.title}: all handouts`;
    const { bytes, pages } = await finalizePdf(result.pdf, {
      title,
      author: context.clinicName,
      subject: `Every handout of the patient guide from ${context.clinicName}, in one booklet`,
      keywords: [...KEYWORDS, 'booklet', ...job.pages.map((page) => page.title)],
      language: job.lang,
      date: new Date(`${result.reviewed}T00:00:00Z`),
      links,
      headings: result.headings,
    });
    const url = new URL(job.pages[0]?.path ?? context.base, context.siteUrl).href;
    const entry: ManifestEntry = { slug: bookletSlug(job.lang), title, url, file: job.file, kind: 'booklet', paper: job.paper, pages, bytes: bytes.length, sha256: sha256(bytes), key, starts: result.starts };
    return { bytes, entry, blockedRequests: result.blockedRequests };
  }
  const result = await renderHandout(browser, job, context);
  const large = job.kind === 'large-print';
  const { bytes, pages } = await finalizePdf(result.pdf, {
    title: large ? `${job.page.title} (large print)` : job.page.title,
    author: context.clinicName,
    subject: job.page.description ?? job.page.title,
    keywords: [...KEYWORDS, ...(large ? ['large print'] : []), job.page.title],
    language: job.page.lang,
    date: new Date(`${job.page.reviewed}T00:00:00Z`),
    links,
    headings: result.headings,
  });
  const url = new URL(job.page.path, context.siteUrl).href;
  const entry: ManifestEntry = { slug: job.page.slug, title: job.page.title, url, file: job.file, kind: job.kind, paper: job.paper, pages, bytes: bytes.length, sha256: sha256(bytes), key };
  return { bytes, entry, blockedRequests: result.blockedRequests };
}
