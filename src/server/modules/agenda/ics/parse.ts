import { createHash } from "node:crypto";
import ICAL from "ical.js";
import { addDays, allDayRange, parisDate } from "../../../../shared/agenda/time.ts";
import { isKnownZone, PARIS, type WallTime, zonedToInstant } from "./zone.ts";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const parisMidnight = (day: string) => allDayRange(day, day).startsAt;

/**
 * Reads an .ics file into normalised events (domain rules §8.3 rule 3): instants for times, all-day events as
 * Paris midnights with an exclusive end, series as an RRULE string without DTSTART whose UNTIL agrees with the
 * start (CAL-04), and modified or cancelled occurrences grouped under their series by (UID, RECURRENCE-ID).
 */

export interface ParsedOverride {
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
  /** Null when the occurrence keeps the series' title. */
  title: string | null;
  cancelled: boolean;
}

export interface ParsedEvent {
  uid: string;
  title: string;
  description: string | null;
  location: string | null;
  url: string | null;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  rrule: string | null;
  exdates: Date[];
  overrides: ParsedOverride[];
  status: "tentative" | "confirmed" | "cancelled";
  categories: string[];
  sequence: number;
  lastModified: Date | null;
}

/** A file we cannot read; the message is for people, in French. */
export class IcsParseError extends Error {
  override name = "IcsParseError";
}

export const MAX_IMPORTED_EVENTS = 5000;
/** An event with a start and no end or duration takes no time (RFC 5545); the agenda needs a span. */
const DEFAULT_TIMED_MS = 60 * 60 * 1000;
const UNTITLED = "Sans titre";

// Outlook and Exchange name zones the Windows way; the ones a French consortium meets.
const WINDOWS_ZONES: Record<string, string> = {
  "Romance Standard Time": "Europe/Paris",
  "W. Europe Standard Time": "Europe/Berlin",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  UTC: "UTC",
  "Mauritius Standard Time": "Indian/Mauritius",
  "SA Western Standard Time": "America/Martinique",
  "SA Eastern Standard Time": "America/Cayenne",
};
const UTC_NAMES = new Set(["utc", "z", "gmt", "etc/utc", "etc/gmt", "zulu"]);

type Zone = { kind: "utc" } | { kind: "iana"; name: string } | { kind: "vtimezone"; tz: ICAL.Timezone };

class Reader {
  private readonly zones = new Map<string, Zone>();

  constructor(private readonly timezones: Map<string, ICAL.Timezone>) {}

  /**
   * A known IANA name wins over the file's VTIMEZONE: Intl carries every past rule change, while the
   * definitions in files are often cut short. The file's definition serves names Intl does not know, then
   * Windows names; anything else is read as Paris time, like floating times.
   */
  zone(tzid: string | null): Zone {
    if (!tzid) return { kind: "iana", name: PARIS };
    const cached = this.zones.get(tzid);
    if (cached) return cached;
    const resolved = this.resolve(tzid);
    this.zones.set(tzid, resolved);
    return resolved;
  }

  private resolve(tzid: string): Zone {
    const name = tzid.replace(/^"|"$/g, "").trim();
    if (UTC_NAMES.has(name.toLowerCase())) return { kind: "utc" };
    // "/mozilla.org/20050126_1/Europe/Paris" and similar prefixed names end with the IANA name.
    const segments = name.split("/").filter(Boolean);
    for (let n = Math.min(3, segments.length); n >= 1; n--) {
      const candidate = segments.slice(-n).join("/");
      if ((n > 1 || segments.length === 1) && isKnownZone(candidate)) return { kind: "iana", name: candidate };
    }
    const tz = this.timezones.get(tzid) ?? this.timezones.get(name);
    if (tz) return { kind: "vtimezone", tz };
    const windows = WINDOWS_ZONES[name];
    if (windows) return windows === "UTC" ? { kind: "utc" } : { kind: "iana", name: windows };
    return { kind: "iana", name: PARIS };
  }

  wallToInstant(wall: WallTime, tzid: string | null): Date {
    const zone = this.zone(tzid);
    if (zone.kind === "utc") return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
    if (zone.kind === "iana") return zonedToInstant(wall, zone.name);
    const offsetSeconds = zone.tz.utcOffset(ICAL.Time.fromData({ ...wall, isDate: false }));
    return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - offsetSeconds * 1000);
  }

  /** The instant of a DATE-TIME value, or the Paris midnight of a DATE. */
  instant(time: ICAL.Time, tzid: string | null): Date {
    if (time.isDate) return parisMidnight(dayOf(time));
    if (time.zone === ICAL.Timezone.utcTimezone) return this.wallToInstant(wallOf(time), "UTC");
    return this.wallToInstant(wallOf(time), tzid);
  }
}

const dayOf = (t: ICAL.Time) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
const wallOf = (t: ICAL.Time): WallTime => ({
  year: t.year,
  month: t.month,
  day: t.day,
  hour: t.hour,
  minute: t.minute,
  second: t.second,
});
const utcStamp = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;

/** The same wall-clock time some days later, month and year carried over. */
function laterWall(w: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days, w.hour, w.minute, w.second));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/\r\n?/g, "\n").trim();
  return trimmed === "" ? null : trimmed;
}

function timeProp(component: ICAL.Component, name: string): { time: ICAL.Time; tzid: string | null } | null {
  const prop = component.getFirstProperty(name);
  if (!prop) return null;
  const time = prop.getFirstValue();
  if (!(time instanceof ICAL.Time)) return null;
  const tzid = prop.getParameter("tzid");
  return { time, tzid: typeof tzid === "string" ? tzid : null };
}

function statusOf(component: ICAL.Component): ParsedEvent["status"] {
  const value = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
  if (value === "CANCELLED") return "cancelled";
  if (value === "TENTATIVE") return "tentative";
  return "confirmed";
}

/**
 * RFC 5545 lets producers write a bare "20270328" without VALUE=DATE, and ical.js refuses it; lines are
 * unfolded first so the fix also sees folded properties.
 */
function repair(source: string): string {
  return source
    .replace(/^\uFEFF/, "")
    .replace(/\r?\n[ \t]/g, "")
    .replace(
      /^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|DUE)((?:;[^:\r\n]*)?):(\d{8}(?:,\d{8})*)\r?$/gim,
      (line, name, params, value) => (/VALUE=DATE/i.test(params) ? line : `${name}${params};VALUE=DATE:${value}`),
    );
}

interface Span {
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
}

function spanOf(reader: Reader, ve: ICAL.Component, fallbackMs?: number): Span | null {
  const start = timeProp(ve, "dtstart");
  if (!start) return null;
  const allDay = start.time.isDate;
  const startsAt = reader.instant(start.time, start.tzid);
  const end = timeProp(ve, "dtend");
  const duration = ve.getFirstPropertyValue("duration");
  let endsAt: Date | null = null;
  if (allDay) {
    const startDay = dayOf(start.time);
    let endDay: string | null = null;
    if (end) endDay = end.time.isDate ? dayOf(end.time) : parisDate(reader.instant(end.time, end.tzid));
    else if (duration instanceof ICAL.Duration && !duration.isNegative) {
      endDay = addDays(startDay, duration.weeks * 7 + duration.days + Math.floor(duration.hours / 24));
    } else if (fallbackMs) endDay = addDays(startDay, Math.max(1, Math.round(fallbackMs / 86_400_000)));
    if (!endDay || endDay <= startDay) endDay = addDays(startDay, 1);
    endsAt = parisMidnight(endDay);
  } else {
    if (end) endsAt = end.time.isDate ? parisMidnight(dayOf(end.time)) : reader.instant(end.time, end.tzid);
    else if (duration instanceof ICAL.Duration && !duration.isNegative) {
      // Days and weeks are nominal (the same wall time on a later day, across a DST change); hours are exact.
      const days = duration.weeks * 7 + duration.days;
      const base = days
        ? reader.wallToInstant(
            laterWall(wallOf(start.time), days),
            start.time.zone === ICAL.Timezone.utcTimezone ? "UTC" : start.tzid,
          )
        : startsAt;
      endsAt = new Date(base.getTime() + (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000);
    } else if (fallbackMs) endsAt = new Date(startsAt.getTime() + fallbackMs);
    if (!endsAt || endsAt.getTime() <= startsAt.getTime()) endsAt = new Date(startsAt.getTime() + DEFAULT_TIMED_MS);
  }
  return { startsAt, endsAt, allDay };
}

/**
 * The rule as a string without DTSTART; UNTIL in UTC for a timed series and a DATE for an all-day one (CAL-04),
 * since many producers write a floating UNTIL or a DATE under a timed start.
 */
function ruleOf(reader: Reader, ve: ICAL.Component, allDay: boolean, startTzid: string | null): string | null {
  const recur = ve.getFirstPropertyValue("rrule");
  if (!(recur instanceof ICAL.Recur) || !recur.freq) return null;
  const until = recur.until;
  const copy = recur.clone();
  copy.until = null;
  let rule = copy.toString();
  if (until) {
    let value: string;
    if (allDay) {
      value = until.isDate
        ? dayOf(until).replace(/-/g, "")
        : until.zone === ICAL.Timezone.utcTimezone
          ? parisDate(reader.wallToInstant(wallOf(until), "UTC")).replace(/-/g, "")
          : dayOf(until).replace(/-/g, "");
    } else if (until.isDate) {
      const nextDay = addDays(dayOf(until), 1);
      const [y, m, d] = nextDay.split("-").map(Number);
      const end = reader.wallToInstant({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, startTzid);
      value = utcStamp(new Date(end.getTime() - 1000));
    } else if (until.zone === ICAL.Timezone.utcTimezone) {
      value = utcStamp(reader.wallToInstant(wallOf(until), "UTC"));
    } else {
      value = utcStamp(reader.wallToInstant(wallOf(until), startTzid));
    }
    // COUNT and UNTIL are exclusive (CAL-04): UNTIL, the stricter bound in practice, wins.
    rule = rule.replace(/;COUNT=\d+/, "");
    rule += `;UNTIL=${value}`;
  }
  return rule;
}

function exdatesOf(reader: Reader, ve: ICAL.Component): Date[] {
  const out = new Map<number, Date>();
  for (const prop of ve.getAllProperties("exdate")) {
    const tzid = prop.getParameter("tzid");
    for (const value of prop.getValues()) {
      if (!(value instanceof ICAL.Time)) continue;
      const instant = reader.instant(value, typeof tzid === "string" ? tzid : null);
      out.set(instant.getTime(), instant);
    }
  }
  return [...out.values()].sort((a, b) => a.getTime() - b.getTime());
}

function categoriesOf(ve: ICAL.Component): string[] {
  const values = ve.getAllProperties("categories").flatMap((p) => p.getValues());
  return [...new Set(values.map((v) => String(v).trim()).filter(Boolean))];
}

function urlOf(ve: ICAL.Component): string | null {
  const value = text(ve, "url");
  return value && /^https?:\/\/\S+$/i.test(value) ? value : null;
}

function derivedUid(startsAt: Date, title: string): string {
  const hash = createHash("sha256").update(`${startsAt.toISOString()}|${title}`).digest("hex").slice(0, 32);
  return `${hash}@import.maillage`;
}

interface Raw {
  uid: string;
  component: ICAL.Component;
  recurrenceId: Date | null;
  sequence: number;
  lastModified: Date | null;
}

function newer(a: Raw, b: Raw): boolean {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence;
  return (a.lastModified?.getTime() ?? 0) > (b.lastModified?.getTime() ?? 0);
}

function loadRoots(source: string): ICAL.Component[] {
  if (source.trim() === "") throw new IcsParseError("Le fichier est vide.");
  if (!/BEGIN:VCALENDAR/i.test(source)) {
    throw new IcsParseError("Ce contenu n'est pas un calendrier iCalendar (.ics) : il ne commence pas par BEGIN:VCALENDAR.");
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(repair(source));
  } catch {
    throw new IcsParseError("Le calendrier est illisible : son format iCalendar est invalide.");
  }
  const list = (Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal : [jcal]) as unknown[];
  const roots = list.map((j) => new ICAL.Component(j as never)).filter((c) => c.name === "vcalendar");
  if (roots.length === 0) throw new IcsParseError("Ce contenu n'est pas un calendrier iCalendar (.ics).");
  return roots;
}

/** Parses an .ics text; throws `IcsParseError` with a French message when it cannot be read. */
export function parseCalendar(source: string): ParsedEvent[] {
  const roots = loadRoots(source);
  const timezones = new Map<string, ICAL.Timezone>();
  const vevents: ICAL.Component[] = [];
  for (const root of roots) {
    for (const vtz of root.getAllSubcomponents("vtimezone")) {
      const tzid = vtz.getFirstPropertyValue("tzid");
      if (typeof tzid === "string") timezones.set(tzid, new ICAL.Timezone({ component: vtz, tzid }));
    }
    vevents.push(...root.getAllSubcomponents("vevent"));
  }
  if (vevents.length > MAX_IMPORTED_EVENTS) {
    throw new IcsParseError(
      `Le calendrier contient ${vevents.length.toLocaleString("fr-FR")} événements : ${MAX_IMPORTED_EVENTS.toLocaleString("fr-FR")} au plus peuvent être importés en une fois.`,
    );
  }
  const reader = new Reader(timezones);

  const raws: Raw[] = [];
  let broken = 0;
  for (const ve of vevents) {
    try {
      const start = timeProp(ve, "dtstart");
      if (!start) {
        broken++;
        continue;
      }
      const rid = timeProp(ve, "recurrence-id");
      const title = text(ve, "summary") ?? UNTITLED;
      const startsAt = reader.instant(start.time, start.tzid);
      const lastModified = timeProp(ve, "last-modified");
      const sequence = Number.parseInt(String(ve.getFirstPropertyValue("sequence") ?? "0"), 10);
      raws.push({
        uid: text(ve, "uid") ?? derivedUid(startsAt, title),
        component: ve,
        recurrenceId: rid ? reader.instant(rid.time, rid.tzid) : null,
        sequence: Number.isFinite(sequence) && sequence > 0 ? sequence : 0,
        lastModified: lastModified ? reader.instant(lastModified.time, lastModified.tzid) : null,
      });
    } catch {
      broken++;
    }
  }
  if (raws.length === 0 && broken > 0) {
    throw new IcsParseError("Aucun événement de ce calendrier n'a pu être lu : leurs dates sont invalides.");
  }

  const byUid = new Map<string, { masters: Raw[]; overrides: Map<number, Raw> }>();
  for (const raw of raws) {
    const group = byUid.get(raw.uid) ?? { masters: [], overrides: new Map<number, Raw>() };
    byUid.set(raw.uid, group);
    if (!raw.recurrenceId) {
      group.masters.push(raw);
      continue;
    }
    const key = raw.recurrenceId.getTime();
    const existing = group.overrides.get(key);
    if (!existing || newer(raw, existing)) group.overrides.set(key, raw);
  }

  const events: ParsedEvent[] = [];
  for (const [uid, group] of byUid) {
    const masters = distinctMasters(uid, group.masters, reader);
    for (const { uid: masterUid, raw } of masters) {
      const event = buildEvent(reader, masterUid, raw);
      if (!event) continue;
      // Occurrences belong to the series that keeps the source's UID.
      if (masterUid === uid && event.rrule) {
        for (const [key, o] of group.overrides) {
          const override = buildOverride(reader, o, event);
          if (override) event.overrides.push(override);
          group.overrides.delete(key);
        }
        event.overrides.sort((a, b) => a.originalStart.getTime() - b.originalStart.getTime());
      }
      events.push(event);
    }
    // Occurrences whose series is not in the file become events of their own, one per RECURRENCE-ID.
    for (const o of group.overrides.values()) {
      const rid = o.recurrenceId as Date;
      const event = buildEvent(reader, `${uid}/${utcStamp(rid)}`, o);
      if (event) events.push({ ...event, rrule: null, exdates: [] });
    }
  }
  return events;
}

/**
 * Some producers reuse one UID for unrelated single events: the latest version of each start is kept, and
 * every start but the first keeps a UID of its own so a re-import finds it again.
 */
function distinctMasters(uid: string, masters: Raw[], reader: Reader): Array<{ uid: string; raw: Raw }> {
  if (masters.length <= 1) return masters.map((raw) => ({ uid, raw }));
  const byStart = new Map<number, Raw>();
  for (const raw of masters) {
    const start = timeProp(raw.component, "dtstart");
    if (!start) continue;
    const key = reader.instant(start.time, start.tzid).getTime();
    const existing = byStart.get(key);
    if (!existing || newer(raw, existing)) byStart.set(key, raw);
  }
  const ordered = [...byStart.entries()].sort((a, b) => a[0] - b[0]);
  const recurring = ordered.find(([, raw]) => raw.component.hasProperty("rrule"));
  const first = recurring ?? ordered[0];
  return ordered.map(([start, raw]) => ({ uid: raw === first[1] ? uid : `${uid}/${utcStamp(new Date(start))}`, raw }));
}

function buildEvent(reader: Reader, uid: string, raw: Raw): ParsedEvent | null {
  const ve = raw.component;
  const span = spanOf(reader, ve);
  if (!span) return null;
  const start = timeProp(ve, "dtstart");
  const rrule = raw.recurrenceId ? null : ruleOf(reader, ve, span.allDay, start?.tzid ?? null);
  return {
    uid,
    title: text(ve, "summary") ?? UNTITLED,
    description: text(ve, "description"),
    location: text(ve, "location"),
    url: urlOf(ve),
    ...span,
    rrule,
    exdates: rrule ? exdatesOf(reader, ve) : [],
    overrides: [],
    status: statusOf(ve),
    categories: categoriesOf(ve),
    sequence: raw.sequence,
    lastModified: raw.lastModified,
  };
}

function buildOverride(reader: Reader, raw: Raw, master: ParsedEvent): ParsedOverride | null {
  const originalStart = raw.recurrenceId as Date;
  const length = master.endsAt.getTime() - master.startsAt.getTime();
  const span = spanOf(reader, raw.component, length) ?? {
    startsAt: originalStart,
    endsAt: new Date(originalStart.getTime() + length),
    allDay: master.allDay,
  };
  const title = text(raw.component, "summary");
  return {
    originalStart,
    startsAt: span.startsAt,
    endsAt: span.endsAt,
    title: title && title !== master.title ? title : null,
    cancelled: statusOf(raw.component) === "cancelled",
  };
}

/**
 * How often the publisher asks to be read again, in minutes: RFC 7986 REFRESH-INTERVAL, else Microsoft's
 * X-PUBLISHED-TTL (CAL-05). "P1H", which some servers write for "PT1H" (CAL-06), is read as an hour.
 */
export function refreshHint(source: string): number | null {
  const unfolded = source.replace(/\r?\n[ \t]/g, "");
  const value =
    /^REFRESH-INTERVAL[^:\r\n]*:\s*(\S+)\s*$/im.exec(unfolded)?.[1] ??
    /^X-PUBLISHED-TTL[^:\r\n]*:\s*(\S+)\s*$/im.exec(unfolded)?.[1];
  if (!value) return null;
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(value);
  if (!m) return null;
  const [weeks, days, hours, minutes, seconds] = m.slice(1).map((v) => Number(v ?? 0));
  const total = weeks * 10080 + days * 1440 + hours * 60 + minutes + Math.ceil(seconds / 60);
  return total > 0 ? total : null;
}
