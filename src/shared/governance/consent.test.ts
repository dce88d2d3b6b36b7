import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ConsentEvent,
  type ConsentPhase,
  type ConsentState,
  consentTransition,
  currentVersion,
  replayConsent,
  startConsent,
} from "./consent.ts";
import { describeIssue } from "./labels.ts";
import { missingSpeakers, standing } from "./rounds.ts";

// Léa carries the proposal, Mehdi facilitates (and takes part), Sam and Inès are the rest of the circle.
const start = (): ConsentState => {
  const t = startConsent({ carrier: "lea", facilitator: "mehdi", participants: ["lea", "mehdi", "sam", "ines"] });
  if (!t.ok) throw new Error(t.error.code);
  return t.state;
};
const TEXT = "Les réunions du comité de pilotage tournent chaque mois entre les six lieux.";

function play(events: ConsentEvent[], from = start()): ConsentState {
  const { state, refused } = replayConsent(from, events);
  if (refused) throw new Error(`event ${refused.index} refused: ${refused.code}`);
  return state;
}
const refusal = (s: ConsentState, e: ConsentEvent) => {
  const t = consentTransition(s, e);
  return t.ok ? null : t.error.code;
};

const toAmendment: ConsentEvent[] = [
  { type: "present", by: "lea", text: TEXT },
  { type: "ask", by: "sam", question: "Et les lieux qui n'ont pas de salle ?" },
  { type: "answer", by: "lea", turn: 0, answer: "Ils accueillent dans un lieu voisin." },
  { type: "pass", by: "ines" },
  { type: "pass", by: "mehdi" },
  { type: "close_round", by: "mehdi" },
  { type: "react", by: "ines", text: "Bonne idée, cela fera connaître les lieux." },
  { type: "react", by: "sam", text: "Je crains les trajets l'hiver." },
  { type: "pass", by: "mehdi" },
  { type: "close_round", by: "mehdi" },
];

describe("consent: the rounds of §5.1", () => {
  it("walks from presentation to adoption, an objection integrated on the way", () => {
    let s = play(toAmendment);
    expect(s.phase).toBe("amendment");
    expect(s.history.map((r) => [r.kind, r.turns.length])).toEqual([
      ["clarification", 3],
      ["reactions", 3],
    ]);
    s = play(
      [
        { type: "keep", by: "lea" },
        { type: "consent", by: "ines" },
        { type: "object", by: "sam", argument: "Sans covoiturage, les lieux éloignés ne viendront plus l'hiver." },
        { type: "concern", by: "mehdi", text: "Veiller à l'accessibilité des salles." },
        { type: "close_round", by: "mehdi" },
      ],
      s,
    );
    expect(s.phase).toBe("resolution");
    expect(standing(s.objections).map((o) => o.by)).toEqual(["sam"]);
    // Nobody concludes while the objection stands.
    expect(refusal(s, { type: "conclude", by: "mehdi" })).toBe("objections_stand");
    s = play(
      [
        { type: "integrate", by: "lea", text: `${TEXT} Un covoiturage est organisé de novembre à mars.`, objections: [1] },
        // After an amendment, everybody is asked again (§5.1).
        { type: "consent", by: "sam" },
        { type: "consent", by: "ines" },
        { type: "consent", by: "mehdi" },
        { type: "close_round", by: "mehdi" },
        { type: "set_review", by: "mehdi", on: "2028-06-30" },
      ],
      s,
    );
    expect(s.phase).toBe("adopted");
    expect(s.decision).toEqual({
      text: `${TEXT} Un covoiturage est organisé de novembre à mars.`,
      version: 2,
      participants: ["lea", "mehdi", "sam", "ines"],
      objectionRounds: 2,
    });
    expect(s.objections.map((o) => o.status)).toEqual(["integrated"]);
    expect(s.reviewOn).toBe("2028-06-30");
    expect(refusal(s, { type: "withdraw", by: "lea" })).toBe("decision_closed");
  });

  it("adopts straight away when the objection round finds none", () => {
    const s = play([
      ...toAmendment,
      { type: "amend", by: "lea", text: `${TEXT} Le calendrier est publié en septembre.` },
      { type: "consent", by: "ines" },
      { type: "consent", by: "sam" },
      { type: "consent", by: "mehdi" },
      { type: "close_round", by: "mehdi" },
    ]);
    expect([s.phase, s.decision?.version]).toEqual(["adopted", 2]);
  });

  it("adopts once every objection is lifted by its author", () => {
    let s = play([
      ...toAmendment,
      { type: "keep", by: "lea" },
      { type: "object", by: "ines", argument: "Le budget de déplacement n'est pas prévu." },
      { type: "object", by: "sam", argument: "Trop de trajets pour les bénévoles." },
      { type: "consent", by: "mehdi" },
      { type: "close_round", by: "mehdi" },
    ]);
    expect(refusal(s, { type: "lift", by: "sam", objection: 1 })).toBe("not_objector");
    s = play(
      [
        { type: "lift", by: "ines", objection: 1 },
        { type: "lift", by: "sam", objection: 2, as: "concern" },
      ],
      s,
    );
    expect(refusal(s, { type: "lift", by: "sam", objection: 2 })).toBe("objection_not_standing");
    s = play([{ type: "conclude", by: "mehdi" }], s);
    expect(s.phase).toBe("adopted");
    expect(s.objections.map((o) => o.status)).toEqual(["lifted", "concern"]);
  });

  it("refuses an objection without an argument, and a pass in the objection round", () => {
    const s = play([...toAmendment, { type: "keep", by: "lea" }]);
    expect(refusal(s, { type: "object", by: "sam", argument: "   " })).toBe("objection_without_argument");
    expect(refusal(s, { type: "pass", by: "sam" })).toBe("wrong_phase");
    const t = consentTransition(s, { type: "object", by: "sam", argument: "" });
    if (!t.ok)
      expect(describeIssue(t.error)).toBe(
        "Une objection doit être argumentée : en quoi la proposition nuit-elle au projet ou dépasse-t-elle une limite ?",
      );
  });

  it("closes a round only when everyone has spoken once, and only at the facilitator's call", () => {
    const s = play(toAmendment.slice(0, 3));
    expect(refusal(s, { type: "close_round", by: "mehdi" })).toBe("round_incomplete");
    const t = consentTransition(s, { type: "close_round", by: "mehdi" });
    if (!t.ok)
      expect(describeIssue(t.error, "fr", (id) => ({ ines: "Inès", mehdi: "Mehdi" })[id] ?? id)).toBe(
        "Le tour n'est pas terminé : il reste à entendre Mehdi, Inès.",
      );
    expect(refusal(s, { type: "ask", by: "sam", question: "Encore une ?" })).toBe("already_spoke");
    expect(
      refusal(
        play(
          [
            { type: "pass", by: "ines" },
            { type: "pass", by: "mehdi" },
          ],
          s,
        ),
        { type: "close_round", by: "sam" },
      ),
    ).toBe("not_facilitator");
    // Only the carrier answers; the carrier takes no turn.
    expect(refusal(s, { type: "answer", by: "sam", turn: 0, answer: "…" })).toBe("not_carrier");
    expect(refusal(s, { type: "ask", by: "lea", question: "?" })).toBe("carrier_takes_no_turn");
    expect(refusal(s, { type: "answer", by: "lea", turn: 5, answer: "…" })).toBe("unknown_turn");
  });

  it("lets a late arrival speak from the next round, and someone leaving stop holding the round up", () => {
    let s = play([...toAmendment.slice(0, 3), { type: "join", participant: "noe" }]);
    expect(refusal(s, { type: "pass", by: "noe" })).toBe("not_in_round");
    expect(refusal(s, { type: "pass", by: "zoe" })).toBe("not_participant");
    s = play(
      [
        { type: "pass", by: "ines" },
        { type: "leave", participant: "mehdi" },
        { type: "close_round", by: "mehdi" },
      ],
      s,
    );
    expect(s.round?.roster).toEqual(["sam", "ines", "noe"]);
    expect(refusal(s, { type: "leave", participant: "lea" })).toBe("carrier_cannot_leave");
  });

  it("can be postponed, resumed and withdrawn; a new round supersedes earlier objections", () => {
    let s = play([
      ...toAmendment,
      { type: "keep", by: "lea" },
      { type: "object", by: "sam", argument: "Il manque l'avis des élus." },
      { type: "consent", by: "ines" },
      { type: "consent", by: "mehdi" },
      { type: "close_round", by: "mehdi" },
    ]);
    expect(refusal(s, { type: "postpone", by: "mehdi", until: "2027-02-30", reason: "Avis des élus" })).toBe("invalid_day");
    s = play(
      [
        { type: "postpone", by: "mehdi", until: "2027-03-15", reason: "Attendre l'avis des élus" },
        { type: "resume", by: "mehdi" },
      ],
      s,
    );
    expect([s.phase, s.postponed]).toEqual(["amendment", null]);
    s = play([{ type: "keep", by: "lea" }], s);
    expect(s.objections.map((o) => o.status)).toEqual(["superseded"]);
    expect(refusal(s, { type: "withdraw", by: "sam" })).toBe("not_carrier");
    s = play([{ type: "withdraw", by: "lea" }], s);
    expect(s.phase).toBe("withdrawn");
    expect(refusal(s, { type: "join", participant: "noe" })).toBe("decision_closed");
  });

  it("checks the circle and the texts", () => {
    expect(startConsent({ carrier: "x", facilitator: "f", participants: ["f"] })).toMatchObject({
      ok: false,
      error: { code: "carrier_not_in_circle" },
    });
    const alone = startConsent({ carrier: "x", facilitator: "x", participants: ["x"] });
    if (!alone.ok) throw new Error();
    expect(refusal(alone.state, { type: "present", by: "x", text: TEXT })).toBe("circle_too_small");
    expect(refusal(start(), { type: "present", by: "lea", text: " " })).toBe("text_missing");
    expect(refusal(start(), { type: "present", by: "sam", text: TEXT })).toBe("not_carrier");
    expect(refusal(play(toAmendment), { type: "amend", by: "lea", text: TEXT })).toBe("text_unchanged");
  });
});

// ---------------------------------------------------------------- properties

const PEOPLE = ["sam", "ines", "mehdi", "noe", "lea"];
const TEXTS = ["", "  ", "Proposition A", "Proposition B", "Argument"];
const ALL_TYPES: ConsentEvent["type"][] = [
  "join",
  "leave",
  "present",
  "ask",
  "answer",
  "react",
  "pass",
  "close_round",
  "amend",
  "keep",
  "withdraw",
  "consent",
  "object",
  "concern",
  "lift",
  "integrate",
  "conclude",
  "postpone",
  "resume",
  "back_to_amendment",
  "set_review",
];
const LIKELY: Record<ConsentPhase, ConsentEvent["type"][]> = {
  draft: ["present"],
  clarification: ["ask", "pass", "answer", "close_round"],
  reactions: ["react", "pass", "close_round"],
  amendment: ["keep", "amend"],
  objections: ["consent", "consent", "object", "concern", "close_round"],
  resolution: ["lift", "integrate", "conclude", "back_to_amendment", "postpone"],
  postponed: ["resume"],
  adopted: ["set_review"],
  withdrawn: ["join"],
};

/** A random draw, turned into an event by eventFor. */
const arbDraw = fc.noBias(
  fc.record({
    anyType: fc.nat(4),
    type: fc.nat(20),
    who: fc.nat(PEOPLE.length - 1),
    text: fc.nat(TEXTS.length - 1),
    n: fc.nat(3),
    odd: fc.nat(5),
  }),
);
type Draw = { anyType: number; type: number; who: number; text: number; n: number; odd: number };

/** Often picks an event that fits the phase, and the expected actor, so that runs get far; sometimes anything. */
function eventFor(s: ConsentState, d: Draw): ConsentEvent {
  const types = d.anyType === 0 ? ALL_TYPES : LIKELY[s.phase];
  const type = types[d.type % types.length];
  const by = PEOPLE[d.who];
  const text = TEXTS[d.text];
  const n = d.n;
  const usual = (who: string) => (d.odd === 0 ? by : who);
  switch (type) {
    case "join":
    case "leave":
      return { type, participant: by };
    case "present":
    case "amend":
      return { type, by: usual("lea"), text };
    case "integrate":
      return { type, by: usual("lea"), text, objections: [n + 1] };
    case "ask":
      return { type, by, question: text };
    case "answer":
      return { type, by: usual("lea"), turn: n, answer: text };
    case "react":
    case "concern":
      return { type, by, text };
    case "object":
      return { type, by, argument: text };
    case "lift":
      return { type, by, objection: n + 1, as: n % 2 === 0 ? "lifted" : "concern" };
    case "postpone":
      return { type, by: usual("mehdi"), until: "2027-04-01", reason: text };
    case "set_review":
      return { type, by: usual("mehdi"), on: "2028-01-01" };
    case "keep":
      return { type, by: usual("lea") };
    case "withdraw":
      // Withdrawing ends the run: rarely by the carrier, who alone may.
      return { type, by: d.odd === 0 && d.n === 0 ? "lea" : by === "lea" ? "sam" : by };
    default:
      return { type, by: usual("mehdi") };
  }
}

describe("consent properties", () => {
  it("never adopts while an objection stands, never accepts an unargued objection, never lets anyone speak twice in a round", () => {
    let adopted = 0;
    fc.assert(
      fc.property(fc.array(arbDraw, { minLength: 100, maxLength: 300 }), (draws) => {
        let s = start();
        for (const d of draws) {
          const e = eventFor(s, d);
          const t = consentTransition(s, e);
          if (e.type === "object" && e.argument.trim() === "") expect(t.ok).toBe(false);
          if (!t.ok) continue;
          const before = s;
          s = t.state;
          if (s.phase === "adopted") {
            expect(standing(s.objections)).toEqual([]);
            expect(s.decision).not.toBeNull();
            const lastObjectionRound = [...s.history].reverse().find((x) => x.kind === "objections")!;
            expect(missingSpeakers(lastObjectionRound)).toEqual([]);
            expect(lastObjectionRound.turns.every((x) => x.kind !== "objection" || s.objections.some((o) => o.by === x.by))).toBe(
              true,
            );
          }
          if (before.phase === "adopted" || before.phase === "withdrawn") expect(e.type).toBe("set_review");
          // Archived rounds never change: checking the current one and the last archived is enough.
          for (const round of [s.history.at(-1), s.round]) {
            if (!round) continue;
            const speakers = round.turns.map((x) => x.by);
            expect(new Set(speakers).size).toBe(speakers.length);
            expect(speakers).not.toContain(s.carrier);
          }
          // What still stands was raised against the text now on the table.
          for (const o of standing(s.objections)) expect(o.version).toBe(currentVersion(s));
          if (s.objections.length > before.objections.length) expect(s.objections.at(-1)!.argument.trim()).not.toBe("");
        }
        if (s.phase === "adopted") adopted++;
      }),
      { numRuns: 100 },
    );
    // The generator does reach adoption, so the property is not vacuous.
    expect(adopted).toBeGreaterThan(10);
  });
});
