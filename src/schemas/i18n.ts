import { z } from 'astro/zod';

/**
 * Our own interface strings, on top of Starlight's: every component reads them
 * with `Astro.locals.t('guide.…')`, and the handout renderer gets its header and
 * footer text from them through dist/handout-pages.json. Each language file in
 * src/content/i18n/ must have every key, so a missing translation stops the build.
 * Placeholders such as `{phone}` are filled in by src/lib/placeholders.ts.
 */
const text = z.string().trim().min(1);
/** A short list kept in one string, items separated by "|" (the dictionary holds strings only). */
const itemList = text.refine((value) => value.split('|').every((item) => item.trim().length > 0), {
  message: 'must list items separated by "|", with no empty item',
});

export const guideStringsSchema = z.object({
  'guide.review.current': text,
  'guide.review.unreviewed': text,
  'guide.review.changed': text,
  'guide.review.overdue': text,
  'guide.review.last': text,
  'guide.review.advice': text,
  'guide.reviews.none': text,
  'guide.reviews.some': text,
  'guide.reviews.interval': text,
  'guide.whatToKnow': text,
  'guide.help.heading': text,
  'guide.help.crisis': text,
  'guide.help.emergency': text,
  'guide.help.questions': text,
  'guide.help.disclaimer': text,
  'guide.help.crisisOptions': text,
  'guide.whenHelp.label': text,
  'guide.whenHelp.emergency.heading': text,
  'guide.whenHelp.emergency.lead': text,
  'guide.whenHelp.crisis.heading': text,
  'guide.whenHelp.crisis.lead': text,
  'guide.whenHelp.clinic.heading': text,
  'guide.whenHelp.clinic.lead': text,
  'guide.whenHelp.expected.heading': text,
  'guide.whenHelp.expected.lead': text,
  'guide.whenHelp.expected.after': text,
  'guide.whenHelp.emergency.items': itemList,
  'guide.whenHelp.crisis.items': itemList,
  'guide.whenHelp.clinic.items': itemList,
  'guide.whenHelp.expected.items': itemList,
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
  'guide.handout.nav': text,
  'guide.handout.print': text,
  'guide.handout.download': text,
  'guide.handout.largePrint': text,
  'guide.paper.letter': text,
  'guide.paper.a4': text,
  'guide.online.heading': text,
  'guide.online.scan': text,
  'guide.online.qr': text,
  'guide.booklet.subtitle': text,
  'guide.booklet.contents': text,
  'guide.booklet.reviewedAll': text,
  'guide.booklet.notReviewed': text,
  'guide.handouts.caption': text,
  'guide.handouts.column': text,
  'guide.handouts.file': text,
  'guide.handouts.pageOne': text,
  'guide.handouts.pageMany': text,
  'guide.handouts.booklet': text,
  /** Said of a visit packet on the Handouts page: "{count} handouts in one file". */
  'guide.handouts.packet': text,
  /** A visit packet's write-in cover (src/handouts/assembled.ts): labels of blank lines filled in by hand. */
  'guide.packet.patientName': text,
  'guide.packet.date': text,
  'guide.packet.nextAppointment': text,
  'guide.packet.questions': text,
  /** The only text of a filler page that keeps each handout on a right-hand page in two-sided packets. */
  'guide.packet.blankPage': text,
  /** A packet's footer: whether every handout in it has a current review (like guide.booklet.*). */
  'guide.packet.reviewedAll': text,
  'guide.packet.notReviewed': text,
  'guide.handouts.preparing': text,
  /** Said on the Handouts page when the clinic builds without handouts (clinic.config.ts `handouts: false`). */
  'guide.handouts.unavailable': text,
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
  'guide.manifest.offline': text,
  'guide.questions.saved': text,
  'guide.pdf.bookletTitle': text,
  'guide.pdf.bookletSubject': text,
  'guide.pdf.largePrintTitle': text,
  /** One-sheet summaries (src/lib/sheet.ts): the compact help box, the Read-more box, links and PDF title. */
  'guide.sheet.help': text,
  'guide.sheet.readMore': text,
  'guide.sheet.scan': text,
  'guide.sheet.link': text,
  'guide.pdf.sheetTitle': text,
  'guide.pdf.packetSubject': text,
});

export type GuideStringKey = keyof z.infer<typeof guideStringsSchema>;
