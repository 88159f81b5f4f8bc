/**
 * The groups of "When to get help", from most to least urgent: the words come from the
 * dictionary (src/content/i18n/), the numbers from clinic.config.ts. The full box on a
 * page (WhenToGetHelp.astro) and the compact box on a one-sheet summary (SheetHelp.astro)
 * both read them here, so the two can never say different things.
 */
import type { ClinicConfig } from '../lib/clinic-config.ts';
import type { TextPart } from '../lib/inline-links.ts';
import { fillPlaceholders, telHref } from '../lib/placeholders.ts';
import type { GuideStringKey } from '../schemas/i18n.ts';

export interface WhenHelpGroup {
  id: string;
  icon: 'emergency' | 'crisis' | 'clinic' | 'expected';
  heading: TextPart[];
  lead: string;
  items: string[];
  after?: string;
}

type Translate = (key: GuideStringKey) => string;

/** A list kept in one dictionary string, items separated by "|" (see src/schemas/i18n.ts). */
const itemsOf = (t: Translate, key: GuideStringKey): string[] =>
  t(key)
    .split('|')
    .map((item) => item.trim());
const link = (number: string): TextPart => ({ text: number, href: telHref(number) });

/** The four groups, most urgent first. */
export function whenHelpGroups(
  t: Translate,
  clinic: Pick<ClinicConfig, 'name' | 'phone' | 'crisisLine' | 'emergencyNumber'>,
): WhenHelpGroup[] {
  return [
    {
      id: 'when-help-emergency',
      icon: 'emergency',
      heading: fillPlaceholders(t('guide.whenHelp.emergency.heading'), {
        emergencyNumber: link(clinic.emergencyNumber),
      }),
      lead: t('guide.whenHelp.emergency.lead'),
      items: itemsOf(t, 'guide.whenHelp.emergency.items'),
    },
    {
      id: 'when-help-crisis',
      icon: 'crisis',
      heading: fillPlaceholders(t('guide.whenHelp.crisis.heading'), { crisisLine: link(clinic.crisisLine) }),
      lead: t('guide.whenHelp.crisis.lead'),
      items: itemsOf(t, 'guide.whenHelp.crisis.items'),
      // Chat, "press 1" and "press 2" are services of the US 988 Lifeline only.
      after: clinic.crisisLine === '988' ? t('guide.help.crisisOptions') : undefined,
    },
    {
      id: 'when-help-clinic',
      icon: 'clinic',
      heading: fillPlaceholders(t('guide.whenHelp.clinic.heading'), { clinic: clinic.name, phone: link(clinic.phone) }),
      lead: t('guide.whenHelp.clinic.lead'),
      items: itemsOf(t, 'guide.whenHelp.clinic.items'),
    },
    {
      id: 'when-help-expected',
      icon: 'expected',
      heading: [{ text: t('guide.whenHelp.expected.heading') }],
      lead: t('guide.whenHelp.expected.lead'),
      items: itemsOf(t, 'guide.whenHelp.expected.items'),
      after: t('guide.whenHelp.expected.after'),
    },
  ];
}
