/**
 * Everything clinic-specific lives here, in one place: the site, the handouts
 * and the web app manifest all read it. Edit this file and rebuild to make the
 * guide your clinic's own. (The values below are placeholders.)
 */
export interface ClinicConfig {
  /** The clinic's name, shown in the site header and on every handout. */
  name: string;
  /** The main phone number patients call with questions. */
  phone: string;
  /** Public address of the site, used for canonical links and handout QR codes. */
  siteUrl: string;
  /** Crisis line (US: the 988 Suicide & Crisis Lifeline). */
  crisisLine: string;
  /** Emergency number (US: 911). */
  emergencyNumber: string;
}

export const clinic: ClinicConfig = {
  name: 'Riverside Ketamine Clinic',
  phone: '(555) 010-0142',
  siteUrl: 'https://guide.riverside-clinic.example',
  crisisLine: '988',
  emergencyNumber: '911',
};
