import { afterAll, describe, expect, it } from 'vitest';
import { clinic } from '../../clinic.config.ts';
import { pagesOf, singleLanguageReason } from '../support/editions.ts';
import { textField, type GuidePage } from '../support/pages.ts';
import { extractProse } from '../support/prose.ts';
import { inflesz, infleszBand, spanishSyllables } from '../support/readability-es.ts';

/** "Normal" or easier on the INFLESZ scale: what general patient materials in Spanish should reach. */
const minScore = 55;

// Only when the clinic builds the Spanish edition: an English-only clinic publishes no Spanish page.
const pages = pagesOf(clinic, 'es');

function proseOf(page: GuidePage): string {
  // As for English: the summary is read first, so it is scored with the body.
  return [extractProse(textField(page, 'summary')), extractProse(page.body)].join('\n\n');
}

describe('Spanish syllable counting', () => {
  it.each([
    ['casa', 2],
    ['ketamina', 4],
    ['tratamiento', 4],
    ['depresión', 3],
    ['día', 2],
    ['leer', 2],
    ['ciudad', 2],
    ['aeropuerto', 5],
    ['guitarra', 3],
    ['que', 1],
    ['muy', 1],
    ['y', 1],
    ['ahora', 3],
    ['pingüino', 3],
  ])('%s has %i syllables', (word, expected) => {
    expect(spanishSyllables(word)).toBe(expected);
  });

  it('scores short plain sentences as easy and long technical ones as hard', () => {
    expect(inflesz('Usted no está solo. Llame hoy. Le vamos a ayudar.')).toBeGreaterThan(80);
    expect(
      inflesz(
        'La administración intravenosa de ketamina racémica constituye una indicación terapéutica no autorizada, fundamentada en investigaciones controladas aleatorizadas de metodología heterogénea y resultados considerablemente variables.',
      ),
    ).toBeLessThan(40);
  });
});

describe(`Spanish readability (INFLESZ, at least ${minScore})`, () => {
  // With no Spanish pages there is nothing to score; tests/unit/translations.test.ts reports missing ones.
  if (pages.length === 0)
    it.skip(
      singleLanguageReason(clinic, 'es') || 'no Spanish pages yet (src/content/docs/es/ is empty)',
      () => undefined,
    );

  it.each(pages.map((page) => [page.file, page] as const))('es/%s reads as normal or easier', (file, page) => {
    const score = inflesz(proseOf(page));
    expect(
      score,
      `es/${file} scores ${score.toFixed(1)} (${infleszBand(score)}); use shorter sentences and shorter words`,
    ).toBeGreaterThanOrEqual(minScore);
  });

  afterAll(() => {
    if (pages.length === 0) return;
    const rows = pages.map((page) => {
      const score = inflesz(proseOf(page));
      return `  ${score.toFixed(1).padStart(5)}  ${infleszBand(score).padEnd(14)}  es/${page.file}`;
    });
    console.log(['INFLESZ (Szigriszt-Pazos) per Spanish page:', ...rows].join('\n'));
  });
});
