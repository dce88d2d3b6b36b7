// Election without candidates (élection sans candidat, domain rules §5.2): nobody runs; the circle describes the
// role, each member names the person they see in it and says why, people may change their mind in the light of
// the reasons heard, the facilitator proposes someone, and the election is a consent round where the proposed
// person speaks last.
//
// role ─open_nominations→ nominations ─close_nominations→ changes ─close_changes→ proposal ─propose→ objections
// objections ─close, none→ elected        objections ─close, some→ resolution
// resolution ─bonify→ objections (new round, same person)  ─reopen_proposal→ proposal  ─lift all, conclude→ elected
// any open phase ─abandon→ abandoned

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

export type ElectionPhase =
  | "role"
  | "nominations"
  | "changes"
  | "proposal"
  | "objections"
  | "resolution"
  | "elected"
  | "abandoned";

export interface RoleDefinition {
  name: string;
  mission: string;
  /** Redevabilités: what the person is accountable for. May be empty. */
  accountabilities: string[];
  /** The qualities the circle looks for: nominations are argued against them. At least one. */
  criteria: string[];
  /** The mandate is bounded, so a renewal can be planned (§5.2). */
  mandateStart: string;
  mandateEnd: string;
  /** The role of the mandate the elected person then holds in the body (a mandate role key), if the app makes one. */
  mandateRole?: string;
}

export interface Nomination {
  by: string;
  nominee: string;
  reason: string;
}

export interface VoteChange {
  by: string;
  from: string;
  to: string;
  reason: string;
}

export interface ElectionResult {
  person: string;
  role: RoleDefinition;
  /** Adjustments agreed in the objection rounds (bonification), e.g. "mandate of one year, reviewed in June". */
  conditions: string[];
  votes: NomineeTally[];
  objectionRounds: number;
}

export interface ElectionState {
  phase: ElectionPhase;
  facilitator: string;
  participants: string[];
  role: RoleDefinition | null;
  /** Who fills a ballot: the circle when nominations open. */
  electors: string[];
  nominations: Nomination[];
  changes: VoteChange[];
  /** The person under consent, once proposed. */
  proposed: string | null;
  /** Counts proposals and bonifications: each asks for a new full objection round. */
  proposalVersion: number;
  proposals: string[];
  conditions: string[];
  round: Round<"objections"> | null;
  history: Array<Round<"objections">>;
  objections: Objection[];
  result: ElectionResult | null;
}

export type ElectionEvent =
  | { type: "join"; participant: string }
  | { type: "leave"; participant: string }
  | { type: "define_role"; by: string; role: RoleDefinition }
  | { type: "open_nominations"; by: string }
  | { type: "nominate"; by: string; nominee: string; reason: string }
  | { type: "close_nominations"; by: string }
  | { type: "change"; by: string; nominee: string; reason: string }
  | { type: "close_changes"; by: string }
  | { type: "propose"; by: string; nominee: string }
  | { type: "consent"; by: string }
  | { type: "object"; by: string; argument: string }
  | { type: "concern"; by: string; text: string }
  | { type: "close_round"; by: string }
  | { type: "lift"; by: string; objection: number; as?: "lifted" | "concern" }
  | { type: "bonify"; by: string; condition: string; objections: number[] }
  | { type: "reopen_proposal"; by: string }
  | { type: "conclude"; by: string }
  | { type: "abandon"; by: string };

export type ElectionIssueCode =
  | "circle_too_small"
  | "already_participant"
  | "not_participant"
  | "wrong_phase"
  | "election_closed"
  | "not_facilitator"
  | "role_missing"
  | "role_incomplete"
  | "invalid_day"
  | "mandate_end_before_start"
  | "not_elector"
  | "already_nominated"
  | "nominee_not_in_circle"
  | "reason_missing"
  | "nominations_missing"
  | "already_changed"
  | "nominee_not_nominated"
  | "same_nominee"
  | "nominee_without_votes"
  | "not_in_round"
  | "already_spoke"
  | "nominee_speaks_last"
  | "objection_without_argument"
  | "text_missing"
  | "round_incomplete"
  | "objections_stand"
  | "unknown_objection"
  | "objection_not_standing"
  | "not_objector"
  | "no_objection_named";

export function startElection(input: { facilitator: string; participants: string[] }): ElectionState {
  return {
    phase: "role",
    facilitator: input.facilitator,
    participants: [...new Set(input.participants)],
    role: null,
    electors: [],
    nominations: [],
    changes: [],
    proposed: null,
    proposalVersion: 0,
    proposals: [],
    conditions: [],
    round: null,
    history: [],
    objections: [],
    result: null,
  };
}

export interface NomineeTally {
  nominee: string;
  votes: number;
  /** Who names this person now, with the reason they gave (the last one, after a change). */
  supporters: Array<{ by: string; reason: string }>;
}

/** Each elector's current choice: their ballot, or their change. Sorted by votes, then by id for a stable order. */
export function nominationTally(s: Pick<ElectionState, "nominations" | "changes">): NomineeTally[] {
  const current = new Map(s.nominations.map((n) => [n.by, { nominee: n.nominee, reason: n.reason }]));
  for (const c of s.changes) current.set(c.by, { nominee: c.to, reason: c.reason });
  const byNominee = new Map<string, NomineeTally>();
  for (const [by, { nominee, reason }] of current) {
    const t = byNominee.get(nominee) ?? { nominee, votes: 0, supporters: [] };
    t.votes += 1;
    t.supporters.push({ by, reason });
    byNominee.set(nominee, t);
  }
  return [...byNominee.values()].sort(
    (a, b) => b.votes - a.votes || (a.nominee < b.nominee ? -1 : a.nominee > b.nominee ? 1 : 0),
  );
}

/** The people with the most votes: one, or several on a tie (the facilitator then tests them in turn, §5.2). */
export function leaders(s: Pick<ElectionState, "nominations" | "changes">): string[] {
  const t = nominationTally(s);
  return t.filter((x) => x.votes === t[0]?.votes).map((x) => x.nominee);
}

function roleIssue(role: RoleDefinition): Transition<ElectionState, ElectionIssueCode> | null {
  if (!hasText(role.name)) return refuse("role_incomplete", { field: "name" });
  if (!hasText(role.mission)) return refuse("role_incomplete", { field: "mission" });
  if (role.criteria.filter(hasText).length === 0) return refuse("role_incomplete", { field: "criteria" });
  if (!isDay(role.mandateStart)) return refuse("invalid_day", { text: role.mandateStart });
  if (!isDay(role.mandateEnd)) return refuse("invalid_day", { text: role.mandateEnd });
  if (role.mandateEnd <= role.mandateStart) return refuse("mandate_end_before_start");
  return null;
}

/** A new consent round on the proposed person: everybody again, the proposed person last. */
function openObjectionRound(s: ElectionState): ElectionState {
  return {
    ...s,
    phase: "objections",
    proposalVersion: s.proposalVersion + 1,
    objections: supersedeStanding(s.objections),
    round: startRound("objections", s.history.length + 1, s.participants),
  };
}

function elect(s: ElectionState): ElectionState {
  return {
    ...s,
    phase: "elected",
    result: {
      person: s.proposed ?? "",
      role: s.role!,
      conditions: [...s.conditions],
      votes: nominationTally(s),
      objectionRounds: s.history.length,
    },
  };
}

function speak(s: ElectionState, turn: Turn): Transition<ElectionState, ElectionIssueCode> {
  if (s.phase !== "objections" || !s.round) return refuse("wrong_phase", { phase: s.phase });
  if (!s.round.roster.includes(turn.by))
    return refuse(s.participants.includes(turn.by) ? "not_in_round" : "not_participant", { who: turn.by });
  if (hasSpoken(s.round, turn.by)) return refuse("already_spoke", { who: turn.by });
  // The proposed person hears everyone before saying whether they take the role (§5.2).
  if (turn.by === s.proposed && missingSpeakers(s.round).some((p) => p !== s.proposed)) {
    return refuse("nominee_speaks_last", { who: turn.by });
  }
  return accept({ ...s, round: { ...s.round, turns: [...s.round.turns, turn] } });
}

const TERMINAL: ElectionPhase[] = ["elected", "abandoned"];

/**
 * The election machine. Pure: the next state, or a refusal with its reason (the state is then unchanged).
 * Guards: one ballot per elector with a reason and a member of the circle as nominee (self allowed, no
 * abstention); changes only towards someone already nominated, once, argued; the proposed person must have at
 * least one vote; objections are argued; the round closes once the proposed person, who speaks last, has spoken;
 * nobody is elected while an objection stands.
 */
export function electionTransition(s: ElectionState, e: ElectionEvent): Transition<ElectionState, ElectionIssueCode> {
  if (TERMINAL.includes(s.phase)) return refuse("election_closed", { phase: s.phase });
  const byFacilitator = "by" in e && e.by === s.facilitator;
  const facilitatorOnly = (): Transition<ElectionState, ElectionIssueCode> | null =>
    byFacilitator ? null : refuse("not_facilitator", { who: "by" in e ? e.by : "" });

  switch (e.type) {
    case "join":
      if (s.participants.includes(e.participant)) return refuse("already_participant", { who: e.participant });
      return accept({ ...s, participants: [...s.participants, e.participant] });

    case "leave": {
      if (!s.participants.includes(e.participant)) return refuse("not_participant", { who: e.participant });
      const round =
        s.round && !hasSpoken(s.round, e.participant)
          ? { ...s.round, roster: s.round.roster.filter((p) => p !== e.participant) }
          : s.round;
      const ballotCast = s.nominations.some((n) => n.by === e.participant);
      return accept({
        ...s,
        participants: s.participants.filter((p) => p !== e.participant),
        electors: ballotCast ? s.electors : s.electors.filter((p) => p !== e.participant),
        round,
      });
    }

    case "define_role": {
      if (s.phase !== "role") return refuse("wrong_phase", { phase: s.phase });
      const denied = facilitatorOnly() ?? roleIssue(e.role);
      if (denied) return denied;
      const role = { ...e.role, criteria: e.role.criteria.filter(hasText).map((c) => c.trim()) };
      return accept({ ...s, role });
    }

    case "open_nominations": {
      if (s.phase !== "role") return refuse("wrong_phase", { phase: s.phase });
      const denied = facilitatorOnly();
      if (denied) return denied;
      if (!s.role) return refuse("role_missing");
      if (s.participants.length < 2) return refuse("circle_too_small");
      return accept({ ...s, phase: "nominations", electors: [...s.participants] });
    }

    case "nominate":
      if (s.phase !== "nominations") return refuse("wrong_phase", { phase: s.phase });
      if (!s.electors.includes(e.by)) return refuse("not_elector", { who: e.by });
      if (s.nominations.some((n) => n.by === e.by)) return refuse("already_nominated", { who: e.by });
      if (!s.participants.includes(e.nominee)) return refuse("nominee_not_in_circle", { who: e.nominee });
      if (!hasText(e.reason)) return refuse("reason_missing", { who: e.by });
      return accept({ ...s, nominations: [...s.nominations, { by: e.by, nominee: e.nominee, reason: e.reason.trim() }] });

    case "close_nominations": {
      if (s.phase !== "nominations") return refuse("wrong_phase", { phase: s.phase });
      const denied = facilitatorOnly();
      if (denied) return denied;
      // No abstention: every elector fills a ballot (§5.2).
      const missing = s.electors.filter((p) => !s.nominations.some((n) => n.by === p));
      if (missing.length > 0) return refuse("nominations_missing", { missing: missing.join(", "), count: missing.length });
      return accept({ ...s, phase: "changes" });
    }

    case "change": {
      if (s.phase !== "changes") return refuse("wrong_phase", { phase: s.phase });
      const ballot = s.nominations.find((n) => n.by === e.by);
      if (!ballot) return refuse("not_elector", { who: e.by });
      if (s.changes.some((c) => c.by === e.by)) return refuse("already_changed", { who: e.by });
      if (!s.nominations.some((n) => n.nominee === e.nominee)) return refuse("nominee_not_nominated", { who: e.nominee });
      if (ballot.nominee === e.nominee) return refuse("same_nominee", { who: e.nominee });
      if (!hasText(e.reason)) return refuse("reason_missing", { who: e.by });
      return accept({
        ...s,
        changes: [...s.changes, { by: e.by, from: ballot.nominee, to: e.nominee, reason: e.reason.trim() }],
      });
    }

    case "close_changes": {
      if (s.phase !== "changes") return refuse("wrong_phase", { phase: s.phase });
      return facilitatorOnly() ?? accept({ ...s, phase: "proposal" });
    }

    case "propose": {
      if (s.phase !== "proposal") return refuse("wrong_phase", { phase: s.phase });
      const denied = facilitatorOnly();
      if (denied) return denied;
      if (!nominationTally(s).some((t) => t.nominee === e.nominee)) return refuse("nominee_without_votes", { who: e.nominee });
      if (!s.participants.includes(e.nominee)) return refuse("nominee_not_in_circle", { who: e.nominee });
      return accept(openObjectionRound({ ...s, proposed: e.nominee, proposals: [...s.proposals, e.nominee], conditions: [] }));
    }

    case "consent":
      return speak(s, { by: e.by, kind: "consent", text: "", answer: null });

    case "concern":
      if (!hasText(e.text)) return refuse("text_missing");
      return speak(s, { by: e.by, kind: "concern", text: e.text.trim(), answer: null });

    case "object": {
      if (s.phase !== "objections") return refuse("wrong_phase", { phase: s.phase });
      if (!hasText(e.argument)) return refuse("objection_without_argument", { who: e.by });
      const spoken = speak(s, { by: e.by, kind: "objection", text: e.argument.trim(), answer: null });
      if (!spoken.ok || !spoken.state.round) return spoken;
      const objection: Objection = {
        id: s.objections.length + 1,
        by: e.by,
        argument: e.argument.trim(),
        version: s.proposalVersion,
        round: spoken.state.round.number,
        status: "standing",
      };
      return accept({ ...spoken.state, objections: [...s.objections, objection] });
    }

    case "close_round": {
      if (s.phase !== "objections" || !s.round) return refuse("wrong_phase", { phase: s.phase });
      const denied = facilitatorOnly();
      if (denied) return denied;
      const missing = missingSpeakers(s.round);
      // The proposed person's answer is required even if they left the roster: without it nobody is elected.
      if (s.proposed !== null && !hasSpoken(s.round, s.proposed) && !missing.includes(s.proposed)) missing.push(s.proposed);
      if (missing.length > 0) return refuse("round_incomplete", { missing: missing.join(", "), count: missing.length });
      const closed = { ...s, history: [...s.history, s.round], round: null };
      return accept(standing(s.objections).length === 0 ? elect(closed) : { ...closed, phase: "resolution" });
    }

    case "lift": {
      if (s.phase !== "resolution") return refuse("wrong_phase", { phase: s.phase });
      const o = s.objections.find((x) => x.id === e.objection);
      if (!o) return refuse("unknown_objection", { objection: e.objection });
      if (o.status !== "standing") return refuse("objection_not_standing", { objection: e.objection });
      if (o.by !== e.by) return refuse("not_objector", { who: e.by, objector: o.by });
      return accept({ ...s, objections: withStatus(s.objections, [o.id], e.as ?? "lifted") });
    }

    case "bonify": {
      if (s.phase !== "resolution") return refuse("wrong_phase", { phase: s.phase });
      const denied = facilitatorOnly();
      if (denied) return denied;
      if (e.objections.length === 0) return refuse("no_objection_named");
      for (const id of e.objections) {
        const o = s.objections.find((x) => x.id === id);
        if (!o) return refuse("unknown_objection", { objection: id });
        if (o.status !== "standing") return refuse("objection_not_standing", { objection: id });
      }
      if (!hasText(e.condition)) return refuse("text_missing");
      const integrated = { ...s, objections: withStatus(s.objections, e.objections, "integrated") };
      return accept(openObjectionRound({ ...integrated, conditions: [...s.conditions, e.condition.trim()] }));
    }

    case "reopen_proposal": {
      // From a failed round, or from a round the proposed person can no longer answer (they left).
      if (s.phase !== "resolution" && s.phase !== "objections") return refuse("wrong_phase", { phase: s.phase });
      const denied = facilitatorOnly();
      if (denied) return denied;
      const history = s.round ? [...s.history, s.round] : s.history;
      return accept({
        ...s,
        phase: "proposal",
        history,
        round: null,
        proposed: null,
        objections: supersedeStanding(s.objections),
      });
    }

    case "conclude": {
      if (s.phase !== "resolution") return refuse("wrong_phase", { phase: s.phase });
      const denied = facilitatorOnly();
      if (denied) return denied;
      if (standing(s.objections).length > 0) return refuse("objections_stand", { count: standing(s.objections).length });
      return accept(elect(s));
    }

    case "abandon": {
      const denied = facilitatorOnly();
      if (denied) return denied;
      const history = s.round ? [...s.history, s.round] : s.history;
      return accept({ ...s, phase: "abandoned", history, round: null });
    }
  }
}

/** Applies events in order and stops at the first refusal, with its index. */
export function replayElection(
  start: ElectionState,
  events: ElectionEvent[],
): { state: ElectionState; refused: { index: number; code: ElectionIssueCode } | null } {
  let state = start;
  for (let index = 0; index < events.length; index++) {
    const t = electionTransition(state, events[index]);
    if (!t.ok) return { state, refused: { index, code: t.error.code } };
    state = t.state;
  }
  return { state, refused: null };
}
