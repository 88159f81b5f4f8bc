import { describe, expect, it } from 'vitest';
import { patientSearchTerm } from '../../src/lib/search-terms.ts';

describe('patientSearchTerm', () => {
  it('drops the small words of a spoken question', () => {
    expect(patientSearchTerm('Can I drive after?')).toBe('drive after');
    expect(patientSearchTerm('what does it feel like')).toBe('feel like');
  });

  it('searches a question made only of small words as typed', () => {
    expect(patientSearchTerm('what is it')).toBe('what is it');
  });

  it('fixes misspellings that do not start like the right word', () => {
    expect(patientSearchTerm('spravado')).toBe('spravato');
    expect(patientSearchTerm('Disassociation')).toBe('dissociation');
  });

  it('corrects "affects" only in "side affects", because it is also a real word', () => {
    expect(patientSearchTerm('side affects')).toBe('side effects');
    expect(patientSearchTerm('how it affects mood')).toBe('affects mood');
  });

  it("uses the guide's word for an everyday one", () => {
    expect(patientSearchTerm('is it addictive')).toBe('dependence');
  });

  it('drops the small words of a Spanish question', () => {
    expect(patientSearchTerm('¿Qué es la ketamina?')).toBe('ketamina');
    expect(patientSearchTerm('efectos secundarios')).toBe('efectos secundarios');
  });
});
