import { describe, expect, it } from "vitest";
import { explainInfeasible, explainReason, listOf, longDate } from "./phrases.ts";
import { solveRotation } from "./solver.ts";

describe("phrases", () => {
  it("writes dates and lists the French way", () => {
    expect(longDate("2031-03-13", "fr")).toBe("jeudi 13 mars 2031");
    expect(longDate("2031-05-01", "fr")).toBe("jeudi 1er mai 2031");
    expect(longDate("2031-03-13", "en")).toBe("Thursday 13 March 2031");
    expect(listOf(["A", "B", "C"], "fr")).toBe("A, B et C");
  });

  it("names the date and every host's reason when nobody can host", () => {
    const result = solveRotation({
      occurrences: [{ id: "m", start: "2031-03-13T07:30:00Z", end: "2031-03-13T09:00:00Z" }],
      hosts: [
        { id: "a", label: "La Fabrique" },
        { id: "b", label: "Le Hangar", ineligibleReason: "la salle compte 12 places, il en faut 30" },
      ],
      unavailable: [{ hostId: "a", from: "2031-03-01", to: "2031-03-31", label: "travaux" }],
    });
    if (result.ok) throw new Error("expected no schedule");
    const fr = explainInfeasible(result.infeasible, "fr");
    expect(fr).toContain("jeudi 13 mars 2031");
    expect(fr).toContain("La Fabrique est indisponible du 1er mars 2031 au 31 mars 2031 (travaux)");
    expect(fr).toContain("Le Hangar ne convient pas (la salle compte 12 places, il en faut 30)");
    expect(explainInfeasible(result.infeasible, "en")).toContain("Thursday 13 March 2031");
  });

  it("explains every turn of a schedule in both languages", () => {
    const result = solveRotation({
      occurrences: ["2031-01-09", "2031-02-13", "2031-03-13"].map((d, i) => ({
        id: String(i),
        start: `${d}T07:30:00Z`,
        end: `${d}T09:00:00Z`,
      })),
      hosts: [
        { id: "a", label: "La Fabrique" },
        { id: "b", label: "Le Hangar" },
      ],
    });
    if (!result.ok) throw new Error("expected a schedule");
    for (const a of result.assignments)
      for (const reason of a.reasons)
        for (const lang of ["fr", "en"] as const) expect(explainReason(reason, lang).length).toBeGreaterThan(10);
    expect(explainReason({ code: "swapped", with: "2031-02-13" }, "fr")).toBe("Échangé contre le tour du 13 février 2031.");
  });
});
