/**
 * Visit packets: named sets of handouts printed as one PDF each, with a write-in
 * cover and a contents page (see README, "Visit packets"). This module holds the
 * config schema of `packets` in clinic.config.ts and the defaults used when the
 * clinic leaves it out. Which page slugs exist is only known once the pages are
 * built, so that check is in the handout plan (src/handouts/plan.ts).
 *
 * Runs both inside Astro (Vite) and under plain Node, like clinic-config.ts.
 */
import { z } from 'astro/zod';

/** What a packet is printed from: each page's one-sheet, or the full page. */
export const PACKET_SOURCES = ['sheets', 'full'] as const;
export type PacketSource = (typeof PACKET_SOURCES)[number];

const packetTitle = z
  .object(
    {
      en: z.string().trim().min(1, 'must not be empty'),
      es: z.string().trim().min(1, 'must not be empty').optional(),
    },
    { error: 'must give the title per language, e.g. { en: "Your first visit", es: "Su primera visita" }' },
  )
  .strict();

/** One packet as written in clinic.config.ts. */
export const packetSchema = z
  .object({
    /** Names the file: packets/<paper>/<id>.pdf. Lower-case letters, digits and hyphens. */
    id: z
      .string({ error: 'needs `id`: a short name for the file, e.g. "first-visit"' })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, e.g. "first-visit"'),
    /** The packet's title on its cover, in its footer and on the Handouts page, per language. */
    title: packetTitle,
    /** Handout slugs in the order they are printed, e.g. "start-here" or "after-your-session" (as in handouts/letter/<slug>.pdf). */
    pages: z
      .array(z.string().trim().min(1, 'page slugs must not be empty'), {
        error: 'needs `pages`: a list of page slugs, e.g. ["start-here", "after-your-session"]',
      })
      .min(1, 'needs at least one page')
      .refine((pages) => new Set(pages).size === pages.length, 'lists a page twice'),
    /** 'sheets': each page's one-sheet (the default); 'full': the whole page. Large print always uses the full page. */
    from: z
      .enum(PACKET_SOURCES, { error: 'must be "sheets" (one-sheets) or "full" (the full pages)' })
      .default('sheets'),
    /** Two-sided printing: each handout starts on a right-hand (odd) page, so no sheet holds two handouts. */
    duplex: z.boolean({ error: 'must be true (two-sided printing) or false' }).default(false),
  })
  .strict();

export type PacketConfigInput = z.input<typeof packetSchema>;
export type PacketConfig = z.output<typeof packetSchema>;

/**
 * The packets a clinic gets when clinic.config.ts has no `packets`. Chosen from the
 * site's own pages for the moments a clinic hands paper over:
 * - "Your first visit": what a new patient needs before the first session (the
 *   overview, how to prepare, what happens, what to expect afterwards, and when to
 *   call for help). Full pages, because there is time to read them at home; two-sided.
 * - "Treatment day": what matters on the day itself (preparing, the session, going
 *   home, getting help), as one-sheets: short enough to read in the waiting room.
 * - "For family and caregivers": for the person who drives the patient home and stays
 *   with them: how treatment works, its risks, the hours after a session, getting help.
 */
export const DEFAULT_PACKETS: PacketConfig[] = [
  {
    id: 'first-visit',
    title: { en: 'Your first visit', es: 'Su primera visita' },
    pages: [
      'start-here',
      'preparing-for-your-session',
      'what-a-session-is-like',
      'after-your-session',
      'getting-help-now',
    ],
    from: 'full',
    duplex: true,
  },
  {
    id: 'treatment-day',
    title: { en: 'Treatment day', es: 'El día del tratamiento' },
    pages: ['preparing-for-your-session', 'what-a-session-is-like', 'after-your-session', 'getting-help-now'],
    from: 'sheets',
    duplex: false,
  },
  {
    id: 'family-and-caregivers',
    title: { en: 'For family and caregivers', es: 'Para familiares y cuidadores' },
    pages: ['how-it-works', 'risks-and-side-effects', 'after-your-session', 'getting-help-now'],
    from: 'full',
    duplex: false,
  },
];

/**
 * `packets` in clinic.config.ts: a list of packets with unique ids; `[]`: none. Left out, the
 * clinic gets the defaults above (clinic-config.ts fills them in and notes that it did).
 */
export const packetsSchema = z
  .array(packetSchema, {
    error: 'must be a list of packets, e.g. [{ id: "first-visit", title: { en: "…" }, pages: [ … ] }]',
  })
  .refine((packets) => new Set(packets.map((packet) => packet.id)).size === packets.length, 'uses the same `id` twice')
  .optional();

/** A packet's title in `lang`; a language without its own title uses the English one. */
export function packetTitleIn(packet: Pick<PacketConfig, 'title'>, lang: string): string {
  return (lang === 'es' ? packet.title.es : undefined) ?? packet.title.en;
}
