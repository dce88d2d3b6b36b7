import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DupCandidate,
  distanceKm,
  duplicatePairs,
  duplicateScore,
  findDuplicates,
  normalizeTitle,
  titleSimilarity,
} from "./duplicates.ts";
import { parisWallToInstant } from "./time.ts";

const at = (local: string) => parisWallToInstant(local)!;
// Two tiers-lieux 1.2 km apart, and one in another town.
const HERE = { lat: 45.75, lng: 4.85 };
const NEAR = { lat: 45.7608, lng: 4.85 };
const FAR = { lat: 45.9, lng: 5.2 };

function cand(eventId: string, title: string, start: string, extra: Partial<DupCandidate> = {}): DupCandidate {
  return { eventId, title, startsAt: at(start), placeId: null, lat: null, lng: null, organizerIds: [`org-${eventId}`], ...extra };
}

describe("normalizeTitle", () => {
  it("lowers, strips accents and punctuation, collapses spaces", () => {
    expect(normalizeTitle("  L'Atelier  Vélo !")).toBe("l atelier velo");
    expect(normalizeTitle("Fête de l’Œuvre — « Noël »")).toBe("fete de l oeuvre noel");
    expect(normalizeTitle("Repair-Café n°3")).toBe("repair cafe n 3");
    expect(normalizeTitle("!!!")).toBe("");
  });
});

describe("titleSimilarity", () => {
  it("sees through small words, plurals, accents and case", () => {
    expect(titleSimilarity("Atelier réparation vélo", "Atelier de réparation de vélos")).toBeGreaterThanOrEqual(0.9);
    expect(titleSimilarity("Fête de la musique", "FETE DE LA MUSIQUE")).toBe(1);
    expect(titleSimilarity("Repair café", "Repair Café du mois")).toBeGreaterThan(0.7);
  });

  it("keeps different events apart", () => {
    expect(titleSimilarity("Conseil d'administration", "Assemblée générale")).toBeLessThan(0.2);
    expect(titleSimilarity("Atelier couture", "Atelier vélo")).toBeLessThan(0.5);
    expect(titleSimilarity("", "")).toBe(0);
  });
});

describe("distanceKm", () => {
  it("measures great-circle distances", () => {
    expect(distanceKm(HERE, HERE)).toBe(0);
    expect(distanceKm(HERE, NEAR)).toBeCloseTo(1.2, 1);
    // Paris to Lyon, about 392 km as the crow flies.
    expect(distanceKm({ lat: 48.8566, lng: 2.3522 }, { lat: 45.764, lng: 4.8357 })).toBeCloseTo(392, -1);
  });
});

describe("duplicateScore", () => {
  it("scores the same event published by two organisations", () => {
    const a = cand("a", "Atelier réparation vélo", "2027-05-15T14:00", { ...HERE });
    const b = cand("b", "Atelier de réparation de vélos", "2027-05-15T14:30", { ...NEAR });
    const { score, signals } = duplicateScore(a, b);
    expect(score).toBeGreaterThan(0.8);
    expect(signals).toEqual(["titre très proche (95 %)", "même jour", "lieux à 1,2 km"]);
  });

  it("lowers the score a day apart, with places unknown, and far apart", () => {
    const a = cand("a", "Fête du jeu", "2027-05-15T14:00", { placeId: "p1", ...HERE });
    const same = duplicateScore(a, cand("b", "Fête du jeu", "2027-05-15T10:00", { placeId: "p1", ...HERE }));
    const nextDay = duplicateScore(a, cand("b", "Fête du jeu", "2027-05-16T10:00", { placeId: "p1", ...HERE }));
    const unknown = duplicateScore(a, cand("b", "Fête du jeu", "2027-05-15T10:00"));
    const far = duplicateScore(a, cand("b", "Fête du jeu", "2027-05-15T10:00", { ...FAR }));
    const twoDays = duplicateScore(a, cand("b", "Fête du jeu", "2027-05-17T10:00", { placeId: "p1", ...HERE }));
    expect(same).toEqual({ score: 1, signals: ["même titre", "même jour", "même lieu"] });
    expect(nextDay.score).toBe(0.75);
    expect(nextDay.signals).toContain("à un jour d'écart");
    expect(unknown.score).toBe(0.8);
    expect(unknown.signals).toContain("lieu non comparable");
    expect(far.score).toBeLessThan(0.6);
    expect(far.signals[2]).toMatch(/^lieux éloignés \(\d+(,\d)? km\)$/);
    expect(twoDays).toEqual({ score: 0, signals: [] });
  });

  it("uses the Paris day, not the UTC one", () => {
    // 00:30 in Paris on the 16th is still the 15th in UTC: they are a day apart for people.
    const a = cand("a", "Bal", "2027-05-15T10:00", { placeId: "p1" });
    expect(duplicateScore(a, cand("b", "Bal", "2027-05-16T00:30", { placeId: "p1" })).signals).toContain("à un jour d'écart");
  });

  it("treats the same organisation at the same place as a series, not a duplicate", () => {
    const a = cand("a", "Permanence numérique", "2027-05-15T14:00", { placeId: "p1", organizerIds: ["o1"] });
    const b = cand("b", "Permanence numérique", "2027-05-15T16:00", { placeId: "p1", organizerIds: ["o2", "o1"] });
    expect(duplicateScore(a, b)).toEqual({ score: 0, signals: [] });
    // Elsewhere, the same organisation may well have published it twice.
    const c = { ...b, placeId: null };
    expect(duplicateScore(a, c).score).toBeGreaterThan(0.6);
    expect(duplicateScore(a, c).signals).toContain("même structure organisatrice");
  });
});

// ---------------------------------------------------------------- properties

const TITLES = [
  "Atelier réparation vélo",
  "Atelier de réparation de vélos",
  "Repair café",
  "Repair Café du mois",
  "Soirée jeux",
  "Soirée jeux de société",
  "Conseil d'administration",
  "Fête du jeu",
  "FÊTE DU JEU !",
];
const BASE = at("2027-03-26T00:00").getTime();
const arbCandidate: fc.Arbitrary<DupCandidate> = fc
  .record({
    eventId: fc.constantFrom("e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"),
    title: fc.oneof(fc.constantFrom(...TITLES), fc.string({ maxLength: 20 })),
    hours: fc.integer({ min: 0, max: 24 * 5 }),
    placeId: fc.constantFrom(null, "p1", "p2"),
    coords: fc.option(fc.constantFrom(HERE, NEAR, FAR), { nil: null }),
    organizerIds: fc.subarray(["o1", "o2", "o3"]),
  })
  .map((r) => ({
    eventId: r.eventId,
    title: r.title,
    startsAt: new Date(BASE + r.hours * 3_600_000),
    placeId: r.placeId,
    lat: r.coords?.lat ?? null,
    lng: r.coords?.lng ?? null,
    organizerIds: r.organizerIds,
  }));

describe("duplicate properties", () => {
  it("title similarity is symmetric, bounded, and 1 for the same title", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...TITLES), fc.string()),
        fc.oneof(fc.constantFrom(...TITLES), fc.string()),
        (a, b) => {
          const s = titleSimilarity(a, b);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          expect(titleSimilarity(b, a)).toBe(s);
          if (normalizeTitle(a) !== "") expect(titleSimilarity(a, a)).toBe(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("the score is symmetric and within [0, 1]; a series of one organiser at one place scores 0", () => {
    fc.assert(
      fc.property(arbCandidate, arbCandidate, (a, b) => {
        const ab = duplicateScore(a, b);
        const ba = duplicateScore(b, a);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        expect(ba).toEqual(ab);
        if (a.placeId !== null && a.placeId === b.placeId && a.organizerIds.some((o) => b.organizerIds.includes(o))) {
          expect(ab.score).toBe(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("findDuplicates keeps other events above the threshold, best first", () => {
    fc.assert(
      fc.property(
        arbCandidate,
        fc.array(arbCandidate, { maxLength: 30 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (c, list, threshold) => {
          const found = findDuplicates(c, list, threshold);
          const expected = list.filter((x) => x.eventId !== c.eventId && duplicateScore(c, x).score >= threshold);
          expect(found).toHaveLength(expected.length);
          for (let i = 1; i < found.length; i++) expect(found[i - 1].score).toBeGreaterThanOrEqual(found[i].score);
          for (const m of found) expect(m.score).toBe(duplicateScore(c, m.candidate).score);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("duplicatePairs finds the same pairs of events as comparing everything", () => {
    fc.assert(
      fc.property(fc.array(arbCandidate, { maxLength: 40 }), (list) => {
        const best = new Map<string, number>();
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const [a, b] = [list[i], list[j]];
            if (a.eventId === b.eventId) continue;
            const s = duplicateScore(a, b).score;
            const key = [a.eventId, b.eventId].sort().join("|");
            if (s >= 0.6 && s > (best.get(key) ?? 0)) best.set(key, s);
          }
        }
        const pairs = duplicatePairs(list);
        expect(new Map(pairs.map((p) => [[p.a.eventId, p.b.eventId].sort().join("|"), p.score]))).toEqual(best);
        for (let i = 1; i < pairs.length; i++) expect(pairs[i - 1].score).toBeGreaterThanOrEqual(pairs[i].score);
        for (const p of pairs) expect(p.a.startsAt <= p.b.startsAt).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("compares a large programme day by day", () => {
    // 10,000 occurrences, 30 a day: each is compared with its own day and the next (about 450,000 pairs), not with
    // all the others (50 million). Reading the organisers is the first step of every comparison.
    let reads = 0;
    const list: DupCandidate[] = [];
    for (let i = 0; i < 10_000; i++) {
      const c = cand(`e${i}`, `${TITLES[i % TITLES.length]} ${i % 97}`, "2027-01-01T10:00", { placeId: `p${i % 20}` });
      const organizerIds = c.organizerIds;
      list.push({
        ...c,
        startsAt: new Date(c.startsAt.getTime() + Math.floor(i / 30) * 86_400_000),
        get organizerIds() {
          reads++;
          return organizerIds;
        },
      });
    }
    duplicatePairs(list);
    expect(reads).toBeLessThan(2_000_000);
  });
});
