// Calendar arithmetic on Paris days. Days travel as "YYYY-MM-DD" and are computed in UTC so that the
// browser's own time zone never shifts them; instants from the API are placed on days in Europe/Paris.

export const PARIS = "Europe/Paris";
export const VIEWS = ["month", "week", "day", "list"] as const;
export type ViewKind = (typeof VIEWS)[number];

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string | null | undefined): value is string {
  if (!value) return false;
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toUtc(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A day as a Date at noon UTC: formatting it in Paris gives back the same day whatever the season. */
export function dayAsDate(day: string): Date {
  const d = toUtc(day);
  d.setUTCHours(12);
  return d;
}

export function addDays(day: string, n: number): string {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** Adds months and keeps the day of the month when it exists (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, n: number): string {
  const d = toUtc(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return fromUtc(target);
}

/** 1 = Monday … 7 = Sunday, as French calendars start the week on Monday. */
export function isoWeekday(day: string): number {
  const w = toUtc(day).getUTCDay();
  return w === 0 ? 7 : w;
}

export function startOfWeek(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function endOfMonth(day: string): string {
  return addDays(addMonths(startOfMonth(day), 1), -1);
}

/** The weeks (Monday to Sunday) that show a month, from the week of the 1st to the week of the last day. */
export function monthGrid(day: string): string[][] {
  const first = startOfWeek(startOfMonth(day));
  const last = endOfMonth(day);
  const weeks: string[][] = [];
  for (let start = first; start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

/** Inclusive [from, to] days a view shows; the list view covers the month. */
export function viewRange(view: ViewKind, day: string): { from: string; to: string } {
  switch (view) {
    case "month": {
      const weeks = monthGrid(day);
      return { from: weeks[0][0], to: weeks[weeks.length - 1][6] };
    }
    case "week": {
      const from = startOfWeek(day);
      return { from, to: addDays(from, 6) };
    }
    case "day":
      return { from: day, to: day };
    case "list":
      return { from: startOfMonth(day), to: endOfMonth(day) };
  }
}

/** The day shown after pressing "previous" (-1) or "next" (+1). */
export function stepDay(view: ViewKind, day: string, direction: 1 | -1): string {
  switch (view) {
    case "month":
    case "list":
      return addMonths(startOfMonth(day), direction);
    case "week":
      return addDays(startOfWeek(day), 7 * direction);
    case "day":
      return addDays(day, direction);
  }
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit" });
const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Paris calendar day of an instant. */
export function parisDayOf(instant: string | Date): string {
  return dayFormat.format(typeof instant === "string" ? new Date(instant) : instant);
}

/** The Paris wall-clock time of an instant, as the API takes it back: "YYYY-MM-DDTHH:mm". */
export function parisLocalOf(instant: string | Date): string {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(typeof instant === "string" ? new Date(instant) : instant).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Today in Paris. */
export function todayInParis(now: Date = new Date()): string {
  return parisDayOf(now);
}

/**
 * The Paris days an occurrence covers. The end is exclusive: an event ending at midnight, or an all-day
 * event ending at the next day's midnight, does not spill onto the next day. Capped to keep a long
 * festival from filling a month view with copies.
 */
export function daysCovered(occurrence: { startsAt: string; endsAt: string }, cap = 62): string[] {
  const first = parisDayOf(occurrence.startsAt);
  const endMs = new Date(occurrence.endsAt).getTime();
  const startMs = new Date(occurrence.startsAt).getTime();
  const last = parisDayOf(new Date(Math.max(startMs, endMs - 1)));
  const days: string[] = [];
  for (let day = first; day <= last && days.length < cap; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Groups occurrences by the Paris days they cover, each day's list in time order (all-day first). */
export function groupByDay<T extends { startsAt: string; endsAt: string; allDay: boolean; title: string }>(
  items: T[],
  from: string,
  to: string,
): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const item of items) {
    for (const day of daysCovered(item)) {
      if (day < from || day > to) continue;
      const list = byDay.get(day);
      if (list) list.push(item);
      else byDay.set(day, [item]);
    }
  }
  for (const list of byDay.values()) list.sort(compareOccurrences);
  return byDay;
}

export function compareOccurrences(
  a: { startsAt: string; allDay: boolean; title: string },
  b: { startsAt: string; allDay: boolean; title: string },
): number {
  if (a.allDay !== b.allDay) return a.allDay ? -1 : 1;
  if (a.startsAt !== b.startsAt) return a.startsAt < b.startsAt ? -1 : 1;
  return a.title.localeCompare(b.title, "fr");
}

/** "YYYY-MM-DDTHH:mm" split for the date and time inputs, and joined back. */
export function splitLocal(local: string): { date: string; time: string } {
  const [date, time = ""] = local.split("T");
  return { date, time };
}

/** Minutes between two wall-clock times "YYYY-MM-DDTHH:mm" read as UTC: enough to keep a duration. */
export function localMinutesBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}:00Z`) - Date.parse(`${a}:00Z`)) / 60_000);
}

export function addLocalMinutes(local: string, minutes: number): string {
  const d = new Date(Date.parse(`${local}:00Z`) + minutes * 60_000);
  return d.toISOString().slice(0, 16);
}
