import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audienceClashes, type Slot, spaceConflicts } from "./clash.ts";
import { DEFAULT_START_TIMES, type ExistingSlot, type SuggestRequest, suggestSlots } from "./suggest.ts";
import { addDays, allDayRange, parisWallToInstant } from "./time.ts";

const at = (local: string) => parisWallToInstant(local)!;

function existing(eventId: string, start: string, end: string, extra: Partial<ExistingSlot> = {}): ExistingSlot {
  return {
    eventId,
    originalStart: at(start),
    startsAt: at(start),
    endsAt: at(end),
    placeId: "p1",
    spaceId: null,
    audiences: ["families"],
    status: "confirmed",
    themes: [],
    ...extra,
  };
}

const week = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));
const request = (extra: Partial<SuggestRequest> = {}): SuggestRequest => ({
  audience: "families",
  placeId: "p1",
  spaceId: "s1",
  days: ["2027-05-03", "2027-05-04"],
  startTimes: ["18:30"],
  durationMinutes: 120,
  ...extra,
});

describe("suggestSlots", () => {
  it("never takes a space while it is taken, nor an evening of the same audience", () => {
    const list = [
      existing("space", "2027-05-03T18:00", "2027-05-03T19:00", { spaceId: "s1", audiences: [] }),
      existing("evening", "2027-05-04T21:00", "2027-05-04T22:00", { placeId: "p2" }),
    ];
    expect(suggestSlots(request(), list)).toEqual([]);
    // A cancelled event frees the space; another audience's evening is no clash.
    const freed = suggestSlots(request(), [
      { ...list[0], status: "cancelled" },
      { ...list[1], audiences: ["seniors"] },
    ]);
    expect(freed.map((s) => s.start)).toEqual(["2027-05-03T18:30", "2027-05-04T18:30"]);
  });

  it("is not blocked by an all-day event for the same audience", () => {
    const { startsAt, endsAt } = allDayRange("2027-05-03", "2027-05-03");
    const festival = { ...existing("fest", "2027-05-03T00:00", "2027-05-03T00:00"), startsAt, endsAt, allDay: true };
    expect(suggestSlots(request({ days: ["2027-05-03"] }), [festival]).map((s) => s.start)).toEqual(["2027-05-03T18:30"]);
  });

  it("prefers the quieter week, place and day, and explains why", () => {
    const busy = [
      existing("a", "2027-05-03T10:00", "2027-05-03T11:00", { audiences: ["seniors"] }),
      existing("b", "2027-05-04T10:00", "2027-05-04T11:00", { audiences: ["seniors"], placeId: "p2" }),
      existing("c", "2027-05-05T10:00", "2027-05-05T11:00", { audiences: ["youth"], placeId: "p2" }),
      ...[1, 2, 3, 4, 5, 6].map((i) =>
        existing(`d${i}`, "2027-05-18T10:00", "2027-05-18T11:00", { audiences: [], placeId: "p2" }),
      ),
    ];
    const found = suggestSlots(request({ days: ["2027-05-03", "2027-05-10", "2027-05-17"], spaceId: null }), busy);
    expect(found.map((s) => s.start)).toEqual(["2027-05-10T18:30", "2027-05-17T18:30", "2027-05-03T18:30"]);
    const [empty, crowded, placeBusy] = found;
    expect(empty.end).toBe("2027-05-10T20:30");
    expect(empty.reasons).toEqual([
      "aucun autre événement « familles » ce soir-là",
      "aucun autre événement cette semaine",
      "le lieu n'a rien ce jour-là",
    ]);
    // Six events that week, twice the usual three: no word about the week.
    expect(crowded.reasons).toEqual(["aucun autre événement « familles » ce soir-là", "le lieu n'a rien ce jour-là"]);
    expect(placeBusy.reasons).toEqual(["aucun autre événement « familles » ce soir-là", "semaine peu chargée : 3 événements"]);
    expect(empty.score).toBeGreaterThan(crowded.score);
    expect(crowded.score).toBeGreaterThan(placeBusy.score);
  });

  it("says what is free when the day already has something for the audience", () => {
    const morning = existing("m", "2027-05-03T10:00", "2027-05-03T11:00", { placeId: "p2" });
    const [slot] = suggestSlots(request({ days: ["2027-05-03"], startTimes: ["14:00"], spaceId: null }), [morning]);
    expect(slot.reasons).toContain("aucun autre événement « familles » à cette heure-là");
    // Under an all-day event for the same audience, the hour is not free of it: only what is sure is said.
    const { startsAt, endsAt } = allDayRange("2027-05-03", "2027-05-03");
    const festival = { ...existing("f", "2027-05-03T00:00", "2027-05-03T00:00"), startsAt, endsAt };
    const [under] = suggestSlots(request({ days: ["2027-05-03"], startTimes: ["14:00"] }), [festival, morning]);
    expect(under.reasons.join(" / ")).not.toContain("familles");
    expect(under.reasons.length).toBeGreaterThan(0);
  });

  it("avoids the same theme for the same audience in the same week", () => {
    const soup = existing("soup", "2027-05-05T10:00", "2027-05-05T12:00", { themes: ["Cuisine"], placeId: "p2" });
    const other = existing("other", "2027-05-12T10:00", "2027-05-12T12:00", { themes: ["Jardin"], placeId: "p2" });
    const found = suggestSlots(request({ theme: "cuisine ", days: ["2027-05-03", "2027-05-10"], spaceId: null }), [soup, other]);
    expect(found[0].start).toBe("2027-05-10T18:30");
    expect(found[0].reasons).toContain("pas d'autre « cuisine » pour ce public cette semaine");
    expect(found[1].reasons.join()).not.toContain("cuisine");
  });

  it("skips times that do not exist and uses the default times", () => {
    const found = suggestSlots(request({ days: ["2027-03-28"], startTimes: ["02:30", "03:30"], durationMinutes: 60 }), []);
    expect(found.map((s) => s.start)).toEqual(["2027-03-28T03:30"]);
    expect(found[0].startsAt.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    const defaults = suggestSlots(request({ days: ["2027-05-03"], startTimes: [] }), [], 10);
    expect(defaults.map((s) => s.start.slice(11)).sort()).toEqual(DEFAULT_START_TIMES);
  });

  it("offers different days first and breaks ties with the earliest slot", () => {
    const found = suggestSlots(request({ days: week("2027-05-03"), startTimes: ["10:00", "14:00"], spaceId: null }), [], 3);
    expect(found.map((s) => s.start)).toEqual(["2027-05-03T10:00", "2027-05-04T10:00", "2027-05-05T10:00"]);
  });
});

// ---------------------------------------------------------------- properties

const BASE = at("2027-03-22T00:00").getTime();
const arbExisting: fc.Arbitrary<ExistingSlot> = fc
  .record({
    quarter: fc.integer({ min: 0, max: 14 * 96 }),
    minutes: fc.integer({ min: 30, max: 10 * 60 }),
    allDay: fc.boolean(),
    placeId: fc.constantFrom(null, "p1", "p2"),
    spaceId: fc.constantFrom(null, "s1", "s2"),
    audiences: fc.subarray(["families", "youth", "seniors"]),
    status: fc.constantFrom("tentative", "confirmed", "cancelled"),
    themes: fc.subarray(["cuisine", "jardin"]),
    id: fc.nat(),
  })
  .map((r) => {
    const start = new Date(BASE + r.quarter * 15 * 60_000);
    const end = new Date(start.getTime() + r.minutes * 60_000);
    return { ...r, eventId: `e${r.id}`, originalStart: start, startsAt: start, endsAt: end, allDay: false } as ExistingSlot;
  });

const arbRequest: fc.Arbitrary<SuggestRequest> = fc.record({
  audience: fc.constantFrom("families", "youth", "seniors"),
  theme: fc.option(fc.constantFrom("cuisine", "jardin"), { nil: undefined }),
  placeId: fc.constantFrom("p1", "p2"),
  spaceId: fc.constantFrom(null, "s1", "s2"),
  days: fc.subarray(
    Array.from({ length: 14 }, (_, i) => addDays("2027-03-22", i)),
    { minLength: 1 },
  ),
  startTimes: fc.subarray(["02:30", "09:00", "10:00", "14:00", "18:00", "18:30", "20:00", "23:30"]),
  durationMinutes: fc.integer({ min: 15, max: 8 * 60 }),
});

describe("suggestion properties", () => {
  it("never suggests a slot that clashes, and orders by score then time", () => {
    fc.assert(
      fc.property(arbRequest, fc.array(arbExisting, { maxLength: 40 }), fc.integer({ min: 1, max: 10 }), (req, list, limit) => {
        const found = suggestSlots(req, list, limit);
        expect(found.length).toBeLessThanOrEqual(limit);
        const times = req.startTimes.length > 0 ? req.startTimes : DEFAULT_START_TIMES;
        for (const s of found) {
          const slot: Slot = {
            eventId: "candidate",
            originalStart: s.startsAt,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            placeId: req.placeId,
            spaceId: req.spaceId ?? null,
            audiences: [req.audience],
            status: "confirmed",
            allDay: false,
          };
          if (req.spaceId) expect(spaceConflicts([slot], list)).toEqual([]);
          expect(audienceClashes([slot], list)).toEqual([]);
          expect(req.days).toContain(s.start.slice(0, 10));
          expect(times).toContain(s.start.slice(11));
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(1);
          expect(s.reasons.length).toBeGreaterThan(0);
        }
        for (let i = 1; i < found.length; i++) {
          const [x, y] = [found[i - 1], found[i]];
          expect(x.score > y.score || (x.score === y.score && x.startsAt < y.startsAt)).toBe(true);
        }
        expect(suggestSlots(req, [...list].reverse(), limit)).toEqual(found);
      }),
      { numRuns: 200 },
    );
  });

  it("finds a slot whenever one is free", () => {
    fc.assert(
      fc.property(arbRequest, fc.array(arbExisting, { maxLength: 20 }), (req, list) => {
        const all = suggestSlots(req, list, 1000);
        const some = suggestSlots(req, list, 1);
        expect(some.length).toBe(Math.min(1, all.length));
        if (all.length > 0) expect(some[0]).toEqual(all[0]);
      }),
      { numRuns: 100 },
    );
  });
});
