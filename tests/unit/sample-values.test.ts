import { describe, expect, it } from 'vitest';
import { parseClinicConfig } from '../../src/lib/clinic-config.ts';
import {
  findSampleValues,
  isExampleHost,
  isFictionalPhone,
  SAMPLE_CLINIC,
  sampleValueWarnings,
} from '../../src/lib/sample-values.ts';
import lakeside from '../fixtures/clinic/lakeside/clinic.config.ts';
import { PROJECT_ROOT } from '../support/paths.ts';

const real = {
  name: 'Harbor Behavioral Health',
  phone: '(206) 386-4000',
  siteUrl: 'https://guide.harbor-health.org',
  logo: 'src/assets/harbor-logo.svg',
  address: ['4 Pier Street', 'Seattle, WA 98101'],
};

describe('sample values left in the clinic config', () => {
  it('finds every value of the sample clinic, naming the field and how to fix it', () => {
    const found = findSampleValues({ ...SAMPLE_CLINIC, address: [...SAMPLE_CLINIC.address] });
    expect(found.map((value) => value.field).sort()).toEqual(['address', 'logo', 'name', 'phone', 'siteUrl']);
    for (const value of found)
      expect(value.message).toMatch(new RegExp(`^\`${value.field}\` .*; .*clinic\\.config\\.ts`));
  });

  it('finds nothing in a real clinic’s values', () => {
    expect(findSampleValues(real)).toEqual([]);
  });

  it('warns at build time about the sample phone and address only, naming the file and field', () => {
    const warnings = sampleValueWarnings(
      { ...real, phone: SAMPLE_CLINIC.phone, address: ['4 Pier Street', SAMPLE_CLINIC.address[1]] },
      'clinic.config.ts',
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^clinic\.config\.ts: `phone` "\(555\) 010-0142" is a made-up number .*put the number patients should call/,
    );
    expect(warnings[1]).toMatch(
      /^clinic\.config\.ts: `address` still has the sample clinic's address \("Riverside, CA 90000"\)/,
    );
    expect(sampleValueWarnings({ ...real, name: SAMPLE_CLINIC.name, logo: SAMPLE_CLINIC.logo })).toEqual([]);
  });

  it('warns about the sample clinic as shipped in clinic.config.ts', () => {
    const shipped = parseClinicConfig(
      {
        ...SAMPLE_CLINIC,
        address: [...SAMPLE_CLINIC.address],
        openingHours: [{ days: 'mon', opens: '08:00', closes: '17:00' }],
        brandColor: '#0b6e69',
      },
      'clinic.config.ts',
      PROJECT_ROOT,
    );
    expect(sampleValueWarnings(shipped).map((line) => /`(\w+)`/.exec(line)?.[1])).toEqual(['phone', 'address']);
  });

  it.each([
    ['(555) 010-0142', true],
    ['+1 212 555 0199', true],
    ['1-312-555-0100', true],
    ['(212) 555-1234', false],
    ['(206) 386-4000', false],
    ['+44 20 7946 0958', false],
    ['988', false],
  ])('tells a fictional phone number: %s → %s', (phone, fictional) => {
    expect(isFictionalPhone(phone)).toBe(fictional);
  });

  it.each([
    ['https://guide.riverside-clinic.example', true],
    ['https://lakeside.example.org/guide/', true],
    ['https://clinic.test', true],
    ['https://guide.harbor-health.org', false],
    ['https://myexample.org', false],
  ])('tells an example web address: %s → %s', (url, example) => {
    expect(isExampleHost(url)).toBe(example);
  });

  it('flags the Lakeside fixture’s example web address but not its own logo', () => {
    const fields = findSampleValues({ ...lakeside, address: [...lakeside.address] }).map((value) => value.field);
    expect(fields).toContain('siteUrl');
    expect(fields).not.toContain('logo');
  });
});

describe('the build’s config warnings (src/integrations/config-warnings.ts)', () => {
  it('logs one warning per made-up value through Astro’s logger, without failing', async () => {
    const { default: guideConfigWarnings } = await import('../../src/integrations/config-warnings.ts');
    const config = parseClinicConfig(
      {
        ...real,
        logo: SAMPLE_CLINIC.logo,
        phone: SAMPLE_CLINIC.phone,
        openingHours: [{ days: 'mon', opens: '08:00', closes: '17:00' }],
        brandColor: '#0b6e69',
      },
      'clinic.config.ts',
      PROJECT_ROOT,
    );
    const warned: string[] = [];
    const hook = guideConfigWarnings(config).hooks['astro:config:done'];
    expect(hook).toBeTypeOf('function');
    // Only `logger` is used by this hook; the rest of Astro's hook options are not needed here.
    await hook?.({ logger: { warn: (line: string) => warned.push(line) } } as unknown as Parameters<
      NonNullable<typeof hook>
    >[0]);
    expect(warned.filter((line) => line.includes('`phone`'))).toHaveLength(1);
    expect(warned.some((line) => line.includes('`address`'))).toBe(false);
  });
});
