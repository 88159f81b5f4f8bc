/**
 * Words and phrases that overstate what ketamine treatment can do. The one
 * list every honesty check reads. Matched case-insensitively as whole words, so
 * "cure" does not match "secure". Honest sentences can say the same thing
 * without them ("it does not work for everyone", "no one can promise").
 */
export const overclaimPhrases: readonly string[] = [
  'cure',
  'cures',
  'cured',
  'curing',
  'guaranteed',
  'guarantees',
  'miracle',
  'miraculous',
  'breakthrough',
  'groundbreaking',
  'game changer',
  'game-changer',
  'no side effects',
  'side-effect free',
  'completely safe',
  'totally safe',
  'perfectly safe',
  '100% safe',
  '100%',
  'risk-free',
  'works for everyone',
  'prevents suicide',
  'widely recognized',
  'FDA-approved ketamine for depression',
  'FDA approved ketamine for depression',
  'ketamine is FDA-approved for depression',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = overclaimPhrases.map((phrase) => ({
  phrase,
  // Lookarounds instead of \b so phrases that start or end with a symbol ("100%") still match as words.
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'iu'),
}));

/** The overclaiming phrases found in `text`, in list order. */
export function findOverclaims(text: string): string[] {
  return patterns.filter(({ pattern }) => pattern.test(text)).map(({ phrase }) => phrase);
}
