/**
 * The clinical review workflow, end to end: the shipped build shows the
 * "not yet checked" notice on every page and every handout sheet; a copy of the
 * project with signed records (made in a temporary folder, never in the repo)
 * shows "Reviewed by …" for a current review, and the notice for a page edited
 * after its review and for one past its due date, on the web and on paper; and
 * `review.overdue: 'fail'` stops the build, naming the page.
 */
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reviewFileSchema } from '../../src/contracts/review-records.ts';
import { addMonths, localToday } from '../../src/review/dates.ts';
import { formatReviewDate } from '../../src/lib/dates.ts';
import { readPdf } from '../support/pdf.ts';
import { pdfInfo, readPdfPages } from '../support/pdf-checks.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { readHandoutIndex } from '../support/site.ts';
import { runCommand } from '../support/run.ts';

const siteDir = inject('siteDir');
const NOT_CHECKED = 'This page has not yet been checked by a clinician.';
const NO_REVISADA = 'Un profesional de salud todavía no ha revisado esta página.';
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('the sample content, shipped without any review', () => {
  it('has no review records in the repository', async () => {
    for (const lang of ['en', 'es']) {
      const file = reviewFileSchema.parse(
        JSON.parse(await readFile(join(PROJECT_ROOT, 'src/content/reviews', `${lang}.json`), 'utf8')),
      );
      expect(
        file.reviews,
        `src/content/reviews/${lang}.json must ship empty: no clinician has reviewed the sample`,
      ).toEqual([]);
    }
  });

  it('shows the notice at the top of every page in both languages', async () => {
    const index = await readHandoutIndex(siteDir);
    for (const page of index.pages) {
      const html = await readFile(join(siteDir, page.path.slice(index.base.length), 'index.html'), 'utf8');
      const content = html.slice(html.indexOf('sl-markdown-content'));
      const notice = content.indexOf('data-review-state="unreviewed"');
      expect(notice, page.slug).toBeGreaterThan(-1);
      expect(notice, `${page.slug}: the notice comes before "What to know"`).toBeLessThan(
        content.indexOf('id="what-to-know"'),
      );
      expect(flat(content), page.slug).toContain(page.lang === 'es' ? NO_REVISADA : NOT_CHECKED);
      expect(page.review).toEqual({ line: page.lang === 'es' ? NO_REVISADA : NOT_CHECKED, notice: true });
    }
  });

  it('prints the notice on every sheet of every handout, and the booklet says how many are unchecked', async () => {
    const index = await readHandoutIndex(siteDir);
    for (const page of index.pages) {
      const file = join(siteDir, 'handouts', 'letter', `${page.slug}.pdf`);
      const { texts } = await readPdfPages(file);
      const expected = page.lang === 'es' ? NO_REVISADA : NOT_CHECKED;
      // Body (top of sheet 1) plus the footer of each sheet.
      expect(flat(texts[0] ?? '').split(expected).length - 1, `${page.slug} sheet 1`).toBeGreaterThanOrEqual(2);
      for (const [sheet, text] of texts.entries())
        expect(flat(text), `${page.slug} sheet ${sheet + 1}`).toContain(expected);
    }
    // Never the time of the build: an unreviewed handout carries no date at all.
    expect(await pdfInfo(join(siteDir, 'handouts', 'letter', 'glossary.pdf'))).not.toHaveProperty('CreationDate');
    const english = index.pages.filter((page) => page.lang === 'en').length;
    const booklet = await readPdfPages(join(siteDir, 'handouts', 'booklet-letter.pdf'));
    const line = `${english} of ${english} handouts in this booklet have not been checked by a clinician`;
    expect(flat(booklet.texts[0] ?? '')).toContain(line);
    for (const [sheet, text] of booklet.texts.entries())
      expect(flat(text), `booklet sheet ${sheet + 1}`).toContain(line);
  });

  it('says on the About page how review works, from the records, without claiming a review', async () => {
    const html = flat(await readFile(join(siteDir, 'about-this-guide', 'index.html'), 'utf8'));
    expect(html).toContain('data-reviewed-pages="0"');
    expect(html).toContain('No clinician has checked the pages of this guide yet.');
    expect(html).not.toMatch(/A clinician reviews each page|last reviewed on/i);
    const es = flat(await readFile(join(siteDir, 'es', 'about-this-guide', 'index.html'), 'utf8'));
    expect(es).toContain('Ningún profesional de salud ha revisado todavía las páginas de esta guía.');
  });
});

describe('a copy of the guide with signed reviews', () => {
  let root: string;
  let out: string;
  const today = localToday();
  const review = (args: string[]) => runCommand('node', ['scripts/review.ts', ...args, '--root', root], {}, 60_000);

  beforeAll(async () => {
    // Inside the project (in the git-ignored .test-out/), so the copy finds the project's
    // node_modules by walking up, as the fixture sites do; a symlinked node_modules confuses Vite.
    await mkdir(join(PROJECT_ROOT, '.test-out'), { recursive: true });
    root = await mkdtemp(join(PROJECT_ROOT, '.test-out', 'reviewed-'));
    // Entry by entry: fs.cp refuses to copy a folder into a folder inside itself.
    const skip = new Set(['node_modules', 'dist', '.git', '.test-out', '.astro']);
    for (const name of await readdir(PROJECT_ROOT)) {
      if (!skip.has(name)) await cp(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
    }
    const signs = [
      ['sign', 'glossary', 'es/glossary', 'risks-and-side-effects', '--by', 'Ana Ruiz, MD'],
      // Two years ago: past the 12-month due date.
      ['sign', 'after-your-session', '--by', 'Ben Ode, PharmD', '--date', addMonths(today, -24)],
    ];
    for (const args of signs) {
      const result = await review(args);
      expect(result.code, result.stderr).toBe(0);
    }
    // The build prints no handouts; `npm run pdf --only` below prints the five sheets the tests read
    // (the review line reaches paper the same way; printing every PDF here took most of this file's time).
    const config = join(root, 'clinic.config.ts');
    const source = await readFile(config, 'utf8');
    expect(source).toContain("paperSize: 'both',");
    await writeFile(config, source.replace("paperSize: 'both',", "paperSize: 'both',\n  handouts: false,"));
    // Edited after its review.
    await appendFile(
      join(root, 'src/content/docs/risks-and-side-effects.mdx'),
      '\nA sentence added after the review.\n',
    );
    out = join(root, 'out');
    const env = { GUIDE_OUT_DIR: out, GUIDE_CACHE_DIR: join(root, 'cache') };
    const build = await runCommand('astro', ['build', '--root', root], env);
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(build.stdout + build.stderr).toMatch(/after-your-session .*its clinical review was due on/);
    const pages = ['start-here', 'glossary', 'es-glossary', 'risks-and-side-effects', 'after-your-session'].flatMap(
      (slug) => ['--only', slug],
    );
    const pdf = await runCommand(
      'node',
      ['scripts/pdf.ts', '--site', out, '--large-print', '--paper', 'letter', ...pages],
      env,
    );
    expect(pdf.code, `${pdf.stdout}\n${pdf.stderr}`).toBe(0);
  }, 600_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  const html = async (path: string): Promise<string> => flat(await readFile(join(out, path, 'index.html'), 'utf8'));
  const handout = async (slug: string): Promise<string[]> =>
    (await readPdfPages(join(out, 'handouts', 'large-print', 'letter', `${slug}.pdf`))).texts.map(flat);
  const day = (iso: string, lang: string): string => formatReviewDate(new Date(`${iso}T00:00:00Z`), lang);

  it('shows "Reviewed by … on … · Next review due …" from the record, on the page and on every sheet', async () => {
    const line = `Reviewed by Ana Ruiz, MD on ${day(today, 'en')} · Next review due ${day(addMonths(today, 12), 'en')}`;
    expect(await html('glossary')).toContain(line);
    expect(await html('glossary')).toContain('data-review-state="current"');
    const sheets = await handout('glossary');
    for (const [sheet, text] of sheets.entries()) expect(text, `sheet ${sheet + 1}`).toContain(line);
    expect(sheets.join(' ')).not.toContain(NOT_CHECKED);
    // The PDF is dated with the review, so rebuilding it gives the same bytes.
    const { info } = await readPdf(join(out, 'handouts', 'large-print', 'letter', 'glossary.pdf'));
    expect(String(info.CreationDate)).toMatch(new RegExp(`^D:${today.replaceAll('-', '')}000000`));
    const es = `Revisado por Ana Ruiz, MD el ${day(today, 'es')} · Próxima revisión: ${day(addMonths(today, 12), 'es')}`;
    expect(await html('es/glossary')).toContain(es);
    for (const text of await handout('es-glossary')) expect(text).toContain(es);
  });

  it('shows "changed since its last review" for a page edited after it was signed', async () => {
    const page = await html('risks-and-side-effects');
    expect(page).toContain('data-review-state="changed"');
    expect(page).toContain('This page has changed since its last review.');
    expect(page).toContain(`Last reviewed by Ana Ruiz, MD on ${day(today, 'en')}.`);
    for (const text of await handout('risks-and-side-effects'))
      expect(text).toContain('This page has changed since its last review.');
  });

  it('shows the overdue notice past the due date', async () => {
    const due = day(addMonths(addMonths(today, -24), 12), 'en');
    const notice = `This page is due for a new check by a clinician (due ${due}).`;
    expect(await html('after-your-session')).toContain(notice);
    for (const text of await handout('after-your-session')) expect(text).toContain(notice);
  });

  it('still shows the notice on pages nobody signed, and counts the reviews on the About page', async () => {
    expect(await html('')).toContain(NOT_CHECKED);
    for (const text of await handout('start-here')) expect(text).toContain(NOT_CHECKED);
    const about = await html('about-this-guide');
    expect(about).toContain('data-reviewed-pages="1"');
    expect(about).toMatch(/1 of \d+ pages have a current check by a clinician/);
  });

  it("stops the build, naming the page, when the clinic's config says an overdue review fails it", async () => {
    const config = join(root, 'clinic.fail.ts');
    const source = await readFile(join(root, 'clinic.config.ts'), 'utf8');
    const values = /const yourClinic: ClinicConfigInput = (\{[\s\S]*?\n\});/.exec(source)?.[1];
    expect(values).toBeDefined();
    await writeFile(config, `export default ${values!.replace("overdue: 'notice'", "overdue: 'fail'")};\n`);
    const build = await runCommand('astro', ['build', '--root', root], {
      GUIDE_OUT_DIR: join(root, 'out-fail'),
      GUIDE_CACHE_DIR: join(root, 'cache-fail'),
      GUIDE_CLINIC_CONFIG: config,
    });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.code, output).not.toBe(0);
    expect(output).toMatch(/Clinical review overdue/);
    expect(output).toMatch(/after-your-session \(.*after-your-session\.mdx?\): its clinical review was due on/);
    expect(await readdir(join(root, 'out-fail')).catch(() => [])).not.toContain('index.html');
  }, 300_000);
});
