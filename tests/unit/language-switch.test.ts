import { describe, expect, it } from 'vitest';
import { otherLanguagePath } from '../../src/lib/language-switch.ts';

describe('otherLanguagePath', () => {
  it('goes from an English page to its Spanish edition and back', () => {
    expect(otherLanguagePath('/glossary/', '/', 'es')).toBe('/es/glossary/');
    expect(otherLanguagePath('/es/glossary/', '/', 'en')).toBe('/glossary/');
  });

  it('maps the home pages to each other', () => {
    expect(otherLanguagePath('/', '/', 'es')).toBe('/es/');
    expect(otherLanguagePath('/es/', '/', 'en')).toBe('/');
  });

  it('keeps the base path of a sub-path build', () => {
    expect(otherLanguagePath('/patient-guide/es/getting-help-now/', '/patient-guide/', 'en')).toBe(
      '/patient-guide/getting-help-now/',
    );
    expect(otherLanguagePath('/patient-guide/', '/patient-guide', 'es')).toBe('/patient-guide/es/');
  });

  it('does not mistake a page whose name starts with "es" for the Spanish folder', () => {
    expect(otherLanguagePath('/esketamine/', '/', 'es')).toBe('/es/esketamine/');
  });
});
