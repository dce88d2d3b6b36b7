import i18n from "i18next";

// The agenda answers with instants; people read them in Paris whatever the browser's own zone.
const PARIS = "Europe/Paris";

export function locale(): string {
  return i18n.language === "en" ? "en-GB" : "fr-FR";
}

function parisDayOf(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** "sam. 14 mars 2027, 19:00 – 21:00", or across days "14 mars 19:00 – 15 mars 02:00"; all-day shows dates only. */
export function formatInstantRange(startsAt: string, endsAt: string, allDay = false): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const day = new Intl.DateTimeFormat(locale(), {
    timeZone: PARIS,
    weekday: "short",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const time = new Intl.DateTimeFormat(locale(), { timeZone: PARIS, hour: "2-digit", minute: "2-digit" });
  if (allDay) {
    // An all-day event ends at midnight after its last day.
    const lastDay = new Date(end.getTime() - 1);
    return parisDayOf(start) === parisDayOf(lastDay) ? day.format(start) : `${day.format(start)} – ${day.format(lastDay)}`;
  }
  if (parisDayOf(start) === parisDayOf(end)) return `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`;
  return `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { timeZone: PARIS, dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A calendar day (YYYY-MM-DD) shortly: "5 mars". */
export function formatShortDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(locale(), { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function fromDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function addDays(day: string, days: number): string {
  const date = fromDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toDay(date);
}

/** Same day n months later, clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const date = fromDay(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return toDay(target);
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(fromDay(value).getTime());
}

/** webcal:// makes calendar applications offer to subscribe instead of downloading the file once. */
export function webcal(url: string): string {
  return url.replace(/^https?:\/\//, "webcal://");
}
