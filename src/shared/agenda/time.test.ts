import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  allDayRange,
  daysBetween,
  instantToParisWall,
  mondayOf,
  parisDate,
  parisTime,
  parisWallToInstant,
  parisWeekday,
} from "./time.ts";

describe("parisWallToInstant", () => {
  it("reads winter and summer times with their offsets", () => {
    expect(parisWallToInstant("2027-01-15T19:00")?.toISOString()).toBe("2027-01-15T18:00:00.000Z");
    expect(parisWallToInstant("2027-07-14T19:00")?.toISOString()).toBe("2027-07-14T17:00:00.000Z");
    expect(parisWallToInstant("2027-07-14")?.toISOString()).toBe("2027-07-13T22:00:00.000Z");
  });

  it("has no 02:30 on the last Sunday of March (02:00 → 03:00)", () => {
    expect(parisWallToInstant("2027-03-28T01:59")?.toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(parisWallToInstant("2027-03-28T02:00")).toBeNull();
    expect(parisWallToInstant("2027-03-28T02:30")).toBeNull();
    expect(parisWallToInstant("2027-03-28T03:00")?.toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });

  it("takes the first (summer) 02:30 on the last Sunday of October (03:00 → 02:00)", () => {
    expect(parisWallToInstant("2027-10-31T02:30")?.toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(parisWallToInstant("2027-10-31T03:00")?.toISOString()).toBe("2027-10-31T02:00:00.000Z");
    expect(parisWallToInstant("2027-10-31T01:59")?.toISOString()).toBe("2027-10-30T23:59:00.000Z");
  });

  it("refuses malformed or impossible dates", () => {
    for (const bad of ["", "2027-02-30", "2027-13-01", "2027-01-01T24:00", "2027-01-01 10:00", "27-01-01"]) {
      expect(parisWallToInstant(bad)).toBeNull();
    }
  });

  it("round-trips every existing wall time", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2060-01-01T00:00:00Z"), noInvalidDate: true }),
        (d) => {
          const wall = instantToParisWall(d);
          const back = parisWallToInstant(wall);
          expect(back).not.toBeNull();
          expect(instantToParisWall(back!)).toBe(wall);
          // Same minute, or the first of the two identical wall times of an autumn night (one hour earlier).
          const delta = d.getTime() - back!.getTime();
          expect(delta === d.getTime() % 60_000 || delta - (d.getTime() % 60_000) === 3_600_000).toBe(true);
        },
      ),
    );
  });
});

describe("instantToParisWall, parisDate, parisTime", () => {
  it("agrees with Intl for any instant", () => {
    const reference = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1960-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }),
        (d) => {
          expect(instantToParisWall(d)).toBe(reference.format(d).replace(" ", "T"));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("shows instants on Paris clocks", () => {
    const d = new Date("2027-10-31T01:30:00Z"); // the second 02:30 of the night, in winter time
    expect(instantToParisWall(d)).toBe("2027-10-31T02:30");
    expect(parisDate(new Date("2027-06-30T22:30:00Z"))).toBe("2027-07-01");
    expect(parisTime(new Date("2027-03-28T01:00:00Z"))).toBe("03:00");
    expect(parisTime(new Date("2027-03-28T00:59:00Z"))).toBe("01:59");
  });
});

describe("calendar days", () => {
  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2027-03-27", 1)).toBe("2027-03-28");
    expect(addDays("2027-03-28", 1)).toBe("2027-03-29");
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2027-03-01", "2027-04-01")).toBe(31);
  });

  it("numbers the week from Monday", () => {
    expect(parisWeekday("2027-03-29")).toBe(0); // a Monday
    expect(parisWeekday("2027-03-28")).toBe(6); // a Sunday
    expect(mondayOf("2027-03-28")).toBe("2027-03-22");
    expect(mondayOf("2027-03-29")).toBe("2027-03-29");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });

  it("keeps addDays and mondayOf consistent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: -800, max: 800 }), (offset, n) => {
        const day = addDays("2000-01-01", offset);
        expect(addDays(addDays(day, n), -n)).toBe(day);
        expect(daysBetween(day, addDays(day, n))).toBe(n);
        const monday = mondayOf(day);
        expect(parisWeekday(monday)).toBe(0);
        expect(daysBetween(monday, day)).toBe(parisWeekday(day));
      }),
    );
  });
});

describe("allDayRange", () => {
  it("runs from Paris midnight to the midnight after the last day", () => {
    const { startsAt, endsAt } = allDayRange("2027-03-27", "2027-03-28");
    expect(startsAt.toISOString()).toBe("2027-03-26T23:00:00.000Z");
    // The weekend of the change lasts 47 hours.
    expect(endsAt.toISOString()).toBe("2027-03-28T22:00:00.000Z");
    const oct = allDayRange("2027-10-31", "2027-10-31");
    expect(oct.startsAt.toISOString()).toBe("2027-10-30T22:00:00.000Z");
    expect(oct.endsAt.getTime() - oct.startsAt.getTime()).toBe(25 * 3_600_000);
  });
});
