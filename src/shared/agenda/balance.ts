// The balance of the programme: how many occurrences each place, audience or theme has week by week, with
// levels that say where the programme is thin or crowded. The levels are relative to the consortium's own
// activity, since a small rural network and a city network do not have the same "normal" week.

import { addDays, mondayOf, parisDate } from "./time.ts";

export type BalanceLevel = "empty" | "low" | "normal" | "high" | "overloaded";

export interface BalanceRow {
  key: string;
  label: string;
  counts: number[];
  levels: BalanceLevel[];
}
export interface BalanceMatrix {
  rows: BalanceRow[];
  /** Above this many occurrences in one cell (one row, one week), the cell is overloaded. */
  overloadedAbove: number;
  /** Occurrences per week, each counted once whatever its rows (an event for two audiences counts once). */
  totals: number[];
}

/** A cell is never overloaded at 3 occurrences or fewer, however quiet the rest of the programme is. */
export const OVERLOAD_FLOOR = 3;

/** The Mondays of the weeks that cover the days from `from` to `to` included. */
export function weekStarts(from: string, to: string): string[] {
  const weeks: string[] = [];
  if (to < from) return weeks;
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/**
 * Thresholds derived from the data, over the non-empty cells (mean m, population standard deviation sd):
 * - empty: 0;
 * - low: at most half the mean (c ≤ m / 2);
 * - high: above m + sd;
 * - overloaded: above max(3, m + 2·sd), rounded down (counts are whole, so "above 4.6" is "above 4");
 * - normal otherwise.
 * With few non-empty cells the spread is unreliable, so the floor of 3 keeps a quiet programme from calling a
 * week with 2 workshops "overloaded".
 */
export function balanceThresholds(nonEmpty: number[]): { low: number; high: number; overloadedAbove: number } {
  if (nonEmpty.length === 0) return { low: 0, high: OVERLOAD_FLOOR, overloadedAbove: OVERLOAD_FLOOR };
  const mean = nonEmpty.reduce((s, x) => s + x, 0) / nonEmpty.length;
  const sd = Math.sqrt(nonEmpty.reduce((s, x) => s + (x - mean) ** 2, 0) / nonEmpty.length);
  const overloadedAbove = Math.floor(Math.max(OVERLOAD_FLOOR, mean + 2 * sd) + 1e-9);
  return { low: mean / 2, high: Math.min(Math.floor(mean + sd + 1e-9), overloadedAbove), overloadedAbove };
}

function levelOf(count: number, t: { low: number; high: number; overloadedAbove: number }): BalanceLevel {
  if (count === 0) return "empty";
  if (count > t.overloadedAbove) return "overloaded";
  if (count > t.high) return "high";
  if (count <= t.low) return "low";
  return "normal";
}

/**
 * Counts occurrences per row and week (an occurrence counts in each row whose key it carries, in the week of its
 * Paris start day) and grades each cell; see balanceThresholds. Occurrences outside the weeks are left out.
 */
export function balanceMatrix(
  items: Array<{ startsAt: Date; keys: string[] }>,
  weeks: string[],
  rows: Array<{ key: string; label: string }>,
): BalanceMatrix {
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));
  const counts = rows.map(() => weeks.map(() => 0));
  const totals = weeks.map(() => 0);
  for (const item of items) {
    const w = weekIndex.get(mondayOf(parisDate(item.startsAt)));
    if (w === undefined) continue;
    totals[w] += 1;
    for (const key of new Set(item.keys)) {
      const r = rowIndex.get(key);
      if (r !== undefined) counts[r][w] += 1;
    }
  }
  const thresholds = balanceThresholds(counts.flat().filter((c) => c > 0));
  return {
    rows: rows.map((row, i) => ({
      key: row.key,
      label: row.label,
      counts: counts[i],
      levels: counts[i].map((c) => levelOf(c, thresholds)),
    })),
    overloadedAbove: thresholds.overloadedAbove,
    totals,
  };
}
