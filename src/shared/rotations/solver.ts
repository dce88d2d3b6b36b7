// Rotations ("à tour de rôle"): who hosts each date of a rotation. A pure function of its input: the caller
// decides eligibility (capacity, step-free access), expands the recurrence into occurrences and stores the result.
//
// Objective, compared lexicographically (docs/modules/rotations.md):
//   1. the largest gap, over hosts, between cumulative turns (past + new) and the host's weighted target;
//   2. the sum of the squares of those gaps (squares, not absolute values: with absolute values, two hosts
//      below their target score the same at 4–0 as at 2–2);
//   3. the number of preferences not respected;
//   4. a fixed tie-break, date by date: the host furthest behind its share so far, then a host who prefers
//      the date, then the one who hosted least recently, then the host id.
// Targets are exact fractions, never rounded: target_h = weight_h / Σ weights × (past turns + occurrences), over
// the hosts whose space qualifies (a host marked ineligible takes no part in the shares). Rounded targets would
// need a rule for who gets the remainders, and that rule would decide the schedule instead of the objective.
// All comparisons use integers scaled by Σ weights, so equal schedules compare equal on every machine.
//
// The search is an iterative-deepening depth-first search (IDA*) over the dates in chronological order, one
// level of the objective at a time; its first schedule within the threshold is both optimal and the
// tie-break's choice (see solveRotation).

import { daysBetween, parisDate } from "../agenda/time.ts";

// ---------------------------------------------------------------- input

export interface RotationOccurrence {
  id: string;
  /** ISO 8601 instants. */
  start: string;
  end: string;
}

export interface RotationHost {
  id: string;
  label: string;
  /** > 0, 1 by default: turns are shared in proportion to the weights (e.g. a share of the funding plan). */
  weight?: number;
  /** Turns already held before these occurrences (counted in the fairness), 0 by default. */
  pastTurns?: number;
  /** Paris day ("YYYY-MM-DD") of the last day of the latest past turn, for the minimum gap. */
  lastTurnDate?: string;
  /** Set by the caller when the host's space does not meet the rotation's requirements; shown as given. */
  ineligibleReason?: string;
}

/** Paris days from `from` to `to`, both included, on which a host cannot take a turn. */
export interface HostUnavailability {
  hostId: string;
  from: string;
  to: string;
  /** What the coordinator calls it: "fermeture estivale", "vacances". */
  label: string;
}

export interface TurnAssignmentInput {
  occurrenceId: string;
  hostId: string;
}

export interface TurnPreference {
  hostId: string;
  occurrenceId: string;
  kind: "prefers" | "avoids";
}

export interface RotationProblem {
  /** In any order; they are scheduled chronologically (then by id). */
  occurrences: RotationOccurrence[];
  hosts: RotationHost[];
  unavailable?: HostUnavailability[];
  /**
   * Whole days between the last day of a turn and the first day of the same host's next turn: with 21, a host
   * who hosts on 4 March can host again from 25 March. 0 (the default) only forbids two turns at the same time.
   */
  minGapDays?: number;
  /** Turns the coordinator imposes: checked against every other hard constraint. */
  pinned?: TurnAssignmentInput[];
  /**
   * Turns already agreed that must not move, taken as facts: not checked against closures, eligibility or each
   * other, but the turns around them respect the minimum gap with them. Reassigning one cancelled turn is
   * "every other turn locked" (see reassignTurn).
   */
  locked?: TurnAssignmentInput[];
  /** Soft wishes, level 3 of the objective. */
  preferences?: TurnPreference[];
}

export interface SolveOptions {
  /**
   * Search nodes before giving up on the proof (DEFAULT_MAX_NODES). The best schedule found so far is then
   * returned with `optimal: false`, and `proven` says which levels of the objective are nonetheless optimal; with
   * none found yet, the first schedule in tie-break order that respects every hard constraint.
   */
  maxNodes?: number;
}

// ---------------------------------------------------------------- output

/** Why a host could not take a date. */
export type Exclusion =
  | { kind: "ineligible"; reason: string }
  | { kind: "unavailable"; label: string; from: string; to: string }
  /** Its latest past turn (lastTurnDate) is too recent. */
  | { kind: "recent-past-turn"; date: string; minGapDays: number }
  /** It has another turn too close (or, with a gap of 0, at the same time). */
  | { kind: "too-close"; occurrenceId: string; date: string; minGapDays: number }
  /** It could have hosted, but the schedule as a whole would then be less even (or lose a preference). */
  | { kind: "balance" };

export interface HostRef {
  hostId: string;
  label: string;
}
export interface ExcludedHost extends HostRef {
  why: Exclusion;
}

export type AssignmentReason =
  | { code: "pinned" }
  | { code: "locked" }
  /** Every other host was excluded. */
  | { code: "only-possible"; others: ExcludedHost[] }
  /** The host was the furthest behind its share at that date: `turns` held so far against `expected`. */
  | { code: "furthest-behind"; turns: number; expected: number }
  /** Hosts as far behind, that could have taken it, were passed over by the tie-break (`by`: its deciding rule). */
  | { code: "tie-broken"; by: "preference" | "least-recent" | "order"; hosts: HostRef[] }
  /**
   * Hosts placed before it could not take it: further behind its share, or (`tied`) as far behind and first in
   * the tie-break. The chosen host's own count for context.
   */
  | { code: "ahead-excluded"; tied: boolean; hosts: ExcludedHost[]; turns: number; expected: number }
  | { code: "preferred" }
  | { code: "avoided-anyway" }
  /** Another host had asked for this date and did not get it, with what stood in its way. */
  | ({ code: "wish-missed" } & ExcludedHost);

export interface RotationAssignment {
  occurrenceId: string;
  /** Paris day of the occurrence's start. */
  date: string;
  hostId: string;
  label: string;
  reasons: AssignmentReason[];
}

export interface FairnessRow {
  hostId: string;
  label: string;
  /** False for a host whose space does not qualify: it takes no part in the shares (target and deviation 0). */
  inShare: boolean;
  /** The weight as given (1 by default) and as a share of the total, in [0, 1]. */
  weight: number;
  share: number;
  pastTurns: number;
  newTurns: number;
  totalTurns: number;
  /** Target turns, exact, and rounded to two decimals for display. */
  targetExact: { numerator: number; denominator: number };
  target: number;
  /** totalTurns − target, two decimals: negative means below its share. */
  deviation: number;
}

export type InfeasibleReport =
  | { code: "no-hosts" }
  /** A pinned turn breaks a hard constraint. */
  | { code: "pin-conflict"; occurrenceId: string; date: string; hostId: string; label: string; why: Exclusion }
  /** One date that nobody can take. */
  | { code: "no-host"; occurrenceId: string; date: string; hosts: ExcludedHost[] }
  /**
   * Dates so close to each other (less than minGapDays apart, or overlapping when it is 0) that each needs its
   * own host, and fewer hosts than dates can take them.
   */
  | {
      code: "crowded-window";
      occurrences: Array<{ occurrenceId: string; date: string }>;
      minGapDays: number;
      hosts: HostRef[];
      others: ExcludedHost[];
    }
  /** Dates that only a few hosts can take, and those hosts cannot take that many turns with the minimum gap. */
  | {
      code: "not-enough-turns";
      occurrences: Array<{ occurrenceId: string; date: string }>;
      minGapDays: number;
      hosts: Array<HostRef & { maxTurns: number }>;
    }
  /** The constraints only clash in combination; the date the search could never get past. */
  | { code: "no-combination"; occurrenceId: string; date: string; hosts: ExcludedHost[] }
  /** The search gave up before finding any schedule (see SolveOptions.maxNodes). */
  | { code: "search-limit"; nodes: number };

export interface RotationObjective {
  /** Largest |total − target| over hosts, in turns (two decimals). */
  maxDeviation: number;
  /** Σ (total − target)², in turns² (two decimals). */
  sumSquares: number;
  preferencesBroken: number;
}

export type RotationResult =
  | {
      ok: true;
      /** In chronological order. */
      assignments: RotationAssignment[];
      /** In the order of the hosts given. */
      fairness: FairnessRow[];
      objective: RotationObjective;
      /** False only when the search ran out of nodes (SolveOptions.maxNodes); `proven` then says how far it got. */
      optimal: boolean;
      proven: { maxDeviation: boolean; sumSquares: boolean; preferences: boolean };
      stats: { nodes: number; rounds: number };
    }
  | { ok: false; infeasible: InfeasibleReport; stats: { nodes: number; rounds: number } };

// ---------------------------------------------------------------- model

const INF = Number.POSITIVE_INFINITY;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const EPOCH = "1970-01-01";
/** About a second on a small server; a year of weekly turns usually needs a few hundred (bench/rotations.ts). */
export const DEFAULT_MAX_NODES = 30_000;
const PINNED = 1;
const LOCKED = 2;

interface Occ {
  id: string;
  date: string;
  lastDate: string;
  firstDay: number;
  lastDay: number;
  /** Conflict interval [a, b): two turns of one host conflict when their intervals meet. */
  a: number;
  b: number;
}

interface Model {
  n: number;
  hostCount: number;
  occ: Occ[];
  /** Hosts sorted by id: the index is the last tie-break. */
  hosts: RotationHost[];
  inputIndex: number[];
  w: number[];
  past: number[];
  /** 1 when the host takes part in the shares: every host but those whose space does not qualify. */
  inShare: Uint8Array;
  W: number;
  /** The turns shared: Σ past + occurrences, for the hosts in the shares. */
  T: number;
  P: number;
  /** outBefore[k]: occurrences before k locked to hosts outside the shares. */
  outBefore: Int32Array;
  gap: number;
  /** Static permission, n × hosts: eligibility, closures, past turn, conflicts with fixed turns. */
  allowed: Uint8Array;
  fixed: Int32Array;
  fixedKind: Uint8Array;
  /** fixedSuffix[k × H + h]: fixed turns of h at indices ≥ k. */
  fixedSuffix: Int32Array;
  prefCost: Int32Array;
  /** 0 prefers, 1 neutral, 2 avoids. */
  prefRank: Int8Array;
  /** Open occurrences ordered by the end of their conflict interval, for the greedy packing bound. */
  byEnd: number[];
  unavailable: HostUnavailability[][];
  lastPastDay: number[];
  /** Sorted distinct values of |e_h(c)| over hosts and counts: the values the largest gap can take. */
  devValues: number[];
  /** The most open dates each host can take with the gap (greedy interval scheduling over its static domain). */
  pack: number[];
  /** Occurrences with a preference: they cannot share a group in the flow bound. */
  hasPref: Uint8Array;
  /** Cost of a turn in the flow bound is Δ(gap²) × prefScale + broken preferences; 0 when that could overflow. */
  prefScale: number;
}

const dayNumber = (date: string) => daysBetween(EPOCH, date);

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Weights as small integers, so that targets are exact fractions. Weights with at most four decimals are kept
 * exactly; finer ones, or exact ones whose sums would not fit the integer range of the objective, are rounded to
 * parts per ten thousand of the total (at least 1), far below what a turn can express.
 */
function integerWeights(weights: number[], total: number): number[] {
  const fits = (ints: number[]) => {
    const W = ints.reduce((s, x) => s + x, 0);
    return ints.length * (total * W) ** 2 * 4 < Number.MAX_SAFE_INTEGER;
  };
  const reduce = (ints: number[]) => {
    const g = ints.reduce(gcd);
    return ints.map((x) => x / g);
  };
  for (let d = 0; d <= 4; d++) {
    const f = 10 ** d;
    const scaled = weights.map((x) => x * f);
    if (scaled.every((s) => Math.abs(s - Math.round(s)) <= 1e-9 * Math.max(1, s))) {
      const ints = reduce(scaled.map((s) => Math.round(s)));
      if (fits(ints)) return ints;
      break;
    }
  }
  const sum = weights.reduce((s, x) => s + x, 0);
  const ints = reduce(weights.map((x) => Math.max(1, Math.round((x / sum) * 10_000))));
  if (!fits(ints)) throw new RangeError("Too many turns for the fairness arithmetic");
  return ints;
}

function parseInstant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant for ${what}: ${iso}`);
  return ms;
}

function checkDate(date: string, what: string) {
  if (!DATE_RE.test(date)) throw new RangeError(`Invalid day for ${what}: ${date}`);
  dayNumber(date);
}

const meets = (a1: number, b1: number, a2: number, b2: number) => Math.max(a1, a2) < Math.min(b1, b2);

function buildModel(problem: RotationProblem): Model {
  const gap = problem.minGapDays ?? 0;
  if (!Number.isInteger(gap) || gap < 0) throw new RangeError(`minGapDays must be a whole number ≥ 0: ${gap}`);

  const seen = new Set<string>();
  const raw = problem.occurrences.map((o) => {
    if (seen.has(o.id)) throw new RangeError(`Duplicate occurrence id: ${o.id}`);
    seen.add(o.id);
    const start = parseInstant(o.start, o.id);
    const end = parseInstant(o.end, o.id);
    if (end < start) throw new RangeError(`Occurrence ${o.id} ends before it starts`);
    return { id: o.id, start, end };
  });
  raw.sort((x, y) => x.start - y.start || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const occ: Occ[] = raw.map(({ id, start, end }) => {
    const date = parisDate(new Date(start));
    // An occurrence ending at midnight does not take the next day.
    const lastDate = end > start ? parisDate(new Date(end - 1)) : date;
    const firstDay = dayNumber(date);
    const lastDay = dayNumber(lastDate);
    // With a gap of n ≥ 1 days, the next turn may start on lastDay + n; with 0, only overlapping times clash.
    return gap > 0
      ? { id, date, lastDate, firstDay, lastDay, a: firstDay, b: lastDay + gap }
      : { id, date, lastDate, firstDay, lastDay, a: start, b: end };
  });
  const n = occ.length;
  const occIndex = new Map(occ.map((o, i) => [o.id, i]));

  const hostIds = new Set<string>();
  for (const h of problem.hosts) {
    if (hostIds.has(h.id)) throw new RangeError(`Duplicate host id: ${h.id}`);
    hostIds.add(h.id);
    const weight = h.weight ?? 1;
    if (!(Number.isFinite(weight) && weight > 0)) throw new RangeError(`Host ${h.id}: weight must be > 0`);
    const past = h.pastTurns ?? 0;
    if (!Number.isInteger(past) || past < 0) throw new RangeError(`Host ${h.id}: pastTurns must be a whole number ≥ 0`);
    if (h.lastTurnDate !== undefined) checkDate(h.lastTurnDate, h.id);
  }
  const order = problem.hosts.map((_, i) => i);
  order.sort((x, y) => (problem.hosts[x].id < problem.hosts[y].id ? -1 : 1));
  const hosts = order.map((i) => problem.hosts[i]);
  const H = hosts.length;
  const hostIndex = new Map(hosts.map((h, i) => [h.id, i]));
  const hostOf = (id: string, what: string) => {
    const i = hostIndex.get(id);
    if (i === undefined) throw new RangeError(`Unknown host in ${what}: ${id}`);
    return i;
  };
  const occOf = (id: string, what: string) => {
    const i = occIndex.get(id);
    if (i === undefined) throw new RangeError(`Unknown occurrence in ${what}: ${id}`);
    return i;
  };

  const past = hosts.map((h) => h.pastTurns ?? 0);
  // A host whose space does not qualify takes no part in the shares: with its weight counted, everyone else
  // would be "above target" and the largest gap would only measure its absence.
  const inShare = Uint8Array.from(hosts, (h) => (h.ineligibleReason === undefined ? 1 : 0));

  const fixed = new Int32Array(n).fill(-1);
  const fixedKind = new Uint8Array(n);
  const setFixed = (list: TurnAssignmentInput[] | undefined, kind: number, what: string) => {
    for (const t of list ?? []) {
      const j = occOf(t.occurrenceId, what);
      const h = hostOf(t.hostId, what);
      if (fixed[j] >= 0 && fixed[j] !== h) throw new RangeError(`Occurrence ${t.occurrenceId} is fixed to two hosts`);
      if (fixed[j] < 0 || kind === LOCKED) fixedKind[j] = kind;
      fixed[j] = h;
    }
  };
  setFixed(problem.pinned, PINNED, "pinned");
  setFixed(problem.locked, LOCKED, "locked");
  const outBefore = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) outBefore[j + 1] = outBefore[j] + (fixed[j] >= 0 && !inShare[fixed[j]] ? 1 : 0);
  const P = past.reduce((s, x, h) => s + (inShare[h] ? x : 0), 0);
  const T = P + n - outBefore[n];
  const shared = hosts.map((_, h) => h).filter((h) => inShare[h]);
  const sharedWeights =
    shared.length > 0
      ? integerWeights(
          shared.map((h) => hosts[h].weight ?? 1),
          Math.max(T, 1),
        )
      : [];
  const w = hosts.map(() => 0);
  shared.forEach((h, i) => {
    w[h] = sharedWeights[i];
  });
  const W = Math.max(
    1,
    w.reduce((s, x) => s + x, 0),
  );

  const unavailable: HostUnavailability[][] = hosts.map(() => []);
  for (const u of problem.unavailable ?? []) {
    checkDate(u.from, `unavailability of ${u.hostId}`);
    checkDate(u.to, `unavailability of ${u.hostId}`);
    if (u.to < u.from) throw new RangeError(`Unavailability of ${u.hostId} ends before it starts`);
    unavailable[hostOf(u.hostId, "unavailable")].push(u);
  }
  // A full order, so that the closure named in a reason does not depend on the order given.
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  for (const list of unavailable) list.sort((x, y) => text(x.from, y.from) || text(x.to, y.to) || text(x.label, y.label));
  const lastPastDay = hosts.map((h) => (h.lastTurnDate === undefined ? Number.NEGATIVE_INFINITY : dayNumber(h.lastTurnDate)));

  const prefCost = new Int32Array(n * H);
  const prefRank = new Int8Array(n * H).fill(1);
  const prefSeen = new Set<string>();
  for (const p of problem.preferences ?? []) {
    const j = occOf(p.occurrenceId, "preferences");
    const h = hostOf(p.hostId, "preferences");
    const key = `${j}:${h}`;
    if (prefSeen.has(key)) throw new RangeError(`Two preferences of ${p.hostId} for ${p.occurrenceId}`);
    prefSeen.add(key);
    if (p.kind === "prefers") {
      // Broken whenever the date goes to anyone else.
      for (let x = 0; x < H; x++) if (x !== h) prefCost[j * H + x]++;
      prefRank[j * H + h] = 0;
    } else {
      prefCost[j * H + h]++;
      prefRank[j * H + h] = 2;
    }
  }

  const model: Model = {
    n,
    hostCount: H,
    occ,
    hosts,
    inputIndex: order,
    w,
    past,
    inShare,
    W,
    T,
    P,
    outBefore,
    gap,
    allowed: new Uint8Array(n * H),
    fixed,
    fixedKind,
    fixedSuffix: new Int32Array((n + 1) * H),
    prefCost,
    prefRank,
    byEnd: [],
    unavailable,
    lastPastDay,
    devValues: [],
    hasPref: new Uint8Array(n),
    prefScale: 0,
    pack: [],
  };
  for (const p of problem.preferences ?? []) model.hasPref[occIndex.get(p.occurrenceId)!] = 1;
  const prefTotal = (problem.preferences ?? []).length + 1;
  const marginal = (2 * T * W + W) * W;
  model.prefScale = marginal * prefTotal * (n + 2 * H + 2) * 4 < Number.MAX_SAFE_INTEGER ? prefTotal : 0;
  for (let j = 0; j < n; j++) for (let h = 0; h < H; h++) model.allowed[j * H + h] = staticExclusion(model, j, h) ? 0 : 1;
  for (let k = n - 1; k >= 0; k--) {
    for (let h = 0; h < H; h++) model.fixedSuffix[k * H + h] = model.fixedSuffix[(k + 1) * H + h];
    if (fixed[k] >= 0) model.fixedSuffix[k * H + fixed[k]]++;
  }
  model.byEnd = occ
    .map((_, j) => j)
    .filter((j) => fixed[j] < 0)
    .sort((x, y) => occ[x].b - occ[y].b || x - y);
  model.pack = hosts.map((_, h) => {
    let count = 0;
    let end = Number.NEGATIVE_INFINITY;
    for (const j of model.byEnd) {
      if (model.allowed[j * H + h] && occ[j].a >= end) {
        count++;
        end = occ[j].b;
      }
    }
    return count;
  });
  const devs = new Set<number>();
  for (let h = 0; h < H; h++) for (let c = 0; c <= n; c++) devs.add(Math.abs(scaledGap(model, h, c)));
  model.devValues = [...devs].sort((x, y) => x - y);
  return model;
}

/** (past + new)·W − w·T: the host's gap to its target, in units of 1/W turn. */
function scaledGap(m: Model, h: number, newTurns: number): number {
  return m.inShare[h] ? (m.past[h] + newTurns) * m.W - m.w[h] * m.T : 0;
}

/** The new-turn counts of host h whose gap is within ±D (every count for a host outside the shares). */
function countRange(m: Model, h: number, D: number): [number, number] {
  if (!m.inShare[h] || D === INF) return [0, m.n];
  return [Math.ceil((m.w[h] * m.T - D) / m.W) - m.past[h], Math.floor((m.w[h] * m.T + D) / m.W) - m.past[h]];
}

/** Host h's gap to its share of the turns held before occurrence k: the first key of the tie-break. */
function prefixGap(m: Model, h: number, turns: number, k: number): number {
  return m.inShare[h] ? (m.past[h] + turns) * m.W - m.w[h] * (m.P + k - m.outBefore[k]) : 0;
}

/**
 * Why host h cannot take occurrence j whatever the rest of the schedule, or null. For a fixed occurrence, only
 * the conflicts a pin must respect; locked turns are facts and are never excluded.
 */
function staticExclusion(m: Model, j: number, h: number): Exclusion | null {
  const o = m.occ[j];
  const host = m.hosts[h];
  if (m.fixedKind[j] === LOCKED) return m.fixed[j] === h ? null : { kind: "balance" };
  if (host.ineligibleReason !== undefined) return { kind: "ineligible", reason: host.ineligibleReason };
  for (const u of m.unavailable[h]) {
    if (u.from <= o.lastDate && o.date <= u.to) return { kind: "unavailable", label: u.label, from: u.from, to: u.to };
  }
  const lp = m.lastPastDay[h];
  if (m.gap > 0 && lp > Number.NEGATIVE_INFINITY && meets(lp, lp + m.gap, o.a, o.b)) {
    return { kind: "recent-past-turn", date: host.lastTurnDate ?? "", minGapDays: m.gap };
  }
  for (let i = 0; i < m.n; i++) {
    if (i === j || m.fixed[i] !== h) continue;
    if (meets(m.occ[i].a, m.occ[i].b, o.a, o.b)) {
      return { kind: "too-close", occurrenceId: m.occ[i].id, date: m.occ[i].date, minGapDays: m.gap };
    }
  }
  if (m.fixed[j] >= 0 && m.fixed[j] !== h) return { kind: "balance" };
  return null;
}

// ---------------------------------------------------------------- pre-checks

const ref = (m: Model, h: number): HostRef => ({ hostId: m.hosts[h].id, label: m.hosts[h].label });
const occRef = (m: Model, j: number) => ({ occurrenceId: m.occ[j].id, date: m.occ[j].date });

/** Reasons that show a schedule is impossible before any search: each names the constraint that blocks. */
function precheck(m: Model): InfeasibleReport | null {
  const { n, hostCount: H } = m;
  if (n > 0 && H === 0) return { code: "no-hosts" };
  for (let j = 0; j < n; j++) {
    if (m.fixedKind[j] !== PINNED) continue;
    const why = staticExclusion(m, j, m.fixed[j]);
    if (why) return { code: "pin-conflict", ...occRef(m, j), ...ref(m, m.fixed[j]), why };
  }
  const open = m.occ.map((_, j) => j).filter((j) => m.fixed[j] < 0);
  for (const j of open) {
    let any = false;
    for (let h = 0; h < H && !any; h++) any = m.allowed[j * H + h] === 1;
    if (!any) {
      const hosts = m.hosts.map((_, h) => ({ ...ref(m, h), why: staticExclusion(m, j, h) ?? { kind: "balance" as const } }));
      return { code: "no-host", ...occRef(m, j), hosts };
    }
  }

  // Dates that pairwise conflict need distinct hosts: a matching per maximal clique (interval graph).
  for (const j of open) {
    const clique = open.filter((i) => m.occ[i].a <= m.occ[j].a && m.occ[j].a < m.occ[i].b);
    if (clique.length < 2) continue;
    const hall = hallViolation(m, clique, () => 1);
    if (hall) {
      const hosts = hall.hosts.map((h) => ref(m, h));
      const first = hall.occurrences[0];
      const others = m.hosts
        .map((_, h) => h)
        .filter((h) => !hall.hosts.includes(h))
        .map((h) => ({ ...ref(m, h), why: staticExclusion(m, first, h) ?? { kind: "balance" as const } }));
      return {
        code: "crowded-window",
        occurrences: hall.occurrences.map((i) => occRef(m, i)),
        minGapDays: m.gap,
        hosts,
        others,
      };
    }
  }

  // Each host can take at most `pack` open dates (greedy interval scheduling is exact for one host).
  const pack = m.pack;
  const hall = hallViolation(m, open, (h) => pack[h]);
  if (hall) {
    return {
      code: "not-enough-turns",
      occurrences: hall.occurrences.map((i) => occRef(m, i)),
      minGapDays: m.gap,
      hosts: hall.hosts.map((h) => ({ ...ref(m, h), maxTurns: pack[h] })),
    };
  }
  return null;
}

/**
 * Max flow occurrences → hosts (host capacities `cap`). When some occurrence stays unserved, the occurrences
 * reachable in the residual graph and their hosts violate Hall's condition: they are what the report names.
 */
function hallViolation(m: Model, occs: number[], cap: (h: number) => number): { occurrences: number[]; hosts: number[] } | null {
  const H = m.hostCount;
  const hostOfOcc = new Map<number, number>();
  const served: number[][] = Array.from({ length: H }, () => []);
  for (const start of occs) {
    // Breadth-first over alternating paths: occurrence → allowed host → (when full) the occurrences it serves.
    const reachedOcc = new Set([start]);
    const reachedHost = new Set<number>();
    const via = new Map<number, number>();
    const queue = [start];
    let freed = -1;
    let from = -1;
    search: while (queue.length > 0) {
      const j = queue.shift()!;
      for (let h = 0; h < H; h++) {
        if (!m.allowed[j * H + h] || reachedHost.has(h)) continue;
        reachedHost.add(h);
        if (served[h].length < cap(h)) {
          freed = h;
          from = j;
          break search;
        }
        for (const i of served[h]) {
          if (!reachedOcc.has(i)) {
            reachedOcc.add(i);
            via.set(i, j);
            queue.push(i);
          }
        }
      }
    }
    if (freed < 0) {
      return { occurrences: [...reachedOcc].sort((x, y) => x - y), hosts: [...reachedHost].sort((x, y) => x - y) };
    }
    // Shift each occurrence on the path to the host the next one leaves.
    let occ = from;
    let host = freed;
    for (;;) {
      const old = hostOfOcc.get(occ);
      hostOfOcc.set(occ, host);
      served[host].push(occ);
      if (old === undefined) break;
      served[old].splice(served[old].indexOf(occ), 1);
      host = old;
      occ = via.get(occ)!;
    }
  }
  return null;
}

// ---------------------------------------------------------------- search

const MEMO_LIMIT = 500_000;

/** A schedule's value: [largest gap, Σ gap², broken preferences], gaps in units of 1/W turn. */
type Value = [number, number, number];

interface RoundOutcome {
  assign: Int32Array | null;
  value: Value | null;
  /** The smallest bound, on the stage's level, among pruned subtrees; INF when none could hold a schedule. */
  next: number;
  aborted: boolean;
}

interface Deadend {
  depth: number;
  occurrence: number;
  prefix: Int32Array;
}

/**
 * One depth-first round: the first schedule, in tie-break order, whose value is within `goal` on every level
 * (INF: no limit). `stage` is the level the caller is minimising; the levels before it are fixed at their
 * optimum, so a subtree pruned on them cannot hold a better schedule and yields no bound.
 */
class Search {
  nodes = 0;
  deadend: Deadend | null = null;
  private readonly H: number;
  private readonly cnt: Int32Array;
  private readonly blocked: Float64Array;
  private readonly lastDay: Float64Array;
  private readonly assign: Int32Array;
  private readonly dom: Uint8Array;
  private readonly domSize: Int32Array;
  private readonly minCost: Int32Array;
  private readonly queue: Int32Array;
  private readonly done: Uint8Array;
  private readonly forced: Int32Array;
  private readonly pack: Int32Array;
  private readonly packEnd: Float64Array;
  private readonly base: Int32Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly goalLo: Int32Array;
  private readonly goalHi: Int32Array;
  private readonly work: Int32Array;
  // The flow bound's scratch space (see flowBound).
  private readonly groupOf = new Map<number | string, number>();
  private readonly groupDom: Uint8Array;
  private readonly groupSupply: Int32Array;
  private readonly groupRep: Int32Array;
  private readonly flowGH: Int32Array;
  private readonly flowX: Int32Array;
  private readonly cap: Int32Array;
  private readonly distG: Float64Array;
  private readonly distH: Float64Array;
  private readonly prevG: Int32Array;
  private readonly prevH: Int32Array;
  private readonly spfaQueue: Int32Array;
  private readonly spfaQueued: Uint8Array;
  private pv = 0;
  private goal: Value = [0, 0, 0];
  private stage = 0;
  private next = INF;
  private aborted = false;
  /** Whether the preference budget removed hosts from domains at the current node (see prune). */
  private filtered = false;
  /** The node being expanded (for noteDeadend). */
  private depth = 0;
  /** Failed subtrees of this round by state (stateKey), with the bound they gave. */
  private readonly failed = new Map<string, number>();

  constructor(
    private readonly m: Model,
    private readonly maxNodes: number,
  ) {
    const H = m.hostCount;
    const n = m.n;
    this.H = H;
    this.cnt = new Int32Array(H);
    this.blocked = new Float64Array(H);
    this.lastDay = new Float64Array(H);
    this.assign = new Int32Array(n).fill(-1);
    this.dom = new Uint8Array(n * H);
    this.domSize = new Int32Array(n);
    this.minCost = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.done = new Uint8Array(n);
    this.forced = new Int32Array(H);
    this.pack = new Int32Array(H);
    this.packEnd = new Float64Array(H);
    this.base = new Int32Array(H);
    this.lo = new Int32Array(H);
    this.hi = new Int32Array(H);
    this.goalLo = new Int32Array(H);
    this.goalHi = new Int32Array(H);
    this.work = new Int32Array(H);
    this.groupDom = new Uint8Array(n * H);
    this.groupSupply = new Int32Array(n);
    this.groupRep = new Int32Array(n);
    this.flowGH = new Int32Array(n * H);
    this.flowX = new Int32Array(H);
    this.cap = new Int32Array(H);
    this.distG = new Float64Array(n);
    this.distH = new Float64Array(H);
    this.prevG = new Int32Array(n);
    this.prevH = new Int32Array(H);
    this.spfaQueue = new Int32Array(n + H + 1);
    this.spfaQueued = new Uint8Array(n + H);
  }

  /**
   * `squareCaps`: also cap each host's count by the threshold on Σ gap² (capBySquares). That narrows the search
   * a lot, but a subtree it empties gives no bound; so a round that fails with it is run again without it, to
   * learn the next threshold.
   */
  run(goal: Value, stage: number, squareCaps = stage === 2): RoundOutcome {
    const { m, H } = this;
    this.goal = goal;
    this.stage = stage;
    this.next = INF;
    this.aborted = false;
    this.failed.clear();
    this.pv = 0;
    this.cnt.fill(0);
    this.blocked.fill(Number.NEGATIVE_INFINITY);
    for (let h = 0; h < H; h++) this.lastDay[h] = m.lastPastDay[h];
    this.assign.fill(-1);
    for (let h = 0; h < H; h++) {
      const [lo, hi] = countRange(m, h, goal[0]);
      this.goalLo[h] = Math.max(0, lo);
      this.goalHi[h] = Math.min(m.n, hi);
    }
    if (squareCaps && goal[1] !== INF) this.capBySquares(goal[1]);
    const found = this.dfs(0);
    return {
      assign: found ? Int32Array.from(this.assign) : null,
      value: found ? scheduleValue(m, this.assign) : null,
      next: this.next,
      aborted: this.aborted,
    };
  }

  /**
   * With Σ gap² fixed at its optimum (last stage), the counts it allows each host: the count c is possible only
   * if c's own gap² plus the least the other hosts can reach with the remaining turns stays within it. Both
   * parts are convex in c, so the possible counts form an interval. The others' least sum for every total comes
   * from one greedy pass (separable convex costs).
   */
  private capBySquares(limit: number) {
    const { m, H, goalLo, goalHi } = this;
    const lo = new Array<number>(H);
    const hi = new Array<number>(H);
    for (let h = 0; h < H; h++) {
      lo[h] = Math.max(goalLo[h], m.fixedSuffix[h]);
      hi[h] = Math.min(goalHi[h], m.fixedSuffix[h] + m.pack[h]);
      if (lo[h] > hi[h]) return;
    }
    const square = (h: number, c: number) => scaledGap(m, h, c) ** 2;
    for (let h = 0; h < H; h++) {
      // rest[t]: the least Σ gap² of the other hosts when they take start + t turns in all.
      const counts = lo.slice();
      let start = 0;
      let cost = 0;
      for (let i = 0; i < H; i++) {
        if (i === h) continue;
        start += counts[i];
        cost += square(i, counts[i]);
      }
      const rest = [cost];
      for (;;) {
        let best = -1;
        let bestCost = INF;
        for (let i = 0; i < H; i++) {
          if (i === h || counts[i] >= hi[i]) continue;
          const c = square(i, counts[i] + 1) - square(i, counts[i]);
          if (c < bestCost) {
            bestCost = c;
            best = i;
          }
        }
        if (best < 0) break;
        counts[best]++;
        cost += bestCost;
        rest.push(cost);
      }
      let first = INF;
      let last = -1;
      for (let c = lo[h]; c <= hi[h]; c++) {
        const t = m.n - c - start;
        if (t < 0 || t >= rest.length) continue;
        if (square(h, c) + rest[t] <= limit) {
          first = Math.min(first, c);
          last = c;
        }
      }
      if (last < 0) return;
      goalLo[h] = Math.max(goalLo[h], first);
      goalHi[h] = Math.min(goalHi[h], last);
    }
  }

  /**
   * Records the bound of a pruned subtree on `level`; bounds on earlier (fixed) levels say nothing. Once the
   * preference budget has narrowed the domains, any failure may be the budget's: the bound is then the next
   * budget.
   */
  private prune(level: number, bound: number) {
    if (bound === INF) this.noteDeadend(this.depth, this.depth);
    if (this.filtered && level < 2) {
      level = 2;
      bound = this.goal[2] + 1;
    }
    if (level === this.stage && bound < this.next) this.next = bound;
    return false;
  }

  /** The deepest point where the hard constraints alone left no way on: what an impossibility report names. */
  private noteDeadend(depth: number, occurrence: number) {
    if (occurrence < this.m.n && (this.deadend === null || depth > this.deadend.depth)) {
      this.deadend = { depth, occurrence, prefix: Int32Array.from(this.assign) };
    }
  }

  private nextDev(x: number): number {
    // The smallest value the largest gap can take above x: the values between are impossible.
    const values = this.m.devValues;
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo < values.length ? values[lo] : INF;
  }

  /** Smallest D for which every host's count can be in [lo, hi] with |gap| ≤ D and the counts sum to n. */
  private relaxedMaxDev(): number {
    const { m, H, lo, hi } = this;
    const feasible = (D: number) => {
      let sumLo = 0;
      let sumHi = 0;
      for (let h = 0; h < H; h++) {
        const [cl, cu] = countRange(m, h, D);
        const l = Math.max(lo[h], cl);
        const u = Math.min(hi[h], cu);
        if (l > u) return false;
        sumLo += l;
        sumHi += u;
      }
      return sumLo <= m.n && m.n <= sumHi;
    };
    let a = 0;
    let b = m.T * m.W + m.W;
    if (!feasible(b)) return INF;
    while (a < b) {
      const mid = Math.floor((a + b) / 2);
      if (feasible(mid)) b = mid;
      else a = mid + 1;
    }
    return a;
  }

  /** relaxedMaxDev with each count's box taken from the hard constraints alone, without the goal. */
  private uncappedMaxDev(k: number): number {
    const { m, H, blocked, lo, hi, pack, packEnd } = this;
    for (let h = 0; h < H; h++) {
      lo[h] = this.base[h];
      hi[h] = lo[h];
      pack[h] = 0;
      packEnd[h] = Number.NEGATIVE_INFINITY;
    }
    for (let j = k; j < m.n; j++) {
      if (m.fixed[j] >= 0) continue;
      let only = -1;
      let count = 0;
      for (let h = 0; h < H && count < 2; h++) {
        if (m.allowed[j * H + h] === 1 && m.occ[j].a >= blocked[h]) {
          count++;
          only = h;
        }
      }
      if (count === 1) lo[only]++;
    }
    for (const j of m.byEnd) {
      if (j < k) continue;
      const a = m.occ[j].a;
      for (let h = 0; h < H; h++) {
        if (m.allowed[j * H + h] === 1 && a >= blocked[h] && a >= packEnd[h]) {
          pack[h]++;
          packEnd[h] = m.occ[j].b;
        }
      }
    }
    for (let h = 0; h < H; h++) {
      hi[h] += pack[h];
      if (lo[h] > hi[h]) return INF;
    }
    return this.relaxedMaxDev();
  }

  /**
   * Least Σ gap² with counts in [lo, hi] summing to n: separable and convex, so start each host at its best
   * count and move the total one turn at a time where it costs least.
   */
  private relaxedSumSquares(): number {
    const { m, H, lo, hi, work } = this;
    let total = 0;
    for (let h = 0; h < H; h++) {
      const t = m.inShare[h] ? Math.floor((m.w[h] * m.T) / m.W) - m.past[h] : lo[h];
      let c = Math.abs(scaledGap(m, h, t + 1)) < Math.abs(scaledGap(m, h, t)) ? t + 1 : t;
      c = Math.min(hi[h], Math.max(lo[h], c));
      work[h] = c;
      total += c;
    }
    while (total !== m.n) {
      const up = total < m.n;
      let best = -1;
      let bestCost = INF;
      for (let h = 0; h < H; h++) {
        if (up ? work[h] >= hi[h] : work[h] <= lo[h]) continue;
        const e = scaledGap(m, h, work[h]);
        const e2 = scaledGap(m, h, work[h] + (up ? 1 : -1));
        const cost = e2 * e2 - e * e;
        if (cost < bestCost) {
          bestCost = cost;
          best = h;
        }
      }
      if (best < 0) return INF;
      work[best] += up ? 1 : -1;
      total += up ? 1 : -1;
    }
    let s = 0;
    for (let h = 0; h < H; h++) {
      const e = scaledGap(m, h, work[h]);
      s += e * e;
    }
    return s;
  }

  /**
   * The transportation relaxation at node k: every remaining open date goes to a host of its domain, each host
   * takes at most hi − base more (its packing bound and the goal's cap), and a host's t-th extra turn costs the
   * growth of its gap² (convex), then the preferences it breaks. Only the minimum gap between a host's own
   * turns is relaxed (to the packing bound). Solved by successive shortest paths, one date at a time
   * (Bellman–Ford: the residual graph has negative arcs but, each path being shortest, no negative cycle), on
   * dates grouped by domain so that the graph stays small. Null when some date cannot be routed.
   */
  private flowBound(k: number): { s: number; p: number } | null {
    const { m, H, dom, base, hi, groupOf, groupDom, groupSupply, groupRep, flowGH, flowX, cap, distG, distH, prevG, prevH } =
      this;
    const { spfaQueue: queue, spfaQueued: queued } = this;
    groupOf.clear();
    let G = 0;
    for (let j = k; j < m.n; j++) {
      if (m.fixed[j] >= 0) continue;
      let key: number | string;
      if (m.hasPref[j]) key = `p${j}`;
      else if (H <= 30) {
        key = 0;
        for (let h = 0; h < H; h++) if (dom[j * H + h]) key |= 1 << h;
      } else {
        key = "";
        for (let h = 0; h < H; h++) key += dom[j * H + h] ? "1" : "0";
      }
      let g = groupOf.get(key);
      if (g === undefined) {
        g = G++;
        groupOf.set(key, g);
        groupSupply[g] = 0;
        groupRep[g] = j;
        for (let h = 0; h < H; h++) {
          groupDom[g * H + h] = dom[j * H + h];
          flowGH[g * H + h] = 0;
        }
      }
      groupSupply[g]++;
    }
    const scale = m.prefScale || 1;
    const withPrefs = m.prefScale > 0;
    for (let h = 0; h < H; h++) {
      flowX[h] = 0;
      cap[h] = hi[h] - base[h];
    }
    for (let g = 0; g < G; g++) {
      for (let unit = 0; unit < groupSupply[g]; unit++) {
        // Shortest paths from group g (SPFA: a queue of the nodes whose distance improved; with no preference
        // every arc costs 0 and this is a breadth-first search). Nodes: groups 0..G−1, hosts G..G+H−1.
        distG.fill(INF, 0, G);
        distH.fill(INF);
        distG[g] = 0;
        const size = G + H + 1;
        let head = 0;
        let tail = 0;
        queue[tail++] = g;
        queued.fill(0, 0, G + H);
        queued[g] = 1;
        while (head !== tail) {
          const v = queue[head];
          head = head + 1 === size ? 0 : head + 1;
          queued[v] = 0;
          if (v < G) {
            const d = distG[v];
            const rep = groupRep[v] * H;
            for (let h = 0; h < H; h++) {
              if (!groupDom[v * H + h]) continue;
              const nd = withPrefs ? d + m.prefCost[rep + h] : d;
              if (nd < distH[h]) {
                distH[h] = nd;
                prevH[h] = v;
                if (!queued[G + h]) {
                  queued[G + h] = 1;
                  queue[tail] = G + h;
                  tail = tail + 1 === size ? 0 : tail + 1;
                }
              }
            }
          } else {
            const h = v - G;
            const d = distH[h];
            for (let a = 0; a < G; a++) {
              if (flowGH[a * H + h] === 0) continue;
              const nd = withPrefs ? d - m.prefCost[groupRep[a] * H + h] : d;
              if (nd < distG[a]) {
                distG[a] = nd;
                prevG[a] = h;
                if (!queued[a]) {
                  queued[a] = 1;
                  queue[tail] = a;
                  tail = tail + 1 === size ? 0 : tail + 1;
                }
              }
            }
          }
        }
        let best = -1;
        let bestCost = INF;
        for (let h = 0; h < H; h++) {
          if (distH[h] === INF || flowX[h] >= cap[h]) continue;
          const e = scaledGap(m, h, base[h] + flowX[h]);
          const e2 = scaledGap(m, h, base[h] + flowX[h] + 1);
          const c = distH[h] + (e2 * e2 - e * e) * scale;
          if (c < bestCost) {
            bestCost = c;
            best = h;
          }
        }
        if (best < 0) return null;
        flowX[best]++;
        for (let h = best; ; ) {
          const a = prevH[h];
          flowGH[a * H + h]++;
          if (a === g) break;
          h = prevG[a];
          flowGH[a * H + h]--;
        }
      }
    }
    let sum = 0;
    let broken = 0;
    for (let h = 0; h < H; h++) {
      const e = scaledGap(m, h, base[h] + flowX[h]);
      sum += e * e;
      if (withPrefs) for (let g = 0; g < G; g++) broken += flowGH[g * H + h] * m.prefCost[groupRep[g] * H + h];
    }
    return { s: sum, p: broken };
  }

  /**
   * The domains of the remaining open dates under the goal, with propagation: a host at the most turns the goal
   * allows takes no more; with no preference left to break, a date goes only to the hosts that break none; a
   * date left with one host is that host's, which rules the host out of the dates too close to it. False when
   * some date is left with nobody.
   */
  private propagate(k: number, slack: number): boolean {
    const { m, H, dom, domSize, minCost, queue, done, forced, base, goalHi } = this;
    let head = 0;
    let tail = 0;
    forced.fill(0);
    for (let j = k; j < m.n; j++) {
      if (m.fixed[j] >= 0) continue;
      done[j] = 0;
      let size = 0;
      const limit = minCost[j] + slack;
      for (let h = 0; h < H; h++) {
        if (dom[j * H + h] && m.prefCost[j * H + h] > limit) {
          dom[j * H + h] = 0;
          this.filtered = true;
        }
        size += dom[j * H + h];
      }
      domSize[j] = size;
      if (size === 0) return false;
      if (size === 1) queue[tail++] = j;
    }
    const drop = (j: number, h: number) => {
      dom[j * H + h] = 0;
      if (--domSize[j] === 1) queue[tail++] = j;
      return domSize[j] > 0;
    };
    while (head < tail) {
      const j = queue[head++];
      if (done[j]) continue;
      done[j] = 1;
      let h = 0;
      while (!dom[j * H + h]) h++;
      forced[h]++;
      if (base[h] + forced[h] > goalHi[h]) return false;
      const full = base[h] + forced[h] === goalHi[h];
      const { a, b } = m.occ[j];
      for (let i = k; i < m.n; i++) {
        if (i === j || done[i] || m.fixed[i] >= 0 || !dom[i * H + h]) continue;
        if ((full || meets(a, b, m.occ[i].a, m.occ[i].b)) && !drop(i, h)) return false;
      }
    }
    return true;
  }

  /** pack[h]: the most remaining open dates host h can still take with the gap (greedy, exact for one host). */
  private packAll(k: number) {
    const { m, H, dom, pack, packEnd } = this;
    for (let h = 0; h < H; h++) {
      pack[h] = 0;
      packEnd[h] = Number.NEGATIVE_INFINITY;
    }
    for (const j of m.byEnd) {
      if (j < k) continue;
      const a = m.occ[j].a;
      for (let h = 0; h < H; h++) {
        if (dom[j * H + h] && a >= packEnd[h]) {
          pack[h]++;
          packEnd[h] = m.occ[j].b;
        }
      }
    }
  }

  private dfs(k: number): boolean {
    const { m, H, cnt, blocked, dom, minCost, forced, pack, base, lo, hi, goalLo, goalHi, goal, stage } = this;
    if (++this.nodes > this.maxNodes) {
      this.aborted = true;
      return false;
    }
    this.filtered = false;
    this.depth = k;
    if (k === m.n) {
      const [mx, s, p] = scheduleValue(m, this.assign);
      if (mx > goal[0]) return this.prune(0, mx);
      if (s > goal[1]) return this.prune(1, s);
      if (p > goal[2]) return this.prune(2, p);
      return true;
    }
    const mBound = () => Math.max(this.nextDev(goal[0]), this.uncappedMaxDev(k));

    for (let h = 0; h < H; h++) base[h] = cnt[h] + m.fixedSuffix[k * H + h];
    // Domains: the hard constraints, then the goal's cap on each host's count.
    let prefFloor = this.pv;
    let capped = false;
    for (let j = k; j < m.n; j++) {
      if (m.fixed[j] >= 0) {
        prefFloor += m.prefCost[j * H + m.fixed[j]];
        continue;
      }
      let pure = 0;
      let cheapest = INF;
      const a = m.occ[j].a;
      for (let h = 0; h < H; h++) {
        let ok = m.allowed[j * H + h] === 1 && a >= blocked[h];
        if (ok) pure++;
        if (ok && base[h] >= goalHi[h]) {
          ok = false;
          capped = true;
        }
        dom[j * H + h] = ok ? 1 : 0;
        if (ok && m.prefCost[j * H + h] < cheapest) cheapest = m.prefCost[j * H + h];
      }
      if (pure === 0) {
        this.noteDeadend(k, j);
        return false;
      }
      if (cheapest === INF) return this.prune(0, mBound());
      minCost[j] = cheapest;
      prefFloor += cheapest;
    }
    if (prefFloor > goal[2]) return this.prune(2, prefFloor);
    if (!this.propagate(k, goal[2] - prefFloor)) {
      // Emptied by the goal's caps, by the preference budget or by a chain of forced turns.
      if (stage === 0) return this.prune(0, capped ? mBound() : this.nextDev(goal[0]));
      return this.prune(2, goal[2] + 1);
    }

    // Each host's count: at least what it holds and is forced to take, at most what it can still fit.
    this.packAll(k);
    let sumLo = 0;
    let sumHi = 0;
    let boxOk = true;
    for (let h = 0; h < H; h++) {
      lo[h] = Math.max(base[h] + forced[h], goalLo[h]);
      hi[h] = Math.min(base[h] + pack[h], goalHi[h]);
      if (lo[h] > hi[h]) boxOk = false;
      sumLo += lo[h];
      sumHi += hi[h];
    }
    if (!boxOk || sumLo > m.n || sumHi < m.n) return this.prune(0, mBound());
    if (goal[1] !== INF) {
      const s = this.relaxedSumSquares();
      if (s > goal[1]) return this.prune(1, s);
    }
    if (goal[0] !== INF) {
      const flow = this.flowBound(k);
      if (flow === null) return this.prune(0, mBound());
      if (flow.s > goal[1]) return this.prune(1, flow.s);
      if (m.prefScale > 0 && flow.s === goal[1]) {
        let p = this.pv + flow.p;
        for (let j = k; j < m.n; j++) if (m.fixed[j] >= 0) p += m.prefCost[j * H + m.fixed[j]];
        if (p > goal[2]) return this.prune(2, p);
      }
    }

    // Branch: the fixed host, or the candidates in tie-break order (level 4).
    if (m.fixed[k] >= 0) return this.take(k, m.fixed[k]);
    const candidates: number[] = [];
    for (let h = 0; h < H; h++) {
      if (dom[k * H + h]) candidates.push(h);
      // A host left out by the threshold (caps, preference budget) is a pruned branch, and needs its bound.
      else if (m.allowed[k * H + h] === 1 && m.occ[k].a >= blocked[h]) this.prune(0, this.nextDev(goal[0]));
    }
    const key = candidates.map((h) => prefixGap(m, h, cnt[h], k));
    const order = candidates.map((_, i) => i);
    order.sort((x, y) => compareCandidates(m, k, candidates[x], candidates[y], key[x], key[y], this.lastDay));
    for (const i of order) {
      if (this.take(k, candidates[i])) return true;
      if (this.aborted) return false;
    }
    return false;
  }

  /**
   * Two prefixes that leave every host with the same count, the same dates still closed to it by the gap and
   * the same broken preferences have the same completions: a subtree that held no schedule within the
   * threshold is remembered with the bound it gave, and not searched again in this round. Rotations are full of
   * such prefixes (the same hosts in another order).
   */
  private stateKey(k: number): string {
    const { m, H, cnt, blocked } = this;
    const a = m.occ[k].a;
    // Broken preferences only matter while they are bounded (the last stage).
    let key = this.goal[2] === INF ? `${k}` : `${k}:${this.pv}`;
    for (let h = 0; h < H; h++) key += `:${cnt[h]}${blocked[h] > a ? `@${blocked[h]}` : ""}`;
    return key;
  }

  private take(k: number, h: number): boolean {
    const { m, cnt, blocked, lastDay, assign } = this;
    const oldBlocked = blocked[h];
    const oldLast = lastDay[h];
    cnt[h]++;
    blocked[h] = Math.max(oldBlocked, m.occ[k].b);
    lastDay[h] = m.occ[k].lastDay;
    assign[k] = h;
    const cost = m.prefCost[k * this.H + h];
    this.pv += cost;
    const key = k + 1 < m.n ? this.stateKey(k + 1) : null;
    const known = key === null ? undefined : this.failed.get(key);
    if (known !== undefined) this.prune(this.stage, known);
    else {
      const outer = this.next;
      this.next = INF;
      if (this.dfs(k + 1)) return true;
      if (key !== null && !this.aborted) {
        if (this.failed.size >= MEMO_LIMIT) this.failed.clear();
        this.failed.set(key, this.next);
      }
      this.next = Math.min(outer, this.next);
    }
    this.pv -= cost;
    assign[k] = -1;
    lastDay[h] = oldLast;
    blocked[h] = oldBlocked;
    cnt[h]--;
    return false;
  }
}

function scheduleValue(m: Model, assign: Int32Array): Value {
  const counts = new Array<number>(m.hostCount).fill(0);
  let broken = 0;
  for (let j = 0; j < m.n; j++) {
    counts[assign[j]]++;
    broken += m.prefCost[j * m.hostCount + assign[j]];
  }
  let mx = 0;
  let s = 0;
  for (let h = 0; h < m.hostCount; h++) {
    const e = scaledGap(m, h, counts[h]);
    mx = Math.max(mx, Math.abs(e));
    s += e * e;
  }
  return [mx, s, broken];
}

/** The tie-break order of candidate hosts at occurrence k (level 4 of the objective). */
function compareCandidates(m: Model, k: number, x: number, y: number, keyX: number, keyY: number, lastDay: Float64Array): number {
  return (
    keyX - keyY ||
    m.prefRank[k * m.hostCount + x] - m.prefRank[k * m.hostCount + y] ||
    (lastDay[x] === lastDay[y] ? 0 : lastDay[x] < lastDay[y] ? -1 : 1) ||
    x - y
  );
}

// ---------------------------------------------------------------- result

const round2 = (x: number) => Math.round(x * 100) / 100;

function fairnessTable(m: Model, assign: Int32Array): FairnessRow[] {
  const counts = new Array<number>(m.hostCount).fill(0);
  for (const h of assign) counts[h]++;
  const rows = m.hosts.map((host, h): FairnessRow => {
    const g = gcd(m.w[h] * m.T, m.W) || 1;
    const target = (m.w[h] * m.T) / m.W;
    const inShare = m.inShare[h] === 1;
    return {
      hostId: host.id,
      label: host.label,
      inShare,
      weight: host.weight ?? 1,
      share: m.w[h] / m.W,
      pastTurns: m.past[h],
      newTurns: counts[h],
      totalTurns: m.past[h] + counts[h],
      targetExact: { numerator: (m.w[h] * m.T) / g, denominator: m.W / g },
      target: round2(target),
      deviation: inShare ? round2(m.past[h] + counts[h] - target) : 0,
    };
  });
  // Back to the order of the hosts given.
  const out = new Array<FairnessRow>(rows.length);
  m.inputIndex.forEach((input, h) => {
    out[input] = rows[h];
  });
  return out;
}

/**
 * Why host h could not take j in the final schedule, or null when it could have. With `earlierOnly`, only what
 * was already settled at that date counts (its own later turns are a consequence, not a cause).
 */
function finalExclusion(m: Model, assign: Int32Array, j: number, h: number, earlierOnly: boolean): Exclusion | null {
  const why = staticExclusion(m, j, h);
  if (why && why.kind !== "balance") return why;
  for (let i = 0; i < (earlierOnly ? j : m.n); i++) {
    if (i !== j && assign[i] === h && meets(m.occ[i].a, m.occ[i].b, m.occ[j].a, m.occ[j].b)) {
      return { kind: "too-close", occurrenceId: m.occ[i].id, date: m.occ[i].date, minGapDays: m.gap };
    }
  }
  return null;
}

function explainSchedule(m: Model, assign: Int32Array): RotationAssignment[] {
  const H = m.hostCount;
  const cnt = new Array<number>(H).fill(0);
  const lastDay = Float64Array.from(m.lastPastDay);
  return m.occ.map((o, k) => {
    const chosen = assign[k];
    const reasons: AssignmentReason[] = [];
    const expected = round2((m.w[chosen] * (m.P + k - m.outBefore[k])) / m.W);
    const turns = m.past[chosen] + cnt[chosen];
    if (m.fixedKind[k] === PINNED) reasons.push({ code: "pinned" });
    else if (m.fixedKind[k] === LOCKED) reasons.push({ code: "locked" });
    else {
      const key = (h: number) => prefixGap(m, h, cnt[h], k);
      const others = m.hosts.map((_, h) => h).filter((h) => h !== chosen);
      // A host whose space does not qualify is never in the running: named only when nobody else could host.
      const running = (e: { h: number }) => m.hosts[e.h].ineligibleReason === undefined;
      const settled = others.map((h) => ({ h, why: finalExclusion(m, assign, k, h, true) }));
      const excluded = others.map((h) => ({ h, why: finalExclusion(m, assign, k, h, false) }));
      if (settled.every((e) => e.why !== null)) {
        reasons.push({ code: "only-possible", others: settled.map((e) => ({ ...ref(m, e.h), why: e.why! })) });
      } else {
        const order = (x: number, y: number) => compareCandidates(m, k, x, y, key(x), key(y), lastDay);
        const ahead = excluded.filter((e) => running(e) && order(e.h, chosen) < 0);
        const why = (e: { h: number; why: Exclusion | null }) => ({
          ...ref(m, e.h),
          why: e.why ?? ({ kind: "balance" } as const),
        });
        const further = ahead.filter((e) => key(e.h) < key(chosen));
        const level = ahead.filter((e) => key(e.h) === key(chosen));
        if (further.length === 0) reasons.push({ code: "furthest-behind", turns, expected });
        else reasons.push({ code: "ahead-excluded", tied: false, hosts: further.map(why), turns, expected });
        if (level.length > 0) reasons.push({ code: "ahead-excluded", tied: true, hosts: level.map(why), turns, expected });
        // Hosts exactly as far behind that could have taken it: the tie-break chose.
        const tied = excluded.filter((e) => running(e) && e.why === null && key(e.h) === key(chosen) && order(e.h, chosen) > 0);
        if (tied.length > 0) {
          const next = tied.map((e) => e.h).sort(order)[0];
          const by =
            m.prefRank[k * H + next] !== m.prefRank[k * H + chosen]
              ? "preference"
              : lastDay[next] !== lastDay[chosen]
                ? "least-recent"
                : "order";
          reasons.push({ code: "tie-broken", by, hosts: tied.map((e) => ref(m, e.h)) });
        }
      }
      if (m.prefRank[k * H + chosen] === 0) reasons.push({ code: "preferred" });
      if (m.prefRank[k * H + chosen] === 2) reasons.push({ code: "avoided-anyway" });
      for (let h = 0; h < H; h++)
        if (h !== chosen && m.prefRank[k * H + h] === 0)
          reasons.push({ code: "wish-missed", ...ref(m, h), why: finalExclusion(m, assign, k, h, false) ?? { kind: "balance" } });
    }
    cnt[chosen]++;
    lastDay[chosen] = o.lastDay;
    return { occurrenceId: o.id, date: o.date, hostId: m.hosts[chosen].id, label: m.hosts[chosen].label, reasons };
  });
}

function objectiveOf(m: Model, assign: Int32Array): RotationObjective {
  const [mx, s, broken] = scheduleValue(m, assign);
  return { maxDeviation: round2(mx / m.W), sumSquares: round2(s / (m.W * m.W)), preferencesBroken: broken };
}

function deadendReport(m: Model, d: Deadend): InfeasibleReport {
  const j = d.occurrence;
  const hosts = m.hosts.map((_, h) => {
    let why = staticExclusion(m, j, h);
    if (why === null || why.kind === "balance") {
      for (let i = 0; i < d.depth; i++) {
        if (d.prefix[i] === h && meets(m.occ[i].a, m.occ[i].b, m.occ[j].a, m.occ[j].b)) {
          why = { kind: "too-close", occurrenceId: m.occ[i].id, date: m.occ[i].date, minGapDays: m.gap };
        }
      }
    }
    return { ...ref(m, h), why: why ?? { kind: "balance" as const } };
  });
  return { code: "no-combination", ...occRef(m, j), hosts };
}

/**
 * The schedule of a rotation: every occurrence gets a host, every hard constraint holds (eligibility, closures,
 * minimum gap, pinned and locked turns), and the schedule is the best one for the objective described at the
 * top of this file. When no schedule exists, the report names the constraint that blocks.
 *
 * Method: depth-first search over the dates in chronological order, trying hosts in the tie-break order, under
 * a threshold on one level of the objective at a time (iterative deepening, IDA*): first the largest gap, then
 * Σ gap² with the largest gap fixed at its optimum, then broken preferences. At each node, the domains are
 * propagated (caps from the threshold, forced turns ruling their host out of nearby dates) and relaxations bound
 * what any completion can reach: count boxes (what a host holds plus the dates only it can take, up to what it
 * can still fit with the gap, by greedy interval scheduling, exact for one host) and a min-cost flow of the
 * remaining dates to hosts (flowBound). A failed round raises the threshold to the smallest bound it pruned, so
 * the threshold never passes the optimum; the first schedule within it is optimal on that level and, being the
 * first in tie-break order, the one level 4 picks. Worst case exponential (the problem contains list colouring),
 * hence SolveOptions.maxNodes.
 */
export function solveRotation(problem: RotationProblem, options: SolveOptions = {}): RotationResult {
  const m = buildModel(problem);
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const blocked = precheck(m);
  if (blocked) return { ok: false, infeasible: blocked, stats: { nodes: 0, rounds: 0 } };
  const search = new Search(m, maxNodes);
  const goal: Value = [0, INF, INF];
  let best: { assign: Int32Array; value: Value } | null = null;
  let rounds = 0;
  for (let stage = 0; stage < 3; stage++) {
    for (;;) {
      // The schedule of the previous stage is the first in tie-break order within the levels fixed so far: when
      // it is also within this threshold, it is what this round would find.
      if (best && best.value[stage] <= goal[stage]) break;
      rounds++;
      let out = search.run(goal, stage, stage >= 1);
      if (stage === 1 && !out.aborted && !out.assign) out = search.run(goal, stage, false);
      if (out.aborted) return unproven(m, best?.assign ?? null, stage, search.nodes, rounds, maxNodes);
      if (out.assign && out.value) {
        best = { assign: out.assign, value: out.value };
        break;
      }
      if (out.next === INF || best === null) {
        if (out.next !== INF) {
          goal[stage] = out.next;
          continue;
        }
        const report = search.deadend
          ? deadendReport(m, search.deadend)
          : ({ code: "search-limit", nodes: search.nodes } as const);
        return { ok: false, infeasible: report, stats: { nodes: search.nodes, rounds } };
      }
      goal[stage] = out.next;
    }
    goal[stage] = best.value[stage];
    if (stage < 2) goal[stage + 1] = 0;
  }
  return success(m, best!.assign, 3, search.nodes, rounds);
}

/** Out of nodes: the best schedule found so far, or the first one in tie-break order that respects the hard constraints. */
function unproven(
  m: Model,
  assign: Int32Array | null,
  levels: number,
  nodes: number,
  rounds: number,
  maxNodes: number,
): RotationResult {
  if (assign) return success(m, assign, levels, nodes, rounds);
  // Its own budget: with no threshold it rarely backtracks, even when the proof above ran out.
  const fallback = new Search(m, Math.max(maxNodes, 50 * (m.n + 1)));
  const out = fallback.run([INF, INF, INF], 0);
  const total = nodes + fallback.nodes;
  if (out.assign) return success(m, out.assign, 0, total, rounds + 1);
  return { ok: false, infeasible: { code: "search-limit", nodes: total }, stats: { nodes: total, rounds: rounds + 1 } };
}

/** `levels`: how many levels of the objective are proven optimal (3: all of them). */
function success(m: Model, assign: Int32Array, levels: number, nodes: number, rounds: number): RotationResult {
  return {
    ok: true,
    assignments: explainSchedule(m, assign),
    fairness: fairnessTable(m, assign),
    objective: objectiveOf(m, assign),
    optimal: levels === 3,
    proven: { maxDeviation: levels >= 1, sumSquares: levels >= 2, preferences: levels >= 3 },
    stats: { nodes, rounds },
  };
}

/**
 * A host withdraws from one turn: every other turn listed in `current` stays where it is (locked) and only that
 * date is given again (with any date `current` leaves out), never to the host who withdrew: it is made
 * unavailable on that date, and `label` names the withdrawal in the explanations ("désistement").
 */
export function reassignTurn(
  problem: RotationProblem,
  current: TurnAssignmentInput[],
  occurrenceId: string,
  withdrawnHostId: string,
  label = "désistement",
  options: SolveOptions = {},
): RotationResult {
  const occurrence = problem.occurrences.find((o) => o.id === occurrenceId);
  if (!occurrence) throw new RangeError(`Unknown occurrence: ${occurrenceId}`);
  const start = parseInstant(occurrence.start, occurrenceId);
  const end = parseInstant(occurrence.end, occurrenceId);
  const from = parisDate(new Date(start));
  const to = end > start ? parisDate(new Date(end - 1)) : from;
  return solveRotation(
    {
      ...problem,
      pinned: (problem.pinned ?? []).filter((p) => p.occurrenceId !== occurrenceId),
      locked: current.filter((t) => t.occurrenceId !== occurrenceId),
      unavailable: [...(problem.unavailable ?? []), { hostId: withdrawnHostId, from, to, label }],
    },
    options,
  );
}
