// Clashes between occurrences: a space booked twice (refused on save) and the same audience invited twice at
// the same time or on the same evening (allowed, with a reason). Occurrences are half-open [startsAt, endsAt).

import { floatingToDate, instantToFloating } from "./time.ts";

export interface Slot {
  eventId: string;
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
  placeId: string | null;
  spaceId: string | null;
  audiences: string[];
  status: "tentative" | "confirmed" | "cancelled";
  /** When absent, an occurrence running from a Paris midnight to a later Paris midnight counts as all-day. */
  allDay?: boolean;
}

export type ClashReason = "overlap" | "same_evening";
export interface AudienceClash<T extends Slot = Slot> {
  a: T;
  b: T;
  reason: ClashReason;
  /** The audiences both occurrences address. */
  audiences: string[];
}
export interface SpaceConflict<T extends Slot = Slot> {
  a: T;
  b: T;
}

/** An evening starts at 18:00, Paris time. */
export const EVENING_STARTS = "18:00";
const EVENING_MINUTES = 18 * 60;
const DAY = 86_400_000;
const MINUTE = 60_000;

// A zero-length occurrence (an imported event without an end) is a point in time: it takes 1 ms, so that it
// clashes with what runs at that moment and with another point at the same instant.
const endOf = (s: Pick<Slot, "startsAt" | "endsAt">) => Math.max(s.endsAt.getTime(), s.startsAt.getTime() + 1);

/** Do two occurrences share a moment? Half-open intervals: 10:00–12:00 and 12:00–14:00 do not overlap. */
export function overlaps(a: Pick<Slot, "startsAt" | "endsAt">, b: Pick<Slot, "startsAt" | "endsAt">): boolean {
  return a.startsAt.getTime() < endOf(b) && b.startsAt.getTime() < endOf(a);
}

interface Facts {
  /** Paris date of the start, when it starts at 18:00 or later; null otherwise. */
  evening: string | null;
  allDay: boolean;
}

/** Runs from a Paris midnight to a later Paris midnight: what an all-day occurrence looks like without its flag. */
export function isAllDay(s: Pick<Slot, "startsAt" | "endsAt">): boolean {
  return s.endsAt > s.startsAt && instantToFloating(s.startsAt) % DAY === 0 && instantToFloating(s.endsAt) % DAY === 0;
}

function facts(s: Slot): Facts {
  const start = instantToFloating(s.startsAt);
  const minutes = Math.floor((start % DAY) / MINUTE);
  const allDay = s.allDay ?? isAllDay(s);
  return { evening: !allDay && minutes >= EVENING_MINUTES ? floatingToDate(start) : null, allDay };
}

/** Do both occurrences start at or after 18:00, Paris time, on the same Paris date? */
export function sameEvening(a: Slot, b: Slot): boolean {
  const ea = facts(a).evening;
  return ea !== null && ea === facts(b).evening;
}

const live = (s: Slot) => s.status !== "cancelled";

function sharedAudiences(a: Slot, b: Slot): string[] {
  if (a.audiences.length === 0 || b.audiences.length === 0) return [];
  const theirs = new Set(b.audiences);
  return [...new Set(a.audiences.filter((x) => theirs.has(x)))];
}

function spaceRule(a: Slot, b: Slot): boolean {
  return a.spaceId !== null && a.spaceId === b.spaceId && a.eventId !== b.eventId && live(a) && live(b) && overlaps(a, b);
}

/**
 * The audience rule. All-day occurrences clash only with other all-day occurrences of the same audience on the
 * same days: a festival that runs all Saturday does not make every Saturday workshop for the same public a
 * clash, while two festivals for families on the same weekend do compete.
 */
function audienceRule(a: Slot, fa: Facts, b: Slot, fb: Facts): AudienceClash | null {
  if (a.eventId === b.eventId || !live(a) || !live(b) || fa.allDay !== fb.allDay) return null;
  const audiences = sharedAudiences(a, b);
  if (audiences.length === 0) return null;
  if (overlaps(a, b)) return { a, b, reason: "overlap", audiences };
  if (fa.evening !== null && fa.evening === fb.evening) return { a, b, reason: "same_evening", audiences };
  return null;
}

// ---------------------------------------------------------------- sweeps

interface Entry<T extends Slot> {
  slot: T;
  side: 0 | 1;
  index: number;
  start: number;
  end: number;
  facts: Facts;
}

const byStart = <T extends Slot>(x: Entry<T>, y: Entry<T>) =>
  x.start - y.start || x.end - y.end || (x.slot.eventId < y.slot.eventId ? -1 : x.slot.eventId > y.slot.eventId ? 1 : 0);

/**
 * Calls `visit(earlier, later)` for every pair of entries that overlap, in the order of the later start, after
 * one sort: each entry is compared only with those still running when it starts.
 */
function sweepOverlapping<T extends Slot>(entries: Entry<T>[], visit: (x: Entry<T>, y: Entry<T>) => void): void {
  const sorted = [...entries].sort(byStart);
  let running: Entry<T>[] = [];
  for (const e of sorted) {
    running = running.filter((r) => r.end > e.start);
    for (const r of running) visit(r, e);
    running.push(e);
  }
}

/** Calls `visit` for every pair of entries starting on the same Paris evening. */
function sweepEvenings<T extends Slot>(entries: Entry<T>[], visit: (x: Entry<T>, y: Entry<T>) => void): void {
  const evenings = new Map<string, Entry<T>[]>();
  for (const e of [...entries].sort(byStart)) {
    if (e.facts.evening === null) continue;
    const list = evenings.get(e.facts.evening) ?? [];
    list.push(e);
    evenings.set(e.facts.evening, list);
  }
  for (const list of evenings.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) visit(list[i], list[j]);
  }
}

const entry = <T extends Slot>(slot: T, side: 0 | 1, index: number): Entry<T> => ({
  slot,
  side,
  index,
  start: slot.startsAt.getTime(),
  end: endOf(slot),
  facts: facts(slot),
});

const chronological = <T extends Slot>(x: { a: T; b: T }, y: { a: T; b: T }) =>
  x.a.startsAt.getTime() - y.a.startsAt.getTime() || x.b.startsAt.getTime() - y.b.startsAt.getTime();

/** The pairs (a from `candidate`, b from `existing`) that satisfy a rule, each pair of occurrences once. */
function crossPairs<T extends Slot, R extends { a: T; b: T }>(
  candidate: T[],
  existing: T[],
  evenings: boolean,
  rule: (a: Entry<T>, b: Entry<T>) => R | null,
): R[] {
  const entries = [...candidate.map((s, i) => entry(s, 0, i)), ...existing.map((s, i) => entry(s, 1, i))];
  const out: R[] = [];
  const seen = new Set<string>();
  const visit = (x: Entry<T>, y: Entry<T>) => {
    if (x.side === y.side) return;
    const [a, b] = x.side === 0 ? [x, y] : [y, x];
    const found = rule(a, b);
    if (!found) return;
    // An overlapping evening pair is met by both sweeps; it is reported once, as an overlap.
    const key = `${a.index}|${b.index}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(found);
  };
  sweepOverlapping(entries, visit);
  if (evenings) sweepEvenings(entries, visit);
  return out.sort(chronological);
}

/**
 * Occurrences of the candidate that take a space while another event holds it: same space, overlapping,
 * neither cancelled, different events. Each pair of occurrences once, `a` from the candidate.
 */
export function spaceConflicts<T extends Slot>(candidate: T[], existing: T[]): Array<SpaceConflict<T>> {
  return crossPairs(candidate, existing, false, (a, b) => (spaceRule(a.slot, b.slot) ? { a: a.slot, b: b.slot } : null));
}

/**
 * Occurrences of the candidate that address an audience another event addresses at the same time, or on the same
 * evening (both starting at 18:00 or later, Paris time): the shared audiences are listed. Neither cancelled,
 * different events; all-day occurrences only meet all-day occurrences (see audienceRule).
 */
export function audienceClashes<T extends Slot>(candidate: T[], existing: T[]): Array<AudienceClash<T>> {
  return crossPairs(
    candidate,
    existing,
    true,
    (a, b) => audienceRule(a.slot, a.facts, b.slot, b.facts) as AudienceClash<T> | null,
  );
}

/** Every pair of events of one list that satisfy a rule, once per unordered pair of events, with its first example. */
function pairsWithin<T extends Slot, R extends { a: T; b: T }>(
  slots: T[],
  evenings: boolean,
  rule: (a: Entry<T>, b: Entry<T>) => R | null,
): R[] {
  const entries = slots.map((s, i) => entry(s, 0, i));
  const found = new Map<string, R>();
  const visit = (x: Entry<T>, y: Entry<T>) => {
    if (x.slot.eventId === y.slot.eventId) return;
    const key = x.slot.eventId < y.slot.eventId ? `${x.slot.eventId}|${y.slot.eventId}` : `${y.slot.eventId}|${x.slot.eventId}`;
    if (found.has(key)) return;
    const pair = rule(x, y);
    if (pair) found.set(key, pair);
  };
  // Overlaps first: when two events both overlap and share an evening, the overlap is the stronger reason.
  sweepOverlapping(entries, visit);
  if (evenings) sweepEvenings(entries, visit);
  return [...found.values()].sort(chronological);
}

/**
 * Every pair of events of the programme that addresses the same audience at the same time or on the same evening,
 * for the programme health page: one sort and a sweep, so O(n log n) plus the pairs found. Each unordered pair of
 * events once, with its earliest clashing occurrences (`a` starts first).
 */
export function audienceClashPairs<T extends Slot>(slots: T[]): Array<AudienceClash<T>> {
  return pairsWithin(slots, true, (x, y) => audienceRule(x.slot, x.facts, y.slot, y.facts) as AudienceClash<T> | null);
}

/** Every pair of events of the programme holding the same space at the same time, once per pair of events. */
export function spaceConflictPairs<T extends Slot>(slots: T[]): Array<SpaceConflict<T>> {
  return pairsWithin(slots, false, (x, y) => (spaceRule(x.slot, y.slot) ? { a: x.slot, b: y.slot } : null));
}
