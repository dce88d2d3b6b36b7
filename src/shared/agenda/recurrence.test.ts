import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Recurrence } from "../contracts/agenda.ts";
import { WEEKDAYS } from "../vocabulary.ts";
import { describeRecurrence, expandSeries, fromRRule, type SeriesInput, splitSeries, toRRule } from "./recurrence.ts";
import { addDays, allDayRange, instantToParisWall, parisDate, parisTime, parisWallToInstant, parisWeekday } from "./time.ts";

const at = (local: string) => {
  const d = parisWallToInstant(local);
  if (!d) throw new Error(`no such wall time ${local}`);
  return d;
};
const walls = (list: Array<{ startsAt: Date }>) => list.map((o) => instantToParisWall(o.startsAt));

function timed(start: string, end: string, rrule: string | null): SeriesInput {
  return { startsAt: at(start), endsAt: at(end), allDay: false, rrule };
}

describe("toRRule", () => {
  it("writes the conservative subset", () => {
    expect(toRRule({ frequency: "weekly", interval: 1, count: 10 }, "2027-03-23T19:00", false)).toBe(
      "FREQ=WEEKLY;BYDAY=TU;COUNT=10",
    );
    expect(toRRule({ frequency: "weekly", interval: 2, weekdays: ["TH", "MO"], count: 5 }, "2027-03-22T19:00", false)).toBe(
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5",
    );
    expect(toRRule({ frequency: "monthly_date", interval: 1, count: 3 }, "2027-01-31T10:00", false)).toBe(
      "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3",
    );
    expect(toRRule({ frequency: "monthly_weekday", interval: 1, count: 3 }, "2027-03-09T10:00", false)).toBe(
      "FREQ=MONTHLY;BYDAY=2TU;COUNT=3",
    );
    // The 5th Tuesday does not exist every month: it becomes "the last Tuesday".
    expect(toRRule({ frequency: "monthly_weekday", interval: 1, count: 3 }, "2027-03-30T10:00", false)).toBe(
      "FREQ=MONTHLY;BYDAY=-1TU;COUNT=3",
    );
    expect(toRRule({ frequency: "yearly", interval: 1, count: 3 }, "2027-07-14", true)).toBe("FREQ=YEARLY;COUNT=3");
  });

  it("ends UNTIL with the Paris day, as an instant for timed series and a date for all-day ones", () => {
    expect(toRRule({ frequency: "weekly", interval: 1, until: "2027-06-30" }, "2027-03-23T19:00", false)).toBe(
      "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T215959Z",
    );
    expect(toRRule({ frequency: "weekly", interval: 1, until: "2027-12-31" }, "2027-03-23T19:00", false)).toBe(
      "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231T225959Z",
    );
    expect(toRRule({ frequency: "weekly", interval: 1, until: "2027-06-30" }, "2027-03-23", true)).toBe(
      "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630",
    );
  });

  it("includes an occurrence late on the UNTIL day", () => {
    const rrule = toRRule({ frequency: "weekly", interval: 1, until: "2027-06-29" }, "2027-06-01T23:30", false);
    const list = expandSeries(timed("2027-06-01T23:30", "2027-06-02T00:30", rrule));
    expect(walls(list).at(-1)).toBe("2027-06-29T23:30");
  });
});

describe("fromRRule", () => {
  it("reads back what toRRule writes", () => {
    expect(fromRRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5", "2027-03-22T19:00", false)).toEqual({
      frequency: "weekly",
      interval: 2,
      weekdays: ["MO", "TH"],
      until: null,
      count: 5,
    });
    expect(fromRRule("RRULE:FREQ=MONTHLY;BYDAY=-1TU;UNTIL=20271231T225959Z", "2027-03-30T10:00", false)).toEqual({
      frequency: "monthly_weekday",
      interval: 1,
      until: "2027-12-31",
      count: null,
    });
  });

  it("accepts equivalent imported spellings", () => {
    // A weekly rule without BYDAY repeats on the first day; a yearly rule may name its month and day.
    expect(fromRRule("FREQ=WEEKLY;COUNT=4", "2027-03-23T19:00", false)?.weekdays).toEqual(["TU"]);
    expect(fromRRule("FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14;COUNT=4", "2027-07-14", true)?.frequency).toBe("yearly");
    expect(fromRRule("FREQ=MONTHLY;UNTIL=20271231", "2027-03-15", true)).toMatchObject({
      frequency: "monthly_date",
      until: "2027-12-31",
    });
  });

  it("reads an UNTIL set to the last start (as calendar apps write it) as that day", () => {
    // 2027-06-29 19:00 in Paris is 17:00 UTC.
    expect(fromRRule("FREQ=WEEKLY;UNTIL=20270629T170000Z", "2027-03-23T19:00", false)?.until).toBe("2027-06-29");
    // An UNTIL earlier in the day than the series' time leaves that day out.
    expect(fromRRule("FREQ=WEEKLY;UNTIL=20270629T120000Z", "2027-03-23T19:00", false)?.until).toBe("2027-06-28");
  });

  it("gives up on rules the editor cannot show", () => {
    const first = "2027-03-23T19:00"; // a Tuesday, the 4th of March 2027 and also the last but one
    for (const rule of [
      "FREQ=DAILY;COUNT=5",
      "FREQ=WEEKLY",
      "FREQ=WEEKLY;COUNT=5;UNTIL=20271231T000000Z",
      "FREQ=WEEKLY;COUNT=1",
      "FREQ=WEEKLY;COUNT=401",
      "FREQ=WEEKLY;INTERVAL=53;COUNT=5",
      "FREQ=WEEKLY;BYDAY=1TU;COUNT=5",
      "FREQ=WEEKLY;WKST=SU;INTERVAL=2;COUNT=5",
      "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=5",
      "FREQ=MONTHLY;BYMONTHDAY=5;COUNT=5",
      "FREQ=MONTHLY;BYDAY=3TU;COUNT=5",
      "FREQ=MONTHLY;BYDAY=-1TU;COUNT=5",
      "FREQ=MONTHLY;BYDAY=4WE;COUNT=5",
      "FREQ=YEARLY;BYMONTH=8;COUNT=5",
      "FREQ=WEEKLY;UNTIL=20270101T000000Z",
      "FREQ=WEEKLY;UNTIL=garbage",
      "X-NAME=1;FREQ=WEEKLY;COUNT=5",
    ]) {
      expect(fromRRule(rule, first, false), rule).toBeNull();
    }
  });
});

describe("expandSeries", () => {
  it("yields one occurrence for a single event", () => {
    const list = expandSeries(timed("2027-05-01T10:00", "2027-05-01T12:00", null));
    expect(list).toEqual([
      {
        originalStart: at("2027-05-01T10:00"),
        startsAt: at("2027-05-01T10:00"),
        endsAt: at("2027-05-01T12:00"),
        cancelled: false,
        modified: false,
      },
    ]);
  });

  it("keeps a weekly 19:00–21:00 at 19:00–21:00 across the March change (2027-03-28, 02:00 → 03:00)", () => {
    const list = expandSeries(timed("2027-03-21T19:00", "2027-03-21T21:00", "FREQ=WEEKLY;COUNT=3"));
    expect(walls(list)).toEqual(["2027-03-21T19:00", "2027-03-28T19:00", "2027-04-04T19:00"]);
    expect(list.map((o) => o.startsAt.toISOString())).toEqual([
      "2027-03-21T18:00:00.000Z",
      "2027-03-28T17:00:00.000Z",
      "2027-04-04T17:00:00.000Z",
    ]);
    for (const o of list) expect(parisTime(o.endsAt)).toBe("21:00");
  });

  it("keeps a weekly 19:00 at 19:00 across the October change (2027-10-31, 03:00 → 02:00)", () => {
    const list = expandSeries(timed("2027-10-24T19:00", "2027-10-24T21:00", "FREQ=WEEKLY;COUNT=2"));
    expect(list.map((o) => o.startsAt.toISOString())).toEqual(["2027-10-24T17:00:00.000Z", "2027-10-31T18:00:00.000Z"]);
  });

  it("moves a start inside the spring gap one hour forward, keeping the length", () => {
    const list = expandSeries(timed("2027-03-21T02:30", "2027-03-21T03:30", "FREQ=WEEKLY;COUNT=3"));
    expect(walls(list)).toEqual(["2027-03-21T02:30", "2027-03-28T03:30", "2027-04-04T02:30"]);
    expect(list[1].endsAt.getTime() - list[1].startsAt.getTime()).toBe(3_600_000);
    expect(parisTime(list[1].endsAt)).toBe("04:30");
  });

  it("takes the first of the two autumn 02:30s, and keeps wall-clock length through the repeated hour", () => {
    const list = expandSeries(timed("2027-10-30T02:30", "2027-10-30T03:30", "FREQ=DAILY;COUNT=2"));
    expect(list[1].startsAt.toISOString()).toBe("2027-10-31T00:30:00.000Z"); // 02:30 summer time
    // 02:30 → 03:30 on the clock lasts two hours that night.
    expect(list[1].endsAt.toISOString()).toBe("2027-10-31T02:30:00.000Z");
  });

  it("keeps all-day events on whole Paris days across both changes", () => {
    const { startsAt, endsAt } = allDayRange("2027-03-27", "2027-03-28");
    const list = expandSeries({ startsAt, endsAt, allDay: true, rrule: "FREQ=WEEKLY;COUNT=3" });
    for (const o of list) {
      expect(parisTime(o.startsAt)).toBe("00:00");
      expect(parisTime(o.endsAt)).toBe("00:00");
      expect(parisWeekday(parisDate(o.startsAt))).toBe(5);
      expect(parisDate(o.endsAt)).toBe(addDays(parisDate(o.startsAt), 2));
    }
    const oct = allDayRange("2027-10-31", "2027-10-31");
    const yearly = expandSeries({
      ...oct,
      allDay: true,
      rrule: toRRule({ frequency: "yearly", interval: 1, count: 2 }, "2027-10-31", true),
    });
    expect(yearly.map((o) => parisDate(o.startsAt))).toEqual(["2027-10-31", "2028-10-31"]);
    expect(yearly[1].endsAt.getTime() - yearly[1].startsAt.getTime()).toBe(24 * 3_600_000);
  });

  it("applies exceptions by original start", () => {
    const series = timed("2027-05-04T18:00", "2027-05-04T20:00", "FREQ=WEEKLY;COUNT=4");
    series.exceptions = [
      { originalStart: at("2027-05-11T18:00"), cancelled: true },
      { originalStart: at("2027-05-18T18:00"), cancelled: false, startsAt: at("2027-05-19T10:00"), endsAt: null },
      { originalStart: at("2027-05-25T18:00"), cancelled: false },
      { originalStart: at("2027-06-01T18:00"), cancelled: true }, // not an occurrence: ignored
    ];
    const list = expandSeries(series);
    expect(list).toHaveLength(4);
    expect(list[0]).toMatchObject({ cancelled: false, modified: false });
    expect(list[1]).toMatchObject({ cancelled: true, modified: true, originalStart: at("2027-05-11T18:00") });
    expect(list[2]).toMatchObject({
      cancelled: false,
      modified: true,
      startsAt: at("2027-05-19T10:00"),
      endsAt: at("2027-05-19T12:00"),
    });
    expect(list[2].originalStart).toEqual(at("2027-05-18T18:00"));
    expect(list[3]).toMatchObject({ cancelled: false, modified: true, startsAt: at("2027-05-25T18:00") });
  });

  it("stops open-ended imported rules at the horizon and at max", () => {
    const weekly = expandSeries(timed("2027-01-05T18:00", "2027-01-05T20:00", "FREQ=WEEKLY"));
    expect(weekly.length).toBe(157); // three years of Tuesdays
    expect(weekly.at(-1)!.startsAt < at("2030-01-05T18:00")).toBe(true);
    expect(expandSeries(timed("2027-01-05T18:00", "2027-01-05T20:00", "FREQ=DAILY")).length).toBe(400);
    expect(expandSeries(timed("2027-01-05T18:00", "2027-01-05T20:00", "FREQ=DAILY"), { max: 10 }).length).toBe(10);
    const short = expandSeries(timed("2027-01-05T18:00", "2027-01-05T20:00", "FREQ=DAILY"), { horizon: at("2027-01-08T18:00") });
    expect(walls(short)).toEqual(["2027-01-05T18:00", "2027-01-06T18:00", "2027-01-07T18:00"]);
  });

  it("reads imported rules beyond the editor's subset", () => {
    const list = expandSeries(
      timed("2027-01-01T09:00", "2027-01-01T10:00", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3"),
    );
    expect(walls(list)).toEqual(["2027-01-01T09:00", "2027-01-29T09:00", "2027-02-26T09:00"]);
  });

  it("counts the first start as the first occurrence even when the rule would skip it (RFC 5545)", () => {
    const list = expandSeries(timed("2027-03-23T19:00", "2027-03-23T20:00", "FREQ=WEEKLY;BYDAY=TH;COUNT=3"));
    expect(walls(list)).toEqual(["2027-03-23T19:00", "2027-03-25T19:00", "2027-04-01T19:00"]);
  });

  it("shows a rule it cannot read as its first occurrence only", () => {
    expect(expandSeries(timed("2027-03-23T19:00", "2027-03-23T20:00", "FREQ=SOMETIMES"))).toHaveLength(1);
    expect(expandSeries(timed("2027-03-23T19:00", "2027-03-23T20:00", "BYDAY=MO"))).toHaveLength(1);
  });

  it("gives up quickly on a rule that never matches", () => {
    for (const rule of [
      "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31",
      "FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30",
      "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
    ]) {
      const t = performance.now();
      expect(expandSeries(timed("2027-03-23T19:00", "2027-03-23T20:00", rule))).toHaveLength(1);
      // Unguarded, rrule walks to the year 9999 for several seconds.
      expect(performance.now() - t).toBeLessThan(3000);
    }
  });

  it("finds rare but real dates within the horizon", () => {
    const list = expandSeries(timed("2027-01-01T10:00", "2027-01-01T11:00", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29"));
    expect(walls(list)).toEqual(["2027-01-01T10:00", "2028-02-29T10:00"]);
  });
});

// ---------------------------------------------------------------- properties

const START = "2026-01-01";
const arbRecurrence: fc.Arbitrary<Recurrence> = fc
  .record({
    frequency: fc.constantFrom("weekly", "monthly_date", "monthly_weekday", "yearly"),
    interval: fc.integer({ min: 1, max: 4 }),
    weekdays: fc.option(fc.subarray([...WEEKDAYS], { minLength: 1 }), { nil: undefined }),
    end: fc.oneof(
      fc.record({ count: fc.integer({ min: 2, max: 60 }) }),
      fc.record({ untilDays: fc.integer({ min: 0, max: 900 }) }),
    ),
  })
  .map(({ frequency, interval, weekdays, end }) => ({
    frequency,
    interval,
    weekdays: frequency === "weekly" ? weekdays : undefined,
    count: "count" in end ? end.count : null,
    until: "untilDays" in end ? `@${end.untilDays}` : null,
  })) as fc.Arbitrary<Recurrence>;

const arbFirst = fc.record({
  dayOffset: fc.integer({ min: 0, max: 5 * 365 }),
  allDay: fc.boolean(),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.constantFrom(0, 15, 30, 45),
  durationMinutes: fc.integer({ min: 15, max: 6 * 60 }),
  days: fc.integer({ min: 1, max: 3 }),
});

interface Case {
  r: Recurrence;
  local: string;
  series: SeriesInput;
  wallDuration: number;
}

type First = typeof arbFirst extends fc.Arbitrary<infer T> ? T : never;

function buildCase(r: Recurrence, f: First): Case | null {
  const day = addDays(START, f.dayOffset);
  const until = r.until?.startsWith("@") ? addDays(day, Number(r.until.slice(1))) : r.until;
  const rec = { ...r, until };
  if (f.allDay) {
    const { startsAt, endsAt } = allDayRange(day, addDays(day, f.days - 1));
    return {
      r: rec,
      local: day,
      series: { startsAt, endsAt, allDay: true, rrule: toRRule(rec, day, true) },
      wallDuration: f.days * 1440,
    };
  }
  const local = `${day}T${String(f.hour).padStart(2, "0")}:${String(f.minute).padStart(2, "0")}`;
  const startsAt = parisWallToInstant(local);
  if (!startsAt) return null;
  const endWall = new Date(Date.parse(`${local}:00Z`) + f.durationMinutes * 60_000).toISOString().slice(0, 16);
  const endsAt =
    parisWallToInstant(endWall) ??
    parisWallToInstant(new Date(Date.parse(`${endWall}:00Z`) + 3_600_000).toISOString().slice(0, 16))!;
  return {
    r: rec,
    local,
    series: { startsAt, endsAt, allDay: false, rrule: toRRule(rec, local, false) },
    wallDuration: f.durationMinutes,
  };
}

/** Minutes between two Paris wall times, reading them as plain clock readings. */
const wallMinutes = (a: Date, b: Date) =>
  (Date.parse(`${instantToParisWall(b)}:00Z`) - Date.parse(`${instantToParisWall(a)}:00Z`)) / 60_000;

describe("recurrence properties", () => {
  it("expands every pattern on the first start's wall time, day rule and end", () => {
    fc.assert(
      fc.property(arbRecurrence, arbFirst, (r, f) => {
        const c = buildCase(r, f);
        fc.pre(c !== null);
        const { series, local } = c!;
        const list = expandSeries(series);
        const firstDay = local.slice(0, 10);
        const time = series.allDay ? "00:00" : local.slice(11);
        // The horizon as expandSeries reckons it: three years on the calendar, so 29 February gives 1 March, and a
        // time that does not exist that day moves one hour on.
        const later = new Date(Date.parse(`${series.allDay ? `${local}T00:00` : local}:00Z`));
        later.setUTCFullYear(later.getUTCFullYear() + 3);
        const wall = later.toISOString().slice(0, 16);
        const horizon =
          parisWallToInstant(wall) ?? parisWallToInstant(new Date(later.getTime() + 3_600_000).toISOString().slice(0, 16))!;

        expect(list.length).toBeGreaterThanOrEqual(1);
        expect(list[0].startsAt).toEqual(series.startsAt);
        expect(list.length).toBeLessThanOrEqual(c!.r.count ?? 400);
        for (let i = 1; i < list.length; i++) expect(list[i].startsAt > list[i - 1].startsAt).toBe(true);
        for (const o of list) {
          expect(o.startsAt < horizon || o === list[0]).toBe(true);
          expect(o.originalStart).toEqual(o.startsAt);
          const day = parisDate(o.startsAt);
          const t = parisTime(o.startsAt);
          // Same clock time, or one hour later when that time does not exist that day.
          if (t !== time) expect(parisWallToInstant(`${day}T${time}`)).toBeNull();
          if (series.allDay) expect(parisDate(o.endsAt)).toBe(addDays(day, f.days));
          else {
            const minutes = wallMinutes(o.startsAt, o.endsAt);
            // An end inside the spring gap shows one hour later on the clock.
            if (minutes !== c!.wallDuration) {
              expect(minutes).toBe(c!.wallDuration + 60);
              expect(parisTime(o.endsAt).startsWith("03:")).toBe(true);
              expect(parisWallToInstant(`${parisDate(o.endsAt)}T02:${parisTime(o.endsAt).slice(3)}`)).toBeNull();
            }
          }
          if (c!.r.until) expect(day <= c!.r.until).toBe(true);
          const d = Number(day.slice(8));
          switch (c!.r.frequency) {
            case "weekly": {
              const days = c!.r.weekdays?.length ? c!.r.weekdays : [WEEKDAYS[parisWeekday(firstDay)]];
              if (o !== list[0]) expect(days).toContain(WEEKDAYS[parisWeekday(day)]);
              break;
            }
            case "monthly_date":
              expect(d).toBe(Number(firstDay.slice(8)));
              break;
            case "monthly_weekday": {
              expect(parisWeekday(day)).toBe(parisWeekday(firstDay));
              const nth = Math.ceil(Number(firstDay.slice(8)) / 7);
              if (nth === 5) expect(addDays(day, 7).slice(5, 7)).not.toBe(day.slice(5, 7));
              else expect(Math.ceil(d / 7)).toBe(nth);
              break;
            }
            case "yearly":
              expect(day.slice(5)).toBe(firstDay.slice(5));
              break;
          }
        }
        // A count is honoured in full unless the horizon or the cap stops it first.
        if (c!.r.count && list.length < c!.r.count) {
          const next = expandSeries(series, { horizon: new Date(8.64e15), max: 10_000 });
          expect(next.length).toBeGreaterThan(list.length);
          expect(list.length === 400 || next[list.length].startsAt >= horizon).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("reads back every pattern it writes", () => {
    fc.assert(
      fc.property(arbRecurrence, arbFirst, (r, f) => {
        const c = buildCase(r, f);
        fc.pre(c !== null);
        const back = fromRRule(c!.series.rrule!, c!.local, c!.series.allDay);
        const expected = {
          ...c!.r,
          weekdays:
            c!.r.frequency === "weekly"
              ? WEEKDAYS.filter((w) =>
                  (c!.r.weekdays?.length ? c!.r.weekdays : [WEEKDAYS[parisWeekday(c!.local.slice(0, 10))]]).includes(w),
                )
              : undefined,
        };
        if (expected.weekdays === undefined) delete expected.weekdays;
        expect(back).toEqual(expected);
        expect(toRRule(back!, c!.local, c!.series.allDay)).toBe(c!.series.rrule);
      }),
      { numRuns: 200 },
    );
  });

  it("filters a window to the occurrences overlapping it", () => {
    fc.assert(
      fc.property(
        arbRecurrence,
        arbFirst,
        fc.integer({ min: -30, max: 900 }),
        fc.integer({ min: 1, max: 120 }),
        (r, f, fromOffset, len) => {
          const c = buildCase(r, f);
          fc.pre(c !== null);
          const all = expandSeries(c!.series);
          const from = new Date(c!.series.startsAt.getTime() + fromOffset * 86_400_000);
          const to = new Date(from.getTime() + len * 86_400_000);
          const windowed = expandSeries(c!.series, { from, to });
          expect(windowed).toEqual(all.filter((o) => o.startsAt < to && o.endsAt > from));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("splits a series into two that together give the same occurrences", () => {
    fc.assert(
      fc.property(arbRecurrence, arbFirst, fc.nat(), (r, f, pick) => {
        const c = buildCase(r, f);
        fc.pre(c !== null);
        const opts = { horizon: new Date(8.64e15), max: 10_000 };
        const all = expandSeries(c!.series, opts);
        const k = pick % all.length;
        const cut = all[k].startsAt;
        const { before, after } = splitSeries(c!.series.rrule!, c!.series, cut);
        if (k === 0) expect(before).toBeNull();
        const head = before ? expandSeries({ ...c!.series, rrule: before }, opts) : [];
        const tailStart = all[k];
        const tail = expandSeries({ ...c!.series, startsAt: tailStart.startsAt, endsAt: tailStart.endsAt, rrule: after }, opts);
        expect([...head, ...tail].map((o) => o.startsAt.toISOString())).toEqual(all.map((o) => o.startsAt.toISOString()));
        // The halves stay editable when the whole was.
        if (before) expect(fromRRule(before, c!.local, c!.series.allDay)).not.toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});

describe("splitSeries", () => {
  it("ends the first part on the day of its last occurrence and counts the rest", () => {
    const first = { startsAt: at("2027-03-23T19:00"), allDay: false };
    expect(splitSeries("FREQ=WEEKLY;BYDAY=TU;COUNT=4", first, at("2027-04-06T19:00"))).toEqual({
      before: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T215959Z",
      after: "FREQ=WEEKLY;BYDAY=TU;COUNT=2",
    });
    expect(splitSeries("FREQ=WEEKLY;BYDAY=TU;COUNT=4", first, at("2027-03-23T19:00"))).toEqual({
      before: null,
      after: "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
    });
    const allDay = { startsAt: allDayRange("2027-03-23", "2027-03-23").startsAt, allDay: true };
    expect(splitSeries("FREQ=WEEKLY;UNTIL=20270630", allDay, allDayRange("2027-04-06", "2027-04-06").startsAt)).toEqual({
      before: "FREQ=WEEKLY;UNTIL=20270330",
      after: "FREQ=WEEKLY;UNTIL=20270630",
    });
  });

  it("cuts one second before when the last kept occurrence is on the same day", () => {
    const first = { startsAt: at("2027-03-23T09:00"), allDay: false };
    const { before } = splitSeries("FREQ=DAILY;BYHOUR=9,14;COUNT=6", first, at("2027-03-24T14:00"));
    expect(before).toBe("FREQ=DAILY;BYHOUR=9,14;UNTIL=20270324T125959Z");
  });

  it("refuses an instant that is not an occurrence", () => {
    const first = { startsAt: at("2027-03-23T19:00"), allDay: false };
    expect(() => splitSeries("FREQ=WEEKLY;COUNT=4", first, at("2027-03-24T19:00"))).toThrow(RangeError);
    expect(() => splitSeries("FREQ=WEEKLY;COUNT=4", first, at("2027-04-20T19:00"))).toThrow(RangeError);
  });
});

describe("describeRecurrence", () => {
  const cases: Array<[Recurrence, string, string, string]> = [
    [
      { frequency: "weekly", interval: 2, until: "2027-06-30", count: null },
      "2027-03-23T19:00",
      "Toutes les 2 semaines le mardi, jusqu'au 30 juin 2027",
      "Every 2 weeks on Tuesday, until June 30, 2027",
    ],
    [
      { frequency: "weekly", interval: 1, weekdays: ["WE", "MO", "FR"], count: 12 },
      "2027-03-22T19:00",
      "Chaque semaine le lundi, le mercredi et le vendredi, 12 fois",
      "Every week on Monday, Wednesday and Friday, 12 times",
    ],
    [
      { frequency: "weekly", interval: 1, weekdays: [...WEEKDAYS], until: "2027-05-01" },
      "2027-03-22T19:00",
      "Tous les jours, jusqu'au 1er mai 2027",
      "Every day, until May 1, 2027",
    ],
    [
      { frequency: "monthly_weekday", interval: 1, count: 10 },
      "2027-03-09T19:00",
      "Le 2e mardi de chaque mois, 10 fois",
      "On the second Tuesday of every month, 10 times",
    ],
    [
      { frequency: "monthly_weekday", interval: 3, count: 4 },
      "2027-01-01T19:00",
      "Le 1er vendredi, tous les 3 mois, 4 fois",
      "On the first Friday, every 3 months, 4 times",
    ],
    [
      { frequency: "monthly_weekday", interval: 1, count: 4 },
      "2027-03-30T19:00",
      "Le dernier mardi de chaque mois, 4 fois",
      "On the last Tuesday of every month, 4 times",
    ],
    [
      { frequency: "monthly_date", interval: 1, count: 6 },
      "2027-03-01",
      "Le 1er de chaque mois, 6 fois",
      "On the 1st of every month, 6 times",
    ],
    [
      { frequency: "monthly_date", interval: 2, count: 6 },
      "2027-03-22",
      "Le 22, tous les 2 mois, 6 fois",
      "On the 22nd, every 2 months, 6 times",
    ],
    [
      { frequency: "yearly", interval: 1, count: 5 },
      "2027-07-14",
      "Chaque année le 14 juillet, 5 fois",
      "Every year on July 14, 5 times",
    ],
    [
      { frequency: "yearly", interval: 2, until: "2035-12-31" },
      "2027-05-01",
      "Tous les 2 ans, le 1er mai, jusqu'au 31 décembre 2035",
      "Every 2 years, on May 1, until December 31, 2035",
    ],
  ];
  it.each(cases)("%o from %s", (r, first, fr, en) => {
    expect(describeRecurrence(r, first, "fr")).toBe(fr);
    expect(describeRecurrence(r, first, "en")).toBe(en);
  });
});
