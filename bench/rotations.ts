// npm run bench rotations — the pure algorithms of the rotations (src/shared/rotations): a year of weekly turns
// for 12 hosts with constraints, and the exact order of a 12-stop learning tour. The instances are generated
// from fixed seeds, so every run solves the same ones; each is solved several times and the median and the
// maximum are printed. Nothing is asserted.
import { addDays } from "../src/shared/agenda/time.ts";
import { type ItineraryProblem, type ItineraryStop, planItinerary } from "../src/shared/rotations/itinerary.ts";
import {
  type HostUnavailability,
  type RotationProblem,
  solveRotation,
  type TurnPreference,
} from "../src/shared/rotations/solver.ts";

const INSTANCES = 20;
const REPEATS = 5;

/** A small deterministic generator (LCG), so that the instances are the same on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * "Petit-déjeuner du réseau", every Thursday of 2027 from 8:30 to 10:00 (Paris, winter time in the ISO strings
 * is fine: only the Paris day matters), 12 member places: two whose room is too small, weights from a funding
 * plan (or equal), last year's turns, summer closures and a week of holidays for some, 28 days between two
 * turns of the same place, three dates fixed by the coordination and four wishes (by default).
 */
function rotation(seed: number, equalWeights: boolean, minGapDays = 28, wishes = 4): RotationProblem {
  const r = random(seed);
  const occurrences = Array.from({ length: 52 }, (_, i) => {
    const day = addDays("2027-01-07", 7 * i);
    const start = new Date(`${day}T07:30:00Z`);
    return {
      id: `o${String(i).padStart(2, "0")}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 90 * 60_000).toISOString(),
    };
  });
  const hosts = Array.from({ length: 12 }, (_, i) => ({
    id: `h${String(i).padStart(2, "0")}`,
    label: `Lieu ${i + 1}`,
    weight: equalWeights ? 1 : 5_000 + 2_500 * Math.floor(r() * 9),
    pastTurns: Math.floor(r() * 6),
    lastTurnDate: r() < 0.5 ? addDays("2026-12-31", -Math.floor(r() * 30)) : undefined,
    ineligibleReason: i >= 10 ? "salle trop petite" : undefined,
  }));
  const unavailable: HostUnavailability[] = [];
  for (const h of hosts.slice(0, 10)) {
    if (r() < 0.4) {
      const from = addDays("2027-07-05", Math.floor(r() * 21));
      unavailable.push({ hostId: h.id, from, to: addDays(from, 20 + Math.floor(r() * 21)), label: "fermeture estivale" });
    }
    if (r() < 0.4) {
      const from = addDays("2027-01-04", Math.floor(r() * 350));
      unavailable.push({ hostId: h.id, from, to: addDays(from, 6 + Math.floor(r() * 8)), label: "vacances" });
    }
  }
  const free = (hostId: string, occurrence: number) => {
    const day = addDays("2027-01-07", 7 * occurrence);
    return !unavailable.some((u) => u.hostId === hostId && u.from <= day && day <= u.to);
  };
  const pinned = [5, 20, 40].map((occurrence, i) => {
    const host = hosts.slice(0, 10).find((h, k) => k % 3 === i && free(h.id, occurrence)) ?? hosts[i];
    return { occurrenceId: occurrences[occurrence].id, hostId: host.id };
  });
  const preferences: TurnPreference[] = Array.from({ length: wishes }, (_, i) => ({
    hostId: hosts[i % 10].id,
    occurrenceId: occurrences[Math.floor(((i + 0.5) * 52) / wishes)].id,
    kind: r() < 0.5 ? "prefers" : "avoids",
  }));
  return { occurrences, hosts, unavailable, minGapDays, pinned, preferences };
}

/** A day's learning tour from the station: places within about 30 km, visits of 20 to 40 minutes. */
function tour(seed: number, stops: number): ItineraryProblem {
  const r = random(seed);
  const list: ItineraryStop[] = Array.from({ length: stops }, (_, i) => {
    const kind = r();
    const windows =
      kind < 0.3
        ? [
            { from: 9 * 60, to: 12 * 60 },
            { from: 14 * 60, to: 18 * 60 },
          ]
        : kind < 0.5
          ? [{ from: 8 * 60 + 30, to: 12 * 60 + 30 }]
          : kind < 0.7
            ? [{ from: 13 * 60, to: 19 * 60 }]
            : undefined;
    return {
      id: `p${String(i).padStart(2, "0")}`,
      label: `Lieu ${i + 1}`,
      lat: 47.95 + r() * 0.4,
      lon: -1.95 + r() * 0.55,
      visitMinutes: 20 + 5 * Math.floor(r() * 5),
      windows,
    };
  });
  return { start: { id: "gare", label: "Gare", lat: 48.103, lon: -1.672 }, startMinutes: 8 * 60, stops: list };
}

interface Figures {
  times: number[];
  extra: string;
}

function measure<T>(instances: T[], solve: (instance: T) => void): number[] {
  const times: number[] = [];
  for (const instance of instances) {
    for (let i = 0; i < REPEATS; i++) {
      const started = performance.now();
      solve(instance);
      times.push(performance.now() - started);
    }
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const line = (label: string, f: Figures, target: string) =>
  console.log(`  ${label}: median ${ms(median(f.times))}, max ${ms(Math.max(...f.times))}${f.extra}   ${target}`);

function rotationFigures(equalWeights: boolean, minGapDays?: number, wishes?: number): Figures {
  const problems = Array.from({ length: INSTANCES }, (_, i) => rotation(1000 + i, equalWeights, minGapDays, wishes));
  // One solve each to warm the JIT and collect the outcome, outside the timings.
  const outcomes = problems.map((p) => solveRotation(p));
  const proven = outcomes.filter((o) => o.ok && o.optimal).length;
  const infeasible = outcomes.filter((o) => !o.ok).length;
  const nodes = outcomes.map((o) => o.stats.nodes);
  const times = measure(problems, (p) => solveRotation(p));
  return {
    times,
    extra: ` (${proven}/${INSTANCES} proven optimal, ${infeasible} impossible; search nodes median ${median(nodes)}, max ${Math.max(...nodes)})`,
  };
}

function tourFigures(stops: number, method: "exact" | "heuristic"): Figures {
  const problems = Array.from({ length: INSTANCES }, (_, i) => tour(2000 + i, stops));
  const outcomes = problems.map((p) => planItinerary(p, { method }));
  const feasible = outcomes.filter((o) => o.ok).length;
  const times = measure(problems, (p) => planItinerary(p, { method }));
  return { times, extra: ` (${feasible}/${INSTANCES} feasible)` };
}

console.log(`rotations benchmark: ${INSTANCES} generated instances × ${REPEATS} runs each (figures vary between machines)`);
line("schedule, 52 weekly dates × 12 hosts, funding-plan weights", rotationFigures(false), "target ≤ 100 ms");
line("schedule, 52 weekly dates × 12 hosts, equal weights", rotationFigures(true), "target ≤ 100 ms");
line(
  "stress: the same with a 42-day gap and 8 wishes (the proof may stop at maxNodes)",
  rotationFigures(false, 42, 8),
  "(no target)",
);
line("learning tour, 12 stops, exact", tourFigures(12, "exact"), "target ≤ 300 ms");
line("learning tour, 16 stops, heuristic", tourFigures(16, "heuristic"), "(no target)");
