import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, parisDate } from "../agenda/time.ts";
import {
  type HostUnavailability,
  type RotationHost,
  type RotationOccurrence,
  type RotationProblem,
  reassignTurn,
  solveRotation,
  type TurnPreference,
} from "./solver.ts";

// Occurrences at 08:30 Paris (07:30 UTC in winter, 06:30 in summer): the Paris day is the UTC day.
function occurrence(id: string, date: string, minutes = 90, hour = 8): RotationOccurrence {
  const start = new Date(`${date}T${String(hour - 1).padStart(2, "0")}:30:00Z`);
  return { id, start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() };
}
const weekly = (from: string, count: number, prefix = "o") =>
  Array.from({ length: count }, (_, i) => occurrence(`${prefix}${String(i).padStart(2, "0")}`, addDays(from, 7 * i)));
const host = (id: string, extra: Partial<RotationHost> = {}): RotationHost => ({ id, label: id.toUpperCase(), ...extra });
const hostsOf = (result: ReturnType<typeof solveRotation>) => (result.ok ? result.assignments.map((a) => a.hostId) : null);

describe("solveRotation", () => {
  it("takes turns in a fair rotation and explains each choice", () => {
    const result = solveRotation({ occurrences: weekly("2027-01-07", 6), hosts: [host("b"), host("a"), host("c")] });
    expect(hostsOf(result)).toEqual(["a", "b", "c", "a", "b", "c"]);
    if (!result.ok) throw new Error("expected a schedule");
    expect(result.assignments[0].reasons).toEqual([
      { code: "furthest-behind", turns: 0, expected: 0 },
      {
        code: "tie-broken",
        by: "order",
        hosts: [
          { hostId: "b", label: "B" },
          { hostId: "c", label: "C" },
        ],
      },
    ]);
    expect(result.assignments[3].reasons[1]).toMatchObject({ code: "tie-broken", by: "least-recent" });
    // The fairness table follows the order of the hosts given.
    expect(result.fairness.map((r) => [r.hostId, r.totalTurns, r.target, r.deviation])).toEqual([
      ["b", 2, 2, 0],
      ["a", 2, 2, 0],
      ["c", 2, 2, 0],
    ]);
    expect(result.objective).toEqual({ maxDeviation: 0, sumSquares: 0, preferencesBroken: 0 });
  });

  it("counts past turns: a place that hosted more last year hosts less now", () => {
    const result = solveRotation({
      occurrences: weekly("2027-01-07", 6),
      hosts: [host("a", { pastTurns: 4 }), host("b"), host("c", { pastTurns: 2 })],
    });
    if (!result.ok) throw new Error("expected a schedule");
    // 12 turns in all, 4 each: a has had its share, b needs 4 and c 2.
    expect(result.fairness.map((r) => r.newTurns)).toEqual([0, 4, 2]);
    expect(result.fairness[0].targetExact).toEqual({ numerator: 4, denominator: 1 });
  });

  it("shares turns in proportion to the weights, with exact targets", () => {
    const result = solveRotation({
      occurrences: weekly("2027-01-07", 10),
      hosts: [host("a", { weight: 50 }), host("b", { weight: 30 }), host("c", { weight: 20 })],
    });
    if (!result.ok) throw new Error("expected a schedule");
    expect(result.fairness.map((r) => r.newTurns)).toEqual([5, 3, 2]);
    expect(result.fairness.map((r) => r.share)).toEqual([0.5, 0.3, 0.2]);
    const thirds = solveRotation({
      occurrences: weekly("2027-01-07", 4),
      hosts: [host("a", { weight: 0.1 }), host("b", { weight: 0.2 })],
    });
    if (!thirds.ok) throw new Error("expected a schedule");
    expect(thirds.fairness.map((r) => r.targetExact)).toEqual([
      { numerator: 4, denominator: 3 },
      { numerator: 8, denominator: 3 },
    ]);
    expect(thirds.fairness.map((r) => r.target)).toEqual([1.33, 2.67]);
  });

  it("respects closures, eligibility and the minimum gap, and says why", () => {
    const result = solveRotation({
      occurrences: weekly("2027-07-01", 6),
      hosts: [host("fabrique"), host("hangar", { ineligibleReason: "pas d'accès de plain-pied" }), host("moulin"), host("ruche")],
      unavailable: [{ hostId: "fabrique", from: "2027-07-10", to: "2027-08-20", label: "fermeture estivale" }],
      minGapDays: 14,
    });
    if (!result.ok) throw new Error("expected a schedule");
    expect(result.assignments.map((a) => a.hostId)).toEqual(["fabrique", "moulin", "ruche", "moulin", "ruche", "moulin"]);
    expect(result.assignments[1].reasons).toEqual([{ code: "furthest-behind", turns: 0, expected: 0.33 }]);
    expect(result.assignments[2].reasons[0]).toEqual({
      code: "only-possible",
      others: [
        {
          hostId: "fabrique",
          label: "FABRIQUE",
          why: { kind: "unavailable", label: "fermeture estivale", from: "2027-07-10", to: "2027-08-20" },
        },
        { hostId: "hangar", label: "HANGAR", why: { kind: "ineligible", reason: "pas d'accès de plain-pied" } },
        {
          hostId: "moulin",
          label: "MOULIN",
          why: { kind: "too-close", occurrenceId: "o01", date: "2027-07-08", minGapDays: 14 },
        },
      ],
    });
  });

  it("keeps pinned turns and preferences", () => {
    const result = solveRotation({
      occurrences: weekly("2027-01-07", 4),
      hosts: [host("a"), host("b")],
      pinned: [{ occurrenceId: "o00", hostId: "b" }],
      preferences: [
        { hostId: "a", occurrenceId: "o03", kind: "prefers" },
        { hostId: "b", occurrenceId: "o01", kind: "avoids" },
      ],
    });
    expect(hostsOf(result)).toEqual(["b", "a", "b", "a"]);
    if (!result.ok) throw new Error("expected a schedule");
    expect(result.assignments[0].reasons).toEqual([{ code: "pinned" }]);
    expect(result.assignments[3].reasons).toContainEqual({ code: "preferred" });
    expect(result.objective.preferencesBroken).toBe(0);
  });

  it("says why a wish for a date was not kept: a closure, the gap, or the balance", () => {
    const result = solveRotation({
      occurrences: weekly("2027-01-07", 4),
      hosts: [host("a"), host("b")],
      unavailable: [{ hostId: "a", from: "2027-01-14", to: "2027-01-14", label: "inventaire" }],
      preferences: [
        { hostId: "a", occurrenceId: "o01", kind: "prefers" },
        { hostId: "b", occurrenceId: "o02", kind: "prefers" },
        { hostId: "b", occurrenceId: "o03", kind: "prefers" },
      ],
    });
    expect(hostsOf(result)).toEqual(["a", "b", "b", "a"]);
    if (!result.ok) throw new Error("expected a schedule");
    expect(result.assignments[1].reasons).toContainEqual({
      code: "wish-missed",
      hostId: "a",
      label: "A",
      why: { kind: "unavailable", label: "inventaire", from: "2027-01-14", to: "2027-01-14" },
    });
    // b asked for two dates; two turns each is fairer than three for b.
    expect(result.assignments[3].reasons).toContainEqual({
      code: "wish-missed",
      hostId: "b",
      label: "B",
      why: { kind: "balance" },
    });
    expect(result.assignments[2].reasons).toContainEqual({ code: "preferred" });
    expect(result.objective.preferencesBroken).toBe(2);
  });

  it("reassigns a withdrawn turn without moving the others", () => {
    const problem: RotationProblem = {
      occurrences: weekly("2027-01-07", 8),
      hosts: [host("a"), host("b"), host("c"), host("d")],
      minGapDays: 14,
    };
    const first = solveRotation(problem);
    if (!first.ok) throw new Error("expected a schedule");
    const current = first.assignments.map((a) => ({ occurrenceId: a.occurrenceId, hostId: a.hostId }));
    const again = reassignTurn(problem, current, "o05", current[5].hostId);
    if (!again.ok) throw new Error("expected a schedule");
    for (let i = 0; i < 8; i++) {
      if (i === 5) expect(again.assignments[i].hostId).not.toBe(current[5].hostId);
      else expect(again.assignments[i]).toMatchObject({ hostId: current[i].hostId, reasons: [{ code: "locked" }] });
    }
    // Three hosts are within 14 days of 11 February; only one can take it.
    expect(again.assignments[5].reasons[0].code).toBe("only-possible");
  });

  it("reports a date nobody can take, naming each host's reason", () => {
    const result = solveRotation({
      occurrences: [occurrence("x", "2027-03-11"), occurrence("y", "2027-03-25")],
      hosts: [host("a", { ineligibleReason: "capacité 12 < 20" }), host("b", { lastTurnDate: "2027-03-04" }), host("c")],
      unavailable: [{ hostId: "c", from: "2027-03-01", to: "2027-03-15", label: "travaux" }],
      minGapDays: 14,
    });
    expect(result).toMatchObject({
      ok: false,
      infeasible: {
        code: "no-host",
        occurrenceId: "x",
        date: "2027-03-11",
        hosts: [
          { hostId: "a", why: { kind: "ineligible", reason: "capacité 12 < 20" } },
          { hostId: "b", why: { kind: "recent-past-turn", date: "2027-03-04", minGapDays: 14 } },
          { hostId: "c", why: { kind: "unavailable", label: "travaux" } },
        ],
      },
    });
  });

  it("reports dates too close together for the hosts left (pigeonhole)", () => {
    const result = solveRotation({
      occurrences: weekly("2027-07-01", 5),
      hosts: [host("a"), host("b"), host("c")],
      unavailable: [{ hostId: "c", from: "2027-07-01", to: "2027-08-31", label: "fermeture estivale" }],
      minGapDays: 21,
    });
    expect(result).toMatchObject({
      ok: false,
      infeasible: {
        code: "crowded-window",
        minGapDays: 21,
        hosts: [{ hostId: "a" }, { hostId: "b" }],
        others: [{ hostId: "c", why: { kind: "unavailable", label: "fermeture estivale" } }],
      },
    });
    if (result.ok || result.infeasible.code !== "crowded-window") throw new Error("expected a crowded window");
    expect(result.infeasible.occurrences).toHaveLength(3);
  });

  it("reports hosts that cannot take enough turns with the gap", () => {
    // Ten weekly dates, a gap of 14 days: a and b can take 5 each, but a is away for the first three weeks.
    const result = solveRotation({
      occurrences: weekly("2027-01-07", 10),
      hosts: [host("a"), host("b")],
      unavailable: [{ hostId: "a", from: "2027-01-01", to: "2027-01-14", label: "congés" }],
      minGapDays: 14,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(["crowded-window", "not-enough-turns"]).toContain(result.infeasible.code);
  });

  it("reports a pinned turn that breaks a constraint", () => {
    const result = solveRotation({
      occurrences: weekly("2027-01-07", 3),
      hosts: [host("a"), host("b")],
      pinned: [
        { occurrenceId: "o00", hostId: "a" },
        { occurrenceId: "o01", hostId: "a" },
      ],
      minGapDays: 10,
    });
    expect(result).toMatchObject({
      ok: false,
      infeasible: { code: "pin-conflict", occurrenceId: "o00", hostId: "a", why: { kind: "too-close", occurrenceId: "o01" } },
    });
  });

  it("refuses inconsistent input", () => {
    const base = { occurrences: weekly("2027-01-07", 2), hosts: [host("a")] };
    expect(() => solveRotation({ ...base, hosts: [host("a", { weight: 0 })] })).toThrow(RangeError);
    expect(() => solveRotation({ ...base, pinned: [{ occurrenceId: "nope", hostId: "a" }] })).toThrow(RangeError);
    expect(() => solveRotation({ ...base, minGapDays: 1.5 })).toThrow(RangeError);
    expect(() => solveRotation({ ...base, hosts: [host("a"), host("a")] })).toThrow(RangeError);
  });

  it("handles no occurrences and no hosts", () => {
    expect(solveRotation({ occurrences: [], hosts: [host("a", { pastTurns: 2 })] })).toMatchObject({
      ok: true,
      assignments: [],
      fairness: [{ hostId: "a", pastTurns: 2, totalTurns: 2, target: 2 }],
    });
    expect(solveRotation({ occurrences: weekly("2027-01-07", 1), hosts: [] })).toMatchObject({
      ok: false,
      infeasible: { code: "no-hosts" },
    });
  });

  it("returns an unproven schedule when the search runs out of nodes", () => {
    const result = solveRotation(
      { occurrences: weekly("2027-01-07", 12), hosts: [host("a"), host("b", { pastTurns: 3 }), host("c")], minGapDays: 8 },
      { maxNodes: 5 },
    );
    expect(result).toMatchObject({ ok: true, optimal: false, proven: { preferences: false } });
  });
});

// ---------------------------------------------------------------- exhaustive search

const BASE_DAY = "2027-01-04";

interface Instance {
  problem: RotationProblem;
}

const arbInstance = (maxOcc: number, maxHosts: number): fc.Arbitrary<Instance> =>
  fc
    .record({
      occ: fc.array(
        fc.record({ day: fc.integer({ min: 0, max: 40 }), long: fc.constantFrom(60, 120, 60 * 26), hour: fc.constantFrom(8, 9) }),
        {
          maxLength: maxOcc,
        },
      ),
      hosts: fc.array(
        fc.record({
          weight: fc.integer({ min: 1, max: 3 }),
          past: fc.integer({ min: 0, max: 3 }),
          lastTurn: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
          out: fc.integer({ min: 0, max: 9 }),
        }),
        { minLength: 1, maxLength: maxHosts },
      ),
      equalWeights: fc.boolean(),
      gap: fc.constantFrom(0, 0, 1, 3, 7, 14),
      closures: fc.array(
        fc.record({ host: fc.nat(), from: fc.integer({ min: 0, max: 40 }), len: fc.integer({ min: 0, max: 12 }) }),
        {
          maxLength: 3,
        },
      ),
      pins: fc.array(fc.record({ occ: fc.nat(), host: fc.nat(), locked: fc.boolean() }), { maxLength: 3 }),
      prefs: fc.array(
        fc.record({ occ: fc.nat(), host: fc.nat(), kind: fc.constantFrom("prefers" as const, "avoids" as const) }),
        {
          maxLength: 4,
        },
      ),
    })
    .map((r) => {
      const occurrences = r.occ.map((o, i) => occurrence(`o${i}`, addDays(BASE_DAY, o.day), o.long, o.hour));
      const hosts = r.hosts.map((h, i) =>
        host(`h${i}`, {
          weight: r.equalWeights ? undefined : h.weight,
          pastTurns: h.past,
          lastTurnDate: h.lastTurn === undefined ? undefined : addDays(BASE_DAY, -h.lastTurn),
          ineligibleReason: h.out === 0 ? "trop petit" : undefined,
        }),
      );
      const unavailable: HostUnavailability[] = r.closures.map((c) => ({
        hostId: hosts[c.host % hosts.length].id,
        from: addDays(BASE_DAY, c.from),
        to: addDays(BASE_DAY, c.from + c.len),
        label: "fermé",
      }));
      const pinned: RotationProblem["pinned"] = [];
      const locked: RotationProblem["locked"] = [];
      const taken = new Set<number>();
      if (occurrences.length > 0) {
        for (const p of r.pins) {
          const j = p.occ % occurrences.length;
          if (taken.has(j)) continue;
          taken.add(j);
          (p.locked ? locked : pinned).push({ occurrenceId: occurrences[j].id, hostId: hosts[p.host % hosts.length].id });
        }
      }
      const prefKeys = new Set<string>();
      const preferences: TurnPreference[] = [];
      if (occurrences.length > 0) {
        for (const p of r.prefs) {
          const key = `${p.occ % occurrences.length}:${p.host % hosts.length}`;
          if (prefKeys.has(key)) continue;
          prefKeys.add(key);
          preferences.push({
            occurrenceId: occurrences[p.occ % occurrences.length].id,
            hostId: hosts[p.host % hosts.length].id,
            kind: p.kind,
          });
        }
      }
      return { problem: { occurrences, hosts, unavailable, minGapDays: r.gap, pinned, locked, preferences } };
    });

interface Occ {
  id: string;
  start: number;
  end: number;
  first: string;
  last: string;
}

/** The rules restated plainly, to check the solver against. */
function rules(problem: RotationProblem) {
  const occs: Occ[] = problem.occurrences
    .map((o) => {
      const start = Date.parse(o.start);
      const end = Date.parse(o.end);
      return { id: o.id, start, end, first: parisDate(new Date(start)), last: parisDate(new Date(end > start ? end - 1 : end)) };
    })
    .sort((x, y) => x.start - y.start || (x.id < y.id ? -1 : 1));
  const hosts = problem.hosts;
  const gap = problem.minGapDays ?? 0;
  const daysFrom = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  const fixed = new Map<string, { hostId: string; locked: boolean }>();
  for (const p of problem.pinned ?? []) fixed.set(p.occurrenceId, { hostId: p.hostId, locked: false });
  for (const p of problem.locked ?? []) fixed.set(p.occurrenceId, { hostId: p.hostId, locked: true });
  const canHost = (o: Occ, h: RotationHost) =>
    h.ineligibleReason === undefined &&
    !(problem.unavailable ?? []).some((u) => u.hostId === h.id && u.from <= o.last && o.first <= u.to) &&
    !(gap > 0 && h.lastTurnDate !== undefined && daysFrom(h.lastTurnDate, o.first) < gap);
  const clash = (x: Occ, y: Occ) => {
    const [a, b] = x.start <= y.start ? [x, y] : [y, x];
    return gap > 0 ? daysFrom(a.last, b.first) < gap : a.start < b.end && b.start < a.end;
  };
  const valid = (assign: string[]) =>
    occs.every((o, j) => {
      const f = fixed.get(o.id);
      if (f && f.hostId !== assign[j]) return false;
      if (f?.locked) return true;
      const h = hosts.find((x) => x.id === assign[j])!;
      if (!canHost(o, h)) return false;
      return occs.every((p, i) => i === j || assign[i] !== assign[j] || (fixed.get(p.id)?.locked && f?.locked) || !clash(o, p));
    });
  // Hosts whose space does not qualify are left out of the shares, with the turns locked to them.
  const shared = hosts.filter((h) => h.ineligibleReason === undefined);
  const outside = (j: number) => {
    const f = fixed.get(occs[j].id);
    return f !== undefined && hosts.find((h) => h.id === f.hostId)!.ineligibleReason !== undefined;
  };
  const outBefore = (k: number) => occs.slice(0, k).filter((_, j) => outside(j)).length;
  const W = shared.reduce((s, h) => s + (h.weight ?? 1), 0);
  const P = shared.reduce((s, h) => s + (h.pastTurns ?? 0), 0);
  const T = P + occs.length - outBefore(occs.length);
  const value = (assign: string[]): [number, number, number] => {
    const gaps = shared.map((h) => ((h.pastTurns ?? 0) + assign.filter((x) => x === h.id).length) * W - (h.weight ?? 1) * T);
    const broken = (problem.preferences ?? []).filter((p) => {
      const got = assign[occs.findIndex((o) => o.id === p.occurrenceId)] === p.hostId;
      return p.kind === "prefers" ? !got : got;
    }).length;
    return [Math.max(0, ...gaps.map(Math.abs)), gaps.reduce((s, g) => s + g * g, 0), broken];
  };
  return { occs, hosts, valid, value, W, P, outBefore, fixed, clash, canHost, gap };
}

const cmpValue = (x: number[], y: number[]) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];

/** Every schedule, the best by levels 1–3, then level 4 applied date by date. */
function exhaustive(problem: RotationProblem): string[] | null {
  const { occs, hosts, valid, value, W, P, outBefore } = rules(problem);
  let all: string[][] = [[]];
  for (let j = 0; j < occs.length; j++) all = all.flatMap((prefix) => hosts.map((h) => [...prefix, h.id]));
  const feasible = all.filter(valid);
  if (feasible.length === 0) return null;
  const values = feasible.map(value);
  const best = values.reduce((b, v) => (cmpValue(v, b) < 0 ? v : b));
  let pool = feasible.filter((_, i) => cmpValue(values[i], best) === 0);
  for (let k = 0; k < occs.length; k++) {
    const prefix = pool[0].slice(0, k);
    const rank = (id: string) => {
      const h = hosts.find((x) => x.id === id)!;
      const turns = (h.pastTurns ?? 0) + prefix.filter((x) => x === id).length;
      const pref = (problem.preferences ?? []).find((p) => p.hostId === id && p.occurrenceId === occs[k].id);
      let last = h.lastTurnDate ? Date.parse(h.lastTurnDate) : Number.NEGATIVE_INFINITY;
      for (let i = 0; i < k; i++) if (prefix[i] === id) last = Date.parse(occs[i].last);
      const gap = h.ineligibleReason === undefined ? turns * W - (h.weight ?? 1) * (P + k - outBefore(k)) : 0;
      return [gap, pref ? (pref.kind === "prefers" ? 0 : 2) : 1, last];
    };
    const order = (x: string, y: string) => {
      const [a, b] = [rank(x), rank(y)];
      return a[0] - b[0] || a[1] - b[1] || (a[2] === b[2] ? 0 : a[2] < b[2] ? -1 : 1) || (x < y ? -1 : x > y ? 1 : 0);
    };
    const chosen = [...new Set(pool.map((a) => a[k]))].sort(order)[0];
    pool = pool.filter((a) => a[k] === chosen);
  }
  return pool[0];
}

describe("solver against exhaustive search", () => {
  it("finds the optimum and the same tie-break on small instances", () => {
    fc.assert(
      fc.property(arbInstance(7, 4), ({ problem }) => {
        const expected = exhaustive(problem);
        const result = solveRotation(problem);
        if (expected === null) {
          expect(result.ok).toBe(false);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.optimal).toBe(true);
        const byTime = rules(problem).occs.map((o) => o.id);
        expect(result.assignments.map((a) => a.occurrenceId)).toEqual(byTime);
        expect(result.assignments.map((a) => a.hostId)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------- properties

describe("solver properties", () => {
  it("always respects every hard constraint, on larger instances too", () => {
    fc.assert(
      fc.property(arbInstance(16, 7), ({ problem }) => {
        const result = solveRotation(problem, { maxNodes: 200_000 });
        if (!result.ok) return;
        const { valid, occs } = rules(problem);
        const byId = new Map(result.assignments.map((a) => [a.occurrenceId, a.hostId]));
        expect(valid(occs.map((o) => byId.get(o.id)!))).toBe(true);
        const total = result.fairness.reduce((s, r) => s + r.newTurns, 0);
        expect(total).toBe(problem.occurrences.length);
        for (const a of result.assignments) expect(a.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it("with equal weights, no past turns and no constraints, keeps every host within one turn", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 12 }), (count, hostCount) => {
        const result = solveRotation({
          occurrences: weekly("2027-01-07", count),
          hosts: Array.from({ length: hostCount }, (_, i) => host(`h${i}`)),
        });
        if (!result.ok) throw new Error("expected a schedule");
        const turns = result.fairness.map((r) => r.totalTurns);
        expect(Math.max(...turns) - Math.min(...turns)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it("with equal weights and past turns, nobody who gets a turn ends more than one above anyone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 8 }),
        (count, past) => {
          const result = solveRotation({
            occurrences: weekly("2027-01-07", count),
            hosts: past.map((p, i) => host(`h${i}`, { pastTurns: p })),
          });
          if (!result.ok) throw new Error("expected a schedule");
          for (const k of result.fairness) {
            if (k.newTurns === 0) continue;
            for (const h of result.fairness) expect(k.totalTurns).toBeLessThanOrEqual(h.totalTurns + 1);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("does not depend on the order of its input", () => {
    fc.assert(
      fc.property(arbInstance(10, 5), fc.integer(), ({ problem }, seed) => {
        const shuffle = <T>(list: T[] | undefined) => {
          const copy = [...(list ?? [])];
          let s = seed;
          for (let i = copy.length - 1; i > 0; i--) {
            s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
            const j = s % (i + 1);
            [copy[i], copy[j]] = [copy[j], copy[i]];
          }
          return copy;
        };
        const a = solveRotation(problem, { maxNodes: 100_000 });
        const b = solveRotation(
          {
            ...problem,
            occurrences: shuffle(problem.occurrences),
            hosts: shuffle(problem.hosts),
            unavailable: shuffle(problem.unavailable),
            preferences: shuffle(problem.preferences),
            pinned: shuffle(problem.pinned),
            locked: shuffle(problem.locked),
          },
          { maxNodes: 100_000 },
        );
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok) {
          expect(b.assignments).toEqual(a.assignments);
          expect(b.objective).toEqual(a.objective);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reassigning one turn moves nothing else and never gives it back to the host who withdrew", () => {
    fc.assert(
      fc.property(arbInstance(12, 5), fc.nat(), ({ problem }, pick) => {
        const first = solveRotation(problem, { maxNodes: 100_000 });
        if (!first.ok || first.assignments.length === 0) return;
        const current = first.assignments.map((a) => ({ occurrenceId: a.occurrenceId, hostId: a.hostId }));
        const cancelled = current[pick % current.length];
        const again = reassignTurn(problem, current, cancelled.occurrenceId, cancelled.hostId, "désistement", {
          maxNodes: 100_000,
        });
        if (!again.ok) {
          expect(["no-host", "crowded-window", "not-enough-turns"]).toContain(again.infeasible.code);
          return;
        }
        for (const a of again.assignments) {
          if (a.occurrenceId === cancelled.occurrenceId) expect(a.hostId).not.toBe(cancelled.hostId);
          else expect(a.hostId).toBe(current.find((c) => c.occurrenceId === a.occurrenceId)!.hostId);
        }
      }),
      { numRuns: 100 },
    );
  });
});
