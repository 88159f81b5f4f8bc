import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/** The counts the Flesch–Kincaid formula needs (a type alias, so it fits the package's index-signature type). */
export type TextCounts = {
  sentence: number;
  word: number;
  syllable: number;
};

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Counts sentences, words and syllables in English prose (as produced by `extractProse`). */
export function countText(prose: string): TextCounts {
  const sentences = prose.split(/[.!?]+(?=["')\]]?(?:\s|$))/).filter((part) => /[\p{L}\p{N}]/u.test(part));
  const words = prose.match(wordPattern) ?? [];
  // Numbers such as "988" or "2019" get no syllables from `syllable`; count
  // them as one so they do not make a page look easier than it is.
  const syllables = words.reduce((total, word) => total + Math.max(1, syllable(word)), 0);
  return { sentence: sentences.length, word: words.length, syllable: syllables };
}

/** US school grade of English prose by the Flesch–Kincaid formula. */
export function fleschKincaidGrade(prose: string): number {
  const counts = countText(prose);
  return counts.word === 0 || counts.sentence === 0 ? 0 : fleschKincaid(counts);
}

/** The middle value (mean of the two middle values for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
