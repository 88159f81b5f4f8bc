/**
 * Visit packets without a browser: the `packets` field of the clinic config, the
 * plan (one PDF per packet, language, paper and size; unknown pages refused before
 * any printing), their file names, the two-sided layout and the cache key.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../scripts/pdf/cli.ts';
import { duplexLayout } from '../../src/handouts/contents-numbers.ts';
import { jobKey, rendererFingerprint } from '../../src/handouts/cache.ts';
import type { HandoutIndex } from '../../src/handouts/pages.ts';
import {
  carriedOver,
  packetSlugsFor,
  packetsForSite,
  planJobs,
  printsSheets,
  type PacketJob,
} from '../../src/handouts/plan.ts';
import { handoutCacheName, serviceWorkerOptions } from '../../src/integrations/service-worker.ts';
import { ClinicConfigError, parseClinicConfig, type ClinicConfigInput } from '../../src/lib/clinic-config.ts';
import { packetFile, packetLanguage, packetSlug } from '../../src/lib/handout-files.ts';
import { DEFAULT_PACKETS, type PacketConfig } from '../../src/lib/packets.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { handoutPage as page } from '../support/handout-page.ts';

const good: ClinicConfigInput = {
  name: 'Test Clinic',
  phone: '(555) 010-0142',
  siteUrl: 'https://guide.test-clinic.example',
  logo: 'src/assets/clinic-logo.svg',
  address: ['1 Main Street', 'Town, ST 00000'],
  openingHours: [{ days: 'mon-fri', opens: '08:00', closes: '18:00' }],
  brandColor: '#0b6e69',
};

function errorFor(change: Record<string, unknown>): string {
  try {
    parseClinicConfig({ ...good, ...change }, 'clinic.config.ts', PROJECT_ROOT);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ClinicConfigError);
    return (error as Error).message;
  }
}

const SITE = ['start-here', 'risks', 'after'].flatMap((slug) => [page(slug), page(slug, 'es')]);
const PACKET: PacketConfig = {
  id: 'day',
  title: { en: 'Treatment day', es: 'El día del tratamiento' },
  pages: ['after', 'start-here'],
  from: 'sheets',
  duplex: true,
};

describe('packets in clinic.config.ts', () => {
  it('defaults to the three packets, with titles in both languages and pages that exist on this site', () => {
    const config = parseClinicConfig(good, 'clinic.config.ts', PROJECT_ROOT);
    expect(config.packets.map((packet) => packet.id)).toEqual([
      'first-visit',
      'treatment-day',
      'family-and-caregivers',
    ]);
    for (const packet of config.packets) expect(packet.title.es, packet.id).toBeTruthy();
    expect(config.packets[0]?.duplex).toBe(true);
    expect(config.packetsAreDefault).toBe(true);
    const own = parseClinicConfig({ ...good, packets: [] }, 'clinic.config.ts', PROJECT_ROOT);
    expect(own.packetsAreDefault).toBe(false);
  });

  it('fills in `from` and `duplex`, and takes `[]` as no packets', () => {
    const config = parseClinicConfig(
      { ...good, packets: [{ id: 'x', title: { en: 'X', es: 'Equis' }, pages: ['risks'] }] },
      'clinic.config.ts',
      PROJECT_ROOT,
    );
    expect(config.packets).toEqual([
      { id: 'x', title: { en: 'X', es: 'Equis' }, pages: ['risks'], from: 'sheets', duplex: false },
    ]);
    expect(parseClinicConfig({ ...good, packets: [] }, 'clinic.config.ts', PROJECT_ROOT).packets).toEqual([]);
  });

  it('names the field and what is expected for a bad packet', () => {
    const message = errorFor({
      packets: [
        { id: 'First Visit', title: { en: 'A' }, pages: [], from: 'pages', duplex: 'yes' },
        { id: 'b', title: { en: 'B', es: 'B' }, pages: ['risks', 'risks'] },
      ],
    });
    expect(message).toContain('The clinic config in clinic.config.ts is not valid');
    expect(message).toMatch(/`packets\[0\]\.id` must be lower-case letters/);
    expect(message).toMatch(/`packets\[0\]\.pages` needs at least one page/);
    expect(message).toMatch(/`packets\[0\]\.from` must be "sheets" \(one-sheets\) or "full"/);
    expect(message).toMatch(/`packets\[0\]\.duplex` must be true/);
    expect(message).toMatch(/`packets\[1\]\.pages` lists a page twice/);
    const twice = { id: 'b', title: { en: 'B', es: 'B' }, pages: ['risks'] };
    expect(errorFor({ packets: [twice, twice] })).toMatch(/`packets` uses the same `id` twice/);
  });

  it('needs a Spanish title when Spanish is built, and not for an English-only clinic', () => {
    const packets = [{ id: 'x', title: { en: 'X' }, pages: ['risks'] }];
    expect(errorFor({ packets })).toMatch(/`packets\[0\]\.title\.es` is missing: languages include "es"/);
    expect(errorFor({ packets, languages: ['en'] })).toBe('');
  });
});

describe('planning packets', () => {
  it('plans one PDF per packet, language, paper and size, after the booklets and before the handouts', () => {
    const jobs = planJobs(SITE, { ...parseCli(['--paper', 'letter']) }, [PACKET]);
    const packets = jobs.filter((job): job is PacketJob => job.type === 'packet');
    expect(packets.map((job) => job.file)).toEqual([
      'packets/letter/day.pdf',
      'packets/letter/es-day.pdf',
      'packets/large-print/letter/day.pdf',
      'packets/large-print/letter/es-day.pdf',
    ]);
    expect(jobs.findIndex((job) => job.type === 'packet')).toBeGreaterThan(
      jobs.findIndex((job) => job.type === 'booklet'),
    );
    expect(jobs.at(-1)?.type).toBe('handout');
    // In the packet's order, in the packet's language, under its title in that language.
    const spanish = packets[1] as PacketJob;
    expect(spanish.pages.map((p) => p.slug)).toEqual(['es-after', 'es-start-here']);
    expect(spanish.title).toBe('El día del tratamiento');
    // One-sheets in standard size only: large print always prints the full pages.
    expect(packets.map(printsSheets)).toEqual([true, true, false, false]);
  });

  it('prints packets alone with --packets (both sizes), and none with --booklet', () => {
    const only = planJobs(SITE, parseCli(['--packets', '--paper', 'a4', '--lang', 'en']), [PACKET]);
    expect(only.map((job) => job.file)).toEqual(['packets/a4/day.pdf', 'packets/large-print/a4/day.pdf']);
    const booklet = planJobs(SITE, parseCli(['--booklet', '--paper', 'a4']), [PACKET]);
    expect(booklet.some((job) => job.type === 'packet')).toBe(false);
  });

  it('refuses an unknown page before any printing, naming clinic.config.ts, the packet and the valid slugs', () => {
    const bad = { ...PACKET, pages: ['start-here', 'risk'] };
    // Also when the run prints no packets: a wrong config is never left unnoticed.
    for (const argv of [[], ['--booklet']]) {
      expect(() => planJobs(SITE, parseCli(argv), [bad])).toThrow(
        /clinic\.config\.ts: packet "day" lists a page that does not exist: risk\.\nValid page slugs \(pages with a handout\): start-here, risks, after\./,
      );
    }
  });

  it('refuses a page that has no handout in a language the site builds', () => {
    const site = SITE.filter((p) => p.slug !== 'es-after');
    expect(() => planJobs(site, parseCli([]), [PACKET])).toThrow(/the es edition has no handout "es-after"/);
  });

  it('works for an English-only site', () => {
    const english = SITE.filter((p) => p.lang === 'en');
    const jobs = planJobs(english, parseCli(['--packets', '--paper', 'letter']), [PACKET]);
    expect(jobs.map((job) => job.file)).toEqual(['packets/letter/day.pdf', 'packets/large-print/letter/day.pdf']);
  });

  it('keeps the last run’s packets that this run did not print, and drops those no longer configured', () => {
    const slugs = packetSlugsFor([PACKET], SITE);
    expect(slugs).toEqual(['packet-day', 'es-packet-day']);
    const previous = [
      { file: 'packets/letter/day.pdf', slug: 'packet-day', paper: 'letter' as const },
      { file: 'packets/letter/old.pdf', slug: 'packet-old', paper: 'letter' as const },
    ];
    const jobs = planJobs(SITE, parseCli(['--booklet', '--paper', 'letter']), [PACKET]);
    expect(carriedOver(previous, jobs, SITE, ['letter'], slugs).map((entry) => entry.file)).toEqual([
      'packets/letter/day.pdf',
    ]);
  });
});

describe('packet files', () => {
  it('are named by packet, paper, language and size', () => {
    expect(packetFile('first-visit', 'letter', 'en', 'standard')).toBe('packets/letter/first-visit.pdf');
    expect(packetFile('first-visit', 'a4', 'es', 'standard')).toBe('packets/a4/es-first-visit.pdf');
    expect(packetFile('first-visit', 'a4', 'en', 'large-print')).toBe('packets/large-print/a4/first-visit.pdf');
    expect(packetSlug('first-visit', 'es')).toBe('es-packet-first-visit');
    expect(packetLanguage(packetSlug('first-visit', 'es'))).toBe('es');
    expect(packetLanguage(packetSlug('first-visit', 'en'))).toBe('en');
  });
});

describe('packets offline', () => {
  it('are kept by the service worker like every other PDF, a Spanish one with the Spanish offline page', () => {
    const build = { id: 'abc123', base: '/' };
    const routes = serviceWorkerOptions('/site', build).runtimeCaching ?? [];
    const stored = routes.filter((route) => route.options?.cacheName === handoutCacheName(build));
    const spanish = stored.find(
      (route) =>
        route.urlPattern instanceof RegExp &&
        route.urlPattern.test(`/handouts/${packetFile('first-visit', 'letter', 'es', 'large-print')}`),
    );
    expect(spanish?.options?.precacheFallback?.fallbackURL).toBe('es/offline/index.html');
    const any = stored.find((route) => typeof route.urlPattern === 'function');
    const matches = any?.urlPattern as (context: { url: URL; sameOrigin: boolean }) => boolean;
    Object.assign(globalThis, { self: { registration: { scope: 'https://guide.example.org/' } } });
    try {
      const url = new URL(`https://guide.example.org/handouts/${packetFile('first-visit', 'a4', 'en', 'standard')}`);
      expect(matches({ url, sameOrigin: true })).toBe(true);
    } finally {
      Reflect.deleteProperty(globalThis, 'self');
    }
  });
});

describe('two-sided packets', () => {
  it('puts a filler page before each handout that would start on a left-hand page', () => {
    // Cover, its back, contents (3): the first handout would start on page 4.
    const layout = duplexLayout(['a', 'b', 'c'], { a: 4, b: 7, c: 9 });
    expect(layout.fillersBefore).toEqual(['a', 'b']);
    expect(layout.starts).toEqual({ a: 5, b: 9, c: 11 });
    for (const start of Object.values(layout.starts)) expect(start % 2).toBe(1);
    expect(duplexLayout(['a'], { a: 5 }).fillersBefore).toEqual([]);
  });
});

describe('the packet cache key', () => {
  const index: Pick<HandoutIndex, 'site' | 'base' | 'labels'> = { site: 'https://x.example', base: '/', labels: {} };
  const hashes = new Map<string, string>();
  const keyOf = (packet: PacketConfig, fingerprint = 'f'): string => {
    const job = planJobs(SITE, parseCli(['--packets', '--paper', 'letter', '--lang', 'en']), [packet])[0];
    return jobKey(job as PacketJob, fingerprint, hashes, index);
  };

  it('changes with the packet’s own settings and the renderer, and not otherwise', () => {
    const key = keyOf(PACKET);
    expect(keyOf({ ...PACKET })).toBe(key);
    expect(keyOf({ ...PACKET, duplex: false })).not.toBe(key);
    expect(keyOf({ ...PACKET, from: 'full' })).not.toBe(key);
    expect(keyOf({ ...PACKET, title: { ...PACKET.title, en: 'Day of treatment' } })).not.toBe(key);
    expect(keyOf({ ...PACKET, pages: ['start-here', 'after'] })).not.toBe(key);
    expect(keyOf(PACKET, 'another renderer')).not.toBe(key);
  });

  it('is not touched for other PDFs when only `packets` changes (the fingerprint leaves it out)', async () => {
    const base = { clinic: { name: 'A', packets: [PACKET] }, logo: 'l', fontFaces: 'f', browser: 'b' };
    const same = await rendererFingerprint(base);
    expect(await rendererFingerprint({ ...base, clinic: { name: 'A', packets: [] } })).toBe(same);
    expect(await rendererFingerprint({ ...base, clinic: { name: 'B', packets: [PACKET] } })).not.toBe(same);
  });
});

describe('the default packets', () => {
  it('list only pages this guide has, in English and in Spanish', () => {
    const docs = join(PROJECT_ROOT, 'src/content/docs');
    for (const packet of DEFAULT_PACKETS) {
      for (const slug of packet.pages) {
        const name = slug === 'start-here' ? 'index' : slug;
        for (const folder of [docs, join(docs, 'es')]) {
          const found = ['.md', '.mdx'].some((ext) => existsSync(join(folder, `${name}${ext}`)));
          expect(found, `${packet.id}: ${slug} in ${folder}`).toBe(true);
        }
      }
    }
  });
});

describe('the default packets on a guide without some of their pages', () => {
  const defaults: PacketConfig[] = [
    { ...PACKET, id: 'a', pages: ['start-here', 'gone', 'after'] },
    { ...PACKET, id: 'b', pages: ['gone', 'also-gone'] },
  ];

  it('leave out the pages the guide does not have, and a packet left with none', () => {
    expect(packetsForSite(defaults, SITE, true)).toEqual([{ ...PACKET, id: 'a', pages: ['start-here', 'after'] }]);
  });

  it('leave out a page missing from one of the editions built', () => {
    const noSpanishAfter = SITE.filter((p) => p.slug !== 'es-after');
    expect(packetsForSite(defaults, noSpanishAfter, true).map((packet) => packet.pages)).toEqual([['start-here']]);
  });

  it('are not cut when the clinic wrote its own packets: those are checked strictly', () => {
    expect(packetsForSite(defaults, SITE, false)).toEqual(defaults);
    expect(() => planJobs(SITE, parseCli(['--site', 'x']), packetsForSite(defaults, SITE, false))).toThrow(
      /packet "a" lists a page that does not exist: gone/,
    );
  });
});
