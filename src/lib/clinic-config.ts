/**
 * The clinic config's schema, its friendly error messages, and the one place
 * that decides which config file is used. `clinic.config.ts` at the project
 * root holds the values; everything else imports `clinic` from there.
 *
 * Runs both inside Astro (Vite) and under plain Node (the handout renderer), so
 * it uses only erasable TypeScript and `.ts` import extensions.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'astro/zod';
import { checkBrandColors, type BrandTheme } from './brand-theme.ts';
import { isHexColor } from './contrast.ts';
import { PAPER_CHOICES } from './handout-files.ts';
import { DEFAULT_PACKETS, packetsSchema } from './packets.ts';

/** Languages the guide is written in. English is the default, served at the site root. */
export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** The guide's full title when clinic.config.ts gives none: the header, each page's `<title>`, the booklet cover. */
export const DEFAULT_TITLE: Record<Language, string> = {
  en: 'Ketamine Therapy: A Patient Guide',
  es: 'Terapia con ketamina: guía para pacientes',
};

/** The guide's short title when clinic.config.ts gives none. */
export const DEFAULT_SHORT_TITLE: Record<Language, string> = { en: 'Ketamine guide', es: 'Guía de ketamina' };

/** What the guide is about, in one sentence (`{clinic}` is the clinic's name), when clinic.config.ts gives none. */
export const DEFAULT_DESCRIPTION: Record<Language, string> = {
  en: 'Plain-language answers about ketamine-assisted therapy from {clinic}.',
  es: 'Respuestas en lenguaje sencillo sobre la terapia asistida con ketamina, de {clinic}.',
};

/** The guide's topic words (PDF keywords) when clinic.config.ts gives none. */
export const DEFAULT_KEYWORDS: Record<Language, string[]> = {
  en: ['ketamine therapy', 'patient education'],
  es: ['terapia con ketamina', 'educación para pacientes'],
};

/** The fields written once per language; a clinic that sets one must give it for every language it builds. */
const PER_LANGUAGE_FIELDS = ['title', 'shortTitle', 'description', 'keywords'] as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Environment variable naming another config file (tests use it to build with a fixture clinic). */
export const CONFIG_ENV = 'GUIDE_CLINIC_CONFIG';

const LOGO_FOLDERS = ['public/', 'src/assets/'];
const LOGO_TYPES = /\.(svg|png|jpe?g|webp)$/i;

const phone = (field: string, example: string) =>
  z
    .string({ error: `needs \`${field}\`: a phone number as text, e.g. '${example}'` })
    .trim()
    .regex(
      /^\+?[\d\s().-]+$/,
      `must be a phone number made only of digits, spaces and + ( ) - . (letters are not allowed), e.g. '${example}'`,
    )
    .refine((value) => value.replace(/\D/g, '').length >= 3, `must have at least 3 digits, e.g. '${example}'`);

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written HH:MM, e.g. "08:30" or "17:00"');

const dayRange = z
  .string()
  .regex(
    new RegExp(`^(${WEEKDAYS.join('|')})(-(${WEEKDAYS.join('|')}))?$`),
    `must be one day or a range of days, from ${WEEKDAYS.join(', ')}, e.g. "mon-fri" or "sat"`,
  );

/** One line of opening hours: "mon-fri" from 08:00 to 18:00. */
export const openingHoursSchema = z
  .object({
    days: dayRange,
    opens: time,
    closes: time,
  })
  .strict()
  .refine((hours) => hours.opens < hours.closes, { message: 'must be later than `opens`', path: ['closes'] });

/** The clinic's review rules; every field has a default. */
export const reviewPolicySchema = z
  .object({
    /** Months from a page's review to its next review due date. */
    intervalMonths: z
      .number({ error: 'must be a number of months, e.g. 12' })
      .int('must be a whole number of months')
      .min(1, 'must be at least 1 month')
      .max(60, 'must be at most 60 months (5 years)')
      .default(12),
    /** Days before the due date from which the build warns. */
    warnDays: z
      .number({ error: 'must be a number of days, e.g. 60' })
      .int('must be a whole number of days')
      .min(0, 'must be 0 or more')
      .max(365, 'must be at most 365 days')
      .default(60),
    /** Past the due date: 'notice' shows a notice on the page and handout; 'fail' stops the build. */
    overdue: z
      .enum(['notice', 'fail'], { error: 'must be "notice" (show a notice on the page) or "fail" (stop the build)' })
      .default('notice'),
  })
  .strict()
  .default({ intervalMonths: 12, warnDays: 60, overdue: 'notice' });

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Spanish' };

/** A field written once per language, e.g. { en: '…', es: '…' }; every key is optional here (see PER_LANGUAGE_FIELDS). */
function perLanguage<T extends z.ZodType>(value: T, example: string) {
  return z
    .object(Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, value.optional()])), {
      error: `must give one value per language, e.g. ${example}`,
    })
    .strict() as unknown as z.ZodType<Partial<Record<Language, z.output<T>>>, Partial<Record<Language, z.input<T>>>>;
}

const text = (min: number, max: number, why: string) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be ${max} characters or fewer, ${why}`);

/** Builds the schema; `root` is where relative logo paths are looked up. */
export function clinicConfigSchema(root: string) {
  return z
    .object({
      /** The clinic's name, shown in the site header and footer and on every handout. */
      name: z.string({ error: "needs `name`: the clinic's name as text" }).trim().min(1, 'must not be empty'),
      /** The main phone number patients call with questions. */
      phone: phone('phone', '(555) 123-4567'),
      /** Public address of the site, used for canonical links and handout QR codes; a folder in it (…/guide/) is where the site is built to live. */
      // https only: the QR codes and printed addresses send patients there, and the offline
      // copy (service worker) works only on a secure origin.
      siteUrl: z.url({
        protocol: /^https$/,
        error: 'must be a full web address starting with https://, e.g. "https://guide.example-clinic.org"',
      }),
      /** Crisis line (US: the 988 Suicide & Crisis Lifeline). */
      crisisLine: phone('crisisLine', '988').default('988'),
      /** Emergency number (US: 911). */
      emergencyNumber: phone('emergencyNumber', '911').default('911'),
      /** The clinic's logo: an SVG, PNG, JPEG or WebP file under public/ or src/assets/. */
      logo: z
        .string({ error: 'needs `logo`: the path of the logo file, e.g. "src/assets/clinic-logo.svg"' })
        .transform((path) => path.replace(/^\.\//, ''))
        .refine(
          (path) => LOGO_FOLDERS.some((folder) => path.startsWith(folder)),
          `must be a file under ${LOGO_FOLDERS.join(' or ')}, e.g. "src/assets/clinic-logo.svg"`,
        )
        .refine((path) => LOGO_TYPES.test(path), 'must be an .svg, .png, .jpg or .webp file')
        .refine((path) => existsSync(resolve(root, path)) && statSync(resolve(root, path)).isFile(), {
          message: `names a file that does not exist (looked in ${root}); put the logo there or fix the path`,
        }),
      /** Postal address, one line per entry. */
      address: z
        .array(z.string().trim().min(1, 'address lines must not be empty'), {
          error: 'needs `address`: a list of lines, e.g. ["1 Main Street, Suite 2", "Springfield, ST 00000"]',
        })
        .min(1, 'needs at least one line'),
      /** When the phone is answered. */
      openingHours: z
        .array(openingHoursSchema, {
          error: 'needs `openingHours`: a list such as [{ days: "mon-fri", opens: "08:00", closes: "18:00" }]',
        })
        .min(1, 'needs at least one entry'),
      /** Link and button colour in the light theme; must reach 4.5:1 on white. */
      brandColor: z
        .string({ error: 'needs `brandColor`: a hex colour, e.g. "#0b6e69"' })
        .refine(isHexColor, 'must be a hex colour such as "#0b6e69"'),
      /** Optional link colour for the dark theme; by default a lighter tint of `brandColor` that reaches 4.5:1. */
      brandColorDark: z.string().refine(isHexColor, 'must be a hex colour such as "#7fd6cf"').optional(),
      /** Paper the handouts are printed on: only these PDFs are made, linked and listed. */
      paperSize: z.enum(PAPER_CHOICES, { error: 'must be "letter" (US), "a4" or "both"' }).default('both'),
      /**
       * Print the handouts as part of the build (needs Chrome or Chromium). `false` builds the
       * site alone: the Handouts page then says there are no printable files.
       */
      handouts: z
        .boolean({ error: 'must be true (print the handouts in the build) or false (build the site without them)' })
        .default(true),
      /** The guide's full title per language: the header, each page's `<title>`, the booklet cover, the app's name. */
      title: perLanguage(
        text(3, 60, 'to fit the header and a browser tab'),
        '{ en: "Ketamine Therapy: A Patient Guide", es: "Terapia con ketamina: guía para pacientes" }',
      ).optional(),
      /** The title in the header on phones and under the home-screen icon, per language (the full title is cut there). */
      shortTitle: perLanguage(
        text(1, 24, "to fit a phone's header and the home screen"),
        '{ en: "Ketamine guide", es: "Guía de ketamina" }',
      ).optional(),
      /**
       * What the guide is about in one sentence per language, `{clinic}` for the clinic's name: the
       * meta description of pages without their own, the web app's description, the PDFs' subject.
       */
      description: perLanguage(
        text(20, 200, 'one or two sentences (search results cut longer ones)').refine(
          (value) => [...value.matchAll(/\{(\w*)\}/g)].every((match) => match[1] === 'clinic'),
          "may use only the placeholder {clinic} (the clinic's name)",
        ),
        '{ en: "Plain-language answers about ketamine-assisted therapy from {clinic}." }',
      ).optional(),
      /** Topic words per language, stored in every PDF's keywords (the PDF viewer and document search read them). */
      keywords: perLanguage(
        z
          .array(text(1, 40, 'each'), { error: 'must be a list of words, e.g. ["ketamine therapy"]' })
          .min(1, 'needs at least one topic word')
          .max(10, 'must list 10 topic words or fewer'),
        '{ en: ["ketamine therapy", "patient education"] }',
      ).optional(),
      /** Editions to build; English is always built and lives at the site root. */
      languages: z
        .array(
          z.enum(SUPPORTED_LANGUAGES, {
            error: `each language must be one of: ${SUPPORTED_LANGUAGES.map((l) => `"${l}"`).join(', ')}`,
          }),
        )
        .default([...SUPPORTED_LANGUAGES])
        .refine(
          (langs) => langs.includes('en'),
          'must include "en": the English edition is the default, at the site root',
        )
        .refine((langs) => new Set(langs).size === langs.length, 'lists a language twice'),
      /** How long a clinician's review of a page stays good, and what happens when it runs out (see README, "Clinical review"). */
      review: reviewPolicySchema,
      /**
       * Visit packets: sets of handouts printed as one PDF each, with a write-in cover
       * (src/lib/packets.ts has the defaults used when this is left out; `[]` prints none).
       */
      packets: packetsSchema,
    })
    .strict()
    .transform((config, ctx) => {
      // A retitled guide must not keep the sample's words in another edition it builds.
      let missing = false;
      for (const field of PER_LANGUAGE_FIELDS) {
        const given = config[field];
        if (given === undefined) continue;
        for (const language of config.languages.filter((lang) => given[lang] === undefined)) {
          missing = true;
          ctx.addIssue({
            code: 'custom',
            path: [field, language],
            message: `is missing: \`languages\` builds the ${LANGUAGE_NAMES[language]} edition, so give \`${field}\` a value for "${language}" too (or leave \`${field}\` out to keep the default)`,
          });
        }
      }
      // Every edition built prints every packet, so each needs its title in that language.
      for (const [i, packet] of (config.packets ?? []).entries()) {
        if (config.languages.includes('es') && !packet.title.es)
          ctx.addIssue({
            code: 'custom',
            path: ['packets', i, 'title', 'es'],
            message: `is missing: languages include "es", so packet "${packet.id}" needs a Spanish title, e.g. title: { en: "${packet.title.en}", es: "…" }`,
          });
      }
      const check = checkBrandColors(config.brandColor, config.brandColorDark);
      if (!check.ok)
        for (const problem of check.problems)
          ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
      if (missing || !check.ok) return z.NEVER;
      const theme: BrandTheme = check.theme;
      return {
        ...config,
        title: { ...DEFAULT_TITLE, ...config.title },
        shortTitle: { ...DEFAULT_SHORT_TITLE, ...config.shortTitle },
        description: { ...DEFAULT_DESCRIPTION, ...config.description },
        keywords: { ...DEFAULT_KEYWORDS, ...config.keywords },
        packets: config.packets ?? DEFAULT_PACKETS,
        /**
         * Whether `packets` was left out. The defaults name the sample guide's pages, so a guide
         * without one of them prints the default packets without it; a clinic's own `packets` must
         * name pages that exist (src/handouts/plan.ts).
         */
        packetsAreDefault: config.packets === undefined,
        theme,
      };
    });
}

/** The clinic config as written in clinic.config.ts (defaults may be left out). */
export type ClinicConfigInput = z.input<ReturnType<typeof clinicConfigSchema>>;
/** The validated config, with defaults filled in and the brand theme worked out. */
export type ClinicConfig = z.output<ReturnType<typeof clinicConfigSchema>>;

/** Raised for an invalid config; its message lists every problem, one per line. */
export class ClinicConfigError extends Error {
  override name = 'ClinicConfigError';
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );
}

function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

/** One readable line per problem: the field, what is expected, and the value that was given. */
export function formatIssues(issues: z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length > 0 ? ` in \`${fieldName(issue.path)}\`` : '';
      return `unknown field${issue.keys.length > 1 ? 's' : ''}${where}: ${issue.keys.map((k) => `\`${k}\``).join(', ')} (check the spelling; see the field list in clinic.config.ts)`;
    }
    const value = valueAt(input, issue.path);
    const given =
      value === undefined || issue.message.includes(' has a contrast') ? '' : ` (got ${JSON.stringify(value)})`;
    return `\`${fieldName(issue.path)}\` ${issue.message}${given}`;
  });
}

/** Validates a config object; throws a ClinicConfigError naming `file` and each bad field. */
export function parseClinicConfig(input: unknown, file: string, root = process.cwd()): ClinicConfig {
  const result = clinicConfigSchema(root).safeParse(input);
  if (result.success) return result.data;
  const lines = formatIssues(result.error.issues, input).map((line) => `  - ${line}`);
  throw new ClinicConfigError(
    [
      `The clinic config in ${file} is not valid:`,
      ...lines,
      `Fix ${lines.length === 1 ? 'this value' : 'these values'} in ${file} and build again.`,
    ].join('\n'),
  );
}

/** The config file in use, as the clinic would name it in a message: clinic.config.ts or the GUIDE_CLINIC_CONFIG file. */
export function clinicConfigFile(): string {
  return process.env[CONFIG_ENV] || 'clinic.config.ts';
}

/**
 * The config to build with: `values` from clinic.config.ts, or the default export
 * of the file named by GUIDE_CLINIC_CONFIG when that is set. This is the only
 * place that reads the variable.
 */
export async function loadClinicConfig(values: ClinicConfigInput, root = process.cwd()): Promise<ClinicConfig> {
  const override = process.env[CONFIG_ENV];
  if (!override) return withReadableLogo(parseClinicConfig(values, 'clinic.config.ts', root), 'clinic.config.ts', root);
  const path = isAbsolute(override) ? override : resolve(root, override);
  if (!existsSync(path))
    throw new ClinicConfigError(
      `${CONFIG_ENV} points to "${override}", but there is no such file (looked for ${path}).`,
    );
  const module = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as { default?: unknown };
  if (module.default === undefined)
    throw new ClinicConfigError(
      `${override} (from ${CONFIG_ENV}) must have a default export with the clinic's values.`,
    );
  return withReadableLogo(parseClinicConfig(module.default, override, root), override, root);
}

/**
 * The logo must be an image the icons can be drawn from (src/lib/app-icons.ts): a file with the
 * right name but broken or other content stops here, naming `logo`, before any page is built.
 */
async function withReadableLogo(config: ClinicConfig, file: string, root: string): Promise<ClinicConfig> {
  // Loaded here only: the image library is not needed to parse a config in tests and tools.
  const { readLogo, LogoError } = await import('./app-icons.ts');
  try {
    await readLogo(root, config.logo, file);
  } catch (error) {
    if (error instanceof LogoError)
      throw new ClinicConfigError(
        [`The clinic config in ${file} is not valid:`, `  - ${error.message.replace(`${file}: `, '')}`].join('\n'),
      );
    throw error;
  }
  return config;
}
