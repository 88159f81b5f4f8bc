/**
 * Wordings that a clinical read of the guide found wrong and that were
 * corrected (issue 10). Each entry says what was wrong and what to write
 * instead, so a failing test teaches the fix. They are checked on every page,
 * every content component and the interface dictionaries, in both languages,
 * so a corrected error cannot creep back through a copy-paste.
 */
export interface CorrectedClaim {
  /** Matches the old, wrong wording. */
  pattern: RegExp;
  /** Why it is wrong, and what the facts sheet says to write instead. */
  fix: string;
}

export const correctedClaims: Record<'en' | 'es', readonly CorrectedClaim[]> = {
  en: [
    {
      pattern: /\bstrong evidence\b|\bevidence (?:is|was) strong\b|\bEvidence: strong\b|\*\*Strong:\*\*/i,
      fix: 'depression is "the best-studied use", not "strong evidence": not every trial was positive and NICE did not recommend esketamine',
    },
    {
      pattern: /\b(?:it|spray|esketamine|ketamine) eases (?:their |your |the )?depression\b/i,
      fix: 'write "it can ease depression": it does not help everyone',
    },
    {
      pattern: /\b6 over 2\b/i,
      fix: 'describe the infusion course that was studied (up to 6 infusions, 3 times a week over about 12 days) and say schedules vary',
    },
    {
      pattern: /\bwhole time\b/i,
      fix: 'say what the REMS requires (a health care provider watches for at least 2 hours), and that infusions have no REMS',
    },
    {
      pattern: /\bwithin about a week\b/i,
      fix: 'a single infusion\'s effect fades "within a few days to about a week"',
    },
    {
      pattern: /\byoung people\b/i,
      fix: 'the suicidal-thoughts warning is for people "24 and younger", and everyone on treatment is watched',
    },
    {
      pattern: /\brare at the doses\b|\bthis is rare\b/i,
      fix: 'the harm evidence is from recreational use; say what treatment studies saw and that long-term data are limited',
    },
  ],
  es: [
    {
      pattern: /\bevidencia es fuerte\b|\bEvidencia: fuerte\b|\*\*Fuerte:\*\*|\bevidencia más fuerte\b/i,
      fix: 'la depresión es "el uso más estudiado", no "evidencia fuerte"',
    },
    {
      pattern: /(?<!puede )\balivia (?:su |la )depresión\b/i,
      fix: 'escriba "puede aliviar la depresión": no ayuda a todas las personas',
    },
    {
      pattern: /\bintentado hacerse daño\b/i,
      fix: 'el inglés habla de un intento de suicidio: "han intentado quitarse la vida"',
    },
    {
      pattern: /\betiquetas?\b/i,
      fix: 'no use el calco "etiqueta": diga "la información de prescripción aprobada por la FDA"',
    },
    {
      pattern: /\b6 en 2 a 3 semanas\b/i,
      fix: 'describa la serie de infusiones que se estudió y diga que los horarios cambian',
    },
    {
      pattern: /\btodo el tiempo\b/i,
      fix: 'diga lo que exige el REMS (vigilancia por lo menos 2 horas) y que las infusiones no tienen REMS',
    },
    {
      pattern: /\bmás o menos una semana\b/i,
      fix: 'el efecto de una infusión se pasa "en unos pocos días, o a más tardar en una semana"',
    },
    {
      pattern: /\bpersonas jóvenes\b/i,
      fix: 'la advertencia es para personas "de 24 años o menos"',
    },
    {
      // \b is ASCII-only in JavaScript, so "tú" needs letter-aware lookarounds.
      pattern: /(?<!\p{L})(?:tú|puedes|tienes|debes|quieres|estás)(?!\p{L})/iu,
      fix: 'use "usted" en toda la guía, nunca "tú"',
    },
    {
      pattern:
        /\ble vigil(?:a|an|e|en)\b|\ble va a vigilar\b|\bvigilarle\b|\ble observa\b|\bmantenerle\b|\ble presiona\b/i,
      fix: 'con "usted", el objeto directo es "lo": "lo vigilan"',
    },
  ],
};

/** The fixes for every corrected claim found in `text`. */
export function findCorrectedClaims(text: string, language: 'en' | 'es'): string[] {
  return correctedClaims[language].filter(({ pattern }) => pattern.test(text)).map(({ fix }) => fix);
}
