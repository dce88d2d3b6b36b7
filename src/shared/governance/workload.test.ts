import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NNBSP } from "./fraction.ts";
import { describeIssue } from "./labels.ts";
import { addMonths, computeWorkload, type LoadItem, normaliseSkill, suggestAssignees, type WorkloadPerson } from "./workload.ts";

const TODAY = "2027-06-15";
const people: WorkloadPerson[] = [
  { id: "claire", name: "Claire Dumas", organizationId: "scic", skills: ["coordination"] },
  { id: "mehdi", name: "Mehdi Benali", organizationId: "scic", skills: ["facilitation"] },
  { id: "sophie", name: "Sophie Lefèvre", organizationId: "scic", skills: [] },
  { id: "elodie", name: "Élodie Marchand", organizationId: "filature", skills: ["médiation numérique", "gestion de lieu"] },
  { id: "karim", name: "Karim Haddad", organizationId: "grain", skills: ["menuiserie", "Mediation  numerique"] },
  { id: "noe", name: "Noé Vidal", organizationId: "halte", skills: ["Menuiserie"] },
];
const organizations = [
  { id: "scic", name: "SCIC Aurèze en Commun", kind: "carrier" as const },
  { id: "filature", name: "La Filature", memberSince: "2022-03-15" },
  { id: "grain", name: "Le Grain de Sel", memberSince: "2022-03-15" },
  { id: "ressourcerie", name: "Ressourcerie des Fayes", memberSince: "2022-09-01" },
  { id: "moulin", name: "Le Moulin des Arts", memberSince: "2023-01-10" },
  { id: "halte", name: "La Halte", memberSince: "2027-03-01" },
];
const item = (id: string, over: Partial<LoadItem>): LoadItem => ({
  id,
  kind: "task",
  personId: null,
  organizationId: null,
  from: "2027-01-01",
  until: null,
  ...over,
});
const items: LoadItem[] = [
  item("copresidence", { kind: "mandate", personId: "claire", from: "2025-03-01" }),
  item("referente-financements", { kind: "referent", personId: "claire", from: "2024-01-01" }),
  item("dossier-anct", { personId: "claire", effort: 2 }),
  item("bilan-caf", { personId: "claire" }),
  item("forum", { kind: "event", personId: "claire", from: "2027-05-20" }),
  item("cr-comite", { personId: "mehdi" }),
  item("petit-dejeuner", { kind: "rotation_turn", personId: "mehdi", from: "2027-02-01" }),
  item("ancien-mandat", { kind: "mandate", personId: "mehdi", from: "2024-01-01", until: "2027-01-01" }),
  item("tresorerie", { kind: "mandate", personId: "elodie", from: "2026-01-01" }),
  item("portes-ouvertes", { kind: "event", personId: "elodie", from: "2026-09-10" }),
  item("vieil-atelier", { kind: "event", personId: "elodie", from: "2026-05-01" }),
  item("inventaire", { personId: "karim", from: "2026-09-01", until: "2026-10-01" }),
  item("festival", { kind: "event", organizationId: "moulin", from: "2027-07-01" }),
  item("site-web", { organizationId: "filature", effort: 3 }),
];

describe("workload", () => {
  const report = computeWorkload({ today: TODAY, people, organizations, items });

  it("counts what each person carries now, with the documented weights", () => {
    expect(report.people.map((r) => [r.id, r.load])).toEqual([
      ["claire", 10],
      ["elodie", 5],
      ["mehdi", 3],
      ["karim", 0],
      ["noe", 0],
      ["sophie", 0],
    ]);
    const claire = report.people[0];
    expect(claire.byKind).toEqual({
      task: { count: 2, points: 3 },
      mandate: { count: 1, points: 3 },
      referent: { count: 1, points: 2 },
      rotation_turn: { count: 0, points: 0 },
      event: { count: 1, points: 2 },
    });
    expect(report.total).toBe(18);
    expect(report.busiest.person?.id).toBe("claire");
    expect(report.people[0].share).toBeCloseTo(10 / 18, 12);
    expect(report.unassigned).toEqual({ count: 1, points: 3 });
  });

  it("computes the concentration index and the equivalent number of carriers", () => {
    // H = (10² + 5² + 3²) / 18² = 134/324; index = (H − 1/6) / (1 − 1/6).
    const h = 134 / 324;
    expect(report.concentration.people.index).toBeCloseTo((h - 1 / 6) / (5 / 6), 12);
    expect(report.concentration.people.equivalentCarriers).toBeCloseTo(1 / h, 12);
    expect(report.concentration.people.population).toBe(6);
  });

  it("counts for organisations, through the person when the item names none", () => {
    expect(report.organizations.map((r) => [r.id, r.load])).toEqual([
      ["scic", 13],
      ["filature", 5],
      ["moulin", 2],
      // Equal loads are in name order: « La Halte » before « Le Grain de Sel ».
      ["halte", 0],
      ["grain", 0],
      ["ressourcerie", 0],
    ]);
  });

  it("raises the alerts: too large a share, and members who carried nothing for months", () => {
    const names = report.alerts.map((a) => [a.code, a.scope, a.id]);
    expect(names).toEqual([
      ["carries_too_much", "person", "claire"],
      ["carries_too_much", "organization", "scic"],
      ["carries_nothing", "organization", "grain"],
      ["carries_nothing", "organization", "ressourcerie"],
    ]);
    expect(describeIssue(report.alerts[0])).toBe(
      `Claire Dumas porte 55,6${NNBSP}% de la charge, au-delà du seuil de 40${NNBSP}% : le collectif repose trop sur ses épaules.`,
    );
    expect(describeIssue(report.alerts[2])).toBe("Le Grain de Sel ne porte plus rien depuis le 2026-10-01 (plus de 6 mois).");
    expect(describeIssue(report.alerts[3])).toBe("Ressourcerie des Fayes n'a rien porté depuis au moins 6 mois.");
    // La Halte joined three months ago: not flagged. The carrier is never flagged idle.
    const lenient = computeWorkload({ today: TODAY, people, organizations, items, options: { threshold: 0.6, idleMonths: 9 } });
    expect(lenient.alerts.map((a) => a.id)).toEqual(["scic", "ressourcerie"]);
  });

  it("does not call an even split a concentration", () => {
    const two = computeWorkload({
      today: TODAY,
      people: people.slice(0, 2),
      organizations: [],
      items: [item("a", { personId: "claire" }), item("b", { personId: "mehdi" })],
    });
    expect(two.alerts).toEqual([]);
    expect(two.concentration.people).toEqual({ index: 0, equivalentCarriers: 2, population: 2 });
  });

  it("suggests who could take a task: skills first, then the lightest load", () => {
    const list = suggestAssignees({ skills: ["Menuiserie", "médiation numérique"] }, people, report);
    expect(list.map((s) => [s.personId, s.matched.length, s.load])).toEqual([
      ["karim", 2, 0],
      ["noe", 1, 0],
      ["elodie", 1, 5],
      ["sophie", 0, 0],
      ["mehdi", 0, 3],
      ["claire", 0, 10],
    ]);
    expect(list[0].reasons.map((r) => describeIssue(r))).toEqual([
      "A les compétences demandées : Menuiserie, médiation numérique.",
      "Ne porte rien en ce moment.",
    ]);
    expect(list[2].reasons.map((r) => describeIssue(r))).toEqual([
      "A 1 des 2 compétences demandées (médiation numérique) ; il manque : Menuiserie.",
      `Porte déjà 5 points de charge (27,8${NNBSP}% du total).`,
    ]);
    expect(list[5].reasons.map((r) => r.code)).toEqual(["no_skill_match", "current_load", "above_threshold"]);
    expect(suggestAssignees({ skills: [] }, people, report, { limit: 2 }).map((s) => s.personId)).toEqual(["karim", "noe"]);
  });

  it("compares skills without case, accents or extra spaces; adds months the calendar way", () => {
    expect(normaliseSkill("  Médiation   Numérique ")).toBe("mediation numerique");
    expect(addMonths("2027-03-31", -1)).toBe("2027-02-28");
    expect(addMonths("2028-03-31", -1)).toBe("2028-02-29");
    expect(addMonths("2027-01-15", -6)).toBe("2026-07-15");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });
});

describe("workload properties", () => {
  const arbItems = fc.array(
    fc.record({
      id: fc.string(),
      kind: fc.constantFrom("task" as const, "mandate" as const, "referent" as const, "rotation_turn" as const, "event" as const),
      personId: fc.constantFrom(null, "claire", "mehdi", "sophie", "elodie", "karim", "noe"),
      organizationId: fc.constantFrom(null, "scic", "filature", "grain", "moulin"),
      effort: fc.integer({ min: 0, max: 5 }),
      from: fc.constantFrom("2025-01-01", "2026-08-01", "2027-06-15", "2027-09-01"),
      until: fc.constantFrom(null, "2026-01-01", "2027-06-15", "2028-01-01"),
    }),
    { maxLength: 40 },
  );

  it("shares add up, the index stays within 0–1, the equivalent carriers within 1–n", () => {
    fc.assert(
      fc.property(arbItems, fc.double({ min: 0.1, max: 0.9, noNaN: true }), (list, threshold) => {
        const r = computeWorkload({ today: TODAY, people, organizations, items: list, options: { threshold } });
        for (const rows of [r.people, r.organizations]) {
          const total = rows.reduce((s, x) => s + x.load, 0);
          if (total > 0) expect(rows.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9);
          for (let i = 1; i < rows.length; i++) expect(rows[i - 1].load).toBeGreaterThanOrEqual(rows[i].load);
        }
        for (const c of [r.concentration.people, r.concentration.organizations]) {
          if (c.index !== null) {
            expect(c.index).toBeGreaterThanOrEqual(0);
            expect(c.index).toBeLessThanOrEqual(1 + 1e-12);
          }
          if (c.equivalentCarriers !== null) {
            expect(c.equivalentCarriers).toBeGreaterThanOrEqual(1 - 1e-12);
            expect(c.equivalentCarriers).toBeLessThanOrEqual(c.population + 1e-9);
          }
        }
        for (const a of r.alerts.filter((x) => x.code === "carries_too_much"))
          expect(Number(a.params.share)).toBeGreaterThan(threshold);
        const s = suggestAssignees({ skills: ["menuiserie", "coordination"] }, people, r);
        for (let i = 1; i < s.length; i++) {
          const [a, b] = [s[i - 1], s[i]];
          expect(a.matched.length > b.matched.length || (a.matched.length === b.matched.length && a.load <= b.load)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the index is 0 for an even load and 1 when one carries it all", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 5 }), (n, each) => {
        const crew = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `P${i}` }));
        const even = crew.flatMap((p) => Array.from({ length: each }, (_, k) => item(`${p.id}-${k}`, { personId: p.id })));
        const r = computeWorkload({ today: TODAY, people: crew, organizations: [], items: even });
        expect(r.concentration.people.index).toBeCloseTo(0, 12);
        const alone = computeWorkload({
          today: TODAY,
          people: crew,
          organizations: [],
          items: [item("x", { personId: "p0", effort: each })],
        });
        expect(alone.concentration.people.index).toBeCloseTo(1, 12);
        expect(alone.concentration.people.equivalentCarriers).toBeCloseTo(1, 12);
      }),
    );
  });
});
