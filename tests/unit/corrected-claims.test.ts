import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctedClaims, findCorrectedClaims } from '../support/corrected-claims';
import { docsDir, loadPages, textField, type GuidePage } from '../support/pages';
import { PROJECT_ROOT } from '../support/paths';

/**
 * The About page is being rewritten with the review workflow (issue 10,
 * section 4) and is owned there; it is checked once that rewrite lands.
 */
const ownedElsewhere = new Set<string>();

const editions = [
  { language: 'en' as const, pages: loadPages() },
  { language: 'es' as const, pages: loadPages(join(docsDir, 'es'), '/es/') },
];

function pageText(page: GuidePage): string {
  return [textField(page, 'title'), textField(page, 'description'), textField(page, 'summary'), page.body].join('\n');
}

const componentsDir = join(PROJECT_ROOT, 'src/components');
const components = readdirSync(componentsDir).filter((file) => file.endsWith('.astro'));

describe('corrected claims stay corrected', () => {
  for (const { language, pages } of editions) {
    const cases = pages
      .filter((page) => !ownedElsewhere.has(page.slug))
      .map((page) => [`${language}/${page.file}`, page] as const);
    it.each(cases)('%s has none of the corrected wordings', (_file, page) => {
      expect(findCorrectedClaims(pageText(page), language)).toEqual([]);
    });

    it(`the ${language} dictionary has none of them`, () => {
      const text = readFileSync(join(PROJECT_ROOT, 'src/content/i18n', `${language}.json`), 'utf8');
      expect(findCorrectedClaims(text, language)).toEqual([]);
    });
  }

  it.each(components)('src/components/%s has none of them', (file) => {
    const text = readFileSync(join(componentsDir, file), 'utf8');
    expect(findCorrectedClaims(text, 'en')).toEqual([]);
    expect(findCorrectedClaims(text, 'es')).toEqual([]);
  });

  it('catches each old wording it lists', () => {
    const old = {
      en: [
        'The evidence is strong.',
        'It eases their depression.',
        'Courses, often 6 over 2 to 3 weeks.',
        'Staff watch you the whole time.',
        'It faded within about a week.',
        'This risk applies to young people.',
        'These harms are rare at the doses used.',
      ],
      es: [
        '**Evidencia: fuerte.**',
        'Alivia su depresión.',
        'Han intentado hacerse daño.',
        'En la etiqueta de la FDA.',
        'Muchas veces 6 en 2 a 3 semanas.',
        'El personal lo vigila todo el tiempo.',
        'Se pasa en más o menos una semana.',
        'Se aplica a las personas jóvenes.',
        'Si tú tienes dudas.',
        'El personal le vigila.',
      ],
    };
    for (const language of ['en', 'es'] as const) {
      expect(old[language]).toHaveLength(correctedClaims[language].length);
      old[language].forEach((sentence, index) => {
        expect(findCorrectedClaims(sentence, language), sentence).toEqual([correctedClaims[language][index]?.fix]);
      });
    }
  });

  it('lets the corrected wordings through', () => {
    expect(
      findCorrectedClaims(
        'This is the best-studied use. It can ease depression within a few days to about a week.',
        'en',
      ),
    ).toEqual([]);
    expect(
      findCorrectedClaims('Puede aliviar su depresión. Han intentado quitarse la vida. Lo vigilan.', 'es'),
    ).toEqual([]);
  });
});

/** Facts the corrected pages must keep saying (issue 10, sections 1 and 2). */
const requiredFacts: { slug: string; en: RegExp[]; es: RegExp[] }[] = [
  {
    slug: 'what-the-research-shows',
    en: [
      /best-studied/,
      /NICE/,
      /not every (?:trial|study)/i,
      /158 veterans/,
      /up to 6 infusions, 3 times a week/,
      /median of 18 days/,
      /Evidence: early and mixed/,
    ],
    es: [
      /más estudiad[oa]/,
      /NICE/,
      /no todos los (?:ensayos|estudios)/i,
      /158 veteranos/,
      /hasta 6 infusiones, 3 veces por semana/,
      /18 días/,
      /Evidencia: inicial y mixta/,
    ],
  },
  {
    slug: 'risks-and-side-effects',
    en: [
      /<WhenToGetHelp \/>/,
      /24 and younger/,
      /About half of people/,
      /3 in every 1,000/,
      /March 2019/,
      /recreational/i,
      /up to a year/,
      /every medicine and supplement/,
    ],
    es: [
      /<WhenToGetHelp \/>/,
      /24 años o menos/,
      /la mitad de las personas/,
      /3 de cada 1,000/,
      /marzo de 2019/,
      /recreativ/,
      /hasta un año/,
      /todos los medicamentos y suplementos/,
    ],
  },
  {
    slug: 'after-your-session',
    en: [/<WhenToGetHelp \/>/, /dip/, /988lifeline\.org/, /press 1/i, /press 2/i],
    es: [/<WhenToGetHelp \/>/, /bajar/, /988lifeline\.org/, /marque 1/i, /marque 2/i],
  },
  {
    slug: 'getting-help-now',
    en: [/\*\*Text\*\*/, /\*\*Chat\*\*/, /press 1 for the Veterans Crisis Line/, /press 2 for help in Spanish/],
    es: [
      /línea de crisis/i,
      /\*\*Chatee\*\*/,
      /marcar 1 para la Línea de Crisis para Veteranos/,
      /marcar 2 para recibir ayuda en español/,
    ],
  },
  {
    slug: 'preparing-for-your-session',
    en: [
      /2 hours before/,
      /30 minutes before/,
      /every medicine and supplement/,
      /If it is high, your clinician may wait/,
      /- \[ \]/,
    ],
    es: [/2 horas antes/, /30 minutos antes/, /todos los medicamentos y suplementos/, /Si la tiene alta/, /- \[ \]/],
  },
  {
    slug: 'questions-to-ask',
    en: [/every medicine and supplement/, /alcohol/, /blood pressure is high/],
    es: [/todos los medicamentos y suplementos/, /alcohol/, /presión alta/],
  },
  {
    slug: 'types-of-treatment',
    en: [
      /Weeks 1 to 4/,
      /first 4 weeks/,
      /If it is not helping/,
      /wears off/,
      /Infusions have no REMS/,
      /not approved for anyone under 18/,
    ],
    es: [
      /Semanas 1 a 4/,
      /primeras 4 semanas/,
      /Si no le ayuda/,
      /se pasa el efecto/,
      /no tienen REMS/,
      /menores de 18 años/,
    ],
  },
];

describe('corrected facts stay on their pages', () => {
  for (const { language, pages } of editions) {
    const bySlug = new Map(pages.map((page) => [page.slug, page]));
    it.each(requiredFacts)(`${language}: $slug says what the facts sheet requires`, (required) => {
      const page = bySlug.get(required.slug);
      expect(page, `${language}/${required.slug} is missing`).toBeDefined();
      for (const fact of required[language])
        expect(pageText(page!), `${language}/${required.slug} should match ${String(fact)}`).toMatch(fact);
    });
  }
});
