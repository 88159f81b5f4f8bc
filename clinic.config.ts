/**
 * Everything clinic-specific lives here, in one place: the site header and
 * footer, the contact and "Get help now" boxes, the handouts (header, footer,
 * QR codes, PDF author) and the web app manifest all read it. Edit the values
 * below and rebuild to make the guide your clinic's own; the build stops with a
 * message naming the field if a value is not valid. (These are placeholders.)
 *
 * Field reference (all checked by src/lib/clinic-config.ts):
 *   name             the clinic's name
 *   phone            number patients call with questions: digits, spaces, + ( ) - . only
 *   siteUrl          public web address of this guide (canonical links, QR codes), https://...;
 *                    a folder in it (https://yourclinic.org/guide/) is where the site is built to live
 *   crisisLine       crisis line; default '988' (US Suicide & Crisis Lifeline)
 *   emergencyNumber  emergency number; default '911'
 *   logo             logo file under src/assets/ or public/ (.svg, .png, .jpg, .webp); the favicon and
 *                    app icons are drawn from it when the site is built
 *   address          postal address, one line per entry
 *   openingHours     when the phone is answered: [{ days: 'mon-fri', opens: '08:00', closes: '18:00' }]
 *   brandColor       link and button colour, hex; needs 4.5:1 contrast on white (WCAG AA)
 *   brandColorDark   optional link colour for the dark theme; worked out from brandColor if left out
 *   paperSize        handout paper: 'letter', 'a4' or 'both' (default); only that paper is printed and linked
 *   title            the guide's title per language (header, <title>, booklet cover, PDF titles);
 *                    optional, the default is the one below
 *   shortTitle       title for phones and the home screen, per language, 24 characters at most
 *   description      what the guide is, one sentence per language; {clinic} becomes `name`
 *   keywords         optional topic words per language for the PDFs' keywords:
 *                    { en: ['ketamine therapy', 'patient education'], es: [...] } (the default)
 *                    (title, shortTitle, description, keywords: once set, give every language you build)
 *   languages        editions to build: ['en', 'es'] (default) or ['en']
 *   handouts         print the PDF handouts in the build: true (default; needs Chrome or
 *                    Chromium, see README) or false (the site says there are no printable files)
 *   review           clinical review rules: { intervalMonths: 12, warnDays: 60, overdue: 'notice' | 'fail' }
 *                    (a page's next review is due intervalMonths after it is signed with `npm run review`)
 *   packets          optional visit packets: sets of handouts printed as one PDF each, with a cover to
 *                    write on by hand, contents and bookmarks (README, "Visit packets"):
 *                    [{ id: 'first-visit', title: { en: 'Your first visit', es: 'Su primera visita' },
 *                       pages: ['start-here', 'after-your-session'], from: 'sheets' | 'full', duplex: true }]
 *                    pages are handout slugs (letter/<slug>.pdf); an unknown one stops the build and lists
 *                    the valid ones. Large print always uses the full pages. Left out: three default
 *                    packets (src/lib/packets.ts); [] for none.
 */
import { loadClinicConfig, type ClinicConfig, type ClinicConfigInput } from './src/lib/clinic-config.ts';

export type { ClinicConfig };

const yourClinic: ClinicConfigInput = {
  name: 'Riverside Ketamine Clinic',
  phone: '(555) 010-0142',
  siteUrl: 'https://guide.riverside-clinic.example',
  crisisLine: '988',
  emergencyNumber: '911',
  logo: 'src/assets/clinic-logo.svg',
  address: ['120 River Road, Suite 4', 'Riverside, CA 90000'],
  openingHours: [
    { days: 'mon-fri', opens: '08:00', closes: '18:00' },
    { days: 'sat', opens: '09:00', closes: '13:00' },
  ],
  brandColor: '#0b6e69',
  paperSize: 'both',
  title: { en: 'Ketamine Therapy: A Patient Guide', es: 'Terapia con ketamina: guía para pacientes' },
  shortTitle: { en: 'Ketamine guide', es: 'Guía de ketamina' },
  description: {
    en: 'Plain-language answers about ketamine-assisted therapy from {clinic}.',
    es: 'Respuestas en lenguaje sencillo sobre la terapia asistida con ketamina, de {clinic}.',
  },
  languages: ['en', 'es'],
  review: { intervalMonths: 12, warnDays: 60, overdue: 'notice' },
};

/**
 * The validated config everything reads. (Tests build with another clinic by
 * setting GUIDE_CLINIC_CONFIG to a file whose default export has these fields.)
 */
export const clinic: ClinicConfig = await loadClinicConfig(yourClinic);
