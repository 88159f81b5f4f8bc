/**
 * Words and phrases that make a search read as a crisis: someone who may hurt
 * themselves, or who looks for the crisis line. When a query holds one, the search
 * shows "Call or text 988 now" above the results and puts Getting help now first
 * (see src/components/Search.astro). Both languages are listed together: a person
 * may type Spanish on the English edition, and a missed crisis costs far more than
 * a panel shown once too often.
 *
 * Matching ignores case, accents and punctuation, and works on whole words, so
 * "suicide" matches "suicide?" and "Suicidio", but "die" never matches "diet".
 * Runs in the browser, so it stays self-contained.
 */

/** A person's own words about suicide or self-harm. */
const SELF_HARM: readonly string[] = [
  // English
  'suicide',
  'suicidal',
  'kill myself',
  'killing myself',
  'kill my self',
  'end my life',
  'ending my life',
  'end it all',
  'take my own life',
  'take my life',
  'want to die',
  'wanna die',
  'wish i was dead',
  'wish i were dead',
  'better off dead',
  'dont want to live',
  'do not want to live',
  'dont want to be alive',
  'hurt myself',
  'hurting myself',
  'harm myself',
  'self harm',
  'selfharm',
  'cut myself',
  'cutting myself',
  'overdose',
  'no reason to live',
  // Spanish (US usage)
  'suicidio',
  'suicida',
  'suicidarme',
  'matarme',
  'me quiero matar',
  'quitarme la vida',
  'quiero morir',
  'quiero morirme',
  'me quiero morir',
  'no quiero vivir',
  'hacerme dano',
  'me hago dano',
  'lastimarme',
  'autolesion',
  'autolesiones',
  'cortarme',
  'sobredosis',
];

/** Words people use when they look for urgent help or the crisis line. */
const HELP_NOW: readonly string[] = [
  // English
  'crisis',
  'hotline',
  'crisis line',
  'helpline',
  'help line',
  'lifeline',
  'emergency',
  'help now',
  '988',
  '911',
  // Spanish
  'linea de crisis',
  'linea de ayuda',
  'emergencia',
  'urgencia',
  'ayuda ahora',
  'ayuda urgente',
];

/** Every crisis phrase, in the form `normalizeQuery` gives. */
export const CRISIS_PHRASES: readonly string[] = [...SELF_HARM, ...HELP_NOW];

/** Lower case, no accents, apostrophes dropped ("don't" → "dont"), other punctuation as spaces. */
export function normalizeQuery(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[-_]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when `query` holds a crisis word or phrase as whole words. */
export function isCrisisQuery(query: string): boolean {
  const padded = ` ${normalizeQuery(query)} `;
  return CRISIS_PHRASES.some((phrase) => padded.includes(` ${normalizeQuery(phrase)} `));
}
