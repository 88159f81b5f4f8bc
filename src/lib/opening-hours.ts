import type { ClinicConfig, Weekday } from './clinic-config.ts';
import { WEEKDAYS } from './clinic-config.ts';
import { fillText } from './placeholders.ts';

/** Translated patterns: "{from} to {to}" and "{opens} to {closes}". */
export interface HoursTemplates {
  days: string;
  times: string;
}

/** 1 January 2024 was a Monday; Intl names each weekday from a date. */
const weekdayDate = (day: Weekday): Date => new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));

function dayName(day: Weekday, lang: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(weekdayDate(day));
}

function timeOfDay(hhmm: string, lang: string): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1, hours, minutes)),
  );
}

function capitalize(text: string, lang: string): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

/** One line per entry, in the reader's language: "Monday to Friday: 8:00 AM to 6:00 PM". */
export function formatOpeningHours(
  hours: ClinicConfig['openingHours'],
  lang: string,
  templates: HoursTemplates,
): string[] {
  return hours.map(({ days, opens, closes }) => {
    const [from, to] = days.split('-') as [Weekday, Weekday | undefined];
    const dayText = to
      ? fillText(templates.days, { from: dayName(from, lang), to: dayName(to, lang) })
      : dayName(from, lang);
    const timeText = fillText(templates.times, { opens: timeOfDay(opens, lang), closes: timeOfDay(closes, lang) });
    return `${capitalize(dayText, lang)}: ${timeText}`;
  });
}
