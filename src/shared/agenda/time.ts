// Wall-clock time in Europe/Paris. The agenda speaks in Paris wall times ("2027-03-28T19:00") because that is
// what people mean and what a series repeats on; instants (Date) are only for storage and comparison. These
// helpers use Intl only, so they run the same on the server (which may be in UTC) and in the browser.

import { TIME_ZONE } from "../lib/dates.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// One formatter for the whole module: building an Intl.DateTimeFormat is far slower than using one.
let formatter: Intl.DateTimeFormat | null = null;
function parisFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  return formatter;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatFloating(d: Date): number {
  const parts: Record<string, number> = {};
  for (const p of parisFormatter().formatToParts(d)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

// Since 1976 Paris changes its clocks at 01:00 UTC, on the hour: the offset of every instant of one UTC hour is
// the same, so it is computed once per hour. Formatting with Intl costs microseconds, and the agenda's sweeps
// place tens of thousands of occurrences.
const CACHE_FROM = Date.UTC(1980, 0, 1);
const offsets = new Map<number, number>();

/**
 * The Paris wall time of an instant as a "floating" timestamp: milliseconds whose UTC components are the Paris
 * wall-clock components (seconds kept, milliseconds dropped). Recurrence rules are expanded on these.
 */
export function instantToFloating(d: Date): number {
  const ms = d.getTime();
  const seconds = Math.floor(ms / 1000) * 1000;
  if (ms < CACHE_FROM) return formatFloating(d);
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = formatFloating(new Date(hour * HOUR)) - hour * HOUR;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return seconds + offset;
}

/** The UTC offset of Paris at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffset(instant: number): number {
  return instantToFloating(new Date(instant)) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which Paris clocks show the floating wall time, or null when they never do (the hour skipped
 * in spring). When they show it twice (the hour repeated in autumn), the first one: summer time.
 */
export function floatingToInstant(floating: number): Date | null {
  // The offsets in force a day either side are the only candidates; the larger one gives the earlier instant.
  const offsets = [...new Set([parisOffset(floating - DAY), parisOffset(floating + DAY)])].sort((a, b) => b - a);
  for (const offset of offsets) {
    const instant = floating - offset;
    if (instantToFloating(new Date(instant)) === floating) return new Date(instant);
  }
  return null;
}

/**
 * Like floatingToInstant, but a wall time that does not exist (spring-forward gap) moves forward by one hour:
 * 02:30 on the last Sunday of March becomes 03:30, as calendar applications do.
 */
export function floatingToInstantForward(floating: number): Date {
  return floatingToInstant(floating) ?? floatingToInstant(floating + HOUR) ?? new Date(floating - parisOffset(floating));
}

/** Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" (seconds allowed) into a floating timestamp, or null if malformed. */
export function parseFloating(local: string): number | null {
  const m = LOCAL_RE.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const floating = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 2027-02-30 over to March: refuse instead of guessing.
  if (new Date(floating).getUTCDate() !== d) return null;
  return floating;
}

/** A floating timestamp as "YYYY-MM-DDTHH:mm". */
export function floatingToLocal(floating: number): string {
  const d = new Date(floating);
  return `${floatingToDate(floating)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The calendar day of a floating timestamp, "YYYY-MM-DD". */
export function floatingToDate(floating: number): string {
  const d = new Date(floating);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The instant of a Paris wall time, "YYYY-MM-DDTHH:mm" or "YYYY-MM-DD" (midnight). Null when the text is not a
 * valid date or the wall time does not exist (2027-03-28T02:30, inside the spring-forward gap); an ambiguous
 * autumn time (2027-10-31T02:30) resolves to the first one, in summer time (+02:00).
 */
export function parisWallToInstant(local: string): Date | null {
  const floating = parseFloating(local);
  return floating === null ? null : floatingToInstant(floating);
}

/** The Paris wall time of an instant, "YYYY-MM-DDTHH:mm". */
export function instantToParisWall(d: Date): string {
  return floatingToLocal(instantToFloating(d));
}

/** The Paris calendar day of an instant, "YYYY-MM-DD". */
export function parisDate(d: Date): string {
  return floatingToDate(instantToFloating(d));
}

/** The Paris clock time of an instant, "HH:mm". */
export function parisTime(d: Date): string {
  return instantToParisWall(d).slice(11, 16);
}

function dateToFloating(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid calendar day: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Calendar arithmetic on "YYYY-MM-DD" (no time zone involved: a day is a day, even across DST changes). */
export function addDays(date: string, n: number): string {
  return floatingToDate(dateToFloating(date) + n * DAY);
}

/** Day of the week of a calendar day, 0 = Monday … 6 = Sunday (the French week). */
export function parisWeekday(date: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  return ((new Date(dateToFloating(date)).getUTCDay() + 6) % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** The Monday of the week of a calendar day. */
export function mondayOf(date: string): string {
  return addDays(date, -parisWeekday(date));
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToFloating(to) - dateToFloating(from)) / DAY);
}

/**
 * The instants of an all-day event: Paris midnight of the first day to Paris midnight after the last day, an
 * exclusive end like the DTEND of an all-day event in RFC 5545. Midnight always exists in Paris (clocks change
 * at 02:00 and 03:00), so this never fails on valid days.
 */
export function allDayRange(startDate: string, lastDate: string): { startsAt: Date; endsAt: Date } {
  return {
    startsAt: floatingToInstantForward(dateToFloating(startDate)),
    endsAt: floatingToInstantForward(dateToFloating(addDays(lastDate, 1))),
  };
}
