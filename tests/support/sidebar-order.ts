/**
 * The sidebar as it was when it was a list in astro.config.mjs, before it was
 * built from frontmatter: the tests check that the generated one keeps it.
 */
export const READING_ORDER: ReadonlyArray<{ group: string; slugs: readonly string[] }> = [
  { group: 'Start here', slugs: ['index', 'is-it-right-for-me'] },
  { group: 'Understanding treatment', slugs: ['types-of-treatment', 'how-it-works', 'what-the-research-shows'] },
  {
    group: 'Your treatment day',
    slugs: [
      'preparing-for-your-session',
      'what-a-session-is-like',
      'after-your-session',
      'psychotherapy-and-integration',
    ],
  },
  { group: 'Safety', slugs: ['risks-and-side-effects', 'myths-and-facts', 'legal-status-and-safe-settings'] },
  {
    group: 'Help and reference',
    slugs: ['questions-to-ask', 'getting-help-now', 'glossary', 'printable-handouts', 'about-this-guide'],
  },
];
