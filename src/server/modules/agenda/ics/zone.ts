import { floatingToInstantForward } from "../../../../shared/agenda/time.ts";

/**
 * Wall-clock times in any IANA zone, through `Intl` and never the process clock's zone: imported files may
 * name zones other than Paris (`src/shared/agenda/time.ts` handles Paris, and is used for it here).
 */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export const PARIS = "Europe/Paris";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for a zone name `Intl` knows (IANA names and their aliases). */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** A wall time as a "floating" timestamp: its components read as UTC (the convention of shared/agenda/time.ts). */
export const wallToFloating = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

function floatingIn(ms: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

const offsetAt = (ms: number, zone: string) => floatingIn(Math.floor(ms / 1000) * 1000, zone) - Math.floor(ms / 1000) * 1000;

/**
 * The instant a wall-clock time in `zone` names, with the rules of RFC 5545 §3.3.5 that time.ts also follows
 * for Paris: a time skipped by a spring-forward gap moves forward (02:30 → 03:30 summer time), and a time that
 * happens twice at the autumn change is the first one.
 */
export function zonedToInstant(w: WallTime, zone: string): Date {
  const t = wallToFloating(w);
  if (zone === PARIS) return floatingToInstantForward(t);
  const before = offsetAt(t - 86_400_000, zone);
  const after = offsetAt(t + 86_400_000, zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => t - offset)
    .filter((ms) => offsetAt(ms, zone) === t - ms)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? t - before);
}
