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
  'strong evidence',
  'evidence is strong',
  'proven to work',
];

/** The same idea for the Spanish edition: overstatements a Spanish page must not make. */
export const overclaimPhrasesEs: readonly string[] = [
  'cura',
  'curas',
  'curar',
  'garantizado',
  'garantizada',
  'garantiza',
  'milagro',
  'milagroso',
  'milagrosa',
  'revolucionario',
  'sin efectos secundarios',
  'totalmente seguro',
  'totalmente segura',
  'completamente seguro',
  'completamente segura',
  'sin riesgos',
  '100%',
  'funciona para todos',
  'previene el suicidio',
  'evita el suicidio',
  'ampliamente reconocido',
  'evidencia fuerte',
  'evidencia es fuerte',
  'está comprobado',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(phrases: readonly string[]): { phrase: string; pattern: RegExp }[] {
  return phrases.map((phrase) => ({
    phrase,
    // Lookarounds instead of \b so phrases that start or end with a symbol ("100%") or an accented letter still match as words.
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'iu'),
  }));
}

const patterns = { en: compile(overclaimPhrases), es: compile(overclaimPhrasesEs) };

/** The overclaiming phrases found in `text` (English unless `language` says otherwise), in list order. */
export function findOverclaims(text: string, language: 'en' | 'es' = 'en'): string[] {
  return patterns[language].filter(({ pattern }) => pattern.test(text)).map(({ phrase }) => phrase);
}
