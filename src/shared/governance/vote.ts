// The ballot box of one proposal: open, ballots cast (and replaced while it is open), then closed for good. Closing
// produces a record that holds the inputs of the count next to its result; recount() counts it again from the
// record alone, so a member can check a stored decision without trusting whoever stored it.

import type { FractionText } from "./fraction.ts";
import { accept, type Issue, issue, refuse, type Transition } from "./issues.ts";
import type { BodyMember, ProxyGrant } from "./quorum.ts";
import {
  CHOICES,
  type Choice,
  emptyCounts,
  type TallyGroup,
  type TallyInput,
  type TallyResult,
  type TallyRule,
  tally,
  validateTallyInput,
} from "./tally.ts";

/** Open: who voted what is kept in the record. Secret: the record keeps who took part, and only the counts. */
export type Secrecy = "open" | "secret";

export interface VoteSetup {
  rule: TallyRule;
  secrecy: Secrecy;
  /** The body's colleges; empty for a body without colleges. */
  colleges: Array<{ id: string; name: string; weight: FractionText | null }>;
  /** The electorate: members with a vote when the vote opens. */
  members: BodyMember[];
  /** Accepted proxies of the meeting (checkProxies), so that a holder can vote for the members they represent. */
  proxies: ProxyGrant[];
}

export interface CastBallot {
  /** The member whose vote this is. */
  memberId: string;
  /** Who cast it: the member, or the holder of their proxy. */
  castBy: string;
  choice: Choice;
}

export interface VoteState {
  status: "open" | "closed";
  setup: VoteSetup;
  /** The last ballot of each member, by member id. */
  ballots: Record<string, { choice: Choice; castBy: string }>;
  record: VoteRecord | null;
}

export interface NamedBallot {
  memberId: string;
  /** The tally group the ballot was counted in: the member's college, or "all". */
  groupId: string;
  castBy: string;
  choice: Choice;
}

/** What is stored when a vote closes. JSON-safe: it can go in a jsonb column as is. */
export interface VoteRecord {
  closedAt: string;
  secrecy: Secrecy;
  input: TallyInput;
  result: TallyResult;
  /** Members whose vote was cast, sorted (the signing sheet, "émargement"). */
  voters: string[];
  /** Each ballot, sorted by member, for an open vote; null for a secret one. */
  ballots: NamedBallot[] | null;
}

export type VoteIssueCode = "vote_closed" | "vote_not_a_member" | "vote_not_entitled" | "vote_no_college" | "vote_setup_invalid";

/** Opens a vote. The electorate is frozen here: a member who joins the body later does not vote on it. */
export function openVote(setup: VoteSetup): Transition<VoteState, VoteIssueCode> {
  const collegeIds = new Set(setup.colleges.map((c) => c.id));
  if (setup.rule.method === "colleges") {
    const stray = setup.members.find((m) => !m.collegeId || !collegeIds.has(m.collegeId));
    if (stray) return refuse("vote_no_college", { member: stray.id });
  }
  const groups = groupsOf(setup, {});
  if (groups.length === 0) return refuse("vote_setup_invalid", {});
  return accept({ status: "open", setup, ballots: {}, record: null });
}

/**
 * Casts or replaces a member's ballot. Refused once the vote is closed, for someone outside the electorate, and
 * when the person casting it is neither the member nor the holder of their proxy. A member who gave a proxy and
 * then arrives may vote themselves: their own ballot replaces the holder's.
 */
export function castVote(state: VoteState, ballot: CastBallot): Transition<VoteState, VoteIssueCode> {
  if (state.status === "closed") return refuse("vote_closed");
  const { setup } = state;
  if (!setup.members.some((m) => m.id === ballot.memberId)) return refuse("vote_not_a_member", { member: ballot.memberId });
  const entitled =
    ballot.castBy === ballot.memberId || setup.proxies.some((p) => p.from === ballot.memberId && p.to === ballot.castBy);
  if (!entitled) return refuse("vote_not_entitled", { member: ballot.memberId, by: ballot.castBy });
  return accept({ ...state, ballots: { ...state.ballots, [ballot.memberId]: { choice: ballot.choice, castBy: ballot.castBy } } });
}

/** Closes the vote and counts it. A closed vote cannot be reopened nor closed again. */
export function closeVote(state: VoteState, closedAt: string): Transition<VoteState, VoteIssueCode> {
  if (state.status === "closed") return refuse("vote_closed");
  const input: TallyInput = { rule: state.setup.rule, groups: groupsOf(state.setup, state.ballots) };
  const voters = Object.keys(state.ballots).sort();
  const single = input.groups.length === 1 && input.groups[0].id === "all";
  const groupOf = new Map(state.setup.members.map((m) => [m.id, single ? "all" : (m.collegeId ?? "")]));
  const record: VoteRecord = {
    closedAt,
    secrecy: state.setup.secrecy,
    input,
    result: tally(input),
    voters,
    ballots:
      state.setup.secrecy === "secret"
        ? null
        : voters.map((id) => ({ memberId: id, groupId: groupOf.get(id) ?? "", ...state.ballots[id] })),
  };
  return accept({ ...state, status: "closed", record });
}

/** Groups the electorate by college (or as one group "all"), with the counts of the ballots cast. */
function groupsOf(setup: VoteSetup, ballots: VoteState["ballots"]): TallyGroup[] {
  // Without a known college for everyone, the body votes as one group (a weighted vote is refused at opening).
  const known = new Set(setup.colleges.map((c) => c.id));
  const byCollege = setup.colleges.length > 0 && setup.members.every((m) => m.collegeId && known.has(m.collegeId));
  const groups: TallyGroup[] = byCollege
    ? setup.colleges.map((c) => ({ id: c.id, name: c.name, weight: c.weight, members: 0, counts: emptyCounts() }))
    : [{ id: "all", name: "", weight: null, members: 0, counts: emptyCounts() }];
  const index = new Map(groups.map((g, i) => [g.id, i]));
  for (const m of setup.members) {
    const g = groups[byCollege ? (index.get(m.collegeId ?? "") ?? -1) : 0];
    if (!g) continue;
    g.members += 1;
    const b = ballots[m.id];
    if (b) g.counts[b.choice] += 1;
  }
  return groups;
}

export type RecountIssueCode =
  | "recount_result_differs"
  | "recount_ballots_differ"
  | "recount_voters_differ"
  | "recount_input_invalid";

export interface Recount {
  /** The result the inputs give; null when the stored inputs cannot be counted at all. */
  result: TallyResult | null;
  /** True when the stored result, and for an open vote the stored counts, are what the inputs give. */
  matches: boolean;
  issues: Issue<RecountIssueCode>[];
}

/**
 * Counts a stored vote again from its record. For an open vote the named ballots are summed first and compared
 * with the stored counts; then the counts are tallied and compared with the stored result. Key order does not
 * matter (jsonb reorders keys).
 */
export function recount(record: VoteRecord): Recount {
  const issues: Issue<RecountIssueCode>[] = [];
  if (record.ballots !== null) {
    const counts = new Map(record.input.groups.map((g) => [g.id, emptyCounts()]));
    for (const b of record.ballots) {
      const c = counts.get(b.groupId);
      if (c) c[b.choice] += 1;
      else issues.push(issue("recount_ballots_differ", { group: b.groupId }));
    }
    for (const g of record.input.groups) {
      if (!sameJson(counts.get(g.id), g.counts)) issues.push(issue("recount_ballots_differ", { group: g.name || g.id }));
    }
    const named = record.ballots.map((b) => b.memberId).sort();
    if (!sameJson(named, record.voters)) issues.push(issue("recount_voters_differ"));
  }
  // Every voter on the signing sheet left exactly one ballot in the counts.
  const ballots = record.input.groups.reduce((n, g) => n + CHOICES.reduce((k, c) => k + (g.counts[c] ?? 0), 0), 0);
  if (ballots !== record.voters.length) issues.push(issue("recount_voters_differ", { ballots, voters: record.voters.length }));
  const invalid = validateTallyInput(record.input);
  if (invalid.length > 0) {
    issues.push(issue("recount_input_invalid", { codes: invalid.map((i) => i.code).join(", ") }));
    return { result: null, matches: false, issues };
  }
  const result = tally(record.input);
  if (!sameJson(result, record.result)) issues.push(issue("recount_result_differs"));
  return { result, matches: issues.length === 0, issues };
}

/** Deep equality of JSON values, ignoring the order of object keys (not of array items). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
