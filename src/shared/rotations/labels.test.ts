import { describe, expect, it } from "vitest";
import { planItinerary } from "./itinerary.ts";
import {
  explainEn,
  explainFr,
  explainInfeasibleEn,
  explainInfeasibleFr,
  explainItineraryEn,
  explainItineraryFr,
  explainReason,
  formatDateEn,
  formatDateFr,
  formatTimeFr,
} from "./labels.ts";
import { type AssignmentReason, type InfeasibleReport, solveRotation } from "./solver.ts";

const thursday = (date: string) => ({ id: date, start: `${date}T07:30:00Z`, end: `${date}T09:00:00Z` });

describe("dates and times", () => {
  it("read as people write them", () => {
    expect(formatDateFr("2027-03-11")).toBe("jeudi 11 mars 2027");
    expect(formatDateFr("2027-03-01")).toBe("lundi 1er mars 2027");
    expect(formatDateFr("2027-08-20", { weekday: false, year: false })).toBe("20 août");
    expect(formatDateEn("2027-03-11")).toBe("Thursday 11 March 2027");
    expect([formatTimeFr(570), formatTimeFr(840), formatTimeFr(605)]).toEqual(["9 h 30", "14 h", "10 h 05"]);
  });
});

describe("assignment reasons", () => {
  it("say why a place hosts, from the solver's own output", () => {
    const result = solveRotation({
      occurrences: ["2027-07-01", "2027-07-08", "2027-07-15"].map(thursday),
      hosts: [
        { id: "fabrique", label: "La Fabrique" },
        { id: "hangar", label: "Le Hangar", ineligibleReason: "pas d'accès de plain-pied" },
        { id: "ruche", label: "La Ruche" },
      ],
      unavailable: [{ hostId: "fabrique", from: "2027-07-10", to: "2027-08-20", label: "fermeture estivale" }],
      minGapDays: 14,
    });
    if (!result.ok) throw new Error("expected a schedule");
    const [first, second, third] = result.assignments.map((a) => a.reasons.map(explainFr).join(" "));
    // La Fabrique closes after the 8th: it takes that date, La Ruche the two others.
    expect(result.assignments.map((a) => a.hostId)).toEqual(["ruche", "fabrique", "ruche"]);
    expect(first).toBe(
      "Le lieu le plus en retard sur sa part : 0 accueil, pour une part attendue de 0 à cette date. " +
        "Un autre lieu était à égalité mais ne pouvait pas : La Fabrique accueille le jeudi 8 juillet 2027, et il faut 14 jours entre deux accueils.",
    );
    expect(second).toBe(
      "Seul lieu possible ce jour-là : Le Hangar ne convient pas (pas d'accès de plain-pied) ; " +
        "La Ruche accueille le jeudi 1er juillet 2027, et il faut 14 jours entre deux accueils.",
    );
    expect(third).toBe(
      "Seul lieu possible ce jour-là : La Fabrique n'est pas disponible (fermeture estivale, du 10 juillet au 20 août 2027) ; " +
        "Le Hangar ne convient pas (pas d'accès de plain-pied).",
    );
    expect(result.assignments[2].reasons.map(explainEn).join(" ")).toBe(
      "The only possible host that day: La Fabrique is not available (fermeture estivale, from 10 July to 20 August 2027); " +
        "Le Hangar does not qualify (pas d'accès de plain-pied).",
    );
  });

  it("has a sentence for every code, in both languages", () => {
    const host = { hostId: "h", label: "Le Moulin" };
    const reasons: AssignmentReason[] = [
      { code: "pinned" },
      { code: "locked" },
      { code: "only-possible", others: [{ ...host, why: { kind: "recent-past-turn", date: "2027-02-25", minGapDays: 1 } }] },
      { code: "furthest-behind", turns: 1, expected: 1.5 },
      { code: "tie-broken", by: "preference", hosts: [host] },
      { code: "tie-broken", by: "least-recent", hosts: [host, { hostId: "k", label: "La Cale" }] },
      { code: "ahead-excluded", tied: false, hosts: [{ ...host, why: { kind: "balance" } }], turns: 2, expected: 2.25 },
      {
        code: "ahead-excluded",
        tied: true,
        hosts: [{ ...host, why: { kind: "unavailable", label: "travaux", from: "2027-12-28", to: "2028-01-03" } }],
        turns: 2,
        expected: 2.25,
      },
      { code: "preferred" },
      { code: "avoided-anyway" },
      { code: "wish-missed", ...host, why: { kind: "balance" } },
      { code: "wish-missed", ...host, why: { kind: "too-close", occurrenceId: "x", date: "2027-03-04", minGapDays: 21 } },
    ];
    for (const r of reasons) {
      expect(explainReason(r, "fr")).toMatch(/^[A-ZÀÉ].*\.$/);
      expect(explainReason(r, "en")).toMatch(/^[A-Z].*\.$/);
    }
    expect(explainFr(reasons[2])).toBe(
      "Seul lieu possible ce jour-là : Le Moulin a accueilli le 25 février 2027, et il faut 1 jour entre deux accueils.",
    );
    expect(explainFr(reasons[5])).toBe(
      "À égalité avec Le Moulin et La Cale, c'est le lieu qui avait accueilli le moins récemment.",
    );
    expect(explainEn(reasons[3])).toBe("Furthest behind its share: 1 turn, for an expected share of 1.5 by that date.");
    expect(explainFr(reasons[11])).toBe(
      "Le Moulin avait demandé cette date, mais accueille le jeudi 4 mars 2027, et il faut 21 jours entre deux accueils.",
    );
    expect(explainEn(reasons[10])).toMatch(
      /^Le Moulin had asked for this date, but giving it would have made the schedule less even/,
    );
    expect(explainFr(reasons[7])).toBe(
      "Un autre lieu était à égalité mais ne pouvait pas : Le Moulin n'est pas disponible (travaux, du 28 décembre 2027 au 3 janvier 2028).",
    );
  });
});

describe("impossible schedules", () => {
  it("name the blocking constraint in plain French", () => {
    const noHost = solveRotation({
      occurrences: [thursday("2027-03-11")],
      hosts: [
        { id: "a", label: "La Fabrique" },
        { id: "b", label: "Le Hangar", ineligibleReason: "capacité 12 < 20" },
      ],
      unavailable: [{ hostId: "a", from: "2027-03-11", to: "2027-03-11", label: "assemblée générale" }],
    });
    if (noHost.ok) throw new Error("expected a report");
    expect(explainInfeasibleFr(noHost.infeasible)).toBe(
      "Aucun lieu ne peut accueillir le jeudi 11 mars 2027 : La Fabrique n'est pas disponible (assemblée générale, le 11 mars 2027) ; " +
        "Le Hangar ne convient pas (capacité 12 < 20).",
    );

    const crowded = solveRotation({
      occurrences: ["2027-07-01", "2027-07-08", "2027-07-15"].map(thursday),
      hosts: [
        { id: "a", label: "La Fabrique" },
        { id: "b", label: "Le Hangar" },
        { id: "c", label: "La Ruche" },
      ],
      unavailable: [{ hostId: "c", from: "2027-07-01", to: "2027-08-31", label: "fermeture estivale" }],
      minGapDays: 21,
    });
    if (crowded.ok) throw new Error("expected a report");
    expect(explainInfeasibleFr(crowded.infeasible)).toBe(
      "Les 3 dates du jeudi 1er juillet 2027 au jeudi 15 juillet 2027 sont à moins de 21 jours les unes des autres : " +
        "il faut un lieu différent pour chacune, et seuls 2 lieux peuvent les accueillir (La Fabrique et Le Hangar). " +
        "Les autres sont écartés : La Ruche n'est pas disponible (fermeture estivale, du 1er juillet au 31 août 2027).",
    );
    expect(explainInfeasibleEn(crowded.infeasible)).toContain("each needs a different host, and only 2 places can host them");
  });

  it("has a sentence for every report", () => {
    const o = { occurrenceId: "x", date: "2027-03-11" };
    const reports: InfeasibleReport[] = [
      { code: "no-hosts" },
      {
        code: "pin-conflict",
        ...o,
        hostId: "a",
        label: "La Cale",
        why: { kind: "too-close", occurrenceId: "y", date: "2027-03-18", minGapDays: 0 },
      },
      { code: "crowded-window", occurrences: [o, o], minGapDays: 0, hosts: [{ hostId: "a", label: "La Cale" }], others: [] },
      { code: "not-enough-turns", occurrences: [o], minGapDays: 7, hosts: [{ hostId: "a", label: "La Cale", maxTurns: 0 }] },
      { code: "no-combination", ...o, hosts: [{ hostId: "a", label: "La Cale", why: { kind: "balance" } }] },
      { code: "search-limit", nodes: 10 },
    ];
    for (const r of reports) {
      expect(explainInfeasibleFr(r)).toMatch(/\.$/);
      expect(explainInfeasibleEn(r)).toMatch(/\.$/);
    }
    expect(explainInfeasibleFr(reports[2])).toBe(
      "Les 2 dates du jeudi 11 mars 2027 se chevauchent : il faut un lieu différent pour chacune, et un seul lieu peut les accueillir, La Cale.",
    );
  });
});

describe("learning tour reports", () => {
  it("say which stop cannot be reached in time", () => {
    const result = planItinerary({
      start: { id: "gare", label: "la gare" },
      startMinutes: 540,
      stops: [
        { id: "a", label: "La Fabrique", visitMinutes: 45, windows: [{ from: 540, to: 600 }] },
        { id: "c", label: "La Ruche", visitMinutes: 45, windows: [{ from: 540, to: 630 }] },
      ],
      travel: { matrix: { gare: { a: 10, c: 30 }, a: { gare: 10, c: 20 }, c: { gare: 30, a: 20 } } },
    });
    if (result.ok) throw new Error("expected a report");
    expect(explainItineraryFr(result.infeasible)).toBe(
      "Impossible de tout visiter dans les horaires. Après La Fabrique (9 h 10–9 h 55), " +
        "on arriverait à La Ruche à 10 h 15, trop tard pour 45 min de visite (ouvert de 9 h à 10 h 30).",
    );
    expect(explainItineraryEn(result.infeasible)).toBe(
      "Not every stop fits its opening times. After La Fabrique (9:10–9:55), one would reach La Ruche at 10:15, " +
        "too late for a 45-minute visit (open 9:00–10:30).",
    );
  });

  it("has a sentence for every report", () => {
    const w = [
      { from: 540, to: 720 },
      { from: 840, to: 1080 },
    ];
    expect(explainItineraryFr({ code: "visit-too-long", stopId: "a", label: "La Cale", visitMinutes: 200, windows: w })).toBe(
      "La visite de La Cale (200 min) ne tient dans aucun de ses créneaux (ouvert de 9 h à 12 h et de 14 h à 18 h).",
    );
    expect(
      explainItineraryFr({
        code: "stop-unreachable",
        stopId: "a",
        label: "La Cale",
        earliestArrival: 1090,
        visitMinutes: 30,
        windows: w,
      }),
    ).toBe(
      "On ne peut pas visiter La Cale à temps : même en y allant en premier, on arrive à 18 h 10, trop tard pour une visite de 30 min (ouvert de 9 h à 12 h et de 14 h à 18 h).",
    );
    expect(explainItineraryFr({ code: "end-unreachable", stopId: null, label: null, earliestEnd: 1110, endBy: 1080 })).toBe(
      "Même sans aucune visite, on arrive à 18 h 30, après l'heure limite de 18 h.",
    );
    expect(explainItineraryEn({ code: "windows-conflict", visited: [], missed: [], endBy: 1080 })).toBe(
      "Not every stop fits its opening times. From the start, one would not arrive by 18:00.",
    );
  });
});
