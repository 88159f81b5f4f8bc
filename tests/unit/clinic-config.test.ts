import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONFIG_ENV,
  ClinicConfigError,
  DEFAULT_DESCRIPTION,
  DEFAULT_KEYWORDS,
  DEFAULT_TITLE,
  loadClinicConfig,
  parseClinicConfig,
  type ClinicConfigInput,
} from '../../src/lib/clinic-config.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const good: ClinicConfigInput = {
  name: 'Test Clinic',
  phone: '(555) 010-0142',
  siteUrl: 'https://guide.test-clinic.example',
  logo: 'src/assets/clinic-logo.svg',
  address: ['1 Main Street', 'Town, ST 00000'],
  openingHours: [{ days: 'mon-fri', opens: '08:00', closes: '18:00' }],
  brandColor: '#0b6e69',
};

/** The error message for `good` with `change` applied, or '' when it is valid. */
function errorFor(change: Record<string, unknown>): string {
  try {
    parseClinicConfig({ ...good, ...change }, 'clinic.config.ts', PROJECT_ROOT);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ClinicConfigError);
    return (error as Error).message;
  }
}

describe('clinic config', () => {
  it('accepts a complete config and fills in the defaults', () => {
    const config = parseClinicConfig(good, 'clinic.config.ts', PROJECT_ROOT);
    expect(config.crisisLine).toBe('988');
    expect(config.emergencyNumber).toBe('911');
    expect(config.paperSize).toBe('both');
    expect(config.languages).toEqual(['en', 'es']);
    expect(config.theme.light.accent).toBe('#0b6e69');
    expect(config.review).toEqual({ intervalMonths: 12, warnDays: 60, overdue: 'notice' });
  });

  it("keeps a clinic's own review rules", () => {
    const config = parseClinicConfig(
      { ...good, review: { intervalMonths: 24, overdue: 'fail' } },
      'clinic.config.ts',
      PROJECT_ROOT,
    );
    expect(config.review).toEqual({ intervalMonths: 24, warnDays: 60, overdue: 'fail' });
  });

  it.each([
    ['a bad URL', { siteUrl: 'guide.example.org' }, /`siteUrl` must be a full web address starting with https:\/\//],
    [
      'an http:// address (https is required)',
      { siteUrl: 'http://guide.example.org' },
      /`siteUrl` must be a full web address starting with https:\/\/.*\(got "http:\/\/guide\.example\.org"\)/,
    ],
    ['a URL that is not a web address', { siteUrl: 'ftp://guide.example.org' }, /`siteUrl`/],
    [
      'a phone with letters',
      { phone: '555-CALL-NOW' },
      /`phone` must be a phone number .*letters are not allowed.*got "555-CALL-NOW"/,
    ],
    ['a crisis line with letters', { crisisLine: 'nine-eight-eight' }, /`crisisLine` must be a phone number/],
    [
      'a missing logo file',
      { logo: 'src/assets/no-such-logo.svg' },
      /`logo` names a file that does not exist.*no-such-logo\.svg/,
    ],
    [
      'a logo outside public/ and src/assets/',
      { logo: 'README.md' },
      /`logo` must be a file under public\/ or src\/assets\//,
    ],
    [
      'an unknown paper size',
      { paperSize: 'legal' },
      /`paperSize` must be "letter" \(US\), "a4" or "both" \(got "legal"\)/,
    ],
    ['an unknown language', { languages: ['en', 'fr'] }, /`languages\[1\]` each language must be one of: "en", "es"/],
    ['no English edition', { languages: ['es'] }, /`languages` must include "en"/],
    ['a misspelt field', { phon: '555' }, /unknown field: `phon`/],
    ['a missing name', { name: undefined }, /`name`/],
    [
      'opening hours that close before they open',
      { openingHours: [{ days: 'mon', opens: '18:00', closes: '08:00' }] },
      /`openingHours\[0\]\.closes` must be later than `opens`/,
    ],
    [
      'an unknown weekday',
      { openingHours: [{ days: 'monday-friday', opens: '08:00', closes: '18:00' }] },
      /`openingHours\[0\]\.days` must be one day or a range of days/,
    ],
    ['a colour that is not hex', { brandColor: 'teal' }, /`brandColor` must be a hex colour/],
    [
      'a review interval of zero',
      { review: { intervalMonths: 0 } },
      /`review\.intervalMonths` must be at least 1 month/,
    ],
    [
      'a review interval written as text',
      { review: { intervalMonths: '12' } },
      /`review\.intervalMonths` must be a number of months/,
    ],
    ['a negative warning window', { review: { warnDays: -5 } }, /`review\.warnDays` must be 0 or more/],
    ['an unknown overdue rule', { review: { overdue: 'ignore' } }, /`review\.overdue` must be "notice" .* or "fail"/],
    ['a misspelt review field', { review: { interval: 12 } }, /unknown field in `review`: `interval`/],
  ])('rejects %s, naming the field and what is expected', (_case, change, expected) => {
    const message = errorFor(change);
    expect(message).toMatch(/^The clinic config in clinic\.config\.ts is not valid:/);
    expect(message).toMatch(expected);
  });

  it('lists every problem at once, not just the first', () => {
    const message = errorFor({ phone: 'call us', paperSize: 'legal', siteUrl: 'nope' });
    const lines = message.split('\n').filter((line) => line.startsWith('  - '));
    for (const field of ['phone', 'paperSize', 'siteUrl'])
      expect(
        lines.some((line) => line.includes(`\`${field}\``)),
        field,
      ).toBe(true);
  });

  it('rejects a brand colour too light for text on white, and suggests one that passes', () => {
    const message = errorFor({ brandColor: '#7fd6cf' });
    expect(message).toMatch(
      /`brandColor` #7fd6cf has a contrast of only 1\.\d\d:1 against the (white page|light sidebar) background; .* at least 4\.5:1 \(WCAG AA\)/,
    );
    const suggestion = /A darker shade that passes: (#[0-9a-f]{6})/.exec(message)?.[1];
    expect(suggestion).toBeDefined();
    expect(errorFor({ brandColor: suggestion })).toBe('');
  });

  it('rejects a dark-theme colour too dark for the dark background', () => {
    expect(errorFor({ brandColorDark: '#0b6e69' })).toMatch(
      /`brandColorDark` #0b6e69 has a contrast of only .* against the dark theme/,
    );
  });

  it('works out a dark-theme link colour that keeps AA contrast when none is given', () => {
    const config = parseClinicConfig({ ...good, brandColor: '#1a1a8c' }, 'clinic.config.ts', PROJECT_ROOT);
    expect(config.theme.dark.high).not.toBe('#1a1a8c');
    expect(errorFor({ brandColor: '#1a1a8c', brandColorDark: config.theme.dark.high })).toBe('');
  });
});

describe('title and topic words', () => {
  it('keeps the current wording when the clinic gives none', () => {
    const config = parseClinicConfig(good, 'clinic.config.ts', PROJECT_ROOT);
    expect(config.title).toEqual(DEFAULT_TITLE);
    expect(config.title.en).toBe('Ketamine Therapy: A Patient Guide');
    expect(config.shortTitle).toEqual({ en: 'Ketamine guide', es: 'Guía de ketamina' });
    expect(config.description).toEqual(DEFAULT_DESCRIPTION);
    expect(config.keywords).toEqual(DEFAULT_KEYWORDS);
  });

  it("uses a clinic's own title, short title, description and topic words", () => {
    const own = {
      title: { en: 'Mood care at Lakeside', es: 'Atención del ánimo en Lakeside' },
      shortTitle: { en: 'Lakeside', es: 'Lakeside' },
      description: {
        en: 'Answers about our treatments from {clinic}.',
        es: 'Respuestas sobre nuestros tratamientos, de {clinic}.',
      },
      keywords: { en: ['mood care'], es: ['ánimo'] },
    };
    const config = parseClinicConfig({ ...good, ...own }, 'clinic.config.ts', PROJECT_ROOT);
    expect(config.title).toEqual(own.title);
    expect(config.description.es).toBe(own.description.es);
    expect(config.keywords.en).toEqual(['mood care']);
  });

  it('needs each per-language field for every language built, and only those', () => {
    expect(errorFor({ title: { en: 'Mood care at Lakeside' } })).toMatch(
      /`title\.es` is missing: `languages` builds the Spanish edition, so give `title` a value for "es" too/,
    );
    expect(errorFor({ shortTitle: { en: 'Lakeside' } })).toMatch(/`shortTitle\.es` is missing/);
    expect(errorFor({ title: { en: 'Mood care at Lakeside' }, languages: ['en'] })).toBe('');
  });

  it.each([
    ['an empty title', { title: { en: ' ', es: 'Guía' } }, /`title\.en` must be at least 3 characters/],
    [
      'a title too long for a tab',
      { title: { en: 'x'.repeat(61), es: 'Guía' } },
      /`title\.en` must be 60 characters or fewer/,
    ],
    [
      'a language the guide does not have',
      { title: { en: 'Guide', es: 'Guía', fr: 'Guide' } },
      /unknown field in `title`: `fr`/,
    ],
    ['a title that is not per language', { title: 'Guide' }, /`title` must give one value per language/],
    [
      'a short description',
      { description: { en: 'Short.', es: 'Respuestas de {clinic} sobre el tratamiento.' } },
      /`description\.en` must be at least 20 characters/,
    ],
    [
      'an unknown placeholder in the description',
      {
        description: {
          en: 'Answers from {clinc} about treatment.',
          es: 'Respuestas de {clinic} sobre el tratamiento.',
        },
      },
      /`description\.en` may use only the placeholder \{clinic\}/,
    ],
    ['no topic words', { keywords: { en: [], es: ['ánimo'] } }, /`keywords\.en` needs at least one topic word/],
  ])('rejects %s, naming the field', (_, change, message) => {
    expect(errorFor(change)).toMatch(message);
  });
});

describe('the logo', () => {
  it('stops the build naming `logo` when the file is not an image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guide-logo-'));
    try {
      mkdirSync(join(dir, 'src', 'assets'), { recursive: true });
      writeFileSync(join(dir, 'src', 'assets', 'broken.png'), 'not a picture');
      delete process.env[CONFIG_ENV];
      await expect(loadClinicConfig({ ...good, logo: 'src/assets/broken.png' }, dir)).rejects.toThrow(
        /clinic\.config\.ts is not valid:\n {2}- `logo` "src\/assets\/broken\.png" cannot be read as an image/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(`choosing the config file (${CONFIG_ENV})`, () => {
  const saved = process.env[CONFIG_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[CONFIG_ENV];
    else process.env[CONFIG_ENV] = saved;
  });

  it('uses the values from clinic.config.ts when the variable is not set', async () => {
    delete process.env[CONFIG_ENV];
    expect((await loadClinicConfig(good, PROJECT_ROOT)).name).toBe('Test Clinic');
  });

  it('uses the file the variable names instead', async () => {
    process.env[CONFIG_ENV] = 'tests/fixtures/clinic/clinic.fixture.ts';
    const config = await loadClinicConfig(good, PROJECT_ROOT);
    expect(config.name).toBe('Lakeside Mood Care Center');
    expect(config.paperSize).toBe('a4');
  });

  it('names the file when the variable points to a bad config', async () => {
    process.env[CONFIG_ENV] = 'tests/fixtures/clinic/clinic.bad.ts';
    await expect(loadClinicConfig(good, PROJECT_ROOT)).rejects.toThrow(
      /clinic\.bad\.ts is not valid[\s\S]*`phone`[\s\S]*`siteUrl`[\s\S]*`logo`[\s\S]*`paperSize`/,
    );
  });

  it('says so when the variable points to no file', async () => {
    process.env[CONFIG_ENV] = 'tests/fixtures/clinic/nope.ts';
    await expect(loadClinicConfig(good, PROJECT_ROOT)).rejects.toThrow(
      /GUIDE_CLINIC_CONFIG points to "tests\/fixtures\/clinic\/nope\.ts", but there is no such file/,
    );
  });
});
