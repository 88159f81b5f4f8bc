/**
 * Readability of Spanish prose by the Szigriszt-Pazos formula, read on the
 * INFLESZ scale (Barrio-Cantalejo et al., 2008): below 40 very hard, 40–55
 * somewhat hard, 55–65 normal, 65–80 fairly easy, above 80 very easy.
 * Sentences and words are counted as for English (tests/support/readability.ts);
 * only syllables need Spanish rules.
 */
import { countText, type TextCounts } from './readability.ts';

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const strong = new Set([...'aeoáéóíú']);
const weak = new Set([...'iuü']);

/**
 * Syllables in one Spanish word, by its vowel groups: two strong vowels (a, e, o,
 * or an accented í/ú) side by side are two syllables (hiatus, "le-er", "dí-a");
 * a weak vowel (i, u) next to another vowel shares its syllable (diphthong,
 * "bue-no", "ciu-dad"). The silent u of que/qui/gue/gui is not a vowel, and y
 * is a vowel only where no vowel follows it ("muy", "y").
 */
export function spanishSyllables(word: string): number {
  const letters = word
    .toLowerCase()
    .replace(/[^a-záéíóúüñ]/g, '')
    .replace(/([qg])u([eéií])/g, '$1$2');
  let count = 0;
  let previous: 'strong' | 'weak' | undefined;
  for (let index = 0; index < letters.length; index += 1) {
    const char = letters[index] ?? '';
    const next = letters[index + 1] ?? '';
    const isVowelY = char === 'y' && !strong.has(next) && !weak.has(next);
    const kind = strong.has(char) ? 'strong' : weak.has(char) || isVowelY ? 'weak' : undefined;
    if (kind === undefined) {
      previous = undefined;
      continue;
    }
    // A new syllable starts after a consonant, or between two strong vowels.
    if (previous === undefined || (previous === 'strong' && kind === 'strong')) count += 1;
    previous = kind === 'weak' && previous === 'strong' ? 'strong' : kind;
  }
  // Digits ("988") and words without vowels still take time to read.
  return Math.max(1, count);
}

/** Sentences, words and Spanish syllables in prose produced by `extractProse`. */
export function countSpanishText(prose: string): TextCounts {
  const { sentence, word } = countText(prose);
  const words = prose.match(wordPattern) ?? [];
  return { sentence, word, syllable: words.reduce((total, w) => total + spanishSyllables(w), 0) };
}

/** Szigriszt-Pazos perspicuity (the INFLESZ score): higher is easier. */
export function inflesz(prose: string): number {
  const counts = countSpanishText(prose);
  if (counts.word === 0 || counts.sentence === 0) return 0;
  return 206.835 - (62.3 * counts.syllable) / counts.word - counts.word / counts.sentence;
}

/** The INFLESZ band a score falls in, as the scale names it. */
export function infleszBand(score: number): string {
  if (score < 40) return 'muy difícil';
  if (score < 55) return 'algo difícil';
  if (score < 65) return 'normal';
  if (score <= 80) return 'bastante fácil';
  return 'muy fácil';
}
