import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  haversineKm,
  type ItineraryLeg,
  type ItineraryProblem,
  type ItineraryStop,
  type OpeningWindow,
  planItinerary,
  scheduleOrder,
  travelMatrix,
  travelMinutes,
} from "./itinerary.ts";

const H = (hours: number, minutes = 0) => hours * 60 + minutes;
const stop = (id: string, visitMinutes: number, windows?: OpeningWindow[]): ItineraryStop => ({
  id,
  label: id.toUpperCase(),
  visitMinutes,
  windows,
});

/** A full matrix from a function of the two ids. */
function matrixOf(ids: string[], minutes: (from: string, to: string) => number) {
  const matrix: Record<string, Record<string, number>> = {};
  for (const a of ids) {
    matrix[a] = {};
    for (const b of ids) matrix[a][b] = a === b ? 0 : minutes(a, b);
  }
  return matrix;
}

describe("travel times", () => {
  it("come from coordinates with a road factor and an average speed, rounded up", () => {
    const a = { id: "a", label: "A", lat: 48.1, lon: -1.68 };
    const b = { id: "b", label: "B", lat: 48.2, lon: -1.68 };
    // 0.1° of latitude is 11.12 km; × 1.3 at 50 km/h is 17.3 minutes.
    expect(haversineKm(a, b)).toBeCloseTo(11.12, 2);
    expect(travelMinutes(a, b)).toBe(18);
    expect(travelMinutes(a, b, { roadFactor: 1, speedKmh: 60 })).toBe(12);
    expect(travelMinutes(a, a)).toBe(0);
  });

  it("take the organiser's matrix first, even when asymmetric, and refuse what cannot be known", () => {
    const a = { id: "a", label: "A", lat: 48.1, lon: -1.68 };
    const b = { id: "b", label: "B", lat: 48.2, lon: -1.68 };
    const c = { id: "c", label: "C" };
    const settings = { matrix: { a: { b: 25, c: 7.2 }, c: { a: 9 } } };
    expect(travelMatrix([a, b], settings)).toEqual([
      [0, 25],
      [18, 0],
    ]);
    expect(() => travelMatrix([a, b, c], settings)).toThrow(RangeError);
    expect(travelMinutes(a, b, settings)).toBe(25);
    expect(travelMinutes(b, a, settings)).toBe(18);
    expect(travelMinutes(a, c, settings)).toBe(8);
    expect(() => travelMinutes(b, c, settings)).toThrow(RangeError);
  });
});

describe("planItinerary", () => {
  const depot = { id: "depot", label: "Gare" };
  const line = (ids: string[]) =>
    matrixOf(["depot", ...ids], (x, y) => {
      const pos = (id: string) => (id === "depot" ? 0 : ids.indexOf(id) + 1);
      return 10 * Math.abs(pos(x) - pos(y));
    });

  it("orders the stops for the least travel and gives each leg its times", () => {
    const result = planItinerary({
      start: depot,
      startMinutes: H(9),
      stops: [stop("c", 30), stop("a", 45), stop("b", 20)],
      travel: { matrix: line(["a", "b", "c"]) },
    });
    expect(result).toMatchObject({ ok: true, method: "exact", order: ["a", "b", "c"], totalTravel: 60, totalVisit: 95 });
    if (!result.ok) return;
    expect(result.legs).toEqual<ItineraryLeg[]>([
      { kind: "stop", id: "a", label: "A", travel: 10, arrival: H(9, 10), wait: 0, visitStart: H(9, 10), departure: H(9, 55) },
      { kind: "stop", id: "b", label: "B", travel: 10, arrival: H(10, 5), wait: 0, visitStart: H(10, 5), departure: H(10, 25) },
      { kind: "stop", id: "c", label: "C", travel: 10, arrival: H(10, 35), wait: 0, visitStart: H(10, 35), departure: H(11, 5) },
      {
        kind: "end",
        id: "depot",
        label: "Gare",
        travel: 30,
        arrival: H(11, 35),
        wait: 0,
        visitStart: H(11, 35),
        departure: H(11, 35),
      },
    ]);
    expect(result.endMinutes).toBe(H(11, 35));
  });

  it("waits for a window to open and pays travel to respect another", () => {
    // c closes at 10:00: it must come first even though a is on the way.
    const result = planItinerary({
      start: depot,
      startMinutes: H(9),
      stops: [stop("a", 30, [{ from: H(11), to: H(12) }]), stop("c", 20, [{ from: H(9), to: H(10) }])],
      travel: { matrix: line(["a", "b", "c"]) },
    });
    expect(result).toMatchObject({ ok: true, order: ["c", "a"] });
    if (!result.ok) return;
    expect(result.legs[1]).toMatchObject({ id: "a", arrival: H(10, 10), wait: 50, visitStart: H(11) });
    expect(result.totalWait).toBe(50);
  });

  it("uses whichever window fits the visit", () => {
    const result = planItinerary({
      start: depot,
      startMinutes: H(11, 30),
      stops: [
        stop("a", 60, [
          { from: H(9), to: H(12) },
          { from: H(14), to: H(17) },
        ]),
      ],
      travel: { matrix: line(["a"]) },
    });
    // Arriving at 11:40, an hour no longer fits before noon: the visit waits for 14:00.
    expect(result).toMatchObject({ ok: true, legs: [{ visitStart: H(14), wait: 140 }, { arrival: H(15, 10) }] });
  });

  it("breaks ties on the alphabetical order of the stops", () => {
    const result = planItinerary({
      start: depot,
      startMinutes: H(9),
      stops: [stop("b", 10), stop("a", 10)],
      travel: { matrix: matrixOf(["depot", "a", "b"], () => 10) },
    });
    expect(result).toMatchObject({ ok: true, order: ["a", "b"] });
  });

  it("reports a visit longer than every window", () => {
    const result = planItinerary({
      start: depot,
      startMinutes: H(9),
      stops: [stop("a", 90, [{ from: H(10), to: H(11) }])],
      travel: { matrix: line(["a"]) },
    });
    expect(result).toEqual({
      ok: false,
      method: "exact",
      proven: true,
      infeasible: { code: "visit-too-long", stopId: "a", label: "A", visitMinutes: 90, windows: [{ from: H(10), to: H(11) }] },
    });
  });

  it("reports a stop that cannot be reached in time even first", () => {
    const result = planItinerary({
      start: depot,
      startMinutes: H(9),
      stops: [stop("a", 10), stop("c", 30, [{ from: H(8), to: H(9, 40) }])],
      travel: { matrix: line(["a", "b", "c"]) },
    });
    expect(result).toMatchObject({
      ok: false,
      proven: true,
      infeasible: { code: "stop-unreachable", stopId: "c", earliestArrival: H(9, 30), visitMinutes: 30 },
    });
  });

  it("reports a return after the deadline", () => {
    const result = planItinerary({
      start: depot,
      startMinutes: H(9),
      endBy: H(10),
      stops: [stop("a", 10), stop("c", 30)],
      travel: { matrix: line(["a", "b", "c"]) },
    });
    expect(result).toMatchObject({
      ok: false,
      proven: true,
      infeasible: { code: "end-unreachable", stopId: "c", earliestEnd: H(10, 30) },
    });
  });

  it("reports stops whose windows cannot all be kept, with the best partial route", () => {
    // a closes at 10:00 and c at 10:30, 20 minutes apart, with 45-minute visits: either can be first, not both.
    const result = planItinerary({
      start: depot,
      startMinutes: H(9),
      stops: [stop("a", 45, [{ from: H(9), to: H(10) }]), stop("c", 45, [{ from: H(9), to: H(10, 30) }])],
      travel: { matrix: line(["a", "b", "c"]) },
    });
    expect(result).toMatchObject({
      ok: false,
      proven: true,
      infeasible: {
        code: "windows-conflict",
        visited: [{ stopId: "a", visitStart: H(9, 10), departure: H(9, 55) }],
        missed: [{ stopId: "c", arrival: H(10, 15) }],
        endBy: null,
      },
    });
  });

  it("starts and ends at different points, and plans an empty tour", () => {
    const result = planItinerary({
      start: depot,
      end: { id: "c", label: "C" },
      startMinutes: H(9),
      stops: [stop("a", 10)],
      travel: { matrix: line(["a", "b", "c"]) },
    });
    expect(result).toMatchObject({ ok: true, order: ["a"], totalTravel: 30, endMinutes: H(9, 40) });
    expect(planItinerary({ start: depot, startMinutes: H(9), stops: [], travel: { matrix: line([]) } })).toMatchObject({
      ok: true,
      order: [],
      legs: [{ kind: "end", arrival: H(9) }],
    });
  });

  it("schedules an order chosen by hand and names the first stop it misses", () => {
    const problem: ItineraryProblem = {
      start: depot,
      startMinutes: H(9),
      stops: [stop("a", 30, [{ from: H(11), to: H(12) }]), stop("c", 20, [{ from: H(9), to: H(10) }])],
      travel: { matrix: line(["a", "b", "c"]) },
    };
    expect(scheduleOrder(problem, ["a", "c"]).missed).toBe("c");
    expect(scheduleOrder(problem, ["c", "a"]).missed).toBeNull();
    expect(() => scheduleOrder(problem, ["a"])).toThrow(RangeError);
  });

  it("refuses input it cannot plan", () => {
    const base = { start: depot, startMinutes: H(9), travel: { matrix: line(["a"]) } };
    expect(() => planItinerary({ ...base, stops: [stop("a", -5)] })).toThrow(RangeError);
    expect(() => planItinerary({ ...base, stops: [stop("a", 5, [{ from: H(12), to: H(11) }])] })).toThrow(RangeError);
    expect(() => planItinerary({ ...base, stops: [stop("a", 5), stop("a", 5)] })).toThrow(RangeError);
    const many = Array.from({ length: 14 }, (_, i) => stop(`s${i}`, 5));
    expect(() =>
      planItinerary({ start: depot, startMinutes: 0, stops: many, travel: { matrix: line([]) } }, { method: "exact" }),
    ).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------- brute force

/** The rules restated plainly: the schedule of one order, or null when a window or the deadline is missed. */
function plainSchedule(problem: ItineraryProblem, order: string[]) {
  const matrix = problem.travel!.matrix!;
  const end = problem.end ?? problem.start;
  let at = problem.start.id;
  let time = problem.startMinutes;
  let travel = 0;
  for (const id of order) {
    const s = problem.stops.find((x) => x.id === id)!;
    const arrival = time + matrix[at][id];
    travel += matrix[at][id];
    const starts = (s.windows ?? [{ from: -1e9, to: 1e9 }])
      .map((w) => ({ w, begin: Math.max(arrival, w.from) }))
      .filter(({ w, begin }) => begin + s.visitMinutes <= w.to)
      .map(({ begin }) => begin);
    if (starts.length === 0) return null;
    time = Math.min(...starts) + s.visitMinutes;
    at = id;
  }
  travel += matrix[at][end.id];
  time += matrix[at][end.id];
  if (problem.endBy !== undefined && time > problem.endBy) return null;
  return { travel, end: time };
}

function permutations(ids: string[]): string[][] {
  if (ids.length <= 1) return [ids];
  return ids.flatMap((id, i) => permutations([...ids.slice(0, i), ...ids.slice(i + 1)]).map((rest) => [id, ...rest]));
}

function bruteForce(problem: ItineraryProblem) {
  const ids = problem.stops.map((s) => s.id).sort();
  let best: { order: string[]; travel: number; end: number } | null = null;
  for (const order of permutations(ids)) {
    const s = plainSchedule(problem, order);
    if (s && (best === null || s.travel < best.travel || (s.travel === best.travel && s.end < best.end))) best = { order, ...s };
  }
  return best;
}

const arbWindows: fc.Arbitrary<OpeningWindow[] | undefined> = fc.oneof(
  fc.constant(undefined),
  fc
    .array(fc.record({ from: fc.integer({ min: H(8), max: H(15) }), len: fc.integer({ min: 20, max: 240 }) }), {
      minLength: 1,
      maxLength: 2,
    })
    .map((ws) => ws.map((w) => ({ from: w.from, to: w.from + w.len }))),
);

const arbProblem = (minStops: number, maxStops: number): fc.Arbitrary<ItineraryProblem> =>
  fc
    .record({
      stops: fc.array(fc.record({ visit: fc.integer({ min: 0, max: 90 }), windows: arbWindows }), {
        minLength: minStops,
        maxLength: maxStops,
      }),
      roundTrip: fc.boolean(),
      endBy: fc.option(fc.integer({ min: H(11), max: H(20) }), { nil: undefined }),
      times: fc.array(fc.integer({ min: 0, max: 45 }), { minLength: 100, maxLength: 100 }),
    })
    .map((r) => {
      const stops = r.stops.map((s, i) => stop(`s${String.fromCharCode(97 + ((i * 7) % 26))}${i}`, s.visit, s.windows));
      const ids = ["start", "finish", ...stops.map((s) => s.id)];
      let k = 0;
      const matrix = matrixOf(ids, () => r.times[k++ % r.times.length]);
      return {
        start: { id: "start", label: "Départ" },
        end: r.roundTrip ? undefined : { id: "finish", label: "Arrivée" },
        startMinutes: H(8, 30),
        endBy: r.endBy,
        stops,
        travel: { matrix },
      };
    });

/** Checks the legs against the windows and the matrix, independently of the planner. */
function checkLegs(problem: ItineraryProblem, order: string[], legs: ItineraryLeg[]) {
  const replay = plainSchedule(problem, order);
  expect(replay).not.toBeNull();
  expect(legs.reduce((s, l) => s + l.travel, 0)).toBe(replay!.travel);
  expect(legs[legs.length - 1].arrival).toBe(replay!.end);
  for (const leg of legs.slice(0, -1)) {
    const s = problem.stops.find((x) => x.id === leg.id)!;
    expect(leg.visitStart).toBe(leg.arrival + leg.wait);
    expect(leg.departure).toBe(leg.visitStart + s.visitMinutes);
    if (s.windows) expect(s.windows.some((w) => leg.visitStart >= w.from && leg.departure <= w.to)).toBe(true);
  }
}

describe("itinerary against brute force", () => {
  it("finds the best order, with the same tie-break, or proves there is none", () => {
    fc.assert(
      fc.property(arbProblem(0, 7), (problem) => {
        const expected = bruteForce(problem);
        const result = planItinerary(problem);
        if (expected === null) {
          expect(result).toMatchObject({ ok: false, proven: true });
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.order).toEqual(expected.order);
        expect([result.totalTravel, result.endMinutes]).toEqual([expected.travel, expected.end]);
        checkLegs(problem, result.order, result.legs);
      }),
      { numRuns: 300 },
    );
  });
});

describe("itinerary heuristic", () => {
  /** Windows drawn around the times of a random route, so that at least that route works. */
  const arbFeasible = (minStops: number, maxStops: number) =>
    fc
      .tuple(
        arbProblem(minStops, maxStops),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 40, maxLength: 40 }),
        fc.nat(),
      )
      .map(([problem, slack, seed]) => {
        const order = problem.stops.map((s) => s.id);
        for (let i = order.length - 1; i > 0; i--) {
          const j = (seed * (i + 3)) % (i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        const open = { ...problem, endBy: undefined, stops: problem.stops.map((s) => ({ ...s, windows: undefined })) };
        const { legs } = scheduleOrder(open, order);
        const stops = open.stops.map((s) => {
          const leg = legs.find((l) => l.id === s.id)!;
          const i = order.indexOf(s.id);
          return { ...s, windows: [{ from: leg.visitStart - slack[i % 40], to: leg.departure + slack[(i + 7) % 40] }] };
        });
        return { problem: { ...open, stops }, order };
      });

  it("finds a route whenever the windows allow one, on tours of moderate size", () => {
    fc.assert(
      fc.property(arbFeasible(8, 11), ({ problem }) => {
        const result = planItinerary(problem, { method: "heuristic" });
        expect(result).toMatchObject({ ok: true, method: "heuristic" });
        if (result.ok) checkLegs(problem, result.order, result.legs);
      }),
      { numRuns: 60 },
    );
  });

  it("is never worse than the organiser's order, and never better than the exact one", () => {
    fc.assert(
      fc.property(arbProblem(1, 7), (problem) => {
        const heuristic = planItinerary(problem, { method: "heuristic" });
        const exact = planItinerary(problem, { method: "exact" });
        const naive = plainSchedule(
          problem,
          problem.stops.map((s) => s.id),
        );
        if (naive) {
          expect(heuristic.ok).toBe(true);
          if (heuristic.ok) {
            expect(heuristic.totalTravel).toBeLessThanOrEqual(naive.travel);
            if (heuristic.totalTravel === naive.travel) expect(heuristic.endMinutes).toBeLessThanOrEqual(naive.end);
          }
        }
        if (heuristic.ok) {
          checkLegs(problem, heuristic.order, heuristic.legs);
          expect(exact.ok).toBe(true);
          if (exact.ok) expect(heuristic.totalTravel).toBeGreaterThanOrEqual(exact.totalTravel);
        }
        if (!heuristic.ok && !exact.ok && heuristic.infeasible.code === "windows-conflict") {
          expect(heuristic.infeasible.missed.length + (heuristic.infeasible.endBy === null ? 0 : 1)).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("plans 30 stops from coordinates in the time of a request", () => {
    const stops = Array.from({ length: 30 }, (_, i) => ({
      ...stop(`p${String(i).padStart(2, "0")}`, 20),
      lat: 48 + ((i * 37) % 50) / 100,
      lon: -2 + ((i * 53) % 70) / 100,
    }));
    const started = performance.now();
    const result = planItinerary({ start: { id: "depot", label: "Gare", lat: 48.2, lon: -1.7 }, startMinutes: H(8), stops });
    expect(result).toMatchObject({ ok: true, method: "heuristic" });
    expect(performance.now() - started).toBeLessThan(5_000);
    if (!result.ok) return;
    expect(new Set(result.order).size).toBe(30);
  });
});
