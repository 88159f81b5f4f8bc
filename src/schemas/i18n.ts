import { z } from 'astro/zod';

/**
 * Our own interface strings, on top of Starlight's: every component reads them
 * with `Astro.locals.t('guide.…')`, and the handout renderer gets its header and
 * footer text from them through dist/handout-pages.json. Each language file in
 * src/content/i18n/ must have every key, so a missing translation stops the build.
 * Placeholders such as `{phone}` are filled in by src/lib/placeholders.ts.
 */
const text = z.string().trim().min(1);

export const guideStringsSchema = z.object({
  'guide.reviewed': text,
  'guide.whatToKnow': text,
  'guide.help.heading': text,
  'guide.help.crisis': text,
  'guide.help.emergency': text,
  'guide.help.questions': text,
  'guide.help.disclaimer': text,
  'guide.sources': text,
  'guide.options.corner': text,
  'guide.contact.heading': text,
  'guide.contact.phone': text,
  'guide.contact.address': text,
  'guide.contact.hours': text,
  'guide.contact.website': text,
  'guide.hours.days': text,
  'guide.hours.times': text,
  'guide.handout.pageOf': text,
  'guide.handout.reviewed': text,
  'guide.handout.nav': text,
  'guide.handout.print': text,
  'guide.handout.download': text,
  'guide.handout.largePrint': text,
  'guide.paper.letter': text,
  'guide.paper.a4': text,
  'guide.online.heading': text,
  'guide.online.scan': text,
  'guide.booklet.subtitle': text,
  'guide.booklet.contents': text,
  'guide.handouts.caption': text,
  'guide.handouts.column': text,
  'guide.handouts.file': text,
  'guide.handouts.pageOne': text,
  'guide.handouts.pageMany': text,
  'guide.handouts.booklet': text,
  'guide.handouts.preparing': text,
  'guide.search.crisisCall': text,
  'guide.search.crisisEmergency': text,
  'guide.search.crisisLabel': text,
  'guide.header.helpLink': text,
  'guide.header.otherLanguage': text,
  'guide.header.otherLanguageLabel': text,
  'guide.handout.linkName': text,
  'guide.offline.title': text,
  'guide.offline.intro': text,
  'guide.offline.works': text,
  'guide.offline.saved': text,
  'guide.offline.handouts': text,
  'guide.offline.calls': text,
  'guide.manifest.name': text,
  'guide.manifest.shortName': text,
  'guide.manifest.description': text,
  'guide.questions.saved': text,
  'guide.pdf.bookletTitle': text,
  'guide.pdf.bookletSubject': text,
  'guide.pdf.largePrintTitle': text,
});

export type GuideStringKey = keyof z.infer<typeof guideStringsSchema>;
