import { addDays, allDayRange, floatingToInstantForward, instantToFloating, parisDate } from "../../../../shared/agenda/time.ts";

const PARIS = "Europe/Paris";

/**
 * Our own RFC 5545 writer (CAL-01..06 in domain rules §8): ical-generator reads time zones through the process
 * clock, and a feed must say the same thing whatever zone the server runs in. The output is deterministic for a
 * given input (DTSTAMP is the event's last change unless `now` is given), so the same agenda gives the same
 * bytes and the same ETag after a restart.
 */

export type IcsStatus = "tentative" | "confirmed" | "cancelled";

/** One modified occurrence of a series, written as a VEVENT with the master's UID and a RECURRENCE-ID. */
export interface IcsOverride {
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string | null;
  location: string | null;
  status: IcsStatus;
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  created: Date;
  lastModified: Date;
  title: string;
  description: string | null;
  location: string | null;
  url: string | null;
  geo?: { lat: number; lng: number } | null;
  startsAt: Date;
  /** For an all-day event, the start of the day after the last one (exclusive), as stored. */
  endsAt: Date;
  allDay: boolean;
  /** RFC 5545 rule without DTSTART, as stored. */
  rrule: string | null;
  status: IcsStatus;
  categories: string[];
  organizerNames: string[];
  /** Original starts of cancelled occurrences. */
  exdates: Date[];
  overrides: IcsOverride[];
}

export interface IcsCalendar {
  name: string;
  description?: string;
  /** The web page of this agenda (RFC 7986 URL). */
  url?: string;
  /** The address of this feed itself (RFC 7986 SOURCE). */
  source?: string;
  refreshMinutes?: number;
  /** A CSS3 colour name (RFC 7986 COLOR); anything else is left out. */
  color?: string;
  events: IcsEvent[];
  now?: Date;
}

const CRLF = "\r\n";
const PRODID = "-//Maillage//Agenda partage//FR";

// Europe/Paris since 1996: summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00.
const PARIS_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${PARIS}`,
  `X-LIC-LOCATION:${PARIS}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (CAL-02): continuation lines start with a space, which counts in their 75,
 * and a UTF-8 character is never cut in two (iterating code points keeps surrogate pairs together).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    if (size + bytes > limit) {
      out.push(current);
      current = " ";
      size = 1;
      limit = 75;
    }
    current += ch;
    size += bytes;
  }
  out.push(current);
  return out.join(CRLF);
}

/** Escapes a TEXT value (RFC 5545 §3.3.11) and drops control characters, which TEXT may not hold. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: TEXT values may not hold control characters (RFC 5545 §3.3.11).
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
  );
}

/** "PT1H", "PT90M", "P1D": never "P1H" (CAL-06). */
export function durationValue(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  if (m % 1440 === 0) return `P${m / 1440}D`;
  if (m % 60 === 0) return `PT${m / 60}H`;
  return `PT${m}M`;
}

const utcStamp = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
/** Paris wall-clock time of an instant, "20271019T190000". */
const localStamp = (instant: Date) => new Date(instantToFloating(instant)).toISOString().slice(0, 19).replace(/[-:]/g, "");
const parisMidnight = (day: string) => allDayRange(day, day).startsAt;
const dateStamp = (day: string) => day.replace(/-/g, "");

/** Property parameters and value of a DTSTART-like property, in Paris local time or as a DATE. */
function timeValue(instant: Date, allDay: boolean): { params: string; value: string } {
  if (allDay) return { params: ";VALUE=DATE", value: dateStamp(parisDate(instant)) };
  return { params: `;TZID=${PARIS}`, value: localStamp(instant) };
}

/** The exclusive DTEND day of an all-day event, even when the stored end is not exactly a Paris midnight. */
function allDayEnd(startsAt: Date, endsAt: Date): string {
  const startDay = parisDate(startsAt);
  const endDay = parisDate(endsAt);
  let end = parisMidnight(endDay).getTime() === endsAt.getTime() ? endDay : addDays(endDay, 1);
  if (end <= startDay) end = addDays(startDay, 1);
  return end;
}

/**
 * Makes UNTIL agree with DTSTART (CAL-04): UTC for a timed series, a DATE for an all-day one. The stored rule
 * should already say so; a rule from an older import may not, and clients reject the mismatch.
 */
export function normaliseRule(rule: string, allDay: boolean): string {
  const parts = rule
    .replace(/^RRULE:/i, "")
    .split(";")
    .filter((p) => p.trim() !== "");
  return parts
    .map((part) => {
      const [key, value = ""] = part.split("=");
      if (key.toUpperCase() !== "UNTIL") return part;
      const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value.trim());
      if (!m) return part;
      const [, y, mo, d, h, mi, s, z] = m;
      const day = `${y}-${mo}-${d}`;
      if (allDay) {
        if (!h) return `UNTIL=${dateStamp(day)}`;
        const instant = z ? new Date(`${day}T${h}:${mi}:${s}Z`) : null;
        return `UNTIL=${dateStamp(instant ? parisDate(instant) : day)}`;
      }
      if (h && z) return `UNTIL=${value}`;
      // A DATE or a floating time: the end of that Paris day, or that Paris time.
      const instant = h
        ? floatingToInstantForward(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s))
        : new Date(parisMidnight(addDays(day, 1)).getTime() - 1000);
      return `UNTIL=${utcStamp(instant)}`;
    })
    .join(";");
}

function withOrganizers(description: string | null, organizerNames: string[]): string | null {
  const names = organizerNames.filter((n) => n.trim() !== "");
  if (names.length === 0) return description;
  const line = `Organisation : ${names.join(", ")}`;
  return description ? `${description}\n\n${line}` : line;
}

// RFC 7986 COLOR takes a CSS3 colour name; a hex value makes some clients drop the whole calendar.
const isColourName = (c: string) => /^[a-z]{3,20}$/i.test(c);

function eventLines(e: IcsEvent, now: Date | undefined): string[] {
  const lines: string[] = [];
  const stamp = utcStamp(now ?? e.lastModified);
  const start = timeValue(e.startsAt, e.allDay);
  const end = e.allDay
    ? { params: ";VALUE=DATE", value: dateStamp(allDayEnd(e.startsAt, e.endsAt)) }
    : timeValue(e.endsAt, false);
  const recurring = !!e.rrule;
  const categories = [...new Set(e.categories.map((c) => c.trim()).filter(Boolean))];
  const description = withOrganizers(e.description, e.organizerNames);
  const shared = (title: string, desc: string | null, location: string | null, status: IcsStatus) => {
    lines.push(`SUMMARY:${escapeText(title)}`);
    if (desc) lines.push(`DESCRIPTION:${escapeText(desc)}`);
    if (location) lines.push(`LOCATION:${escapeText(location)}`);
    if (e.geo) lines.push(`GEO:${e.geo.lat.toFixed(6)};${e.geo.lng.toFixed(6)}`);
    if (e.url) lines.push(`URL;VALUE=URI:${e.url}`);
    if (categories.length > 0) lines.push(`CATEGORIES:${categories.map(escapeText).join(",")}`);
    lines.push(`STATUS:${status.toUpperCase()}`);
  };

  lines.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${stamp}`);
  lines.push(`CREATED:${utcStamp(e.created)}`, `LAST-MODIFIED:${utcStamp(e.lastModified)}`);
  lines.push(`SEQUENCE:${e.sequence}`);
  lines.push(`DTSTART${start.params}:${start.value}`, `DTEND${end.params}:${end.value}`);
  if (recurring && e.rrule) {
    lines.push(`RRULE:${normaliseRule(e.rrule, e.allDay)}`);
    const exdates = [...new Set(e.exdates.map((d) => d.getTime()))].sort((a, b) => a - b);
    if (exdates.length > 0) {
      const params = e.allDay ? ";VALUE=DATE" : `;TZID=${PARIS}`;
      lines.push(`EXDATE${params}:${exdates.map((t) => timeValue(new Date(t), e.allDay).value).join(",")}`);
    }
  }
  shared(e.title, description, e.location, e.status);
  lines.push("END:VEVENT");

  if (!recurring) return lines;
  for (const o of [...e.overrides].sort((a, b) => a.originalStart.getTime() - b.originalStart.getTime())) {
    const rid = timeValue(o.originalStart, e.allDay);
    const oStart = timeValue(o.startsAt, e.allDay);
    const oEnd = e.allDay
      ? { params: ";VALUE=DATE", value: dateStamp(allDayEnd(o.startsAt, o.endsAt)) }
      : timeValue(o.endsAt, false);
    lines.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${stamp}`);
    lines.push(`CREATED:${utcStamp(e.created)}`, `LAST-MODIFIED:${utcStamp(e.lastModified)}`);
    lines.push(`SEQUENCE:${e.sequence}`, `RECURRENCE-ID${rid.params}:${rid.value}`);
    lines.push(`DTSTART${oStart.params}:${oStart.value}`, `DTEND${oEnd.params}:${oEnd.value}`);
    // A client shows an override as it is written: what it does not change is repeated from the series.
    shared(o.title, withOrganizers(o.description ?? e.description, e.organizerNames), o.location ?? e.location, o.status);
    lines.push("END:VEVENT");
  }
  return lines;
}

/** A whole VCALENDAR, CRLF-terminated and folded, ready to serve as text/calendar. */
export function writeCalendar(cal: IcsCalendar): string {
  const refresh = durationValue(cal.refreshMinutes ?? 60);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  lines.push(`NAME:${escapeText(cal.name)}`, `X-WR-CALNAME:${escapeText(cal.name)}`);
  if (cal.description) lines.push(`DESCRIPTION:${escapeText(cal.description)}`, `X-WR-CALDESC:${escapeText(cal.description)}`);
  if (cal.url) lines.push(`URL;VALUE=URI:${cal.url}`);
  if (cal.source) lines.push(`SOURCE;VALUE=URI:${cal.source}`);
  if (cal.color && isColourName(cal.color)) lines.push(`COLOR:${cal.color.toLowerCase()}`);
  lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${refresh}`, `X-PUBLISHED-TTL:${refresh}`);
  lines.push(`X-WR-TIMEZONE:${PARIS}`, ...PARIS_VTIMEZONE);
  for (const e of cal.events) lines.push(...eventLines(e, cal.now));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
