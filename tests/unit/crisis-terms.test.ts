import { describe, expect, it } from 'vitest';
import { CRISIS_PHRASES, isCrisisQuery, normalizeQuery } from '../../src/lib/crisis-terms.ts';
import { CRISIS_SEARCH_TERM, patientSearchTerm } from '../../src/lib/search-terms.ts';
import { CRISIS_QUERIES } from '../support/patient-queries.ts';

describe('isCrisisQuery', () => {
  it.each(CRISIS_QUERIES.map(({ query }) => query))('reads "%s" as a crisis', (query) => {
    expect(isCrisisQuery(query)).toBe(true);
  });

  it('ignores case, accents, apostrophes and punctuation', () => {
    expect(isCrisisQuery('I DON’T want to live')).toBe(true);
    expect(isCrisisQuery('¿Línea de crisis?')).toBe(true);
    expect(isCrisisQuery('linea de crisis')).toBe(true);
    expect(isCrisisQuery('hacerme daño')).toBe(true);
    expect(isCrisisQuery('self-harm')).toBe(true);
  });

  it('matches whole words only, so everyday questions get no crisis panel', () => {
    for (const query of [
      'diet',
      'will it hurt',
      'side effects',
      'dietary rules',
      'cost',
      'emergent',
      'kill time',
      'efectos secundarios',
      'embarazo',
      'how does it work',
    ]) {
      expect(isCrisisQuery(query), query).toBe(false);
    }
  });

  it('keeps every listed phrase matchable (no phrase is lost to normalisation)', () => {
    for (const phrase of CRISIS_PHRASES) {
      expect(normalizeQuery(phrase), phrase).not.toBe('');
      expect(isCrisisQuery(phrase), phrase).toBe(true);
    }
  });

  it('lists both languages', () => {
    expect(CRISIS_PHRASES).toContain('suicide');
    expect(CRISIS_PHRASES).toContain('quiero morir');
  });
});

describe('patientSearchTerm for a crisis query', () => {
  it('searches the crisis line number, which the crisis pages give', () => {
    expect(patientSearchTerm('hurt myself')).toBe(CRISIS_SEARCH_TERM);
    expect(patientSearchTerm('matarme')).toBe(CRISIS_SEARCH_TERM);
  });

  it('leaves other queries alone', () => {
    expect(patientSearchTerm('side effects')).toBe('side effects');
  });
});
