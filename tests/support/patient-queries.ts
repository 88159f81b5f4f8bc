/**
 * What patients actually type into the search box, and the page that should answer it.
 * The answer must be among the first three results. Typed as people type: short,
 * lower case, half-questions and misspellings (Pagefind matches word beginnings, so a
 * misspelling that keeps the start of the word, like "ketamin", still finds it; others
 * are corrected by src/lib/search-terms.ts).
 */
export const PATIENT_QUERIES: Array<{ query: string; page: string }> = [
  { query: 'can I drive after', page: 'after-your-session' },
  { query: 'side effects', page: 'risks-and-side-effects' },
  { query: 'is it legal', page: 'legal-status-and-safe-settings' },
  { query: 'pregnant', page: 'is-it-right-for-me' },
  { query: 'breastfeeding', page: 'is-it-right-for-me' },
  { query: 'how long does it last', page: 'what-the-research-shows' },
  // "How ketamine works" comes first for these (fair: "how does it work" asks that), but the research page's "How well does it work?" follows.
  { query: 'does it work', page: 'what-the-research-shows' },
  { query: 'how well does it work', page: 'what-the-research-shows' },
  { query: 'nasal spray', page: 'types-of-treatment' },
  { query: 'spravato', page: 'types-of-treatment' },
  { query: 'infusion', page: 'types-of-treatment' },
  // The guide states no prices (they vary); its "Cost and insurance" section says what to ask the clinic and the insurance plan.
  { query: 'cost', page: 'questions-to-ask' },
  { query: 'insurance', page: 'questions-to-ask' },
  { query: 'is it covered by insurance', page: 'questions-to-ask' },
  { query: 'bladder', page: 'risks-and-side-effects' },
  { query: 'what does it feel like', page: 'what-a-session-is-like' },
  { query: 'ketamin therapy', page: 'index' },
  { query: 'spravado', page: 'types-of-treatment' },
  { query: 'side affects', page: 'risks-and-side-effects' },
  { query: 'nausia', page: 'risks-and-side-effects' },
  { query: 'disassociation', page: 'glossary' },
  { query: 'what is ketamine therapy', page: 'index' },
  { query: 'will I get high', page: 'myths-and-facts' },
  { query: 'is it addictive', page: 'risks-and-side-effects' },
  { query: 'how does it work', page: 'how-it-works' },
  { query: 'glutamate', page: 'how-it-works' },
  { query: 'ptsd', page: 'what-the-research-shows' },
  { query: 'can I eat before', page: 'preparing-for-your-session' },
  { query: 'ride home', page: 'preparing-for-your-session' },
  { query: 'what happens during a session', page: 'what-a-session-is-like' },
  { query: 'blood pressure', page: 'risks-and-side-effects' },
  { query: 'at home', page: 'legal-status-and-safe-settings' },
  { query: 'schedule iii', page: 'legal-status-and-safe-settings' },
  { query: 'suicidal thoughts', page: 'getting-help-now' },
  { query: 'therapy after', page: 'psychotherapy-and-integration' },
  { query: 'questions to ask', page: 'questions-to-ask' },
  // The guide says "clinician"; the questions page says once that this means "your doctor, nurse practitioner or other prescriber".
  { query: 'questions for my doctor', page: 'questions-to-ask' },
  { query: 'psychosis', page: 'is-it-right-for-me' },
  { query: 'alcohol', page: 'after-your-session' },
  { query: 'dissociation meaning', page: 'glossary' },
  { query: 'print', page: 'printable-handouts' },
  { query: 'who wrote this', page: 'about-this-guide' },
];

/**
 * Queries whose answer the content does not give in the words patients use, so the
 * right page is not in the top 3 yet. Each is a note for the content writers; the test
 * expects them to fail, and tells you to move one up to PATIENT_QUERIES once it passes.
 */
export const CONTENT_GAPS: Array<{ query: string; page: string; gap: string }> = [
  // None open. Closed in November 2026: "does it work" (the research page now asks "How well does it work?")
  // and "questions for my doctor" (the questions page now says what a clinician is).
];

/**
 * Queries that read as a crisis (src/lib/crisis-terms.ts), in a person's own words, with
 * the edition they are typed in. Each must show the crisis panel above the results and
 * put Getting help now first (tests/e2e/crisis-search.test.ts).
 */
export const CRISIS_QUERIES: Array<{ query: string; lang: 'en' | 'es' }> = [
  { query: 'hurt myself', lang: 'en' },
  { query: 'I want to kill myself', lang: 'en' },
  { query: 'want to die', lang: 'en' },
  { query: 'suicidal', lang: 'en' },
  { query: 'suicide', lang: 'en' },
  { query: 'hotline', lang: 'en' },
  { query: 'crisis line', lang: 'en' },
  { query: 'emergency', lang: 'en' },
  { query: 'quiero morir', lang: 'es' },
  { query: 'matarme', lang: 'es' },
  { query: 'línea de crisis', lang: 'es' },
  { query: 'suicidio', lang: 'es' },
  { query: 'emergencia', lang: 'es' },
];

/** What Spanish speakers type, and the Spanish page that should answer it in the top 3. */
export const SPANISH_QUERIES: Array<{ query: string; page: string }> = [
  { query: 'efectos secundarios', page: 'risks-and-side-effects' },
  { query: 'embarazo', page: 'is-it-right-for-me' },
  { query: 'línea de crisis', page: 'getting-help-now' },
];
