import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseClinicConfig, type ClinicConfig } from '../../src/lib/clinic-config.ts';
import {
  browserSection,
  formatReport,
  runDoctor,
  type BrowserCheck,
  type ReviewStatusSource,
} from '../../src/lib/doctor.ts';
import { SAMPLE_CLINIC } from '../../src/lib/sample-values.ts';
import lakeside from '../fixtures/clinic/lakeside/clinic.config.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { reviewsFromRecords } from '../../src/review/doctor-source.ts';
import { signPages } from '../../src/review/sign.ts';
import { copyReviewSite } from '../support/review-site.ts';
import { appendFile } from 'node:fs/promises';
import { runCommand } from '../support/run.ts';

const hours = [{ days: 'mon-fri' as const, opens: '08:00', closes: '17:00' }];
const real = parseClinicConfig(
  {
    name: 'Harbor Behavioral Health',
    phone: '(206) 386-4000',
    siteUrl: 'https://guide.harbor-health.org',
    logo: 'src/assets/fixtures/lakeside-logo.svg',
    address: ['4 Pier Street'],
    openingHours: hours,
    brandColor: '#1d4f91',
  },
  'clinic.config.ts',
  PROJECT_ROOT,
);
const sample = parseClinicConfig(
  { ...SAMPLE_CLINIC, address: [...SAMPLE_CLINIC.address], openingHours: hours, brandColor: '#0b6e69' },
  'clinic.config.ts',
  PROJECT_ROOT,
);
const found: BrowserCheck = {
  found: { executablePath: '/usr/bin/chromium', source: 'system' },
  tried: [],
  installHints: ['Debian/Ubuntu: sudo apt-get install chromium'],
};
const noReviews: ReviewStatusSource = { findings: async () => [] };

let docs = '';
function page(file: string, fields: string): void {
  writeFileSync(
    join(docs, file),
    `---\ntitle: ${file}\n${fields}\nsidebar:\n  group: help\n  order: ${file.length}\n---\nText.\n`,
  );
}
beforeEach(() => {
  docs = mkdtempSync(join(tmpdir(), 'guide-doctor-'));
  mkdirSync(join(docs, 'es'));
  page('glossary.md', 'reviewed: 2026-06-01');
  page('es/glossary.md', 'reviewed: 2026-06-01');
});
afterEach(() => rmSync(docs, { recursive: true, force: true }));

async function report(clinic: ClinicConfig, overrides: Partial<Parameters<typeof runDoctor>[0]> = {}) {
  return runDoctor({
    clinic,
    configFile: 'clinic.config.ts',
    docsDir: docs,
    checkBrowser: async () => found,
    reviews: noReviews,
    ...overrides,
  });
}

describe('npm run doctor', () => {
  it('says nothing is left for a finished clinic', async () => {
    const result = await report(real);
    expect(result.broken).toBe(false);
    expect(result.sections.map((section) => section.todo)).toEqual([[], [], [], [], []]);
    expect(formatReport(result)).toMatch(
      /✓ Your clinic[\s\S]*✓ Browser for the handouts[\s\S]*Found: \/usr\/bin\/chromium \(system\)[\s\S]*Nothing left to do\.$/,
    );
  });

  it('lists every sample value still in the config, under the config file’s name', async () => {
    const result = await report(sample, { configFile: 'my.config.ts' });
    const text = formatReport(result);
    for (const field of ['name', 'phone', 'address', 'siteUrl', 'logo']) expect(text).toContain(`- \`${field}\``);
    expect(text).toMatch(/! Your clinic \(my\.config\.ts\)/);
    expect(text).toMatch(/5 things left to do \(advice: the build still works\)\.$/);
    expect(result.broken).toBe(false);
  });

  it('notes a guide that keeps the default title, and says nothing once it is retitled', async () => {
    const configFile = 'my.config.ts';
    const untitled = formatReport(await report(real, { configFile }));
    expect(untitled).toContain(
      'The guide keeps the default title ("Ketamine Therapy: A Patient Guide", "Terapia con ketamina: guía para pacientes"); to retitle it, set `title` (and `shortTitle`) in my.config.ts.',
    );
    const lakesideConfig = parseClinicConfig(lakeside, 'lakeside', PROJECT_ROOT);
    expect(formatReport(await report(lakesideConfig))).not.toContain('default title');
  });

  it('says the sample logo also means the sample icons', async () => {
    expect(formatReport(await report(sample))).toMatch(/`logo` is the sample logo .*favicon and app icons/);
  });

  it('lists pages in one language only, for the editions built', async () => {
    page('after-your-session.md', 'reviewed: 2026-06-01');
    page('es/extra.md', 'reviewed: 2026-06-01');
    const text = formatReport(await report(real));
    expect(text).toMatch(
      /src\/content\/docs\/after-your-session\.md has no "es" edition: add src\/content\/docs\/es\/after-your-session\.md/,
    );
    expect(text).toMatch(/src\/content\/docs\/es\/extra\.md has no English page/);
  });

  it('has nothing to translate for an English-only clinic', async () => {
    page('after-your-session.md', 'reviewed: 2026-06-01');
    const lakesideConfig = parseClinicConfig(lakeside, 'lakeside', PROJECT_ROOT);
    const text = formatReport(await report(lakesideConfig));
    expect(text).toMatch(/✓ Translations\n {4}English only \(languages: \["en"\]\): nothing to translate\./);
  });

  it('says how to install a browser when none is found, and what was tried', () => {
    const section = browserSection({
      tried: ['system browser: /usr/bin/chromium (not found)'],
      installHints: ['Debian/Ubuntu: sudo apt-get install chromium'],
    });
    expect(section.todo[0]).toMatch(/No browser found to print the handouts/);
    expect(section.todo).toContain('  Debian/Ubuntu: sudo apt-get install chromium');
    expect(section.todo).toContain('  system browser: /usr/bin/chromium (not found)');
  });

  it('names a broken browser setting', () => {
    expect(
      browserSection({ tried: [], error: 'PUPPETEER_EXECUTABLE_PATH points to "/nope"', installHints: [] }).todo,
    ).toEqual(['PUPPETEER_EXECUTABLE_PATH points to "/nope"']);
  });

  it('reports a page the sidebar cannot place as broken (the build would stop)', async () => {
    writeFileSync(join(docs, 'lost.md'), '---\ntitle: Lost\nreviewed: 2026-06-01\n---\n');
    const result = await report(real);
    expect(result.broken).toBe(true);
    expect(formatReport(result)).toMatch(
      /✗ Sidebar and reading order\n {4}src\/content\/docs\/lost\.md cannot be placed in the sidebar[\s\S]*The build would stop: fix the ✗ items first\.$/,
    );
  });

  it('points to the review command when the review library provides one', async () => {
    const text = formatReport(
      await report(real, { reviews: { findings: async () => [], more: 'npm run review -- status' } }),
    );
    expect(text).toMatch(/✓ Reviews\n.*\n {4}review status: run npm run review -- status/);
  });
});

describe('review advice from the signed records', () => {
  const policy = { intervalMonths: 12, warnDays: 60, overdue: 'notice' as const };

  it('lists pages never signed, edited after signing, and past their due date, in every edition built', async () => {
    const site = await copyReviewSite();
    try {
      const languages = ['en', 'es'] as const;
      await signPages({
        root: site.root,
        languages,
        pages: ['glossary', 'how-it-works', 'es/glossary'],
        by: 'Ana Ruiz, MD',
        today: '2026-01-10',
      });
      await signPages({
        root: site.root,
        languages,
        pages: ['risks-and-side-effects'],
        by: 'Ana Ruiz, MD',
        date: '2025-01-05',
        today: '2026-01-10',
      });
      await appendFile(join(site.root, 'src', 'content', 'docs', 'how-it-works.md'), '\nAn edit after the review.\n');
      const findings = await reviewsFromRecords(
        site.root,
        { languages: [...languages], review: policy },
        '2026-02-01',
      ).findings();
      const byPage = new Map(findings.map((finding) => [finding.file, finding]));
      expect(byPage.has('glossary')).toBe(false);
      expect(byPage.has('es/glossary')).toBe(false);
      expect(byPage.get('how-it-works')).toMatchObject({
        state: 'changed',
        detail: 'edited after Ana Ruiz, MD signed it on 2026-01-10',
      });
      expect(byPage.get('risks-and-side-effects')).toMatchObject({
        state: 'overdue',
        detail: 'due 2026-01-05, last reviewed 2025-01-05 by Ana Ruiz, MD',
      });
      expect(byPage.get('es/how-it-works')).toMatchObject({ state: 'never-reviewed' });
      expect(byPage.get('index')).toMatchObject({ state: 'never-reviewed' });
    } finally {
      await site.remove();
    }
  });

  it('looks at the English pages only for an English-only clinic', async () => {
    const site = await copyReviewSite();
    try {
      const findings = await reviewsFromRecords(
        site.root,
        { languages: ['en'], review: policy },
        '2026-02-01',
      ).findings();
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((finding) => !finding.file.startsWith('es/'))).toBe(true);
    } finally {
      await site.remove();
    }
  });
});

describe('the doctor command', () => {
  it('exits 0 with advice for a valid config, and 1 with the errors for a broken one', async () => {
    const advice = await runCommand('node', ['scripts/doctor.ts'], {
      GUIDE_CLINIC_CONFIG: 'tests/fixtures/clinic/lakeside/clinic.config.ts',
    });
    expect(advice.code, advice.stderr).toBe(0);
    expect(advice.stdout).toMatch(
      /Your clinic \(tests\/fixtures\/clinic\/lakeside\/clinic\.config\.ts\)[\s\S]*`siteUrl` "https:\/\/lakeside\.example\.org\/guide\/" is an example address/,
    );
    const broken = await runCommand('node', ['scripts/doctor.ts'], {
      GUIDE_CLINIC_CONFIG: 'tests/fixtures/clinic/clinic.bad.ts',
    });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/clinic\.bad\.ts is not valid[\s\S]*`phone`/);
  }, 60_000);
});
