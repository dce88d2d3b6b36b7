// Series: the editor's recurrence patterns, their RFC 5545 rules, and the occurrences they make.
//
// A series repeats on Paris wall-clock time: a weekly 19:00 workshop stays at 19:00 when the clocks change,
// so its UTC instant moves by one hour twice a year. Rules are therefore expanded on "floating" timestamps
// (the wall time written as UTC components, see time.ts) and each occurrence is then placed in Paris.

import type { Recurrence } from "../contracts/agenda.ts";
import { LIMITS } from "../limits.ts";
import { WEEKDAYS } from "../vocabulary.ts";
import { RRule, type RRuleOptions } from "./rrule-interop.ts";
import {
  addDays,
  floatingToDate,
  floatingToInstant,
  floatingToInstantForward,
  instantToFloating,
  parisWeekday,
  parseFloating,
} from "./time.ts";

const SECOND = 1000;
const HOUR = 3_600_000;

type Weekday = (typeof WEEKDAYS)[number];

export interface SeriesException {
  originalStart: Date;
  cancelled: boolean;
  startsAt?: Date | null;
  endsAt?: Date | null;
}
export interface SeriesInput {
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  rrule: string | null;
  exceptions?: SeriesException[];
}
export interface Occurrence {
  /** The start the rule gives this occurrence (its RECURRENCE-ID), whatever an exception did to it. */
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** An exception applies to this occurrence (moved, cancelled or otherwise changed). */
  modified: boolean;
}

// ---------------------------------------------------------------- rule text

type RuleParts = Array<[key: string, value: string]>;

/** Splits "FREQ=WEEKLY;BYDAY=TU" (an optional "RRULE:" prefix allowed) into ordered upper-case parts. */
function parseParts(rrule: string): RuleParts {
  const body = rrule.trim().replace(/^RRULE:/i, "");
  const parts: RuleParts = [];
  for (const chunk of body.split(";")) {
    if (chunk.trim() === "") continue;
    const eq = chunk.indexOf("=");
    if (eq < 0) parts.push([chunk.trim().toUpperCase(), ""]);
    else
      parts.push([
        chunk.slice(0, eq).trim().toUpperCase(),
        chunk
          .slice(eq + 1)
          .trim()
          .toUpperCase(),
      ]);
  }
  return parts;
}

const joinParts = (parts: RuleParts) => parts.map(([k, v]) => `${k}=${v}`).join(";");
const partOf = (parts: RuleParts, key: string) => parts.find(([k]) => k === key)?.[1];
const withoutParts = (parts: RuleParts, ...keys: string[]) => parts.filter(([k]) => !keys.includes(k));

/** A floating timestamp as an RFC 5545 date ("20270630") or UTC date-time of an instant ("20270630T215959Z"). */
function rfcDate(floating: number): string {
  return floatingToDate(floating).replaceAll("-", "");
}
function rfcUtc(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/**
 * Reads an UNTIL value as a floating timestamp: a UTC date-time ("…Z") through Paris clocks, a local date-time
 * as Paris wall time, and a date as the last second of that day (UNTIL is inclusive).
 */
function untilToFloating(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[4] === undefined) return Date.UTC(y, mo - 1, d, 23, 59, 59);
  const wall = Date.UTC(y, mo - 1, d, Number(m[4]), Number(m[5]), Number(m[6]));
  return m[7] === "Z" ? instantToFloating(new Date(wall)) : wall;
}

/** The instant that ends a Paris day, for the UNTIL of a timed series: 23:59:59 Paris time. */
function endOfParisDay(date: string): Date {
  return new Date(floatingToInstantForward(parseFloating(addDays(date, 1))!).getTime() - SECOND);
}

function firstFloating(firstStartLocal: string): number {
  const floating = parseFloating(firstStartLocal);
  if (floating === null) throw new RangeError(`Invalid local date-time: ${firstStartLocal}`);
  return floating;
}

/** Which weekday of its month a day is: 1 for the first Tuesday… and whether it is also the last one. */
function weekdayPosition(floating: number): { nth: number; last: boolean } {
  const d = new Date(floating);
  const day = d.getUTCDate();
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return { nth: Math.ceil(day / 7), last: day + 7 > daysInMonth };
}

const weekdayOf = (floating: number): Weekday => WEEKDAYS[parisWeekday(floatingToDate(floating))];
const sortWeekdays = (days: readonly Weekday[]) => WEEKDAYS.filter((w) => days.includes(w));

/**
 * The RFC 5545 RRULE value (without "RRULE:" and without DTSTART) of an editor pattern, in a conservative subset
 * that every calendar reads: FREQ=WEEKLY with BYDAY, FREQ=MONTHLY with BYMONTHDAY or an ordinal BYDAY (the 5th
 * weekday becomes -1, "the last"), FREQ=YEARLY, with COUNT or UNTIL. UNTIL means "until that Paris day
 * included": the UTC instant ending that day for a timed series, a DATE for an all-day one.
 */
export function toRRule(r: Recurrence, firstStartLocal: string, allDay: boolean): string {
  const first = firstFloating(firstStartLocal);
  const parts: RuleParts = [];
  const interval = r.interval ?? 1;
  switch (r.frequency) {
    case "weekly":
      parts.push(["FREQ", "WEEKLY"]);
      break;
    case "monthly_date":
    case "monthly_weekday":
      parts.push(["FREQ", "MONTHLY"]);
      break;
    case "yearly":
      parts.push(["FREQ", "YEARLY"]);
      break;
  }
  if (interval > 1) parts.push(["INTERVAL", String(interval)]);
  if (r.frequency === "weekly") {
    const days = r.weekdays && r.weekdays.length > 0 ? sortWeekdays(r.weekdays) : [weekdayOf(first)];
    parts.push(["BYDAY", days.join(",")]);
  } else if (r.frequency === "monthly_date") {
    parts.push(["BYMONTHDAY", String(new Date(first).getUTCDate())]);
  } else if (r.frequency === "monthly_weekday") {
    const { nth } = weekdayPosition(first);
    parts.push(["BYDAY", `${nth === 5 ? -1 : nth}${weekdayOf(first)}`]);
  }
  if (r.count) parts.push(["COUNT", String(r.count)]);
  else if (r.until) parts.push(["UNTIL", allDay ? r.until.replaceAll("-", "") : rfcUtc(endOfParisDay(r.until))]);
  return joinParts(parts);
}

/**
 * The editor's pattern for a rule, or null when the rule is outside the subset toRRule writes (most imported
 * rules) or would change meaning on the way back: fromRRule never returns a pattern whose toRRule differs.
 */
export function fromRRule(rrule: string, firstStartLocal: string, allDay: boolean): Recurrence | null {
  const first = parseFloating(firstStartLocal);
  if (first === null) return null;
  const parts = parseParts(rrule);
  const known = new Set(["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST"]);
  if (parts.some(([k]) => !known.has(k)) || new Set(parts.map(([k]) => k)).size !== parts.length) return null;
  if ((partOf(parts, "WKST") ?? "MO") !== "MO") return null;

  const intervalText = partOf(parts, "INTERVAL") ?? "1";
  if (!/^\d+$/.test(intervalText)) return null;
  const interval = Number(intervalText);
  if (interval < 1 || interval > 52) return null;

  const day = new Date(first).getUTCDate();
  const month = new Date(first).getUTCMonth() + 1;
  const byday = partOf(parts, "BYDAY");
  const bymonthday = partOf(parts, "BYMONTHDAY");
  const bymonth = partOf(parts, "BYMONTH");

  let shape: Pick<Recurrence, "frequency" | "weekdays">;
  switch (partOf(parts, "FREQ")) {
    case "WEEKLY": {
      if (bymonthday !== undefined || bymonth !== undefined) return null;
      const days = byday === undefined ? [weekdayOf(first)] : byday.split(",");
      if (days.length === 0 || days.some((d) => !(WEEKDAYS as readonly string[]).includes(d))) return null;
      shape = { frequency: "weekly", weekdays: sortWeekdays(days as Weekday[]) };
      break;
    }
    case "MONTHLY": {
      if (bymonth !== undefined || (byday !== undefined && bymonthday !== undefined)) return null;
      if (byday === undefined) {
        if (bymonthday !== undefined && bymonthday !== String(day)) return null;
        shape = { frequency: "monthly_date" };
      } else {
        const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byday);
        if (!m || m[2] !== weekdayOf(first)) return null;
        const { nth } = weekdayPosition(first);
        // toRRule writes -1 for a 5th weekday only; "last" from a 4th weekday has no pattern in the editor.
        if (m[1] === "-1" ? nth !== 5 : Number(m[1]) !== nth) return null;
        shape = { frequency: "monthly_weekday" };
      }
      break;
    }
    case "YEARLY":
      if (byday !== undefined) return null;
      if (bymonth !== undefined && bymonth !== String(month)) return null;
      if (bymonthday !== undefined && bymonthday !== String(day)) return null;
      shape = { frequency: "yearly" };
      break;
    default:
      return null;
  }

  const countText = partOf(parts, "COUNT");
  const untilText = partOf(parts, "UNTIL");
  if ((countText === undefined) === (untilText === undefined)) return null;
  if (countText !== undefined) {
    if (!/^\d+$/.test(countText)) return null;
    const count = Number(countText);
    if (count < 2 || count > LIMITS.occurrences) return null;
    return { ...shape, interval, until: null, count };
  }
  const until = untilToFloating(untilText!);
  if (until === null) return null;
  // The last day that can hold an occurrence: an UNTIL earlier in the day than the series' time ends the day before.
  const timeOfDay = allDay ? 0 : first - Date.UTC(new Date(first).getUTCFullYear(), month - 1, day);
  const untilDay = floatingToDate(until - timeOfDay);
  if (untilDay < floatingToDate(first)) return null;
  return { ...shape, interval, until: untilDay, count: null };
}

// ---------------------------------------------------------------- expansion

/** Far enough for any horizon, and inside the years rrule and Intl handle. */
const LATEST = Date.UTC(9000, 0, 1);

class BudgetExceeded extends Error {}

const PERIOD_DAYS: Record<number, number> = { [RRule.YEARLY]: 365, [RRule.MONTHLY]: 28, [RRule.WEEKLY]: 7, [RRule.DAILY]: 1 };

/**
 * rrule walks period after period (the weeks of a weekly rule, the days of a daily one…) until a date matches,
 * up to the year 9999, and checks UNTIL only on dates that match: an imported rule that never matches
 * (BYMONTH=2;BYMONTHDAY=31) would block for seconds. The walk is cut after the periods needed to reach `limit`;
 * the dates before it have all been produced by then, since rrule walks in order. rrule reads `interval` twice
 * per period, so counting those reads counts the periods.
 */
function guard(rule: RRule, first: number, limit: number, max: number): void {
  const options = rule.options as { interval: number; freq: number };
  const days = Math.ceil((limit - first) / 86_400_000) + 2;
  const periodDays = PERIOD_DAYS[options.freq];
  // Rules shorter than a day can make several periods per day, at most one per occurrence plus one per day skipped.
  const periods = periodDays ? Math.ceil(days / periodDays) : days + Math.min(max, 1_000_000);
  const budget = 2 * (periods + 16);
  const interval = options.interval;
  let reads = 0;
  Object.defineProperty(options, "interval", {
    configurable: true,
    get() {
      reads += 1;
      if (reads > budget) throw new BudgetExceeded();
      return interval;
    },
  });
}

/**
 * The floating starts of a rule from a floating first start, up to `max` of them and up to `limit` (floating,
 * inclusive). A rule rrule cannot read yields only the first start: the event is still shown once.
 */
function floatingStarts(rrule: string, first: number, max: number, limit: number): number[] {
  const parts = parseParts(rrule);
  let until = limit;
  const untilText = partOf(parts, "UNTIL");
  if (untilText !== undefined) {
    const ruleUntil = untilToFloating(untilText);
    if (ruleUntil !== null) until = Math.min(until, ruleUntil);
  }
  if (max <= 0) return [];
  let rule: RRule;
  let count: number | null = null;
  try {
    const options: RRuleOptions = RRule.parseString(joinParts(withoutParts(parts, "UNTIL", "DTSTART", "TZID")));
    if (options.freq === undefined || options.freq === null) return [first];
    count = options.count ?? null;
    rule = new RRule({ ...options, dtstart: new Date(first), until: new Date(until), tzid: null }, true);
  } catch {
    return [first];
  }
  guard(rule, first, until, max);
  const out: number[] = [];
  try {
    rule.all((d, i) => {
      if (i >= max) return false;
      out.push(d.getTime());
      return true;
    });
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
  }
  // RFC 5545: DTSTART always counts as the first occurrence, even when the rule would not produce it.
  if (out[0] !== first) {
    out.unshift(first);
    if (count !== null && out.length > count) out.length = count;
    if (out.length > max) out.length = max;
  }
  return out;
}

interface Placed {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Places an occurrence in Paris. A start inside the spring-forward gap moves one hour forward, and its end with
 * it so that the event keeps its length; an end in the gap alone moves forward too.
 */
function place(floatingStart: number, wallDuration: number): Placed {
  let startsAt = floatingToInstant(floatingStart);
  let shift = 0;
  if (startsAt === null) {
    shift = HOUR;
    startsAt = floatingToInstantForward(floatingStart);
  }
  let endsAt = floatingToInstantForward(floatingStart + shift + wallDuration);
  if (endsAt < startsAt) endsAt = startsAt;
  return { startsAt, endsAt };
}

function addYearsFloating(floating: number, years: number): number {
  const d = new Date(floating);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** The occurrences of a series with their original starts and instants, before exceptions. */
function rawOccurrences(series: SeriesInput, max: number, horizon: Date | undefined): Array<Placed & { originalStart: Date }> {
  const first = instantToFloating(series.startsAt);
  // Durations are kept in wall-clock terms: 19:00–21:00 stays 19:00–21:00, a two-day event stays two days.
  const wallDuration = Math.max(0, instantToFloating(series.endsAt) - first);
  const horizonInstant = horizon ?? floatingToInstantForward(addYearsFloating(first, LIMITS.seriesYears));
  if (!series.rrule) {
    return max > 0 ? [{ originalStart: series.startsAt, startsAt: series.startsAt, endsAt: series.endsAt }] : [];
  }
  // One hour of slack: the floating limit is only an approximation of the instant around clock changes.
  const limit = instantToFloating(new Date(Math.min(horizonInstant.getTime(), LATEST))) + HOUR;
  const out: Array<Placed & { originalStart: Date }> = [];
  for (const floating of floatingStarts(series.rrule, first, max, limit)) {
    // The first occurrence keeps its stored instants (the second 02:30 of an autumn night stays the second).
    const placed = floating === first ? { startsAt: series.startsAt, endsAt: series.endsAt } : place(floating, wallDuration);
    if (placed.startsAt >= horizonInstant && floating !== first) break;
    out.push({ originalStart: placed.startsAt, ...placed });
  }
  return out;
}

const overlapsWindow = (o: Placed, from?: Date, to?: Date) =>
  (to === undefined || o.startsAt < to) &&
  (from === undefined || o.endsAt > from || (o.endsAt.getTime() === o.startsAt.getTime() && o.startsAt >= from));

/**
 * The occurrences of an event: one for a single event, each date of its rule for a series, repeated on Paris
 * wall-clock time. Any rule rrule reads is accepted (imported ones too, even endless): the expansion stops
 * after `max` occurrences (LIMITS.occurrences) and before `horizon` (the first start + LIMITS.seriesYears years).
 * Exceptions cancel or move the occurrence whose original start they name. `from`/`to` keep the occurrences
 * overlapping [from, to). The list follows the order of the rule (by original start).
 */
export function expandSeries(
  series: SeriesInput,
  opts: { from?: Date; to?: Date; max?: number; horizon?: Date } = {},
): Occurrence[] {
  const max = opts.max ?? LIMITS.occurrences;
  const exceptions = new Map((series.exceptions ?? []).map((x) => [x.originalStart.getTime(), x]));
  const out: Occurrence[] = [];
  for (const raw of rawOccurrences(series, max, opts.horizon)) {
    const x = exceptions.get(raw.originalStart.getTime());
    let occurrence: Occurrence = { ...raw, cancelled: false, modified: false };
    if (x) {
      const startsAt = x.startsAt ?? raw.startsAt;
      const endsAt = x.endsAt ?? new Date(startsAt.getTime() + (raw.endsAt.getTime() - raw.startsAt.getTime()));
      occurrence = { originalStart: raw.originalStart, startsAt, endsAt, cancelled: x.cancelled, modified: true };
    }
    if (overlapsWindow(occurrence, opts.from, opts.to)) out.push(occurrence);
  }
  return out;
}

/**
 * Splits a series for "this and following occurrences": `before` is the original rule ending just before the
 * occurrence `at` (null when `at` is the first occurrence), `after` the rule of a new series whose first start
 * is `at` (COUNT reduced by the occurrences kept before, UNTIL unchanged). `before` always ends with UNTIL: the
 * end of the Paris day of the last occurrence kept (a DATE for all-day series), or one second before `at` when
 * that occurrence falls on the same day. Throws a RangeError when `at` is not an occurrence of the rule.
 */
export function splitSeries(
  rrule: string,
  first: { startsAt: Date; allDay: boolean },
  at: Date,
): { before: string | null; after: string } {
  const parts = parseParts(rrule);
  const firstFloat = instantToFloating(first.startsAt);
  const atFloat = instantToFloating(at);
  // Walk the rule up to `at` only: no horizon, so a split far in an imported series still counts right.
  const kept: Date[] = [];
  let found = false;
  const starts = floatingStarts(rrule, firstFloat, Number.MAX_SAFE_INTEGER, atFloat + HOUR);
  for (const floating of starts) {
    const startsAt = floating === firstFloat ? first.startsAt : place(floating, 0).startsAt;
    if (startsAt.getTime() === at.getTime()) {
      found = true;
      break;
    }
    if (startsAt > at) break;
    kept.push(startsAt);
  }
  if (!found) throw new RangeError(`${at.toISOString()} is not an occurrence of ${rrule}`);

  const countText = partOf(parts, "COUNT");
  const after =
    countText === undefined
      ? joinParts(parts)
      : joinParts(parts.map(([k, v]): [string, string] => (k === "COUNT" ? [k, String(Number(v) - kept.length)] : [k, v])));
  if (kept.length === 0) return { before: null, after };

  const last = kept[kept.length - 1];
  const lastDay = floatingToDate(instantToFloating(last));
  let until: string;
  if (first.allDay) until = rfcDate(instantToFloating(last));
  else if (lastDay === floatingToDate(atFloat)) until = rfcUtc(new Date(at.getTime() - SECOND));
  else until = rfcUtc(endOfParisDay(lastDay));
  return { before: joinParts([...withoutParts(parts, "COUNT", "UNTIL"), ["UNTIL", until]]), after };
}

// ---------------------------------------------------------------- description

const MONTHS = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};
const DAY_NAMES: Record<"fr" | "en", Record<Weekday, string>> = {
  fr: { MO: "lundi", TU: "mardi", WE: "mercredi", TH: "jeudi", FR: "vendredi", SA: "samedi", SU: "dimanche" },
  en: { MO: "Monday", TU: "Tuesday", WE: "Wednesday", TH: "Thursday", FR: "Friday", SA: "Saturday", SU: "Sunday" },
};

/** "1er", "2", "3"… as French writes days of the month. */
const frDay = (day: number) => (day === 1 ? "1er" : String(day));
/** "1er", "2e"… as French writes ordinals. */
const frOrdinal = (n: number) => (n === 1 ? "1er" : `${n}e`);
const enOrdinal = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
};
const EN_POSITION = ["first", "second", "third", "fourth"];

function list(items: string[], lang: "fr" | "en"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "fr" ? "et" : "and"} ${items[items.length - 1]}`;
}

/** A day written out: « 1er mars 2027 », "March 1, 2027". */
export function fullDate(date: string, lang: "fr" | "en"): string {
  const [y, m, d] = date.split("-").map(Number);
  return lang === "fr" ? `${frDay(d)} ${MONTHS.fr[m - 1]} ${y}` : `${MONTHS.en[m - 1]} ${d}, ${y}`;
}

/**
 * The pattern in words, French first: "Toutes les 2 semaines le mardi, jusqu'au 30 juin 2027",
 * "Le 2e mardi de chaque mois, 10 fois", "Chaque année le 14 juillet".
 */
export function describeRecurrence(r: Recurrence, firstStartLocal: string, lang: "fr" | "en"): string {
  const first = firstFloating(firstStartLocal);
  const date = new Date(first);
  const day = date.getUTCDate();
  const month = date.getUTCMonth();
  const interval = r.interval ?? 1;
  const fr = lang === "fr";
  let text: string;
  switch (r.frequency) {
    case "weekly": {
      const days = r.weekdays && r.weekdays.length > 0 ? sortWeekdays(r.weekdays) : [weekdayOf(first)];
      const every = fr
        ? interval === 1
          ? "Chaque semaine"
          : `Toutes les ${interval} semaines`
        : interval === 1
          ? "Every week"
          : `Every ${interval} weeks`;
      if (days.length === 7) {
        text = interval === 1 ? (fr ? "Tous les jours" : "Every day") : fr ? `${every}, tous les jours` : `${every}, every day`;
      } else {
        const names = days.map((d) => (fr ? `le ${DAY_NAMES.fr[d]}` : DAY_NAMES.en[d]));
        text = fr ? `${every} ${list(names, "fr")}` : `${every} on ${list(names, "en")}`;
      }
      break;
    }
    case "monthly_date":
      if (fr) text = interval === 1 ? `Le ${frDay(day)} de chaque mois` : `Le ${frDay(day)}, tous les ${interval} mois`;
      else
        text = interval === 1 ? `On the ${enOrdinal(day)} of every month` : `On the ${enOrdinal(day)}, every ${interval} months`;
      break;
    case "monthly_weekday": {
      const { nth } = weekdayPosition(first);
      const weekday = weekdayOf(first);
      if (fr) {
        const which = `Le ${nth === 5 ? "dernier" : frOrdinal(nth)} ${DAY_NAMES.fr[weekday]}`;
        text = interval === 1 ? `${which} de chaque mois` : `${which}, tous les ${interval} mois`;
      } else {
        const which = `On the ${nth === 5 ? "last" : EN_POSITION[nth - 1]} ${DAY_NAMES.en[weekday]}`;
        text = interval === 1 ? `${which} of every month` : `${which}, every ${interval} months`;
      }
      break;
    }
    case "yearly":
      if (fr) {
        const when = `le ${frDay(day)} ${MONTHS.fr[month]}`;
        text = interval === 1 ? `Chaque année ${when}` : `Tous les ${interval} ans, ${when}`;
      } else {
        const when = `on ${MONTHS.en[month]} ${day}`;
        text = interval === 1 ? `Every year ${when}` : `Every ${interval} years, ${when}`;
      }
      break;
  }
  if (r.count) text += fr ? `, ${r.count} fois` : `, ${r.count} times`;
  else if (r.until) text += fr ? `, jusqu'au ${fullDate(r.until, "fr")}` : `, until ${fullDate(r.until, "en")}`;
  return text;
}
