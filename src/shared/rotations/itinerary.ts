// The learning tour ("tournée apprenante"): the order in which to visit member places in one day. Times are
// minutes since midnight, Paris time, so that the organiser's "9 h 30" is 570 and nothing depends on a time zone.
//
// Objective, compared lexicographically: total travel time, then the time of arrival at the end point, then the
// sequence of stop ids (the alphabetically first order among equals), so that the same input always gives the
// same route. Every stop's opening windows are hard: a visit starts inside a window and ends before that window
// closes; arriving early means waiting. Up to 12 stops by default (at most EXACT_LIMIT) the order is proven
// optimal (dynamic programming over subsets, see exact); above, a heuristic gives a good order without proof.

// ---------------------------------------------------------------- input

export interface ItineraryPoint {
  id: string;
  label: string;
  /** WGS 84 degrees; needed unless the travel matrix gives every time from and to this point. */
  lat?: number;
  lon?: number;
}

/** Minutes since midnight: a visit must start at or after `from` and end at or before `to`. */
export interface OpeningWindow {
  from: number;
  to: number;
}

export interface ItineraryStop extends ItineraryPoint {
  visitMinutes: number;
  /** No windows: open all day. Several: the visit fits in one of them. */
  windows?: OpeningWindow[];
}

export interface TravelSettings {
  /** Road distance ÷ straight-line distance, 1.3 by default. */
  roadFactor?: number;
  /** Average speed, 50 km/h by default. */
  speedKmh?: number;
  /** Minutes from one point id to another, as the organiser corrected them; may be asymmetric and partial. */
  matrix?: Record<string, Record<string, number>>;
}

export interface ItineraryProblem {
  start: ItineraryPoint;
  /** The start point when absent: a round trip. */
  end?: ItineraryPoint;
  startMinutes: number;
  /** Latest arrival at the end point, if any. */
  endBy?: number;
  stops: ItineraryStop[];
  travel?: TravelSettings;
}

export interface ItineraryOptions {
  /** "auto" (default): exact up to `exactUpTo` stops, heuristic above. */
  method?: "auto" | "exact" | "heuristic";
  /** At most EXACT_LIMIT. */
  exactUpTo?: number;
}

// ---------------------------------------------------------------- output

export interface ItineraryLeg {
  kind: "stop" | "end";
  id: string;
  label: string;
  /** Minutes of travel to this point from the previous one. */
  travel: number;
  arrival: number;
  wait: number;
  visitStart: number;
  /** Departure from this point (arrival at the end point for the last leg). */
  departure: number;
}

export interface StopRef {
  stopId: string;
  label: string;
}

export type ItineraryInfeasibility =
  /** No window is long enough for the visit. */
  | (StopRef & { code: "visit-too-long"; visitMinutes: number; windows: OpeningWindow[] })
  /** Even going there first, the stop is reached after its last window allows the visit. */
  | (StopRef & { code: "stop-unreachable"; earliestArrival: number; visitMinutes: number; windows: OpeningWindow[] })
  /** Even with only this stop (or none: stopId null), the end point is reached after `endBy`. */
  | { code: "end-unreachable"; stopId: string | null; label: string | null; earliestEnd: number; endBy: number }
  /**
   * Each stop can be visited on its own, but not all of them: the best partial route (`visited`), and the stops
   * that can no longer be reached in time after it, with the time one would arrive.
   */
  | {
      code: "windows-conflict";
      visited: Array<StopRef & { visitStart: number; departure: number }>;
      missed: Array<StopRef & { arrival: number; visitMinutes: number; windows: OpeningWindow[] }>;
      /** Set when what is missed is the end point's deadline. */
      endBy: number | null;
    };

export type ItineraryResult =
  | {
      ok: true;
      method: "exact" | "heuristic";
      /** Stop ids in visiting order. */
      order: string[];
      /** One leg per stop, then the leg to the end point. */
      legs: ItineraryLeg[];
      totalTravel: number;
      totalWait: number;
      totalVisit: number;
      endMinutes: number;
    }
  | {
      ok: false;
      method: "exact" | "heuristic";
      /** True when the report proves that no order works; false when the heuristic found none. */
      proven: boolean;
      infeasible: ItineraryInfeasibility;
    };

// ---------------------------------------------------------------- travel

export const DEFAULT_ROAD_FACTOR = 1.3;
export const DEFAULT_SPEED_KMH = 50;
/**
 * Above this many stops the exact search grows past memory and time (2^n × n Pareto fronts), and its sequence
 * codes (base n, n digits) past exact integers.
 */
export const EXACT_LIMIT = 13;
export const DEFAULT_EXACT_UP_TO = 12;
const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in kilometres. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whole minutes from one point to another: the organiser's matrix when it has the pair, else the straight-line
 * distance × road factor at the average speed, rounded up (a tour plans with margins, never with seconds).
 */
export function travelMinutes(from: ItineraryPoint, to: ItineraryPoint, settings: TravelSettings = {}): number {
  const given = settings.matrix?.[from.id]?.[to.id];
  if (given !== undefined) {
    if (!(Number.isFinite(given) && given >= 0)) throw new RangeError(`Travel time from ${from.id} to ${to.id} must be ≥ 0`);
    return Math.ceil(given);
  }
  if (from.id === to.id) return 0;
  if (from.lat === undefined || from.lon === undefined || to.lat === undefined || to.lon === undefined) {
    throw new RangeError(`No travel time from ${from.id} to ${to.id}: give coordinates or a matrix entry`);
  }
  const factor = settings.roadFactor ?? DEFAULT_ROAD_FACTOR;
  const speed = settings.speedKmh ?? DEFAULT_SPEED_KMH;
  if (!(factor > 0 && speed > 0)) throw new RangeError("roadFactor and speedKmh must be > 0");
  const minutes = (haversineKm({ lat: from.lat, lon: from.lon }, { lat: to.lat, lon: to.lon }) * factor * 60) / speed;
  // A hair of tolerance, so that 12.000000001 minutes of floating-point noise stays 12.
  return Math.ceil(minutes - 1e-9);
}

/** The full matrix between the given points (row = from), as the organiser would review and correct it. */
export function travelMatrix(points: ItineraryPoint[], settings: TravelSettings = {}): number[][] {
  return points.map((from) => points.map((to) => travelMinutes(from, to, settings)));
}

// ---------------------------------------------------------------- model

interface Model {
  n: number;
  /** Stops sorted by id: the index order is the tie-break. */
  stops: ItineraryStop[];
  start: ItineraryPoint;
  end: ItineraryPoint;
  startMinutes: number;
  endBy: number;
  /** (n + 2)², row-major: stops 0..n−1, then the start (n) and the end (n + 1). */
  t: Int32Array;
  /** Shortest travel between two points through any others: a lower bound on any arrival. */
  sp: Float64Array;
  latestStart: Float64Array;
}

function buildModel(problem: ItineraryProblem): Model {
  const ids = new Set<string>();
  for (const s of problem.stops) {
    if (ids.has(s.id)) throw new RangeError(`Duplicate stop id: ${s.id}`);
    ids.add(s.id);
    if (!(Number.isInteger(s.visitMinutes) && s.visitMinutes >= 0)) {
      throw new RangeError(`Stop ${s.id}: visitMinutes must be a whole number ≥ 0`);
    }
    for (const w of s.windows ?? []) {
      if (!(Number.isFinite(w.from) && Number.isFinite(w.to) && w.from <= w.to)) {
        throw new RangeError(`Stop ${s.id}: invalid window ${w.from}–${w.to}`);
      }
    }
  }
  if (!Number.isFinite(problem.startMinutes)) throw new RangeError("startMinutes must be a number");
  const stops = [...problem.stops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = stops.length;
  const end = problem.end ?? problem.start;
  const points: ItineraryPoint[] = [...stops, problem.start, end];
  const N = n + 2;
  const t = new Int32Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) if (i !== j) t[i * N + j] = travelMinutes(points[i], points[j], problem.travel);
  }
  const sp = Float64Array.from(t);
  for (let k = 0; k < N; k++) {
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const via = sp[i * N + k] + sp[k * N + j];
        if (via < sp[i * N + j]) sp[i * N + j] = via;
      }
    }
  }
  const latestStart = Float64Array.from(stops, (s) =>
    s.windows && s.windows.length > 0 ? Math.max(...s.windows.map((w) => w.to - s.visitMinutes)) : Number.POSITIVE_INFINITY,
  );
  return {
    n,
    stops,
    start: problem.start,
    end,
    startMinutes: problem.startMinutes,
    endBy: problem.endBy ?? Number.POSITIVE_INFINITY,
    t,
    sp,
    latestStart,
  };
}

/** The earliest time a visit of stop s can start when arriving at `arrival`, or null when no window allows it. */
function visitStart(s: ItineraryStop, arrival: number): number | null {
  if (!s.windows || s.windows.length === 0) return arrival;
  let best: number | null = null;
  for (const w of s.windows) {
    const begin = Math.max(arrival, w.from);
    if (begin + s.visitMinutes <= w.to && (best === null || begin < best)) best = begin;
  }
  return best;
}

const ref = (s: ItineraryStop): StopRef => ({ stopId: s.id, label: s.label });
const windowsOf = (s: ItineraryStop) => (s.windows ?? []).map((w) => ({ from: w.from, to: w.to }));

/** Reports that hold whatever the order: each proves that no route exists. */
function precheck(m: Model): ItineraryInfeasibility | null {
  const N = m.n + 2;
  const S = m.n;
  const E = m.n + 1;
  if (m.startMinutes + m.sp[S * N + E] > m.endBy) {
    return { code: "end-unreachable", stopId: null, label: null, earliestEnd: m.startMinutes + m.sp[S * N + E], endBy: m.endBy };
  }
  for (let j = 0; j < m.n; j++) {
    const s = m.stops[j];
    if (s.windows && s.windows.length > 0 && s.windows.every((w) => w.to - w.from < s.visitMinutes)) {
      return { code: "visit-too-long", ...ref(s), visitMinutes: s.visitMinutes, windows: windowsOf(s) };
    }
    const arrival = m.startMinutes + m.sp[S * N + j];
    const begin = visitStart(s, arrival);
    if (begin === null) {
      return {
        code: "stop-unreachable",
        ...ref(s),
        earliestArrival: arrival,
        visitMinutes: s.visitMinutes,
        windows: windowsOf(s),
      };
    }
    const earliestEnd = begin + s.visitMinutes + m.sp[j * N + E];
    if (earliestEnd > m.endBy) return { code: "end-unreachable", ...ref(s), earliestEnd, endBy: m.endBy };
  }
  return null;
}

/** The legs of a route (stop indices), or the first stop whose windows it misses. */
function schedule(m: Model, route: number[]): { legs: ItineraryLeg[]; missed: number | null } {
  const N = m.n + 2;
  const legs: ItineraryLeg[] = [];
  let at = m.n;
  let time = m.startMinutes;
  for (const j of route) {
    const s = m.stops[j];
    const travel = m.t[at * N + j];
    const arrival = time + travel;
    const begin = visitStart(s, arrival);
    if (begin === null) return { legs, missed: j };
    legs.push({
      kind: "stop",
      id: s.id,
      label: s.label,
      travel,
      arrival,
      wait: begin - arrival,
      visitStart: begin,
      departure: begin + s.visitMinutes,
    });
    at = j;
    time = begin + s.visitMinutes;
  }
  const travel = m.t[at * N + m.n + 1];
  const arrival = time + travel;
  legs.push({ kind: "end", id: m.end.id, label: m.end.label, travel, arrival, wait: 0, visitStart: arrival, departure: arrival });
  return { legs, missed: arrival > m.endBy ? m.n + 1 : null };
}

function success(m: Model, method: "exact" | "heuristic", route: number[]): ItineraryResult {
  const { legs } = schedule(m, route);
  const last = legs[legs.length - 1];
  return {
    ok: true,
    method,
    order: route.map((j) => m.stops[j].id),
    legs,
    totalTravel: legs.reduce((s, l) => s + l.travel, 0),
    totalWait: legs.reduce((s, l) => s + l.wait, 0),
    totalVisit: route.reduce((s, j) => s + m.stops[j].visitMinutes, 0),
    endMinutes: last.arrival,
  };
}

/** What a partial route misses: the stops not on it that can no longer be reached in time, or the end's deadline. */
function conflictReport(m: Model, route: number[]): ItineraryInfeasibility {
  const N = m.n + 2;
  const { legs } = schedule(m, route);
  const stopLegs = legs.filter((l) => l.kind === "stop");
  const at = route.length > 0 ? route[route.length - 1] : m.n;
  const time = stopLegs.length > 0 ? stopLegs[stopLegs.length - 1].departure : m.startMinutes;
  const visited = stopLegs.map((l, i) => ({ ...ref(m.stops[route[i]]), visitStart: l.visitStart, departure: l.departure }));
  const onRoute = new Set(route);
  const missed = m.stops
    .map((s, j) => ({ s, j }))
    .filter(({ j }) => !onRoute.has(j))
    .map(({ s, j }) => ({ s, arrival: time + m.t[at * N + j] }))
    .filter(({ s, arrival }) => visitStart(s, arrival) === null)
    .map(({ s, arrival }) => ({ ...ref(s), arrival, visitMinutes: s.visitMinutes, windows: windowsOf(s) }));
  const late = onRoute.size === m.n;
  return { code: "windows-conflict", visited, missed, endBy: late || missed.length === 0 ? m.endBy : null };
}

// ---------------------------------------------------------------- exact

/**
 * Dynamic programming over subsets. A label is a partial route: the set of stops visited, the last one, its
 * travel so far, its departure time and its sequence. Because waiting is allowed, leaving a stop earlier never
 * hurts what follows; so a label is dropped only when another with the same set and last stop leaves no later
 * and has travelled less, or as much with an alphabetically earlier sequence (the tie-break). Each state keeps
 * the Pareto front of the others (less travel but later, or earlier but more travel): exact, and small in
 * practice. A label is also dropped when some unvisited stop, or the end's deadline, can no longer be reached
 * even by the shortest path. Sequences of equal length compare as numbers written in base n.
 */
function exact(m: Model, upper: number): ItineraryResult {
  const { n } = m;
  const N = n + 2;
  const E = n + 1;
  // Every unvisited stop and the end must still be entered once: the cheapest arc into each bounds what is left.
  const minIn = new Float64Array(N);
  for (let j = 0; j < N; j++) {
    minIn[j] = Number.POSITIVE_INFINITY;
    for (let i = 0; i < N; i++) if (i !== j && i !== E && j !== n) minIn[j] = Math.min(minIn[j], m.t[i * N + j]);
  }
  const size = 1 << n;
  const fronts: Array<number[] | undefined> = new Array(size * n);
  const travel: number[] = [];
  const time: number[] = [];
  const code: number[] = [];
  const parent: number[] = [];
  const stop: number[] = [];
  const alive: boolean[] = [];
  let best = -1;
  let bestSize = 0;

  const add = (mask: number, j: number, tr: number, tm: number, cd: number, par: number, count: number) => {
    const key = mask * n + j;
    let front = fronts[key];
    if (front === undefined) {
      front = [];
      fronts[key] = front;
    }
    for (const l of front) {
      if (time[l] <= tm && (travel[l] < tr || (travel[l] === tr && code[l] < cd))) return;
    }
    const id = travel.length;
    travel.push(tr);
    time.push(tm);
    code.push(cd);
    parent.push(par);
    stop.push(j);
    alive.push(true);
    let w = 0;
    for (const l of front) {
      if (tm <= time[l] && (tr < travel[l] || (tr === travel[l] && cd < code[l]))) alive[l] = false;
      else front[w++] = l;
    }
    front.length = w;
    front.push(id);
    // The best partial route so far, for the report when no complete one exists.
    if (
      best < 0 ||
      count > bestSize ||
      (count === bestSize &&
        (tr < travel[best] || (tr === travel[best] && (tm < time[best] || (tm === time[best] && cd < code[best])))))
    ) {
      best = id;
      bestSize = count;
    }
  };
  const routeOf = (l: number) => {
    const route: number[] = [];
    for (let x = l; x >= 0; x = parent[x]) route.push(stop[x]);
    return route.reverse();
  };

  for (let j = 0; j < n; j++) {
    const tr = m.t[n * N + j];
    const begin = visitStart(m.stops[j], m.startMinutes + tr);
    if (begin !== null) add(1 << j, j, tr, begin + m.stops[j].visitMinutes, j, -1, 1);
  }
  const popcount = (x: number) => {
    let c = 0;
    for (let y = x; y; y &= y - 1) c++;
    return c;
  };
  let final = -1;
  let finalTravel = Number.POSITIVE_INFINITY;
  let finalEnd = Number.POSITIVE_INFINITY;
  for (let mask = 1; mask < size; mask++) {
    const count = popcount(mask);
    for (let i = 0; i < n; i++) {
      const front = fronts[mask * n + i];
      if (front === undefined) continue;
      for (const l of front) {
        if (!alive[l]) continue;
        const tm = time[l];
        if (mask === size - 1) {
          const endAt = tm + m.t[i * N + E];
          const tr = travel[l] + m.t[i * N + E];
          if (endAt > m.endBy) continue;
          if (tr < finalTravel || (tr === finalTravel && (endAt < finalEnd || (endAt === finalEnd && code[l] < code[final])))) {
            final = l;
            finalTravel = tr;
            finalEnd = endAt;
          }
          continue;
        }
        if (tm + m.sp[i * N + E] > m.endBy) continue;
        // Branch and bound on travel with the heuristic's route: equal travel is kept, for the tie-break.
        let rest = minIn[E];
        for (let j = 0; j < n; j++) if (!(mask & (1 << j))) rest += minIn[j];
        if (travel[l] + rest > upper) continue;
        let reachable = true;
        for (let j = 0; j < n && reachable; j++) {
          if (!(mask & (1 << j))) reachable = tm + m.sp[i * N + j] <= m.latestStart[j];
        }
        if (!reachable) continue;
        for (let j = 0; j < n; j++) {
          if (mask & (1 << j)) continue;
          const tr = m.t[i * N + j];
          const begin = visitStart(m.stops[j], tm + tr);
          if (begin === null) continue;
          add(mask | (1 << j), j, travel[l] + tr, begin + m.stops[j].visitMinutes, code[l] * n + j, l, count + 1);
        }
      }
    }
  }
  if (final >= 0) return success(m, "exact", routeOf(final));
  return { ok: false, method: "exact", proven: true, infeasible: conflictReport(m, best >= 0 ? routeOf(best) : []) };
}

// ---------------------------------------------------------------- heuristic

interface Score {
  /** Minutes of lateness summed over missed windows and the end's deadline: 0 for a feasible route. */
  late: number;
  travel: number;
  end: number;
}

/** A route's score, feasible or not: a missed window counts its lateness and the visit goes on as if allowed. */
function score(m: Model, route: number[]): Score {
  const N = m.n + 2;
  let at = m.n;
  let time = m.startMinutes;
  let late = 0;
  let travel = 0;
  for (const j of route) {
    const s = m.stops[j];
    const tr = m.t[at * N + j];
    travel += tr;
    const arrival = time + tr;
    let begin = visitStart(s, arrival);
    if (begin === null) {
      // The window that would be missed by the least.
      let least = Number.POSITIVE_INFINITY;
      for (const w of s.windows ?? []) {
        const b = Math.max(arrival, w.from);
        const over = b + s.visitMinutes - w.to;
        if (over < least) {
          least = over;
          begin = b;
        }
      }
      late += least;
    }
    time = (begin ?? arrival) + s.visitMinutes;
    at = j;
  }
  const tr = m.t[at * N + m.n + 1];
  travel += tr;
  const end = time + tr;
  if (end > m.endBy) late += end - m.endBy;
  return { late, travel, end };
}

const better = (a: Score, b: Score, ra: number[], rb: number[]) => {
  if (a.late !== b.late) return a.late < b.late;
  if (a.travel !== b.travel) return a.travel < b.travel;
  if (a.end !== b.end) return a.end < b.end;
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] < rb[i];
  return false;
};

/**
 * Local search from one route: move a run of one to three stops elsewhere (or-opt, both directions) or reverse
 * a segment (2-opt), keeping any change that improves the score (lateness first, so that it also repairs an
 * infeasible start), until no move improves it or the move budget runs out.
 */
function improve(m: Model, start: number[], budget: { moves: number }): { route: number[]; score: Score } {
  let route = start;
  let current = score(m, route);
  const n = route.length;
  let improved = true;
  while (improved && budget.moves > 0) {
    improved = false;
    search: for (let len = 1; len <= 3; len++) {
      for (let i = 0; i + len <= n; i++) {
        const segment = route.slice(i, i + len);
        const rest = [...route.slice(0, i), ...route.slice(i + len)];
        for (let p = 0; p <= rest.length; p++) {
          if (p === i) continue;
          for (const seg of len > 1 ? [segment, [...segment].reverse()] : [segment]) {
            budget.moves--;
            const candidate = [...rest.slice(0, p), ...seg, ...rest.slice(p)];
            const s = score(m, candidate);
            if (better(s, current, candidate, route)) {
              route = candidate;
              current = s;
              improved = true;
              break search;
            }
          }
        }
      }
    }
    if (improved) continue;
    for (let i = 0; i < n - 1 && !improved; i++) {
      for (let j = i + 1; j < n; j++) {
        budget.moves--;
        const candidate = [...route.slice(0, i), ...route.slice(i, j + 1).reverse(), ...route.slice(j + 1)];
        const s = score(m, candidate);
        if (better(s, current, candidate, route)) {
          route = candidate;
          current = s;
          improved = true;
          break;
        }
      }
    }
  }
  return { route, score: current };
}

/**
 * Heuristic for long tours: several starting orders (the organiser's own, by closing time, by opening time,
 * nearest next stop, cheapest insertion by closing time), each improved by local search (improve); the best
 * result wins. Never worse than the organiser's order, which is one of the starts.
 */
function heuristic(m: Model, given: number[], moves = 400_000): ItineraryResult {
  const N = m.n + 2;
  const all = m.stops.map((_, j) => j);
  const closing = (j: number) => m.latestStart[j];
  const opening = (j: number) =>
    Math.min(...(m.stops[j].windows ?? [{ from: Number.NEGATIVE_INFINITY, to: 0 }]).map((w) => w.from));
  const byClosing = [...all].sort((a, b) => closing(a) - closing(b) || a - b);
  const byOpening = [...all].sort((a, b) => opening(a) - opening(b) || closing(a) - closing(b) || a - b);

  // Nearest next stop among those still reachable in time, by time of visit start.
  const nearest: number[] = [];
  {
    const left = new Set(all);
    let at = m.n;
    let time = m.startMinutes;
    while (left.size > 0) {
      let pick = -1;
      let pickStart = Number.POSITIVE_INFINITY;
      for (const j of left) {
        const begin = visitStart(m.stops[j], time + m.t[at * N + j]);
        if (begin !== null && begin < pickStart) {
          pick = j;
          pickStart = begin;
        }
      }
      if (pick < 0) pick = [...left].sort((a, b) => closing(a) - closing(b) || a - b)[0];
      left.delete(pick);
      nearest.push(pick);
      const begin = visitStart(m.stops[pick], time + m.t[at * N + pick]) ?? time + m.t[at * N + pick];
      time = begin + m.stops[pick].visitMinutes;
      at = pick;
    }
  }

  // Cheapest insertion, stops taken by closing time.
  const insertion: number[] = [];
  for (const j of byClosing) {
    let bestRoute: number[] | null = null;
    let bestScore: Score | null = null;
    for (let p = 0; p <= insertion.length; p++) {
      const candidate = [...insertion.slice(0, p), j, ...insertion.slice(p)];
      const s = score(m, candidate);
      if (bestScore === null || bestRoute === null || better(s, bestScore, candidate, bestRoute)) {
        bestRoute = candidate;
        bestScore = s;
      }
    }
    insertion.splice(0, insertion.length, ...(bestRoute ?? [j]));
  }

  const budget = { moves };
  let best: { route: number[]; score: Score } | null = null;
  for (const start of [given, byClosing, byOpening, nearest, insertion]) {
    const found = improve(m, start, budget);
    if (best === null || better(found.score, best.score, found.route, best.route)) best = found;
  }
  const { route, score: s } = best!;
  if (s.late === 0) return success(m, "heuristic", route);
  const { missed } = schedule(m, route);
  const upTo = missed === null || missed >= m.n ? route : route.slice(0, route.indexOf(missed));
  return { ok: false, method: "heuristic", proven: false, infeasible: conflictReport(m, upTo) };
}

// ---------------------------------------------------------------- entry point

/**
 * The order of the tour's stops: least total travel, then earliest return, with every visit inside an opening
 * window of its stop. Exact (and proven) up to `exactUpTo` stops, heuristic above; when no order works, the
 * report names the stop, or the stops, that cannot be reached in time.
 */
export function planItinerary(problem: ItineraryProblem, options: ItineraryOptions = {}): ItineraryResult {
  const m = buildModel(problem);
  const upTo = Math.min(options.exactUpTo ?? DEFAULT_EXACT_UP_TO, EXACT_LIMIT);
  const method = options.method ?? "auto";
  if (method === "exact" && m.n > EXACT_LIMIT) throw new RangeError(`The exact order is limited to ${EXACT_LIMIT} stops`);
  const useExact = method === "exact" || (method === "auto" && m.n <= upTo);
  const blocked = precheck(m);
  if (blocked) return { ok: false, method: useExact ? "exact" : "heuristic", proven: true, infeasible: blocked };
  if (m.n === 0) return success(m, useExact ? "exact" : "heuristic", []);
  if (useExact) {
    // A good route first (when the heuristic finds one) bounds the exact search.
    const index = new Map(m.stops.map((s, j) => [s.id, j]));
    const guess = heuristic(
      m,
      problem.stops.map((s) => index.get(s.id)!),
      20_000,
    );
    return exact(m, guess.ok ? guess.totalTravel : Number.POSITIVE_INFINITY);
  }
  // The organiser's order, as given, is the heuristic's first start.
  const index = new Map(m.stops.map((s, j) => [s.id, j]));
  return heuristic(
    m,
    problem.stops.map((s) => index.get(s.id)!),
  );
}

/** The schedule of an order the organiser chose by hand (stop ids), with the first stop it misses, if any. */
export function scheduleOrder(problem: ItineraryProblem, order: string[]): { legs: ItineraryLeg[]; missed: string | null } {
  const m = buildModel(problem);
  const index = new Map(m.stops.map((s, j) => [s.id, j]));
  if (order.length !== m.n || new Set(order).size !== m.n || order.some((id) => !index.has(id))) {
    throw new RangeError("The order must list every stop once");
  }
  const { legs, missed } = schedule(
    m,
    order.map((id) => index.get(id)!),
  );
  return { legs, missed: missed === null ? null : missed < m.n ? m.stops[missed].id : m.end.id };
}
