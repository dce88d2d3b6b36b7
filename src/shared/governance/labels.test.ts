import { describe, expect, it } from "vitest";
import { NNBSP } from "./fraction.ts";
import { issue } from "./issues.ts";
import { CONSENT_PHASE_LABELS, describeIssue, GOVERNANCE_CODES, percent, THRESHOLD_LABELS } from "./labels.ts";

const SAMPLE = {
  college: "Usagers",
  weight: "11/20",
  min: 3,
  max: 2,
  count: 2,
  index: 1,
  text: "x",
  sum: "9/10",
  associate: "Awa",
  share: "1/2",
  group: "Salariés",
  ballots: 3,
  members: 2,
  member: "m1",
  by: "m2",
  from: "m1",
  to: "m2",
  call: 1,
  who: "m1",
  missing: "m1, m2",
  objector: "m1",
  field: "name",
  until: "2027-03-10",
  name: "La Filature",
  threshold: 0.4,
  months: 6,
  lastActivity: "2026-10-01",
  skills: "menuiserie",
  of: 2,
  lacking: "coordination",
  load: 3,
  codes: "tally_no_group",
  objection: 1,
  turn: 0,
  phase: "draft",
  voters: 1,
};

describe("labels", () => {
  it("has a sentence for every code, in both languages, with no placeholder left", () => {
    // The Record types in labels.ts make the compiler check that each code has a French and an English phrase.
    expect(GOVERNANCE_CODES.length).toBeGreaterThan(90);
    for (const code of GOVERNANCE_CODES) {
      for (const locale of ["fr", "en"] as const) {
        const text = describeIssue(issue(code, SAMPLE), locale, (id) => `Nom-${id}`);
        expect(text, code).not.toMatch(/undefined|NaN|\?\s%|\$\{/);
        expect(text, code).toMatch(/[.!?]$/);
        expect(text, code).not.toBe(code);
      }
    }
  });

  it("puts names in place of ids, lists included", () => {
    expect(
      describeIssue(issue("round_incomplete", { missing: "m1, m2" }), "fr", (id) => ({ m1: "Awa", m2: "Inès" })[id] ?? id),
    ).toBe("Le tour n'est pas terminé : il reste à entendre Awa, Inès.");
    expect(describeIssue(issue("not_a_code"))).toBe("not_a_code");
  });

  it("formats shares as people read them", () => {
    expect(percent("1/60")).toBe(`1,7${NNBSP}%`);
    expect(percent(0.4)).toBe(`40${NNBSP}%`);
    expect(percent(2 / 3, "en")).toBe("66.7%");
    expect(percent("3/22", "fr", 2)).toBe(`13,64${NNBSP}%`);
    expect(THRESHOLD_LABELS.fr.two_thirds).toBe("majorité des deux tiers (au moins 2/3)");
    expect(CONSENT_PHASE_LABELS.fr.objections).toBe("Tour d'objections");
  });
});
