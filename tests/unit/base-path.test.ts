import { describe, expect, it } from 'vitest';
import { baseFromSiteUrl, normalizeBase, underBase, withBase } from '../../src/lib/base-path.ts';

describe('base path helpers (src/lib/base-path.ts)', () => {
  it('normalizes a base path written any way to "/…/"', () => {
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('//')).toBe('/');
    expect(normalizeBase('patient-guide')).toBe('/patient-guide/');
    expect(normalizeBase('/patient-guide')).toBe('/patient-guide/');
    expect(normalizeBase('//patient-guide//')).toBe('/patient-guide/');
    expect(normalizeBase('/clinic/patient-guide/')).toBe('/clinic/patient-guide/');
  });

  it('puts a relative path under the base, with one slash between', () => {
    expect(underBase('/', 'handouts/')).toBe('/handouts/');
    expect(underBase('/patient-guide', 'handouts/')).toBe('/patient-guide/handouts/');
    expect(underBase('/patient-guide/', '/glossary/')).toBe('/patient-guide/glossary/');
  });

  it('adds a base written without its trailing slash to site-root links', () => {
    expect(withBase('/glossary/', '/patient-guide')).toBe('/patient-guide/glossary/');
    expect(withBase('/patient-guide/glossary/', 'patient-guide')).toBe('/patient-guide/glossary/');
  });

  it('takes the base path from the folder in siteUrl (one source of truth)', () => {
    expect(baseFromSiteUrl('https://lakeside.example.org/guide/')).toBe('/guide/');
    expect(baseFromSiteUrl('https://lakeside.example.org/guide')).toBe('/guide/');
    expect(baseFromSiteUrl('https://clinic.example/patients/guide/')).toBe('/patients/guide/');
    expect(baseFromSiteUrl('https://guide.riverside-clinic.example')).toBe('/');
  });
});
