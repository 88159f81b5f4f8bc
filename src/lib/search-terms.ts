/**
 * Turns what a patient types into what Pagefind should look for. Pagefind only
 * returns pages that contain every word of the query, so a question typed the way
 * people talk ("can I drive after", "does it work") finds nothing when a page says
 * "you" instead of "I". This drops the small words that carry no topic, and fixes
 * misspellings of the medical words this guide uses that do not share their first
 * letters with the right spelling (Pagefind already matches the start of a word, so
 * "ketamin" needs no help), and a few everyday words for which the guide uses another
 * one ("addictive": the guide says "dependence"). The page text is never changed.
 *
 * A query that reads as a crisis (src/lib/crisis-terms.ts) is searched as the crisis
 * line's number, which only the crisis pages mention in their text, so Getting help now
 * leads the results whatever words the person used.
 *
 * Runs in the browser as the `processTerm` option of Pagefind's UI (see
 * src/components/search-ui.ts), so it imports nothing but crisis-terms.ts.
 */
import { isCrisisQuery } from './crisis-terms.ts';

/**
 * What a crisis query is searched as: the number every crisis page gives, and "crisis" (the same
 * word in English and Spanish). "988" alone is not enough: the after-session page also names
 * 988 often (its "When to get help" list), and with Starlight's ranking it came first.
 */
export const CRISIS_SEARCH_TERM = '988 crisis';

/** Words that say how a question is asked, not what it is about. */
const FILLER_WORDS = new Set([
  'a',
  'an',
  'the',
  'i',
  'im',
  "i'm",
  'me',
  'my',
  'mine',
  'we',
  'us',
  'our',
  'you',
  'your',
  'it',
  'its',
  "it's",
  'is',
  'am',
  'are',
  'was',
  'be',
  'been',
  'do',
  'does',
  'did',
  'can',
  'could',
  'will',
  'would',
  'should',
  'shall',
  'may',
  'might',
  'what',
  'whats',
  "what's",
  'how',
  'who',
  'when',
  'why',
  'which',
  'this',
  'that',
  'there',
  'of',
  'to',
  'for',
  'in',
  'on',
  'by',
  'with',
  'about',
  'and',
  'or',
  'so',
  'if',
  'any',
  'some',
  'please',
  // Spanish: the same kinds of words ("¿qué es la ketamina?" searches "ketamina").
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'un',
  'una',
  'unos',
  'unas',
  'lo',
  'al',
  'y',
  'o',
  'en',
  'con',
  'por',
  'para',
  'que',
  'qué',
  'es',
  'son',
  'yo',
  'mi',
  'mis',
  'su',
  'sus',
  'se',
  'le',
  'les',
  'puedo',
  'puede',
  'cómo',
  'como',
  'cuándo',
  'cuando',
  'cuál',
  'cual',
  'dónde',
  'donde',
  'hay',
  'si',
  'sí',
]);

/** Misspellings patients make, by the word this guide uses. */
const SPELLINGS: Record<string, string[]> = {
  ketamine: ['ketamene', 'ketemine', 'katamine', 'ketamime', 'ketameen'],
  esketamine: ['esketamene', 'esketemine'],
  spravato: ['spravado', 'spravatto', 'sprivato'],
  dissociation: ['disassociation', 'dissasociation', 'disociation'],
  therapy: ['theraphy', 'therepy', 'theripy'],
  infusion: ['infussion', 'infution'],
  nausea: ['nausia', 'nasea'],
  anesthetic: ['anaesthetic', 'anestetic'],
  anesthesia: ['anaesthesia', 'anesthesa'],
  prescription: ['perscription', 'prescripton'],
  psychotherapy: ['psycotherapy', 'sychotherapy'],
};

/**
 * Words patients use for an idea this guide names with another word. Pagefind has no
 * "either word" search, so the patient's word is replaced by the guide's.
 */
const GUIDE_WORDS: Record<string, string[]> = {
  dependence: ['addictive', 'addiction', 'addicted', 'hooked'],
};

const CORRECTIONS = new Map(
  [...Object.entries(SPELLINGS), ...Object.entries(GUIDE_WORDS)].flatMap(([right, wrongs]) =>
    wrongs.map((wrong) => [wrong, right] as const),
  ),
);

/** The words of `term` Pagefind should look for. */
export function patientSearchTerm(term: string): string {
  if (isCrisisQuery(term)) return CRISIS_SEARCH_TERM;
  const words = term
    .toLowerCase()
    .replace(/[?!.,;:"“”¿¡]/g, ' ')
    // "affects" is a real word (the glossary uses it), so it is only corrected after "side".
    .replace(/\bside[\s-]+affects?\b/g, 'side effects')
    .split(/\s+/)
    .filter(Boolean);
  const corrected = words.map((word) => CORRECTIONS.get(word) ?? word);
  const topical = corrected.filter((word) => !FILLER_WORDS.has(word.replace(/[’]/g, "'")));
  // A question made only of small words ("what is it") is searched as typed.
  return (topical.length > 0 ? topical : corrected).join(' ');
}
