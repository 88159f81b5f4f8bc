import { describe, expect, it } from 'vitest';
import { loadPages, textField } from '../support/pages';

/**
 * The six topics of the source article (shared/content/source-article.md),
 * the page that covers each, and words that page must use to cover it.
 */
const topics = [
  { topic: 'What ketamine therapy is', slug: 'index', mentions: [/ketamine/i, /anesthe/i, /esketamine/i] },
  { topic: 'The "high" misconception', slug: 'myths-and-facts', mentions: [/\bhigh\b/i, /recreational|party/i] },
  {
    topic: 'How ketamine works in the brain',
    slug: 'how-it-works',
    mentions: [/NMDA/, /glutamate/i, /unknown|not known|still being studied/i],
  },
  {
    topic: 'Medical benefits',
    slug: 'what-the-research-shows',
    mentions: [/depression/i, /PTSD/, /pain/i, /anxiety/i],
  },
  {
    topic: 'Risks and side effects',
    slug: 'risks-and-side-effects',
    mentions: [/blood pressure/i, /bladder/i, /nausea/i, /misuse/i],
  },
  {
    topic: 'Legality and safe settings',
    slug: 'legal-status-and-safe-settings',
    mentions: [/Schedule III/, /licens/i, /at home/i],
  },
];

const pages = new Map(loadPages().map((page) => [page.slug, page]));

describe('coverage of the source article', () => {
  it.each(topics)('$topic is covered by the $slug page', ({ slug, mentions }) => {
    const page = pages.get(slug);
    expect(page, `page "${slug}" is missing`).toBeDefined();
    const text = `${textField(page!, 'summary')}\n${page!.body}`;
    for (const mention of mentions) expect(text, `${slug} should cover ${String(mention)}`).toMatch(mention);
  });
});
