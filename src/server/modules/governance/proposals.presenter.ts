import type { z } from "zod";
import type { ProposalDto, VoteRuleInput } from "../../../shared/contracts/proposals.ts";
import type { AdviceState } from "../../../shared/governance/advice.ts";
import type { ConsentState } from "../../../shared/governance/consent.ts";
import { type ElectionState, startElection } from "../../../shared/governance/election.ts";
import { describeTally } from "../../../shared/governance/labels.ts";
import type { TallyRule } from "../../../shared/governance/tally.ts";
import type { VoteState } from "../../../shared/governance/vote.ts";
import type { Ctx } from "../../http/auth.ts";
import { type ElectionDraft, roleOf } from "./proposals.election.ts";
import type { Loaded } from "./proposals.service.ts";

type RuleFields = z.output<typeof VoteRuleInput>;

/** The tally rule stored for a vote: a majority of heads carries no college settings. */
export function tallyRuleOf(method: "majority" | "colleges", r: RuleFields): TallyRule {
  return method === "colleges"
    ? {
        method: "colleges",
        counting: r.counting,
        threshold: r.threshold,
        base: r.base,
        abstentions: r.abstentions,
        silentCollege: r.silentCollege,
      }
    : { method: "majority", threshold: r.threshold, base: r.base, abstentions: r.abstentions };
}

const ruleFields = (rule: TallyRule | null): RuleFields | null =>
  rule
    ? {
        threshold: rule.threshold,
        base: rule.base,
        abstentions: rule.abstentions,
        counting: rule.method === "colleges" ? rule.counting : "proportional",
        silentCollege: rule.method === "colleges" ? rule.silentCollege : "excluded",
      }
    : null;

/** An election's state; a draft shows the role as tabled, in a state that has not started yet. */
function electionOf(proposal: Loaded["proposal"]): ElectionState | null {
  if (proposal.method !== "election" || !proposal.state) return null;
  if (proposal.status !== "draft") return proposal.state as unknown as ElectionState;
  const stored = proposal.state as unknown as ElectionDraft;
  return { ...startElection({ facilitator: stored.facilitator ?? "", participants: [] }), role: roleOf(proposal, stored.draft) };
}

export interface VoteRows {
  participations: Array<{ mandateId: string; castBy: string }>;
  ballots: Array<{ mandateId: string | null; choice: ProposalDto["ballots"][number]["choice"] }>;
  decisionId: string | null;
  meetings: ProposalDto["meetings"];
  colleges: Array<{ id: string; name: string; weight: string | null }>;
  abilities: Record<string, boolean>;
}

/**
 * A proposal with what its method needs. A secret vote shows who took part and, once closed, the counts: its
 * ballot rows carry no member, so there is nothing else to show.
 */
export function presentProposal(_ctx: Ctx, loaded: Loaded, rows: VoteRows): ProposalDto {
  const { proposal, seats, subject } = loaded;
  const isVote = proposal.method === "majority" || proposal.method === "colleges";
  const vote = isVote && proposal.state ? (proposal.state as unknown as VoteState) : null;
  const consent =
    proposal.method === "consent" && proposal.status !== "draft" ? (proposal.state as unknown as ConsentState) : null;
  const advice = proposal.method === "advice" && proposal.status !== "draft" ? (proposal.state as unknown as AdviceState) : null;
  const election = electionOf(proposal);
  const byId = new Map(seats.map((m) => [m.mandateId, m]));
  // The electorate once frozen, the circle once formed, else the body today.
  const ids = vote
    ? vote.setup.members.map((m) => m.id)
    : consent
      ? consent.participants
      : election && proposal.status !== "draft"
        ? election.participants
        : loaded.current.map((m) => m.mandateId);
  const collegeOf = new Map(vote?.setup.members.map((m) => [m.id, m.collegeId ?? null]) ?? []);
  const own = new Set(subject.own);
  const result = vote?.record?.result ?? null;
  return {
    id: proposal.id,
    title: proposal.title,
    text: proposal.text,
    method: proposal.method as ProposalDto["method"],
    rule: ruleFields(proposal.rule as TallyRule | null),
    secrecy: proposal.secrecy,
    status: proposal.status,
    outcome: proposal.outcome,
    body: { id: loaded.body.id, name: loaded.body.name, proxyLimit: loaded.body.proxyLimit },
    colleges: proposal.method === "colleges" ? rows.colleges : [],
    members: ids
      .map((id) => {
        const m = byId.get(id);
        return {
          mandateId: id,
          name: m?.name ?? "—",
          role: m?.role ?? "member",
          collegeId: collegeOf.get(id) ?? m?.collegeId ?? null,
          mine: own.has(id),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "fr")),
    voters: rows.participations,
    ballots:
      proposal.secrecy === "open"
        ? rows.ballots.flatMap((b) => (b.mandateId ? [{ mandateId: b.mandateId, choice: b.choice }] : []))
        : [],
    proxies: vote?.setup.proxies ?? [],
    result,
    consent,
    advice,
    election,
    summary: result ? describeTally(result, "fr") : null,
    decisionId: rows.decisionId,
    meetings: rows.meetings,
    createdAt: proposal.createdAt.toISOString(),
    openedAt: proposal.openedAt?.toISOString() ?? null,
    decidedAt: proposal.decidedAt?.toISOString() ?? null,
    abilities: rows.abilities,
  };
}
