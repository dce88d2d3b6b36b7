import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceMatrix, balanceThresholds, weekStarts } from "./balance.ts";
import { addDays, parisWallToInstant, parisWeekday } from "./time.ts";

const at = (local: string) => parisWallToInstant(local)!;

describe("weekStarts", () => {
  it("lists the Mondays of the weeks covering the range", () => {
    expect(weekStarts("2027-03-24", "2027-04-05")).toEqual(["2027-03-22", "2027-03-29", "2027-04-05"]);
    expect(weekStarts("2027-03-22", "2027-03-28")).toEqual(["2027-03-22"]);
    expect(weekStarts("2027-12-30", "2028-01-03")).toEqual(["2027-12-27", "2028-01-03"]);
    expect(weekStarts("2027-03-28", "2027-03-22")).toEqual([]);
  });

  it("covers every day of the range with consecutive Mondays", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 200 }), (offset, length) => {
        const from = addDays("2025-01-01", offset);
        const to = addDays(from, length);
        const weeks = weekStarts(from, to);
        for (const w of weeks) expect(parisWeekday(w)).toBe(0);
        for (let i = 1; i < weeks.length; i++) expect(weeks[i]).toBe(addDays(weeks[i - 1], 7));
        expect(weeks[0] <= from && from < addDays(weeks[0], 7)).toBe(true);
        const last = weeks[weeks.length - 1];
        expect(last <= to && to < addDays(last, 7)).toBe(true);
      }),
    );
  });
});

describe("balanceThresholds", () => {
  it("derives the levels from the non-empty cells", () => {
    // mean 3, sd 1.41: high above 4, overloaded above max(3, 5.83) = 5.
    expect(balanceThresholds([1, 2, 3, 4, 5])).toEqual({ low: 1.5, high: 4, overloadedAbove: 5 });
    // A quiet programme is never overloaded at 3 or fewer.
    expect(balanceThresholds([1, 1, 2]).overloadedAbove).toBe(3);
    expect(balanceThresholds([]).overloadedAbove).toBe(3);
  });
});

describe("balanceMatrix", () => {
  const weeks = ["2027-03-22", "2027-03-29"];
  const rows = [
    { key: "p1", label: "La Fabrique" },
    { key: "p2", label: "Le Local" },
  ];

  it("counts by row and Paris week, and totals each occurrence once", () => {
    const items = [
      // Sunday 28 March at 23:30 in Paris is still the first week (21:30 UTC).
      { startsAt: at("2027-03-28T23:30"), keys: ["p1"] },
      { startsAt: at("2027-03-29T00:30"), keys: ["p1", "p2", "p2"] },
      { startsAt: at("2027-03-30T10:00"), keys: [] },
      { startsAt: at("2027-03-30T10:00"), keys: ["elsewhere"] },
      { startsAt: at("2027-04-05T10:00"), keys: ["p1"] }, // outside the weeks
    ];
    const m = balanceMatrix(items, weeks, rows);
    expect(m.rows.map((r) => r.counts)).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect(m.totals).toEqual([1, 3]);
    expect(m.rows[1].levels[0]).toBe("empty");
    expect(m.rows[1].label).toBe("Le Local");
  });

  it("flags a crowded week against the programme's usual load", () => {
    const items: Array<{ startsAt: Date; keys: string[] }> = [];
    const add = (day: string, key: string, n: number) => {
      for (let i = 0; i < n; i++) items.push({ startsAt: at(`${day}T${String(9 + i).padStart(2, "0")}:00`), keys: [key] });
    };
    const many = weekStarts("2027-01-04", "2027-03-28");
    many.forEach((w, i) => {
      add(w, "p1", 2 + (i % 2));
      add(w, "p2", 1);
    });
    add(many[5], "p1", 8); // 10 or 11 that week
    const m = balanceMatrix(items, many, rows);
    expect(m.rows[0].levels[5]).toBe("overloaded");
    expect(m.rows[0].counts[5]).toBeGreaterThan(m.overloadedAbove);
    expect(m.rows[1].levels.every((l) => l === "low")).toBe(true);
    expect(m.rows[0].levels.filter((l) => l === "normal").length).toBeGreaterThan(5);
  });

  it("grades every cell consistently with its thresholds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 62 }), keys: fc.subarray(["a", "b", "c"]) }), { maxLength: 120 }),
        (raw) => {
          const weeksList = weekStarts("2027-03-01", "2027-05-02");
          const items = raw.map((r) => ({ startsAt: at(`${addDays("2027-03-01", r.day)}T19:00`), keys: r.keys }));
          const m = balanceMatrix(items, weeksList, [
            { key: "a", label: "A" },
            { key: "b", label: "B" },
            { key: "c", label: "C" },
          ]);
          expect(m.totals.reduce((s, x) => s + x, 0)).toBe(items.length);
          expect(m.overloadedAbove).toBeGreaterThanOrEqual(3);
          for (const row of m.rows) {
            expect(row.counts.reduce((s, x) => s + x, 0)).toBe(items.filter((i) => i.keys.includes(row.key)).length);
            row.counts.forEach((c, i) => {
              expect(row.levels[i] === "empty").toBe(c === 0);
              expect(row.levels[i] === "overloaded").toBe(c > m.overloadedAbove);
              expect(c).toBeLessThanOrEqual(m.totals[i]);
            });
          }
        },
      ),
    );
  });
});
