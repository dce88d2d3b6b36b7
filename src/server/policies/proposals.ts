import type { Actor } from "./actor.ts";
import { isCoordinator } from "./actor.ts";

/** A proposal as the policy sees it: its state, and the actor's seats in its body. */
export interface ProposalSubject {
  status: "draft" | "open" | "decided" | "withdrawn";
  method: "majority" | "colleges" | "consent" | "advice" | "election";
  authorId: string | null;
  /** The mandates of the body the actor holds today (their own seat, or their organisation's for its referent). */
  own: string[];
  /** The actor holds the body's secretary or facilitator seat: they may record what is said and voted in session. */
  keepsMinutes: boolean;
}

const isVote = (p: ProposalSubject) => p.method === "majority" || p.method === "colleges";
/** The coordination or the body's secretary runs the meeting: they record ballots and turns for the members present. */
const runsSession = (a: Actor, p: ProposalSubject) => isCoordinator(a) || p.keepsMinutes;

export const proposalPolicy = {
  /** Records what members say and vote in a meeting, for each of them (one account runs the session). */
  session: (a: Actor, p: ProposalSubject) => p.status === "open" && runsSession(a, p),
  open: (a: Actor, p: ProposalSubject) => p.status === "draft" && (runsSession(a, p) || p.authorId === a.userId),
  withdraw: (a: Actor, p: ProposalSubject) =>
    (p.status === "draft" || (p.status === "open" && isVote(p))) && (runsSession(a, p) || p.authorId === a.userId),
  /** A member votes with their own seat, or for a member whose proxy they hold (checked against the proxies). */
  vote: (_a: Actor, p: ProposalSubject) => p.status === "open" && isVote(p) && p.own.length > 0,
  /** A show of hands: the session's secretary records each member's ballot. */
  record: (a: Actor, p: ProposalSubject) => p.status === "open" && isVote(p) && runsSession(a, p),
  /** A member gives their own proxy; in session the secretary writes down the proxies handed in. */
  proxy: (a: Actor, p: ProposalSubject) => p.status === "open" && isVote(p) && (p.own.length > 0 || runsSession(a, p)),
  close: (a: Actor, p: ProposalSubject) => p.status === "open" && isVote(p) && runsSession(a, p),
  /** Anyone who could have voted, or who answers for the consortium, may count a closed vote again. */
  recount: (a: Actor, p: ProposalSubject) =>
    p.status === "decided" && isVote(p) && (isCoordinator(a) || p.own.length > 0 || a.role === "referent" || a.role === "member"),
  /** Anyone of the body may give advice; the author requests, answers and decides (advice.ts checks who is who). */
  advise: (a: Actor, p: ProposalSubject) =>
    p.status === "open" && p.method === "advice" && (p.own.length > 0 || runsSession(a, p)),
  /** The circle speaks in the rounds; the secretary may record what each member says in session. */
  consent: (a: Actor, p: ProposalSubject) =>
    p.status === "open" && p.method === "consent" && (p.own.length > 0 || runsSession(a, p)),
  /** The circle nominates and answers the proposal; the secretary may record it in session (election.ts checks who). */
  elect: (a: Actor, p: ProposalSubject) =>
    p.status === "open" && p.method === "election" && (p.own.length > 0 || runsSession(a, p)),
};
