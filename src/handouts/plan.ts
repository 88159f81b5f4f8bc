/**
 * Turns the command line into the list of PDFs to make: one job per page,
 * paper size and kind, plus one booklet per paper size, plus one visit packet
 * per packet, language, paper size and kind.
 */
import {
  bookletFile,
  bookletSlug,
  handoutFile,
  packetFile,
  packetSlug,
  type HandoutKind,
  type PaperSize,
} from '../lib/handout-files.ts';
import { packetTitleIn, type PacketConfig } from '../lib/packets.ts';
import type { HandoutOptions } from './options.ts';
import { UsageError, type HandoutPage } from './pages.ts';

export interface HandoutJob {
  type: 'handout';
  page: HandoutPage;
  paper: PaperSize;
  kind: HandoutKind;
  /** Path relative to the handouts folder. */
  file: string;
}

export interface BookletJob {
  type: 'booklet';
  /** Language of the edition; a booklet holds one language. */
  lang: string;
  /** Every handout page of that language, in reading order. */
  pages: HandoutPage[];
  paper: PaperSize;
  file: string;
}

export interface PacketJob {
  type: 'packet';
  /** The packet as configured (clinic.config.ts `packets`): its id, titles, pages, source and duplex. */
  packet: PacketConfig;
  /** The packet's title in `lang`: on the cover, in the footer and in the manifest. */
  title: string;
  lang: string;
  /** The packet's pages in that language, in the packet's order. */
  pages: HandoutPage[];
  paper: PaperSize;
  /** Large print uses the full large-print pages (there is no large-print one-sheet). */
  kind: HandoutKind;
  file: string;
}

export type Job = HandoutJob | BookletJob | PacketJob;

/** Whether an assembled document prints each page's one-sheet (`data-handout-kind="sheet"`) rather than the full page. */
export function printsSheets(job: PacketJob): boolean {
  return job.packet.from === 'sheets' && job.kind === 'standard';
}

/** Chooses pages by slug; an unknown slug is an error that lists the valid ones. */
export function selectPages(pages: HandoutPage[], only: string[]): HandoutPage[] {
  if (only.length === 0) return pages;
  const known = new Set(pages.map((page) => page.slug));
  const unknown = only.filter((slug) => !known.has(slug));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown page${unknown.length > 1 ? 's' : ''} for --only: ${unknown.join(', ')}\nValid pages: ${[...known].join(', ')}`,
    );
  }
  return pages.filter((page) => only.includes(page.slug));
}

type PlanOptions = Pick<
  HandoutOptions,
  'only' | 'languages' | 'papers' | 'sheets' | 'standard' | 'largePrint' | 'booklet' | 'packets'
>;

/** The file that configures the packets, as a clinic would name it in a message. */
const PACKETS_CONFIG = 'clinic.config.ts';

/**
 * Each packet's pages in one language. Page slugs are only known once the site is built, so
 * this is where an unknown one is caught: before anything is printed, naming the packet
 * and every valid slug. The Spanish packet uses the Spanish page of each slug ("es-<slug>").
 */
export function packetPages(
  packet: PacketConfig,
  lang: string,
  sitePages: readonly HandoutPage[],
  configFile = PACKETS_CONFIG,
): HandoutPage[] {
  const edition = sitePages.filter((page) => page.lang === lang);
  const prefix = lang === 'en' ? '' : `${lang}-`;
  const english = sitePages.filter((page) => page.lang === 'en').map((page) => page.slug);
  const unknown = packet.pages.filter((slug) => !english.includes(slug));
  if (unknown.length > 0)
    throw new UsageError(
      `${configFile}: packet "${packet.id}" lists ${unknown.length > 1 ? 'pages that do not exist' : 'a page that does not exist'}: ${unknown.join(', ')}.\n` +
        `Valid page slugs (pages with a handout): ${english.join(', ')}.\nFix \`packets\` in ${configFile} and build again.`,
    );
  return packet.pages.map((slug) => {
    const page = edition.find((candidate) => candidate.slug === `${prefix}${slug}`);
    if (!page)
      throw new UsageError(
        `${configFile}: packet "${packet.id}" lists "${slug}", but the ${lang} edition has no handout "${prefix}${slug}". ` +
          `Add the page in that language, or leave "${slug}" out of the packet.`,
      );
    return page;
  });
}

/**
 * The default packets (clinic.config.ts has no `packets`) cut to the pages this guide has: a clinic
 * that removed a page, or a fixture site with pages of its own, gets the default packets without
 * it, and none left empty. A clinic's own `packets` are returned as they are, to be checked strictly.
 */
export function packetsForSite(
  packets: readonly PacketConfig[],
  sitePages: readonly HandoutPage[],
  areDefault: boolean,
): PacketConfig[] {
  if (!areDefault) return [...packets];
  const languages = [...new Set(sitePages.map((page) => page.lang))];
  const inEveryEdition = (slug: string): boolean =>
    languages.every((lang) => sitePages.some((page) => page.slug === (lang === 'en' ? slug : `${lang}-${slug}`)));
  return packets
    .map((packet) => ({ ...packet, pages: packet.pages.filter(inEveryEdition) }))
    .filter((packet) => packet.pages.length > 0);
}

/** One packet job per packet, language, kind and paper; every packet's pages are checked first, also when none is printed. */
export function planPackets(
  sitePages: readonly HandoutPage[],
  packets: readonly PacketConfig[],
  options: Pick<PlanOptions, 'languages' | 'papers' | 'standard' | 'largePrint' | 'packets'>,
  configFile = PACKETS_CONFIG,
): PacketJob[] {
  const languages = [...new Set(selectLanguages([...sitePages], options.languages).map((page) => page.lang))];
  const resolved = packets.flatMap((packet) =>
    languages.map((lang) => ({ packet, lang, pages: packetPages(packet, lang, sitePages, configFile) })),
  );
  if (!options.packets) return [];
  // Packets alone (`--packets`) come in both sizes; beside --large-print, in the sizes asked for.
  const both = !options.standard && !options.largePrint;
  const kinds: HandoutKind[] = [
    ...(options.standard || both ? (['standard'] as const) : []),
    ...(options.largePrint || both ? (['large-print'] as const) : []),
  ];
  const jobs: PacketJob[] = [];
  for (const kind of kinds)
    for (const { packet, lang, pages } of resolved)
      for (const paper of options.papers)
        jobs.push({
          type: 'packet',
          packet,
          title: packetTitleIn(packet, lang),
          lang,
          pages,
          paper,
          kind,
          file: packetFile(packet.id, paper, lang, kind),
        });
  return jobs;
}

/** Keeps the pages of the chosen editions; an unknown language is an error that lists the valid ones. */
export function selectLanguages(pages: HandoutPage[], languages: string[]): HandoutPage[] {
  if (languages.length === 0) return pages;
  const known = [...new Set(pages.map((page) => page.lang))];
  const unknown = languages.filter((lang) => !known.includes(lang as HandoutPage['lang']));
  if (unknown.length > 0)
    throw new UsageError(`Unknown language for --lang: ${unknown.join(', ')}\nValid languages: ${known.join(', ')}`);
  return pages.filter((page) => languages.includes(page.lang));
}

/** Booklets, packets, then the single handouts (render-pool.ts prints the single handouts first: the others use their page counts). */
export function planJobs(
  sitePages: HandoutPage[],
  options: PlanOptions,
  packets: readonly PacketConfig[] = [],
  /** The file `packets` came from, as its errors name it (clinic.config.ts, or GUIDE_CLINIC_CONFIG's file). */
  configFile = PACKETS_CONFIG,
): Job[] {
  const allPages = selectLanguages(sitePages, options.languages);
  const pages = selectPages(allPages, options.only);
  const kinds: HandoutKind[] = [
    ...(options.sheets ? (['sheet'] as const) : []),
    ...(options.standard ? (['standard'] as const) : []),
    ...(options.largePrint ? (['large-print'] as const) : []),
  ];
  const jobs: Job[] = [];
  if (options.booklet) {
    const languages = [...new Set(allPages.map((page) => page.lang))];
    for (const lang of languages) {
      const edition = allPages.filter((page) => page.lang === lang);
      for (const paper of options.papers)
        jobs.push({ type: 'booklet', lang, pages: edition, paper, file: bookletFile(paper, lang) });
    }
  }
  jobs.push(...planPackets(sitePages, packets, options, configFile));
  for (const kind of kinds) {
    for (const paper of options.papers) {
      for (const page of pages)
        jobs.push({ type: 'handout', page, paper, kind, file: handoutFile(page.slug, paper, kind) });
    }
  }
  return jobs;
}

/** The manifest slugs of the configured packets in every edition of the site. */
export function packetSlugsFor(packets: readonly PacketConfig[], pages: readonly HandoutPage[]): string[] {
  const languages = [...new Set(pages.map((page) => page.lang))];
  return packets.flatMap((packet) => languages.map((lang) => packetSlug(packet.id, lang)));
}

/**
 * The last run's PDFs that stay published although this run did not make them: those of
 * pages outside --only, or kinds the run was not asked for. A PDF on a paper the run does
 * not print on is stale (the clinic changed `paperSize`, or `--paper a4`) and goes, as does
 * one whose page is gone.
 */
export function carriedOver<Entry extends { file: string; slug: string; paper: PaperSize }>(
  previous: readonly Entry[],
  jobs: readonly Job[],
  pages: readonly HandoutPage[],
  papers: readonly PaperSize[],
  /** Slugs of the packets still configured ("packet-first-visit", "es-packet-first-visit"). */
  packetSlugs: readonly string[] = [],
): Entry[] {
  const planned = new Set(jobs.map((job) => job.file));
  const current = new Set([
    ...pages.map((page) => bookletSlug(page.lang)),
    ...pages.map((page) => page.slug),
    ...packetSlugs,
  ]);
  return previous.filter(
    (entry) => !planned.has(entry.file) && current.has(entry.slug) && papers.includes(entry.paper),
  );
}
