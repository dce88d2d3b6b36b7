import { describe, expect, it } from "vitest";
import { explainInfeasible, explainReason, explainRoomTaken } from "./phrases.ts";
import { solveRotation } from "./solver.ts";

describe("phrases of the app's turns", () => {
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
    expect(fr).toContain("13 mars 2031");
    expect(fr).toContain("travaux");
    expect(fr).toContain("la salle compte 12 places, il en faut 30");
    expect(explainInfeasible(result.infeasible, "en")).toContain("March");
  });

  it("explains the reasons the app adds, in both languages", () => {
    expect(explainReason({ code: "swapped", with: "2031-02-13" }, "fr")).toMatch(/^Échangé contre le tour du 13 février 2031/);
    expect(explainReason({ code: "swapped", with: "2031-02-13" }, "en")).toMatch(/February/);
    expect(explainReason({ code: "withdrawal", from: "Le Hangar", reason: "travaux" }, "fr")).toBe(
      "Repris après le désistement de Le Hangar (« travaux »).",
    );
  });

  it("names the room, the day, the hours and the event that holds it", () => {
    const taken = { code: "room-taken", space: "Atelier", place: "La Filature", date: "2031-01-09", from: 510, to: 600 } as const;
    expect(explainRoomTaken({ ...taken, title: "Café des lieux" }, "fr")).toBe(
      "La salle Atelier de La Filature est déjà prise le jeudi 9 janvier 2031 de 8 h 30 à 10 h (« Café des lieux »).",
    );
    expect(explainRoomTaken({ ...taken, place: "Le Hangar", title: "AG" }, "fr")).toContain("La salle Atelier du Hangar");
    expect(explainRoomTaken({ ...taken, place: "Atelier partagé", title: "AG" }, "fr")).toContain("d'Atelier partagé");
    expect(explainRoomTaken({ ...taken, title: "AG" }, "en")).toBe(
      'The room Atelier at La Filature is already taken on Thursday 9 January 2031 from 8:30 to 10:00 ("AG").',
    );
  });
});
