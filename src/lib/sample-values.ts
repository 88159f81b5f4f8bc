/**
 * Finds the sample clinic's values (the ones clinic.config.ts ships with) and
 * other made-up values still in a clinic's config. A site with a fictional phone
 * number or address looks finished but sends patients nowhere, so the build
 * warns about them (it does not fail: a clinic may build to try things out), and
 * `npm run doctor` lists them all.
 */
import type { ClinicConfig } from './clinic-config.ts';

/** The values clinic.config.ts ships with: a made-up clinic to replace with yours. */
export const SAMPLE_CLINIC = {
  name: 'Riverside Ketamine Clinic',
  phone: '(555) 010-0142',
  siteUrl: 'https://guide.riverside-clinic.example',
  logo: 'src/assets/clinic-logo.svg',
  address: ['120 River Road, Suite 4', 'Riverside, CA 90000'],
} as const;

/** Fields a sample value can be left in. */
export type SampleField = keyof typeof SAMPLE_CLINIC;

export interface SampleValue {
  field: SampleField;
  /** What makes the value look made up, and how to fix it, in one sentence. */
  message: string;
  /** True when the build warns about it: the phone and address reach patients directly. */
  warnAtBuild: boolean;
}

const digits = (text: string): string => text.replace(/\D/g, '');

/**
 * North American numbers with the exchange 555 and a line number from 0100 to 0199
 * are set aside for fiction, and area code 555 does not exist: neither can be called.
 */
export function isFictionalPhone(phone: string): boolean {
  const number = digits(phone).replace(/^1(?=\d{10}$)/, '');
  if (number.length !== 10) return false;
  return number.startsWith('555') || /^\d{3}5550(1\d\d)$/.test(number);
}

/** Host names reserved for examples (RFC 2606, RFC 6761): they never reach a real site. */
export function isExampleHost(url: string): boolean {
  const host = new URL(url).hostname;
  return /(^|\.)(example|test|invalid|localhost)$/.test(host) || /(^|\.)example\.(com|net|org)$/.test(host);
}

/** Every sample or made-up value in `config`, each with the field and how to fix it. */
export function findSampleValues(config: Pick<ClinicConfig, SampleField>): SampleValue[] {
  const found: SampleValue[] = [];
  if (config.name === SAMPLE_CLINIC.name) {
    found.push({
      field: 'name',
      message: `\`name\` is still the sample clinic's name ("${config.name}"); put your clinic's name in clinic.config.ts`,
      warnAtBuild: false,
    });
  }
  if (digits(config.phone) === digits(SAMPLE_CLINIC.phone) || isFictionalPhone(config.phone)) {
    found.push({
      field: 'phone',
      message: `\`phone\` "${config.phone}" is a made-up number (555) that patients cannot call; put the number patients should call in clinic.config.ts`,
      warnAtBuild: true,
    });
  }
  const sampleAddress = config.address.filter((line) => (SAMPLE_CLINIC.address as readonly string[]).includes(line));
  if (sampleAddress.length > 0) {
    found.push({
      field: 'address',
      message: `\`address\` still has the sample clinic's address (${sampleAddress.map((line) => `"${line}"`).join(', ')}); put your clinic's postal address in clinic.config.ts`,
      warnAtBuild: true,
    });
  }
  if (isExampleHost(config.siteUrl)) {
    found.push({
      field: 'siteUrl',
      message: `\`siteUrl\` "${config.siteUrl}" is an example address (QR codes on the handouts would lead nowhere); put the https:// address where you will publish the guide in clinic.config.ts`,
      warnAtBuild: false,
    });
  }
  if (config.logo === SAMPLE_CLINIC.logo) {
    found.push({
      field: 'logo',
      message: `\`logo\` is the sample logo (${config.logo}), and so are the favicon and app icons drawn from it; add your logo under src/assets/ and name it in clinic.config.ts`,
      warnAtBuild: false,
    });
  }
  return found;
}

/** The warnings the build prints: one line per made-up value patients would see. */
export function sampleValueWarnings(config: Pick<ClinicConfig, SampleField>, file = 'clinic.config.ts'): string[] {
  return findSampleValues(config)
    .filter((value) => value.warnAtBuild)
    .map((value) => `${file}: ${value.message} (the build goes on, but patients would see it)`);
}
