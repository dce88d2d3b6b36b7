import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AdviceEvent,
  type AdviceState,
  adviceTransition,
  pendingRequests,
  startAdvice,
  unansweredAdvice,
} from "./advice.ts";
import { describeIssue } from "./labels.ts";

const start = (): AdviceState => {
  const t = startAdvice({
    author: "claire",
    proposal: "Mutualiser l'abonnement au logiciel de billetterie entre les six lieux.",
  });
  if (!t.ok) throw new Error(t.error.code);
  return t.state;
};
function play(events: AdviceEvent[], from = start()): AdviceState {
  let s = from;
  for (const e of events) {
    const t = adviceTransition(s, e);
    if (!t.ok) throw new Error(`${e.type}: ${t.error.code}`);
    s = t.state;
  }
  return s;
}
const refusal = (s: AdviceState, e: AdviceEvent) => {
  const t = adviceTransition(s, e);
  return t.ok ? null : t.error.code;
};

describe("advice process", () => {
  const asked: AdviceEvent[] = [
    { type: "request", by: "claire", to: "elodie", kind: "affected", due: "2027-03-10" },
    { type: "request", by: "claire", to: "sophie", kind: "expert", due: "2027-03-10" },
    { type: "request", by: "claire", to: "karim", kind: "affected", due: null },
  ];

  it("decides once everyone asked has answered and every advice has a response", () => {
    let s = play(asked);
    expect(s.phase).toBe("gathering");
    expect(refusal(s, { type: "decide", by: "claire", text: "On mutualise.", today: "2027-03-01" })).toBe("advice_pending");
    s = play(
      [
        { type: "give", from: "elodie", text: "Oui, mais gardons nos tarifs propres." },
        { type: "give", from: "sophie", text: "Attention au contrat : un seul titulaire." },
        { type: "decline", from: "karim" },
        // Unrequested advice is welcome, and needs an answer too.
        { type: "give", from: "jeanmarc", text: "Pensez aux bénévoles qui tiennent la caisse." },
      ],
      s,
    );
    expect(s.advice.map((a) => a.requested)).toEqual([true, true, false]);
    expect(refusal(s, { type: "decide", by: "claire", text: "On mutualise.", today: "2027-03-01" })).toBe("advice_unanswered");
    const t = adviceTransition(s, { type: "decide", by: "claire", text: "On mutualise.", today: "2027-03-01" });
    if (!t.ok)
      expect(
        describeIssue(t.error, "fr", (id) => ({ elodie: "Élodie", sophie: "Sophie", jeanmarc: "Jean-Marc" })[id] ?? id),
      ).toBe("Répondez d'abord à chaque avis reçu ; restent sans réponse les avis donnés par Élodie, Sophie, Jean-Marc.");
    expect(refusal(s, { type: "respond", by: "elodie", advice: 1, text: "…" })).toBe("not_author");
    s = play(
      [
        { type: "respond", by: "claire", advice: 1, text: "Chaque lieu garde sa grille tarifaire." },
        { type: "respond", by: "claire", advice: 2, text: "La SCIC sera titulaire du contrat." },
        { type: "respond", by: "claire", advice: 3, text: "Une formation à la caisse sera proposée." },
        { type: "decide", by: "claire", text: "La SCIC souscrit l'abonnement pour les six lieux.", today: "2027-03-01" },
      ],
      s,
    );
    expect(s.phase).toBe("decided");
    expect(s.decision).toEqual({
      text: "La SCIC souscrit l'abonnement pour les six lieux.",
      on: "2027-03-01",
      unansweredAtDeadline: [],
    });
    expect(refusal(s, { type: "give", from: "noe", text: "Trop tard ?" })).toBe("advice_closed");
  });

  it("lets the author decide after the deadline without the silent answers, and records them", () => {
    const s = play([
      ...asked.slice(0, 2),
      { type: "give", from: "sophie", text: "D'accord." },
      { type: "respond", by: "claire", advice: 1, text: "Merci." },
    ]);
    // The deadline is the last day to answer: on that day the advice is still awaited.
    expect(refusal(s, { type: "decide", by: "claire", text: "On y va.", today: "2027-03-10" })).toBe("advice_pending");
    const t = adviceTransition(s, { type: "decide", by: "claire", text: "On y va.", today: "2027-03-10" });
    if (!t.ok) expect(t.error.params.until).toBe("2027-03-10");
    expect(pendingRequests(s, "2027-03-11")).toEqual([]);
    const decided = play([{ type: "decide", by: "claire", text: "On y va.", today: "2027-03-11" }], s);
    expect(decided.decision!.unansweredAtDeadline).toEqual(["elodie"]);
  });

  it("never lets someone without a deadline be skipped", () => {
    const s = play([asked[2]]);
    expect(refusal(s, { type: "decide", by: "claire", text: "On y va.", today: "2099-01-01" })).toBe("advice_pending");
    const t = adviceTransition(s, { type: "decide", by: "claire", text: "On y va.", today: "2099-01-01" });
    if (!t.ok)
      expect(describeIssue(t.error)).toBe("Des avis sont attendus (karim) : vous pourrez décider dès qu'ils auront répondu.");
  });

  it("guards the author's role and the inputs", () => {
    const s = start();
    expect(refusal(s, { type: "decide", by: "claire", text: "Seule.", today: "2027-03-01" })).toBe("no_advice_requested");
    expect(refusal(s, { type: "give", from: "elodie", text: "Trop tôt" })).toBe("wrong_phase");
    expect(refusal(s, { type: "request", by: "elodie", to: "sophie", kind: "expert" })).toBe("not_author");
    expect(refusal(s, { type: "request", by: "claire", to: "claire", kind: "expert" })).toBe("author_cannot_advise");
    expect(refusal(s, { type: "request", by: "claire", to: "sophie", kind: "expert", due: "10/03/2027" })).toBe("invalid_day");
    const g = play([asked[0]]);
    expect(refusal(g, asked[0])).toBe("already_requested");
    expect(refusal(g, { type: "decline", from: "karim" })).toBe("not_requested");
    expect(refusal(g, { type: "give", from: "elodie", text: " " })).toBe("text_missing");
    expect(refusal(g, { type: "respond", by: "claire", advice: 9, text: "?" })).toBe("unknown_advice");
    expect(refusal(play([{ type: "decline", from: "elodie" }], g), { type: "decline", from: "elodie" })).toBe("already_answered");
    expect(startAdvice({ author: "x", proposal: "" })).toMatchObject({ ok: false, error: { code: "text_missing" } });
    expect(play([{ type: "withdraw", by: "claire" }], g).phase).toBe("withdrawn");
  });

  it("property: a decision always comes after every request was answered or expired and every advice got a response", () => {
    const people = ["elodie", "sophie", "karim", "noe"];
    // Weighted towards giving and answering advice, so that many runs reach a decision.
    const arbEvent: fc.Arbitrary<AdviceEvent> = fc.oneof(
      {
        weight: 2,
        arbitrary: fc.record({
          type: fc.constant("request" as const),
          by: fc.constantFrom("claire", "claire", "elodie"),
          to: fc.constantFrom(...people),
          kind: fc.constantFrom("affected" as const, "expert" as const),
          due: fc.constantFrom(null, "2027-03-05", "2027-03-10"),
        }),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          type: fc.constant("give" as const),
          from: fc.constantFrom(...people, "claire"),
          text: fc.constantFrom("", "Avis", "Autre avis"),
        }),
      },
      { weight: 1, arbitrary: fc.record({ type: fc.constant("decline" as const), from: fc.constantFrom(...people) }) },
      {
        weight: 4,
        arbitrary: fc.record({
          type: fc.constant("respond" as const),
          by: fc.constant("claire"),
          advice: fc.integer({ min: 1, max: 4 }),
          text: fc.constantFrom("", "Réponse", "Merci"),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          type: fc.constant("decide" as const),
          by: fc.constantFrom("claire", "claire", "sophie"),
          text: fc.constant("Décision"),
          today: fc.constantFrom("2027-03-01", "2027-03-08", "2027-03-20"),
        }),
      },
    );
    let decided = 0;
    fc.assert(
      fc.property(fc.noBias(fc.array(arbEvent, { minLength: 20, maxLength: 60 })), (events) => {
        let s = start();
        for (const e of events) {
          const t = adviceTransition(s, e);
          if (!t.ok) continue;
          if (t.state.phase === "decided" && s.phase !== "decided" && e.type === "decide") {
            expect(e.by).toBe("claire");
            expect(s.requests.length).toBeGreaterThan(0);
            expect(pendingRequests(s, e.today)).toEqual([]);
            expect(unansweredAdvice(s)).toEqual([]);
            decided++;
          }
          s = t.state;
        }
      }),
      { numRuns: 300 },
    );
    // The generator does reach decisions, so the property is not vacuous.
    expect(decided).toBeGreaterThan(20);
  });
});
