import { dayAsDate, PARIS, parisDayOf } from "./calendar.ts";

// Every date and time of the agenda is shown in Europe/Paris, whatever the browser's zone.

export const localeOf = (lang: string) => (lang === "en" ? "en-GB" : "fr-FR");

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), { timeZone: PARIS, ...options });
    cache.set(key, f);
  }
  return f;
}

const capitalize = (s: string) => (s ? s[0].toLocaleUpperCase() + s.slice(1) : s);

/** "Mars 2027" */
export function monthTitle(day: string, lang: string): string {
  return capitalize(fmt(lang, { month: "long", year: "numeric" }).format(dayAsDate(day)));
}

/** "mardi 9 mars 2027" */
export function longDay(day: string, lang: string): string {
  return fmt(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(dayAsDate(day));
}

/** "mar. 9 mars" */
export function shortDay(day: string, lang: string): string {
  return fmt(lang, { weekday: "short", day: "numeric", month: "short" }).format(dayAsDate(day));
}

/** "lundi" … "dimanche", Monday first. */
export function weekdayNames(lang: string, style: "long" | "short" = "long"): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => fmt(lang, { weekday: style }).format(dayAsDate(`2024-01-0${i + 1}`)));
}

/** "19:00" */
export function timeOf(instant: string, lang: string): string {
  return fmt(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(instant));
}

/** "du 9 au 11 mars 2027" style range of the week view's title. */
export function dayRange(from: string, to: string, lang: string): string {
  const f = fmt(lang, { day: "numeric", month: "long", year: "numeric" });
  return f.formatRange(dayAsDate(from), dayAsDate(to));
}

/**
 * When an occurrence happens, in one phrase: "mardi 9 mars 2027, 19:00 – 21:00", "samedi 13 mars 2027
 * (toute la journée)", or a range across days.
 */
export function whenText(o: { startsAt: string; endsAt: string; allDay: boolean }, lang: string, allDayLabel: string): string {
  const startDay = parisDayOf(o.startsAt);
  const lastDay = parisDayOf(new Date(Math.max(Date.parse(o.startsAt), Date.parse(o.endsAt) - 1)));
  if (o.allDay) {
    if (startDay === lastDay) return `${longDay(startDay, lang)} (${allDayLabel})`;
    return fmt(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).formatRange(
      dayAsDate(startDay),
      dayAsDate(lastDay),
    );
  }
  if (startDay === parisDayOf(o.endsAt) || startDay === lastDay) {
    return `${longDay(startDay, lang)}, ${timeOf(o.startsAt, lang)} – ${timeOf(o.endsAt, lang)}`;
  }
  const f = fmt(lang, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${f.format(new Date(o.startsAt))} – ${f.format(new Date(o.endsAt))}`;
}

/** "09:00 – 12:00" inside a day cell; all-day events have no time. */
export function timeRange(o: { startsAt: string; endsAt: string; allDay: boolean }, lang: string): string | null {
  if (o.allDay) return null;
  return `${timeOf(o.startsAt, lang)} – ${timeOf(o.endsAt, lang)}`;
}

/** "A", "A et B", "A, B et C" in the interface language. */
export function listOf(names: string[], lang: string): string {
  return new Intl.ListFormat(localeOf(lang), { style: "long", type: "conjunction" }).format(names);
}
