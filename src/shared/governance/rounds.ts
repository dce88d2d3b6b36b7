// Rounds and objections, shared by consent decisions and elections without candidates. In a round everyone of
// the roster speaks once, in any order; the roster is fixed when the round starts, so a late arrival joins from
// the next round (§5.1, "Quorum/participants").

export type TurnKind = "question" | "reaction" | "pass" | "consent" | "objection" | "concern";

export interface Turn {
  by: string;
  kind: TurnKind;
  /** The question, reaction, objection argument or concern; empty for a pass or a plain consent. */
  text: string;
  /** Clarification: the carrier's answer to this question, once given. */
  answer: string | null;
}

export interface Round<K extends string> {
  kind: K;
  /** Counts rounds of this kind, from 1. */
  number: number;
  roster: string[];
  turns: Turn[];
}

/**
 * - `standing`: it blocks the decision;
 * - `lifted`: the objector withdrew it once it was heard;
 * - `concern`: the objector agreed it was a preference or a worry rather than a block, and it is kept as such;
 * - `integrated`: the proposal was changed to answer it;
 * - `superseded`: it was raised against an earlier version; the new round asked everyone again.
 */
export type ObjectionStatus = "standing" | "lifted" | "concern" | "integrated" | "superseded";

export interface Objection {
  id: number;
  by: string;
  argument: string;
  /** The version of the proposal (or of the election proposal) it was raised against. */
  version: number;
  round: number;
  status: ObjectionStatus;
}

export const startRound = <K extends string>(kind: K, number: number, roster: string[]): Round<K> => ({
  kind,
  number,
  roster: [...roster],
  turns: [],
});

export const hasSpoken = (round: Round<string>, who: string): boolean => round.turns.some((t) => t.by === who);

/** Roster members who have not spoken yet, in roster order. */
export const missingSpeakers = (round: Round<string>): string[] => round.roster.filter((p) => !hasSpoken(round, p));

export const standing = (objections: Objection[]): Objection[] => objections.filter((o) => o.status === "standing");

/** A new round asks everyone again: what still stands was raised against an earlier text. */
export const supersedeStanding = (objections: Objection[]): Objection[] =>
  objections.map((o) => (o.status === "standing" ? { ...o, status: "superseded" as const } : o));

export const withStatus = (objections: Objection[], ids: number[], status: ObjectionStatus): Objection[] =>
  objections.map((o) => (ids.includes(o.id) ? { ...o, status } : o));
