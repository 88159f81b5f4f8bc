import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';

/**
 * AHRQ's Patient Education Materials Assessment Tool for printable materials
 * (PEMAT-P; Shoemaker, Wolf and Brach, AHRQ Publication No. 14-0002-EF).
 * Items keep AHRQ's numbers: 13 and 14 are for audiovisual materials only,
 * so the printable form has 17 understandability and 7 actionability items.
 * `na` marks the items AHRQ's form lets a rater mark "not applicable".
 */
export const pematItems = {
  understandability: {
    1: { text: 'The material makes its purpose completely evident.' },
    2: { text: 'The material does not include information or content that distracts from its purpose.' },
    3: { text: 'The material uses common, everyday language.' },
    4: {
      text: 'Medical terms are used only to familiarize audience with the terms. When used, medical terms are defined.',
    },
    5: { text: 'The material uses the active voice.' },
    6: { text: 'Numbers appearing in the material are clear and easy to understand.', na: true },
    7: { text: 'The material does not expect the user to perform calculations.' },
    8: { text: 'The material breaks or "chunks" information into short sections.', na: true },
    9: { text: "The material's sections have informative headers.", na: true },
    10: { text: 'The material presents information in a logical sequence.' },
    11: { text: 'The material provides a summary.', na: true },
    12: {
      text: 'The material uses visual cues (e.g., arrows, boxes, bullets, bold, larger font, highlighting) to draw attention to key points.',
    },
    15: { text: 'The material uses visual aids whenever they could make content more easily understood.' },
    16: { text: "The material's visual aids reinforce rather than distract from the content.", na: true },
    17: { text: "The material's visual aids have clear titles or captions.", na: true },
    18: { text: 'The material uses illustrations and photographs that are clear and uncluttered.', na: true },
    19: { text: 'The material uses simple tables with short and clear row and column headings.', na: true },
  },
  actionability: {
    20: { text: 'The material clearly identifies at least one action the user can take.' },
    21: { text: 'The material addresses the user directly when describing actions.' },
    22: { text: 'The material breaks down any action into manageable, explicit steps.' },
    23: {
      text: 'The material provides a tangible tool (e.g., menu planners, checklists) whenever it could help the user take action.',
    },
    24: { text: 'The material provides simple instructions or examples of how to perform calculations.', na: true },
    25: { text: 'The material explains how to use the charts, graphs, tables, or diagrams to take actions.', na: true },
    26: { text: 'The material uses visual aids whenever they could make it easier to act on the instructions.' },
  },
} as const;

export type PematScale = keyof typeof pematItems;

/** Agree = 1, Disagree = 0, "NA" = not applicable (left out of the score, as AHRQ's form says). */
const rating = z.union([z.literal(0), z.literal(1), z.literal('NA')]);
export type Rating = z.infer<typeof rating>;

const pageScore = z.object({
  understandability: z.record(z.string(), rating),
  actionability: z.record(z.string(), rating),
  /** Why an item was rated Disagree or N/A, by item number. */
  notes: z.record(z.string(), z.string().min(1)).default({}),
});
export type PageScore = z.infer<typeof pageScore>;

export const pematFileSchema = z.object({
  rater: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  method: z.string().min(1),
  /** Scores by language, then by page slug (file name without extension). */
  pages: z.record(z.enum(['en', 'es']), z.record(z.string(), pageScore)),
});
export type PematFile = z.infer<typeof pematFileSchema>;

export const pematFile = new URL('./pemat-p.yaml', import.meta.url);

/** Reads and checks the scoring file; a malformed entry names itself. */
export function loadPematScores(path: URL = pematFile): PematFile {
  const parsed = pematFileSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`The PEMAT-P scores in ${path.pathname} are not valid:\n${problems}`);
  }
  return parsed.data;
}

/** AHRQ's formula: points for Agree divided by the items rated (N/A left out), as a percentage. */
export function pematPercent(ratings: Record<string, Rating>): number {
  const rated = Object.values(ratings).filter((value): value is 0 | 1 => value !== 'NA');
  if (rated.length === 0) return Number.NaN;
  return (rated.reduce<number>((sum, value) => sum + value, 0) / rated.length) * 100;
}

/** Problems with one page's ratings: missing or unknown items, N/A where the form does not allow it, a Disagree or N/A with no note. */
export function ratingProblems(score: PageScore): string[] {
  const problems: string[] = [];
  for (const scale of ['understandability', 'actionability'] as const) {
    const items = pematItems[scale] as Record<string, { text: string; na?: boolean }>;
    const given = score[scale];
    for (const number of Object.keys(items)) {
      if (!(number in given)) problems.push(`${scale} item ${number} is not rated`);
    }
    for (const [number, value] of Object.entries(given)) {
      const item = items[number];
      if (!item) problems.push(`${scale} has no item ${number}`);
      else if (value === 'NA' && !item.na) problems.push(`${scale} item ${number} cannot be rated N/A on AHRQ's form`);
      if (value !== 1 && !score.notes[number]) problems.push(`item ${number} is rated ${value}: add a note saying why`);
    }
  }
  return problems;
}
