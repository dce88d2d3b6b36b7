// Decision by consent (gestion par consentement, domain rules §5.1): a proposal is adopted when nobody raises an
// argued objection, not when everybody says yes. The machine below encodes the rounds of the Université du Nous
// method; the facilitator drives it, the carrier (porteur) owns the text, each participant speaks once per round.
//
// draft ─present→ clarification ─close→ reactions ─close→ amendment ─amend|keep→ objections
// objections ─close, none→ adopted      objections ─close, some→ resolution
// resolution ─integrate→ objections (new round)   ─lift all, conclude→ adopted
//            ─postpone→ postponed ─resume→ amendment        ─back_to_amendment→ amendment
// any open phase ─withdraw→ withdrawn

import { accept, hasText, isDay, refuse, type Transition } from "./issues.ts";
import {
  hasSpoken,
  missingSpeakers,
  type Objection,
  type Round,
  standing,
  startRound,
  supersedeStanding,
  type Turn,
  withStatus,
} from "./rounds.ts";

export type ConsentPhase =
  | "draft"
  | "clarification"
  | "reactions"
  | "amendment"
  | "objections"
  | "resolution"
  | "postponed"
  | "adopted"
  | "withdrawn";

export type ConsentRoundKind = "clarification" | "reactions" | "objections";

export interface ProposalVersion {
  version: number;
  text: string;
  /** Why this version exists: the first text, the carrier's amendment, or an amendment answering objections. */
  origin: "initial" | "amendment" | "integration";
}

export interface ConsentDecision {
  text: string;
  version: number;
  /** Who took part in the last objection round, and the carrier. */
  participants: string[];
  objectionRounds: number;
}

export interface ConsentState {
  phase: ConsentPhase;
  carrier: string;
  facilitator: string;
  /** The circle. The carrier is part of it but does not take turns: carrying the proposal is consenting to it. */
  participants: string[];
  versions: ProposalVersion[];
  round: Round<ConsentRoundKind> | null;
  /** Every round so far, the current one last once it is closed. */
  history: Array<Round<ConsentRoundKind>>;
  objections: Objection[];
  postponed: { until: string; reason: string } | null;
  /** Consent "à l'essai": the day the decision is to be reviewed. */
  reviewOn: string | null;
  decision: ConsentDecision | null;
}

export type ConsentEvent =
  | { type: "join"; participant: string }
  | { type: "leave"; participant: string }
  | { type: "present"; by: string; text: string }
  | { type: "ask"; by: string; question: string }
  | { type: "answer"; by: string; turn: number; answer: string }
  | { type: "react"; by: string; text: string }
  | { type: "pass"; by: string }
  | { type: "close_round"; by: string }
  | { type: "amend"; by: string; text: string }
  | { type: "keep"; by: string }
  | { type: "withdraw"; by: string }
  | { type: "consent"; by: string }
  | { type: "object"; by: string; argument: string }
  | { type: "concern"; by: string; text: string }
  | { type: "lift"; by: string; objection: number; as?: "lifted" | "concern" }
  | { type: "integrate"; by: string; text: string; objections: number[] }
  | { type: "conclude"; by: string }
  | { type: "postpone"; by: string; until: string; reason: string }
  | { type: "resume"; by: string }
  | { type: "back_to_amendment"; by: string }
  | { type: "set_review"; by: string; on: string };

export type ConsentIssueCode =
  | "circle_too_small"
  | "carrier_not_in_circle"
  | "already_participant"
  | "not_participant"
  | "carrier_cannot_leave"
  | "wrong_phase"
  | "decision_closed"
  | "not_carrier"
  | "not_facilitator"
  | "not_in_round"
  | "carrier_takes_no_turn"
  | "already_spoke"
  | "text_missing"
  | "text_unchanged"
  | "objection_without_argument"
  | "round_incomplete"
  | "objections_stand"
  | "unknown_turn"
  | "unknown_objection"
  | "objection_not_standing"
  | "not_objector"
  | "no_objection_named"
  | "invalid_day";

/** Starts a consent decision in the draft phase: the circle is set before the proposal is presented. */
export function startConsent(input: {
  carrier: string;
  facilitator: string;
  participants: string[];
}): Transition<ConsentState, ConsentIssueCode> {
  const participants = [...new Set(input.participants)];
  if (!participants.includes(input.carrier)) return refuse("carrier_not_in_circle", { who: input.carrier });
  return accept({
    phase: "draft",
    carrier: input.carrier,
    facilitator: input.facilitator,
    participants,
    versions: [],
    round: null,
    history: [],
    objections: [],
    postponed: null,
    reviewOn: null,
    decision: null,
  });
}

/** The text under discussion (the last version), or "" before it is presented. */
export const currentText = (s: ConsentState): string => s.versions.at(-1)?.text ?? "";
export const currentVersion = (s: ConsentState): number => s.versions.at(-1)?.version ?? 0;

const roundCount = (s: ConsentState, kind: ConsentRoundKind) =>
  s.history.filter((r) => r.kind === kind).length + (s.round?.kind === kind ? 1 : 0);

/** Those who take turns: the circle without the carrier. */
const rosterOf = (s: ConsentState) => s.participants.filter((p) => p !== s.carrier);

function openRound(s: ConsentState, kind: ConsentRoundKind, phase: ConsentPhase): ConsentState {
  const archived = s.round ? [...s.history, s.round] : s.history;
  const next = { ...s, history: archived, round: null };
  return { ...next, phase, round: startRound(kind, roundCount(next, kind) + 1, rosterOf(s)) };
}

/** Every new objection round asks everybody again: standing objections of the earlier text are superseded. */
const openObjectionRound = (s: ConsentState): ConsentState =>
  openRound({ ...s, objections: supersedeStanding(s.objections) }, "objections", "objections");

function closeRound(s: ConsentState): ConsentState {
  return { ...s, history: s.round ? [...s.history, s.round] : s.history, round: null };
}

function adopt(s: ConsentState): ConsentState {
  const last = [...s.history].reverse().find((r) => r.kind === "objections");
  return {
    ...s,
    phase: "adopted",
    decision: {
      text: currentText(s),
      version: currentVersion(s),
      participants: [s.carrier, ...(last?.roster ?? [])],
      objectionRounds: s.history.filter((r) => r.kind === "objections").length,
    },
  };
}

const addVersion = (s: ConsentState, text: string, origin: ProposalVersion["origin"]): ConsentState => ({
  ...s,
  versions: [...s.versions, { version: currentVersion(s) + 1, text: text.trim(), origin }],
});

/** A turn in the current round, after the checks every turn shares. */
function speak(s: ConsentState, kind: ConsentRoundKind, turn: Turn): Transition<ConsentState, ConsentIssueCode> {
  if (s.phase !== kind || !s.round) return refuse("wrong_phase", { phase: s.phase });
  if (turn.by === s.carrier) return refuse("carrier_takes_no_turn", { who: turn.by });
  if (!s.round.roster.includes(turn.by))
    return refuse(s.participants.includes(turn.by) ? "not_in_round" : "not_participant", { who: turn.by });
  if (hasSpoken(s.round, turn.by)) return refuse("already_spoke", { who: turn.by });
  return accept({ ...s, round: { ...s.round, turns: [...s.round.turns, turn] } });
}

const TERMINAL: ConsentPhase[] = ["adopted", "withdrawn"];

/**
 * The consent machine. Pure: returns the next state, or a refusal with the reason (the state is then unchanged).
 * Guards: the facilitator closes rounds and steers; the carrier presents, answers, amends and withdraws; an
 * objection needs an argument; a round closes only when everyone of its roster has spoken once; the proposal is
 * adopted only when no objection stands.
 */
export function consentTransition(s: ConsentState, e: ConsentEvent): Transition<ConsentState, ConsentIssueCode> {
  if (TERMINAL.includes(s.phase) && !(e.type === "set_review" && s.phase === "adopted")) {
    return refuse("decision_closed", { phase: s.phase });
  }
  const byFacilitator = "by" in e && e.by === s.facilitator;
  const byCarrier = "by" in e && e.by === s.carrier;

  switch (e.type) {
    case "join":
      if (s.participants.includes(e.participant)) return refuse("already_participant", { who: e.participant });
      return accept({ ...s, participants: [...s.participants, e.participant] });

    case "leave": {
      if (!s.participants.includes(e.participant)) return refuse("not_participant", { who: e.participant });
      if (e.participant === s.carrier) return refuse("carrier_cannot_leave", { who: e.participant });
      // Someone who leaves mid-round no longer holds it up; what they already said stays, objections included.
      const round =
        s.round && !hasSpoken(s.round, e.participant)
          ? { ...s.round, roster: s.round.roster.filter((p) => p !== e.participant) }
          : s.round;
      return accept({ ...s, participants: s.participants.filter((p) => p !== e.participant), round });
    }

    case "present":
      if (s.phase !== "draft") return refuse("wrong_phase", { phase: s.phase });
      if (!byCarrier) return refuse("not_carrier", { who: e.by });
      if (!hasText(e.text)) return refuse("text_missing");
      if (rosterOf(s).length === 0) return refuse("circle_too_small");
      return accept(openRound(addVersion(s, e.text, "initial"), "clarification", "clarification"));

    case "ask":
      if (!hasText(e.question)) return refuse("text_missing");
      return speak(s, "clarification", { by: e.by, kind: "question", text: e.question.trim(), answer: null });

    case "answer": {
      // Only the carrier answers questions of understanding; opinions wait for the next round.
      if (s.phase !== "clarification" || !s.round) return refuse("wrong_phase", { phase: s.phase });
      if (!byCarrier) return refuse("not_carrier", { who: e.by });
      const t = s.round.turns[e.turn];
      if (t?.kind !== "question") return refuse("unknown_turn", { turn: e.turn });
      if (!hasText(e.answer)) return refuse("text_missing");
      const turns = s.round.turns.map((x, i) => (i === e.turn ? { ...x, answer: e.answer.trim() } : x));
      return accept({ ...s, round: { ...s.round, turns } });
    }

    case "react":
      if (!hasText(e.text)) return refuse("text_missing");
      return speak(s, "reactions", { by: e.by, kind: "reaction", text: e.text.trim(), answer: null });

    case "pass":
      // One may pass on questions and reactions; in an objection round one must say whether one objects.
      if (s.phase !== "clarification" && s.phase !== "reactions") return refuse("wrong_phase", { phase: s.phase });
      return speak(s, s.phase, { by: e.by, kind: "pass", text: "", answer: null });

    case "consent":
      return speak(s, "objections", { by: e.by, kind: "consent", text: "", answer: null });

    case "concern":
      if (!hasText(e.text)) return refuse("text_missing");
      return speak(s, "objections", { by: e.by, kind: "concern", text: e.text.trim(), answer: null });

    case "object": {
      if (s.phase !== "objections") return refuse("wrong_phase", { phase: s.phase });
      if (!hasText(e.argument)) return refuse("objection_without_argument", { who: e.by });
      const spoken = speak(s, "objections", { by: e.by, kind: "objection", text: e.argument.trim(), answer: null });
      if (!spoken.ok || !spoken.state.round) return spoken;
      const objection: Objection = {
        id: s.objections.length + 1,
        by: e.by,
        argument: e.argument.trim(),
        version: currentVersion(s),
        round: spoken.state.round.number,
        status: "standing",
      };
      return accept({ ...spoken.state, objections: [...s.objections, objection] });
    }

    case "close_round": {
      if (!byFacilitator) return refuse("not_facilitator", { who: e.by });
      if (!s.round || (s.phase !== "clarification" && s.phase !== "reactions" && s.phase !== "objections")) {
        return refuse("wrong_phase", { phase: s.phase });
      }
      const missing = missingSpeakers(s.round);
      if (missing.length > 0) return refuse("round_incomplete", { missing: missing.join(", "), count: missing.length });
      if (s.phase === "clarification") return accept(openRound(s, "reactions", "reactions"));
      if (s.phase === "reactions") return accept({ ...closeRound(s), phase: "amendment" });
      const closed = closeRound(s);
      return accept(standing(s.objections).length === 0 ? adopt(closed) : { ...closed, phase: "resolution" });
    }

    case "amend":
      if (s.phase !== "amendment") return refuse("wrong_phase", { phase: s.phase });
      if (!byCarrier) return refuse("not_carrier", { who: e.by });
      if (!hasText(e.text)) return refuse("text_missing");
      if (e.text.trim() === currentText(s)) return refuse("text_unchanged");
      return accept(openObjectionRound(addVersion(s, e.text, "amendment")));

    case "keep":
      if (s.phase !== "amendment") return refuse("wrong_phase", { phase: s.phase });
      if (!byCarrier) return refuse("not_carrier", { who: e.by });
      return accept(openObjectionRound(s));

    case "withdraw":
      if (!byCarrier) return refuse("not_carrier", { who: e.by });
      return accept({ ...closeRound(s), phase: "withdrawn" });

    case "lift": {
      if (s.phase !== "resolution") return refuse("wrong_phase", { phase: s.phase });
      const o = s.objections.find((x) => x.id === e.objection);
      if (!o) return refuse("unknown_objection", { objection: e.objection });
      if (o.status !== "standing") return refuse("objection_not_standing", { objection: e.objection });
      // Only the objector can say their objection is answered, or only a preference.
      if (o.by !== e.by) return refuse("not_objector", { who: e.by, objector: o.by });
      return accept({ ...s, objections: withStatus(s.objections, [o.id], e.as ?? "lifted") });
    }

    case "integrate": {
      if (s.phase !== "resolution") return refuse("wrong_phase", { phase: s.phase });
      if (!byCarrier) return refuse("not_carrier", { who: e.by });
      if (e.objections.length === 0) return refuse("no_objection_named");
      for (const id of e.objections) {
        const o = s.objections.find((x) => x.id === id);
        if (!o) return refuse("unknown_objection", { objection: id });
        if (o.status !== "standing") return refuse("objection_not_standing", { objection: id });
      }
      if (!hasText(e.text)) return refuse("text_missing");
      if (e.text.trim() === currentText(s)) return refuse("text_unchanged");
      const integrated = { ...s, objections: withStatus(s.objections, e.objections, "integrated") };
      return accept(openObjectionRound(addVersion(integrated, e.text, "integration")));
    }

    case "conclude":
      if (s.phase !== "resolution") return refuse("wrong_phase", { phase: s.phase });
      if (!byFacilitator) return refuse("not_facilitator", { who: e.by });
      if (standing(s.objections).length > 0) return refuse("objections_stand", { count: standing(s.objections).length });
      return accept(adopt(s));

    case "postpone":
      if (s.phase !== "resolution") return refuse("wrong_phase", { phase: s.phase });
      if (!byFacilitator) return refuse("not_facilitator", { who: e.by });
      if (!isDay(e.until)) return refuse("invalid_day", { text: e.until });
      if (!hasText(e.reason)) return refuse("text_missing");
      return accept({ ...s, phase: "postponed", postponed: { until: e.until, reason: e.reason.trim() } });

    case "resume":
      if (s.phase !== "postponed") return refuse("wrong_phase", { phase: s.phase });
      if (!byFacilitator) return refuse("not_facilitator", { who: e.by });
      return accept({ ...s, phase: "amendment", postponed: null });

    case "back_to_amendment":
      if (s.phase !== "resolution") return refuse("wrong_phase", { phase: s.phase });
      if (!byFacilitator) return refuse("not_facilitator", { who: e.by });
      return accept({ ...s, phase: "amendment" });

    case "set_review":
      if (!byFacilitator) return refuse("not_facilitator", { who: e.by });
      if (!isDay(e.on)) return refuse("invalid_day", { text: e.on });
      return accept({ ...s, reviewOn: e.on });
  }
}

/** Applies events in order and stops at the first refusal, with its index: handy to replay a stored log. */
export function replayConsent(
  start: ConsentState,
  events: ConsentEvent[],
): { state: ConsentState; refused: { index: number; code: ConsentIssueCode } | null } {
  let state = start;
  for (let index = 0; index < events.length; index++) {
    const t = consentTransition(state, events[index]);
    if (!t.ok) return { state, refused: { index, code: t.error.code } };
    state = t.state;
  }
  return { state, refused: null };
}
