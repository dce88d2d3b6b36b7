import { describe, expect, it } from "vitest";
import { CreateRotationInput } from "./rotations.ts";
import { CreateTourInput, TourDayInput } from "./tours.ts";

const messages = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

// Cross-field checks go through ctx.addIssue, which takes a `message`: a spread say() would fall back to
// zod's generic "Entrée invalide". These tests keep the specific sentences reaching the forms.
describe("cross-field messages reach the user", () => {
  it("a tour day arriving before it leaves, and a place visited twice", () => {
    const place = "00000000-0000-4000-8000-000000000001";
    const r = TourDayInput.safeParse({
      date: "2033-05-12",
      start: { placeId: place },
      startTime: "10:00",
      endBy: "09:00",
      stops: [
        { placeId: place, visitMinutes: 30 },
        { placeId: place, visitMinutes: 30 },
      ],
    });
    expect(messages(r)).toEqual({
      endBy: "L'heure d'arrivée doit suivre le départ",
      "stops.1.placeId": "Ce lieu est déjà visité ce jour-là",
    });
  });

  it("a tour without organiser or date", () => {
    expect(messages(CreateTourInput.safeParse({ name: "Tournée", capacity: 10 }))).toEqual({
      organizerId: "Choisissez l'organisateur ou le tour de rotation qui le désigne",
      date: "Choisissez la date de la tournée",
    });
  });

  it("a rotation host listed twice", () => {
    const host = { organizationId: "00000000-0000-4000-8000-000000000002", placeId: "00000000-0000-4000-8000-000000000003" };
    const r = CreateRotationInput.safeParse({
      name: "Café",
      start: "2031-01-09T08:30",
      end: "2031-01-09T10:00",
      recurrence: { frequency: "monthly_weekday", count: 3 },
      hosts: [host, host],
    });
    expect(messages(r)["hosts.1.organizationId"]).toBe("Cette structure accueille déjà");
  });
});
