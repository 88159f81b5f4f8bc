/**
 * `npm run doctor`: what a clinic has left to do before the guide is theirs.
 * Each check returns a section of advice; nothing here changes a file. The
 * command line (scripts/doctor.ts) prints the report and exits 0, since advice is
 * not a failure; only a config the build would refuse makes it exit 1.
 *
 * The browser lookup and the review status are passed in, so each can be tested
 * alone and the review check can be swapped for the review library's own.
 */
import { DEFAULT_TITLE, type ClinicConfig } from './clinic-config.ts';
import { DOCS_DIR, translationGaps } from './page-files.ts';
import { findSampleValues } from './sample-values.ts';
import { readSidebarPages, SidebarError, sidebarOrderWarnings } from './sidebar.ts';

/** One heading of the report and what is left to do under it; `todo` empty means all is well. */
export interface DoctorSection {
  title: string;
  /** Things to do, one sentence each. */
  todo: string[];
  /** What is fine, said once (shown when `todo` is empty, or as context). */
  ok?: string;
  /** Things the build would refuse: the command exits 1 when any section has them. */
  broken?: string[];
  /** A pointer to more detail, printed last. */
  note?: string;
}

/** What the browser lookup found: the browser handouts would use, or what was tried. */
export interface BrowserCheck {
  found?: { executablePath: string; source: string };
  tried: string[];
  /** An explicit browser setting that points nowhere (e.g. PUPPETEER_EXECUTABLE_PATH). */
  error?: string;
  installHints: readonly string[];
}

/** One page whose review needs attention. */
export interface ReviewFinding {
  /** The page as `npm run review` names it, e.g. "glossary" or "es/glossary". */
  file: string;
  state: 'never-reviewed' | 'changed' | 'overdue';
  /** E.g. "due 2026-11-20, last reviewed 2025-11-20 by Ana Ruiz, MD". */
  detail: string;
}

/** Where review advice comes from: the signed records (src/review/doctor-source.ts), or a stand-in in tests. */
export interface ReviewStatusSource {
  findings(): Promise<ReviewFinding[]>;
  /** A line pointing to more detail, e.g. "npm run review -- status". */
  more?: string;
}

export interface DoctorInputs {
  clinic: ClinicConfig;
  /** Name of the config file, for messages. */
  configFile: string;
  docsDir?: string;
  checkBrowser: () => Promise<BrowserCheck>;
  reviews: ReviewStatusSource;
}

export interface DoctorReport {
  sections: DoctorSection[];
  /** True when the build would stop: fix these first. */
  broken: boolean;
}

/** Sample values still in the config (the sample clinic's, 555 numbers, example web addresses). */
export function configSection(clinic: ClinicConfig, configFile: string): DoctorSection {
  const todo = findSampleValues(clinic).map((value) => value.message.replace(/clinic\.config\.ts/g, configFile));
  const section: DoctorSection = {
    title: `Your clinic (${configFile})`,
    todo,
    ok: `${configFile} has no sample values left.`,
  };
  // The default title is fine to publish, so it is a note rather than something left to do.
  const untitled = clinic.languages.filter((language) => clinic.title[language] === DEFAULT_TITLE[language]);
  if (untitled.length > 0)
    section.note = `The guide keeps the default title (${untitled.map((language) => `"${clinic.title[language]}"`).join(', ')}); to retitle it, set \`title\` (and \`shortTitle\`) in ${configFile}.`;
  return section;
}

/** Pages that exist in one language only, for the editions the clinic builds. */
export function translationSection(clinic: ClinicConfig, docsDir = DOCS_DIR): DoctorSection {
  const title = 'Translations';
  const others = clinic.languages.filter((language) => language !== 'en');
  if (others.length === 0) return { title, todo: [], ok: 'English only (languages: ["en"]): nothing to translate.' };
  const todo = translationGaps(clinic.languages, docsDir).flatMap((gap) => [
    ...gap.missing.map(
      (file) =>
        `src/content/docs/${file} has no "${gap.language}" edition: add src/content/docs/${gap.language}/${file} (readers see the English page with a notice until then)`,
    ),
    ...gap.orphans.map(
      (file) =>
        `src/content/docs/${gap.language}/${file} has no English page: add src/content/docs/${file}, or rename it to match its English page`,
    ),
  ]);
  return { title, todo, ok: `Every page is in ${clinic.languages.map((l) => `"${l}"`).join(' and ')}.` };
}

/** Pages that cannot be placed in the sidebar (the build stops) or share a place (it warns). */
export function sidebarSection(docsDir = DOCS_DIR): DoctorSection {
  const title = 'Sidebar and reading order';
  try {
    return {
      title,
      todo: sidebarOrderWarnings(readSidebarPages(docsDir)),
      ok: 'Every page has its own place in the sidebar.',
    };
  } catch (error) {
    if (error instanceof SidebarError) return { title, todo: [], broken: [error.message] };
    throw error;
  }
}

/** Whether handouts can be printed on this machine. */
export function browserSection(check: BrowserCheck): DoctorSection {
  const title = 'Browser for the handouts (npm run pdf)';
  if (check.error) return { title, todo: [check.error] };
  if (check.found) return { title, todo: [], ok: `Found: ${check.found.executablePath} (${check.found.source}).` };
  return {
    title,
    todo: [
      'No browser found to print the handouts. Install one:',
      ...check.installHints.map((hint) => `  ${hint}`),
      'Looked in:',
      ...check.tried.map((place) => `  ${place}`),
    ],
  };
}

const FINDING_WORDS: Record<ReviewFinding['state'], string> = {
  'never-reviewed': 'never reviewed',
  changed: 'changed since its review',
  overdue: 'review overdue',
};

/** Pages never reviewed, changed since, or due for review, from `reviews`. */
export async function reviewSection(reviews: ReviewStatusSource): Promise<DoctorSection> {
  const findings = await reviews.findings();
  const todo = findings.map(
    (finding) =>
      `${finding.file}: ${FINDING_WORDS[finding.state]} (${finding.detail}); have a clinician check it, then: npm run review -- sign ${finding.file} --by "<name, credentials>"`,
  );
  const note = reviews.more ? `review status: run ${reviews.more}` : undefined;
  return { title: 'Reviews', todo, ok: 'Every page has a current review by a clinician.', note };
}

/** Runs every check. */
export async function runDoctor(inputs: DoctorInputs): Promise<DoctorReport> {
  const sections = [
    configSection(inputs.clinic, inputs.configFile),
    translationSection(inputs.clinic, inputs.docsDir),
    sidebarSection(inputs.docsDir),
    browserSection(await inputs.checkBrowser()),
    await reviewSection(inputs.reviews),
  ];
  return { sections, broken: sections.some((section) => (section.broken?.length ?? 0) > 0) };
}

/** The report as the command prints it: each section with ✓ when nothing is left, or its to-do list. */
export function formatReport(report: DoctorReport): string {
  const lines: string[] = [];
  for (const section of report.sections) {
    const broken = section.broken ?? [];
    const mark = broken.length > 0 ? '✗' : section.todo.length > 0 ? '!' : '✓';
    lines.push(`${mark} ${section.title}`);
    for (const problem of broken) lines.push(...problem.split('\n').map((line) => `    ${line}`));
    for (const item of section.todo) lines.push(item.startsWith('  ') ? `    ${item}` : `  - ${item}`);
    if (broken.length === 0 && section.todo.length === 0 && section.ok) lines.push(`    ${section.ok}`);
    if (section.note) lines.push(`    ${section.note}`);
  }
  const left = report.sections.reduce(
    (sum, section) => sum + section.todo.filter((item) => !item.startsWith('  ')).length,
    0,
  );
  lines.push(
    '',
    report.broken
      ? 'The build would stop: fix the ✗ items first.'
      : left === 0
        ? 'Nothing left to do.'
        : `${left} thing${left === 1 ? '' : 's'} left to do (advice: the build still works).`,
  );
  return lines.join('\n');
}
