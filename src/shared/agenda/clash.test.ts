import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  audienceClashes,
  audienceClashPairs,
  overlaps,
  type Slot,
  sameEvening,
  spaceConflictPairs,
  spaceConflicts,
} from "./clash.ts";
import { allDayRange, parisDate, parisTime, parisWallToInstant } from "./time.ts";

const at = (local: string) => parisWallToInstant(local)!;

function slot(eventId: string, start: string, end: string, extra: Partial<Slot> = {}): Slot {
  return {
    eventId,
    originalStart: at(start),
    startsAt: at(start),
    endsAt: at(end),
    placeId: "p1",
    spaceId: null,
    audiences: ["families"],
    status: "confirmed",
    ...extra,
  };
}
function allDaySlot(eventId: string, first: string, last: string, extra: Partial<Slot> = {}): Slot {
  const { startsAt, endsAt } = allDayRange(first, last);
  return { ...slot(eventId, first, first, extra), startsAt, endsAt, originalStart: startsAt, allDay: true, ...extra };
}

describe("overlaps and sameEvening", () => {
  it("treats occurrences as half-open intervals", () => {
    const a = slot("a", "2027-05-01T10:00", "2027-05-01T12:00");
    expect(overlaps(a, slot("b", "2027-05-01T12:00", "2027-05-01T14:00"))).toBe(false);
    expect(overlaps(a, slot("b", "2027-05-01T11:59", "2027-05-01T14:00"))).toBe(true);
    expect(overlaps(a, slot("b", "2027-05-01T08:00", "2027-05-01T10:00"))).toBe(false);
    // A point in time (no end) meets what runs at that moment.
    expect(overlaps(a, slot("b", "2027-05-01T10:00", "2027-05-01T10:00"))).toBe(true);
    expect(overlaps(a, slot("b", "2027-05-01T12:00", "2027-05-01T12:00"))).toBe(false);
  });

  it("calls an evening what starts at 18:00 or later, Paris time, on the same Paris day", () => {
    const a = slot("a", "2027-05-01T18:00", "2027-05-01T19:00");
    expect(sameEvening(a, slot("b", "2027-05-01T21:30", "2027-05-01T23:00"))).toBe(true);
    expect(sameEvening(a, slot("b", "2027-05-01T17:59", "2027-05-01T23:00"))).toBe(false);
    expect(sameEvening(a, slot("b", "2027-05-02T18:30", "2027-05-02T23:00"))).toBe(false);
    // On the night of the spring change, Paris evening is still 18:00 on the clock (16:00 UTC).
    const dst = slot("c", "2027-03-28T18:00", "2027-03-28T19:00");
    expect(dst.startsAt.toISOString()).toBe("2027-03-28T16:00:00.000Z");
    expect(sameEvening(dst, slot("d", "2027-03-28T23:30", "2027-03-29T00:30"))).toBe(true);
  });
});

describe("spaceConflicts", () => {
  it("finds the same space taken at the same time by another live event", () => {
    const mine = [slot("new", "2027-05-01T10:00", "2027-05-01T12:00", { spaceId: "s1" })];
    const theirs = [
      slot("a", "2027-05-01T11:00", "2027-05-01T13:00", { spaceId: "s1" }),
      slot("b", "2027-05-01T11:00", "2027-05-01T13:00", { spaceId: "s2" }),
      slot("c", "2027-05-01T11:00", "2027-05-01T13:00", { spaceId: "s1", status: "cancelled" }),
      slot("d", "2027-05-01T12:00", "2027-05-01T13:00", { spaceId: "s1" }),
      slot("new", "2027-05-01T10:00", "2027-05-01T12:00", { spaceId: "s1" }),
      slot("e", "2027-05-01T10:00", "2027-05-01T12:00", { spaceId: null }),
      allDaySlot("f", "2027-05-01", "2027-05-01", { spaceId: "s1" }),
    ];
    expect(spaceConflicts(mine, theirs).map((p) => p.b.eventId)).toEqual(["f", "a"]);
    expect(spaceConflicts([{ ...mine[0], spaceId: null }], theirs)).toEqual([]);
  });
});

describe("audienceClashes", () => {
  it("reports the shared audiences, overlapping or on the same evening", () => {
    const mine = [slot("new", "2027-05-01T18:30", "2027-05-01T20:00", { audiences: ["families", "youth"] })];
    const theirs = [
      slot("a", "2027-05-01T19:00", "2027-05-01T21:00", { audiences: ["youth", "seniors"] }),
      slot("b", "2027-05-01T21:00", "2027-05-01T23:00", { audiences: ["families"] }),
      slot("c", "2027-05-01T19:00", "2027-05-01T21:00", { audiences: ["seniors"] }),
      slot("d", "2027-05-01T14:00", "2027-05-01T16:00", { audiences: ["families"] }),
      slot("e", "2027-05-01T19:00", "2027-05-01T21:00", { audiences: ["families"], status: "cancelled" }),
      slot("f", "2027-05-01T19:00", "2027-05-01T21:00", { audiences: ["families"], status: "tentative" }),
    ];
    const found = audienceClashes(mine, theirs).map(({ b, reason, audiences }) => [b.eventId, reason, audiences]);
    expect(found).toEqual([
      ["a", "overlap", ["youth"]],
      ["f", "overlap", ["families"]],
      ["b", "same_evening", ["families"]],
    ]);
  });

  it("lets all-day events clash only with all-day events of the same audience on the same day", () => {
    const festival = allDaySlot("fest", "2027-05-01", "2027-05-02");
    const workshop = slot("w", "2027-05-01T10:00", "2027-05-01T12:00");
    const evening = slot("e", "2027-05-01T19:00", "2027-05-01T21:00");
    const otherFestival = allDaySlot("fest2", "2027-05-02", "2027-05-02");
    const nextWeek = allDaySlot("fest3", "2027-05-08", "2027-05-08");
    expect(audienceClashes([festival], [workshop, evening, nextWeek])).toEqual([]);
    expect(audienceClashes([workshop], [festival])).toEqual([]);
    expect(audienceClashes([festival], [otherFestival]).map((c) => c.reason)).toEqual(["overlap"]);
    // Without the flag, midnight-to-midnight occurrences are recognised as all-day.
    const inferred = { ...festival, allDay: undefined };
    expect(audienceClashes([inferred], [workshop])).toEqual([]);
    expect(audienceClashes([inferred], [otherFestival])).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- properties

const BASE = at("2027-03-26T00:00").getTime(); // the Friday before the spring change
const arbSlot: fc.Arbitrary<Slot> = fc
  .record({
    eventId: fc.constantFrom("e1", "e2", "e3", "e4", "e5", "e6"),
    quarter: fc.integer({ min: 0, max: 4 * 96 }),
    minutes: fc.integer({ min: 0, max: 8 * 60 }),
    allDay: fc.boolean(),
    days: fc.integer({ min: 1, max: 2 }),
    placeId: fc.constantFrom(null, "p1", "p2"),
    spaceId: fc.constantFrom(null, "s1", "s2"),
    audiences: fc.subarray(["families", "youth", "seniors"]),
    status: fc.constantFrom("tentative", "confirmed", "cancelled"),
  })
  .map((r) => {
    const start = new Date(BASE + r.quarter * 15 * 60_000);
    if (r.allDay) {
      const day = parisDate(start);
      const { startsAt, endsAt } = allDayRange(day, parisDate(new Date(start.getTime() + (r.days - 1) * 86_400_000)));
      return { ...r, originalStart: startsAt, startsAt, endsAt, allDay: true } as Slot;
    }
    return {
      ...r,
      originalStart: start,
      startsAt: start,
      endsAt: new Date(start.getTime() + r.minutes * 60_000),
      allDay: false,
    } as Slot;
  });

// Reference rules, written the slow and obvious way.
const refOverlap = (a: Slot, b: Slot) => {
  const [as, ae, bs, be] = [a.startsAt, a.endsAt, b.startsAt, b.endsAt].map((d) => d.getTime());
  if (as === ae && bs === be) return as === bs;
  if (as === ae) return bs <= as && as < be;
  if (bs === be) return as <= bs && bs < ae;
  return as < be && bs < ae;
};
const refEvening = (a: Slot, b: Slot) =>
  !a.allDay &&
  !b.allDay &&
  parisTime(a.startsAt) >= "18:00" &&
  parisTime(b.startsAt) >= "18:00" &&
  parisDate(a.startsAt) === parisDate(b.startsAt);
const refSpace = (a: Slot, b: Slot) =>
  a.spaceId !== null &&
  a.spaceId === b.spaceId &&
  a.eventId !== b.eventId &&
  a.status !== "cancelled" &&
  b.status !== "cancelled" &&
  refOverlap(a, b);
const refAudience = (a: Slot, b: Slot) =>
  a.eventId !== b.eventId &&
  a.status !== "cancelled" &&
  b.status !== "cancelled" &&
  a.allDay === b.allDay &&
  a.audiences.some((x) => b.audiences.includes(x)) &&
  (refOverlap(a, b) || refEvening(a, b));

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe("clash properties", () => {
  it("overlap and same evening are symmetric and match the definitions", () => {
    fc.assert(
      fc.property(arbSlot, arbSlot, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        expect(overlaps(a, b)).toBe(refOverlap(a, b));
        expect(sameEvening(a, b)).toBe(sameEvening(b, a));
        if (!a.allDay && !b.allDay) expect(sameEvening(a, b)).toBe(refEvening(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it("finds exactly the clashing pairs between two lists, the same both ways", () => {
    fc.assert(
      fc.property(fc.array(arbSlot, { maxLength: 12 }), fc.array(arbSlot, { maxLength: 25 }), (mine, theirs) => {
        const space = spaceConflicts(mine, theirs);
        const expectedSpace = mine.flatMap((a) => theirs.filter((b) => refSpace(a, b)).map((b) => ({ a, b })));
        expect(space).toHaveLength(expectedSpace.length);
        for (const p of expectedSpace) expect(space).toContainEqual(p);
        expect(spaceConflicts(theirs, mine)).toHaveLength(space.length);

        const audience = audienceClashes(mine, theirs);
        const expectedAudience = mine.flatMap((a) => theirs.filter((b) => refAudience(a, b)).map((b) => [a, b] as const));
        expect(audience).toHaveLength(expectedAudience.length);
        for (const [a, b] of expectedAudience) {
          const found = audience.find((c) => c.a === a && c.b === b)!;
          expect(found).toBeDefined();
          expect(found.reason).toBe(refOverlap(a, b) ? "overlap" : "same_evening");
          expect(found.audiences.sort()).toEqual(a.audiences.filter((x) => b.audiences.includes(x)).sort());
        }
        const mirrored = audienceClashes(theirs, mine);
        expect(
          mirrored
            .map((c) => `${c.b.eventId}${c.b.startsAt.getTime()}|${c.a.eventId}${c.a.startsAt.getTime()}|${c.reason}`)
            .sort(),
        ).toEqual(
          audience
            .map((c) => `${c.a.eventId}${c.a.startsAt.getTime()}|${c.b.eventId}${c.b.startsAt.getTime()}|${c.reason}`)
            .sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("finds every clashing pair of events within one list, once", () => {
    fc.assert(
      fc.property(fc.array(arbSlot, { maxLength: 40 }), (slots) => {
        const expectedAudience = new Set<string>();
        const expectedSpace = new Set<string>();
        for (let i = 0; i < slots.length; i++) {
          for (let j = i + 1; j < slots.length; j++) {
            if (refAudience(slots[i], slots[j])) expectedAudience.add(pairKey(slots[i].eventId, slots[j].eventId));
            if (refSpace(slots[i], slots[j])) expectedSpace.add(pairKey(slots[i].eventId, slots[j].eventId));
          }
        }
        const audience = audienceClashPairs(slots);
        expect(new Set(audience.map((c) => pairKey(c.a.eventId, c.b.eventId)))).toEqual(expectedAudience);
        expect(audience).toHaveLength(expectedAudience.size);
        for (const c of audience) {
          expect(refAudience(c.a, c.b)).toBe(true);
          expect(c.a.startsAt <= c.b.startsAt).toBe(true);
        }
        const space = spaceConflictPairs(slots);
        expect(new Set(space.map((c) => pairKey(c.a.eventId, c.b.eventId)))).toEqual(expectedSpace);
        expect(space).toHaveLength(expectedSpace.size);
        for (const c of space) expect(refSpace(c.a, c.b)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("sweeps a year of programme without comparing every pair", () => {
    // 20,000 one-hour occurrences over a year, a few at a time: comparing every pair would read the audiences
    // and spaces 200 million times; the sweep compares each occurrence with those still running, and evenings
    // within their day.
    let reads = 0;
    const slots: Slot[] = [];
    for (let i = 0; i < 20_000; i++) {
      const start = new Date(BASE + Math.floor(i / 55) * 86_400_000 + (8 * 60 + ((i * 17) % 55) * 15) * 60_000);
      const audiences = [`a${i % 10}`];
      const spaceId = `s${i % 400}`;
      slots.push({
        eventId: `e${i}`,
        originalStart: start,
        startsAt: start,
        endsAt: new Date(start.getTime() + 3_600_000),
        placeId: null,
        get spaceId() {
          reads++;
          return spaceId;
        },
        get audiences() {
          reads++;
          return audiences;
        },
        status: "confirmed",
      });
    }
    const audience = audienceClashPairs(slots);
    spaceConflictPairs(slots);
    expect(audience.length).toBeGreaterThan(0);
    expect(reads).toBeLessThan(2_000_000);
  });
});
