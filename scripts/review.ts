/**
 * `npm run review`: records clinical reviews and shows where every page stands.
 * The work is done by src/review/; this file only parses the command line and
 * sets the exit code.
 *
 *   npm run review -- sign <page>... --by "<name, credentials>" [--date YYYY-MM-DD]
 *   npm run review -- status
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { clinic } from '../clinic.config.ts';
import { localToday } from '../src/review/dates.ts';
import { pageLabel } from '../src/review/pages.ts';
import { ReviewError } from '../src/review/records.ts';
import { collectStatuses } from '../src/review/report.ts';
import { signPages } from '../src/review/sign.ts';
import { formatStatusTable } from '../src/review/status-table.ts';
import { nextReviewDue } from '../src/review/status.ts';

const HELP = `Record clinical reviews of the guide's pages, and see where every page stands.

Usage:
  npm run review -- status
      Every page: who reviewed it and when, when the next review is due, whether
      the page changed since its review, and for translations whether the English
      page changed since the translation was checked.

  npm run review -- sign <page>... --by "<name, credentials>" [--date YYYY-MM-DD]
      Records that the named person checked these pages as they are now (the
      record holds a hash of each page's file). Name pages as on the site:
      "glossary", "es/glossary", "index" for the home page.

Options:
  --by <text>      Reviewer's name and credentials, e.g. "Ana Ruiz, MD" (sign; required)
  --date <day>     Day of the review, if not today, YYYY-MM-DD (sign; not in the future)
  --root <dir>     Project folder holding src/content/. Default: the current folder
  -h, --help       Show this help

Records are kept in src/content/reviews/<language>.json: commit them with the pages.`;

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        by: { type: 'string' },
        date: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ReviewError(`${(error as Error).message}. Run \`npm run review -- --help\` for the options.`);
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  const [command, ...pages] = positionals;
  if (values.help || command === undefined) {
    console.log(HELP);
    return;
  }
  const root = resolve(values.root ?? process.cwd());
  const today = localToday();
  if (command === 'status') {
    if (pages.length > 0 || values.by !== undefined || values.date !== undefined)
      throw new ReviewError('`status` takes no pages, --by or --date');
    console.log(formatStatusTable(await collectStatuses(root, clinic.languages, clinic.review, today)));
    return;
  }
  if (command === 'sign') {
    const records = await signPages({
      root,
      languages: clinic.languages,
      pages,
      by: values.by,
      date: values.date,
      today,
    });
    for (const record of records) {
      console.log(
        `Signed ${pageLabel(record)}: reviewed by ${record.reviewer} on ${record.date}; next review due ${nextReviewDue(record, clinic.review)}.`,
      );
    }
    console.log(
      'Commit src/content/reviews/ together with the pages; editing a page later shows "changed since its last review" until it is signed again.',
    );
    return;
  }
  throw new ReviewError(
    `unknown command "${command}": use \`status\` or \`sign\`. Run \`npm run review -- --help\` for details.`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ReviewError ? `review: ${error.message}` : ((error as Error).stack ?? String(error)));
  process.exitCode = error instanceof ReviewError ? 2 : 1;
});
