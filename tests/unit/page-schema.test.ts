import { describe, expect, it } from 'vitest';
import { patientPageSchema } from '../../src/schemas/page.ts';

const good = {
  summary: 'Ketamine therapy is a medical treatment given under supervision.',
  sources: [
    { title: 'Spravato prescribing information', publisher: 'FDA', year: 2025, url: 'https://www.accessdata.fda.gov/' },
  ],
};

/** The messages zod gives for `input`, each prefixed with its field path. */
function problems(input: unknown): string[] {
  const result = patientPageSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('patient page frontmatter schema', () => {
  it('accepts a complete page and fills handout defaults', () => {
    const page = patientPageSchema.parse(good);
    expect(page.summary).toBe(good.summary);
    expect(page.handout).toEqual({ include: true });
  });

  it('accepts a source without a URL and explicit handout options', () => {
    const page = patientPageSchema.parse({
      ...good,
      sources: [{ title: 'Health Literacy and Patient Safety', publisher: 'AMA Foundation', year: 2007 }],
      handout: { include: false, order: 3 },
    });
    expect(page.handout).toEqual({ include: false, order: 3 });
  });

  it.each([
    ['a hand-written review date', { ...good, reviewed: '2026-01-15' }, /^reviewed: .*npm run review -- sign/],
    [
      'a hand-written review date as a YAML date',
      { ...good, reviewed: new Date('2026-01-15') },
      /^reviewed: .*remove this line/,
    ],
    [
      'a hand-written review in any other form',
      { ...good, reviewed: 'last spring' },
      /^reviewed: .*cannot be written by hand/,
    ],
    ['no sources', { ...good, sources: [] }, /^sources: .*at least one/],
    ['sources that are not a list', { ...good, sources: 'FDA' }, /^sources: /],
    [
      'a source without a publisher',
      { ...good, sources: [{ title: 'Label', year: 2020 }] },
      /^sources\.0\.publisher: /,
    ],
    [
      'a source year written as text',
      { ...good, sources: [{ title: 'Label', publisher: 'FDA', year: '2020' }] },
      /^sources\.0\.year: .*number/,
    ],
    [
      'a source year in the future',
      { ...good, sources: [{ title: 'Label', publisher: 'FDA', year: 2999 }] },
      /^sources\.0\.year: .*future/,
    ],
    [
      'a source URL that is not a URL',
      { ...good, sources: [{ title: 'Label', publisher: 'FDA', year: 2020, url: 'fda dot gov' }] },
      /^sources\.0\.url: /,
    ],
    ['a handout include that is not true/false', { ...good, handout: { include: 'yes' } }, /^handout\.include: /],
    ['a handout order that is not whole', { ...good, handout: { order: 1.5 } }, /^handout\.order: /],
    ['a missing summary', { ...good, summary: undefined }, /^summary: /],
  ])('rejects %s, naming the field', (_label, input, expected) => {
    const found = problems(input);
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.some((message) => expected.test(message)),
      found.join('\n'),
    ).toBe(true);
  });
});
