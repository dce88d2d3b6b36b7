import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { CastBallotInput, ProposalDto, ProxyInput, RecountDto } from "../../../shared/contracts/proposals.ts";
import { describeIssue, describeTally } from "../../../shared/governance/labels.ts";
import { checkProxies, type Presence } from "../../../shared/governance/quorum.ts";
import { emptyCounts, type TallyGroup, tally } from "../../../shared/governance/tally.ts";
import { castVote, closeVote, recount, type VoteRecord, type VoteState } from "../../../shared/governance/vote.ts";
import { ballots, voteParticipations } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, forbidden, invalid } from "../../http/errors.ts";
import { authorize } from "../../policies/index.ts";
import { proposalPolicy } from "../../policies/proposals.ts";
import { recordActivity } from "../activity.ts";
import { registerDecision } from "./decisions.service.ts";
import * as q from "./proposals.queries.ts";
import { requireQuorum } from "./proposals.quorum.ts";
import { getProposal, type Loaded, load, METHOD_WORDS, namer, saveState } from "./proposals.service.ts";

const CHOICE_WORDS = { for: "pour", against: "contre", abstain: "abstention", blank: "blanc", spoiled: "nul" } as const;

function openVoteOf(loaded: Loaded): VoteState {
  const { proposal } = loaded;
  if (proposal.method !== "majority" && proposal.method !== "colleges") throw conflict("Cette proposition ne se vote pas.");
  if (proposal.status !== "open") throw conflict("Ce vote est clos : son résultat ne peut plus changer.");
  return proposal.state as unknown as VoteState;
}

/** The group a member's ballot counts in: their college in a weighted vote, else the whole body. */
const groupOf = (state: VoteState, memberId: string) =>
  state.setup.rule.method === "colleges" ? (state.setup.members.find((m) => m.id === memberId)?.collegeId ?? "") : "all";

/**
 * Casts a ballot (vote.ts castVote). A member votes with their own seat, or for a member whose proxy they hold; in
 * session the secretary records each member's show of hands, cast by the proxy holder for a represented member.
 * Open ballot: a member may change their vote until the close. Secret ballot: the signing sheet gets the member,
 * the ballot box gets the college and the choice only, with no link between them, so a secret vote cannot change.
 */
export async function castBallot(ctx: Ctx, id: string, input: z.output<typeof CastBallotInput>): Promise<ProposalDto> {
  await ctx.db.transaction(async (tx) => {
    const loaded = await load(ctx, id, tx, true);
    const { proposal, subject, seats } = loaded;
    const state = openVoteOf(loaded);
    const proxy = state.setup.proxies.find((p) => p.from === input.mandateId);
    let castBy: string;
    if (input.inSession) {
      authorize(proposalPolicy.record(ctx.actor, subject));
      castBy = proxy?.to ?? input.mandateId;
    } else {
      authorize(proposalPolicy.vote(ctx.actor, subject));
      if (subject.own.includes(input.mandateId)) castBy = input.mandateId;
      else if (proxy && subject.own.includes(proxy.to)) castBy = proxy.to;
      else throw forbidden();
    }
    const nameOf = namer(seats);
    const cast = castVote(state, { memberId: input.mandateId, castBy, choice: input.choice });
    if (!cast.ok) {
      if (cast.error.code === "vote_not_a_member") throw invalid({ mandateId: describeIssue(cast.error, "fr", nameOf) });
      if (cast.error.code === "vote_not_entitled") throw forbidden();
      throw conflict(describeIssue(cast.error, "fr", nameOf));
    }
    const groupId = groupOf(state, input.mandateId);
    if (proposal.secrecy === "secret") {
      const [already] = await tx
        .select()
        .from(voteParticipations)
        .where(and(eq(voteParticipations.proposalId, id), eq(voteParticipations.mandateId, input.mandateId)));
      if (already) throw conflict(`${nameOf(input.mandateId)} a déjà voté : un vote à bulletin secret ne peut pas être changé.`);
      await tx
        .insert(voteParticipations)
        .values({ proposalId: id, mandateId: input.mandateId, consortiumId: ctx.consortium.id, castBy });
      await tx
        .insert(ballots)
        .values({ proposalId: id, consortiumId: ctx.consortium.id, mandateId: null, groupId, choice: input.choice });
      // The state keeps no ballot of a secret vote: the counts are taken from the ballot box at the close.
    } else {
      await tx
        .insert(voteParticipations)
        .values({ proposalId: id, mandateId: input.mandateId, consortiumId: ctx.consortium.id, castBy })
        .onConflictDoUpdate({
          target: [voteParticipations.proposalId, voteParticipations.mandateId],
          set: { castBy, castAt: ctx.now },
        });
      await tx.delete(ballots).where(and(eq(ballots.proposalId, id), eq(ballots.mandateId, input.mandateId)));
      await tx
        .insert(ballots)
        .values({ proposalId: id, consortiumId: ctx.consortium.id, mandateId: input.mandateId, groupId, choice: input.choice });
      await saveState(tx, ctx, id, cast.state);
    }
    const by = castBy === input.mandateId ? "" : ` par procuration de ${nameOf(castBy)}`;
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "proposal.vote",
      subjectType: "proposal",
      subjectId: id,
      summary:
        proposal.secrecy === "secret"
          ? `${nameOf(input.mandateId)} a voté${by} sur « ${proposal.title} » (bulletin secret)`
          : `${nameOf(input.mandateId)} vote ${CHOICE_WORDS[input.choice]}${by} sur « ${proposal.title} »`,
      data: { mandateId: input.mandateId, castBy, inSession: input.inSession },
    });
  });
  return getProposal(ctx, id);
}

/**
 * Registers a proxy: an absent member asks another member of the body to vote in their name (quorum.ts
 * checkProxies). Refused beyond the body's limit per holder, to a holder who gave their own proxy (a vote travels
 * one step), and once the member has voted.
 */
export async function giveProxy(ctx: Ctx, id: string, input: z.output<typeof ProxyInput>): Promise<ProposalDto> {
  await ctx.db.transaction(async (tx) => {
    const loaded = await load(ctx, id, tx, true);
    const { proposal, subject, seats, body } = loaded;
    const state = openVoteOf(loaded);
    authorize(proposalPolicy.proxy(ctx.actor, subject));
    const inSession = proposalPolicy.session(ctx.actor, subject);
    if (!inSession && !subject.own.includes(input.fromMandateId)) throw forbidden();
    const nameOf = namer(seats);
    const voted = await q.participationsOf(tx, id);
    if (voted.some((v) => v.mandateId === input.fromMandateId))
      throw conflict(`${nameOf(input.fromMandateId)} a déjà voté : sa procuration ne servirait plus.`);
    const grants = [...state.setup.proxies, { from: input.fromMandateId, to: input.toMandateId }];
    // Whoever gives a proxy is away; everyone else may carry one.
    const presence: Record<string, Presence> = Object.fromEntries(
      state.setup.members.map((m) => [m.id, grants.some((g) => g.from === m.id) ? "absent" : "present"]),
    );
    const check = checkProxies(state.setup.members, presence, grants, { maxPerHolder: body.proxyLimit });
    const refused = check.refused.find((r) => r.grant.from === input.fromMandateId);
    if (refused) {
      const message = describeIssue(refused.issue, "fr", nameOf);
      if (refused.issue.code === "proxy_unknown_member") throw invalid({ fromMandateId: message });
      if (refused.issue.code === "proxy_unknown_holder") throw invalid({ toMandateId: message });
      throw conflict(message);
    }
    // A holder may not carry proxies while giving one: earlier grants to the new giver no longer pass the check.
    if (check.refused.length > 0) throw conflict(describeIssue(check.refused[0].issue, "fr", nameOf));
    await saveState(tx, ctx, id, { ...state, setup: { ...state.setup, proxies: check.accepted } });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "proposal.proxy",
      subjectType: "proposal",
      subjectId: id,
      summary: `${nameOf(input.fromMandateId)} donne procuration à ${nameOf(input.toMandateId)} pour « ${proposal.title} »`,
      data: { from: input.fromMandateId, to: input.toMandateId },
    });
  });
  return getProposal(ctx, id);
}

/** A secret vote's record, built from the ballot box's counts and the signing sheet: no ballot names anyone. */
function secretRecord(
  state: VoteState,
  box: Array<{ groupId: string; choice: keyof ReturnType<typeof emptyCounts> }>,
  voters: string[],
  closedAt: string,
): VoteRecord {
  const { setup } = state;
  const byCollege = setup.rule.method === "colleges";
  const groups: TallyGroup[] = byCollege
    ? setup.colleges.map((c) => ({ id: c.id, name: c.name, weight: c.weight, members: 0, counts: emptyCounts() }))
    : [{ id: "all", name: "", weight: null, members: 0, counts: emptyCounts() }];
  const index = new Map(groups.map((g) => [g.id, g]));
  for (const m of setup.members) {
    const g = byCollege ? index.get(m.collegeId ?? "") : groups[0];
    if (g) g.members += 1;
  }
  for (const b of box) {
    const g = index.get(b.groupId);
    if (g) g.counts[b.choice] += 1;
  }
  const input = { rule: setup.rule, groups };
  return { closedAt, secrecy: "secret", input, result: tally(input), voters: [...voters].sort(), ballots: null };
}

/**
 * Closes the vote and counts it for good (vote.ts closeVote): the record keeps the inputs next to the result so
 * that anyone allowed can recount it. An adopted proposal goes into the decision register.
 */
export async function closeProposalVote(ctx: Ctx, id: string): Promise<ProposalDto> {
  await ctx.db.transaction(async (tx) => {
    const loaded = await load(ctx, id, tx, true);
    const { proposal, subject } = loaded;
    const state = openVoteOf(loaded);
    authorize(proposalPolicy.close(ctx.actor, subject));
    await requireQuorum(ctx, tx, id, "Le vote ne peut pas être clos");
    const closedAt = ctx.now.toISOString();
    let closed: VoteState;
    if (proposal.secrecy === "secret") {
      const [box, sheet] = await Promise.all([q.ballotsOf(tx, id), q.participationsOf(tx, id)]);
      const record = secretRecord(
        state,
        box,
        sheet.map((p) => p.mandateId),
        closedAt,
      );
      closed = { ...state, status: "closed", record };
    } else {
      const t = closeVote(state, closedAt);
      if (!t.ok) throw conflict(describeIssue(t.error, "fr"));
      closed = t.state;
    }
    const record = closed.record as VoteRecord;
    const summary = describeTally(record.result, "fr");
    await saveState(tx, ctx, id, closed, {
      status: "decided",
      outcome: record.result.outcome,
      record: record as unknown as Record<string, unknown>,
      decidedAt: ctx.now,
    });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "proposal.close",
      subjectType: "proposal",
      subjectId: id,
      summary: `${ctx.user.name} clôt le vote sur « ${proposal.title} » : ${summary}`,
      data: { outcome: record.result.outcome, voters: record.voters.length },
    });
    if (record.result.outcome === "adopted") {
      await registerDecision(tx, ctx, { ...proposal, method: METHOD_WORDS[proposal.method] ?? proposal.method }, summary);
    }
  });
  return getProposal(ctx, id);
}

/** Counts a closed vote again from its stored record alone (vote.ts recount) and says whether it matches. */
export async function recountProposal(ctx: Ctx, id: string): Promise<RecountDto> {
  const { proposal, subject, seats } = await load(ctx, id);
  if (proposal.method !== "majority" && proposal.method !== "colleges") throw conflict("Cette proposition ne se vote pas.");
  if (proposal.status !== "decided" || !proposal.record) throw conflict("Ce vote n'est pas encore clos.");
  authorize(proposalPolicy.recount(ctx.actor, subject));
  const r = recount(proposal.record as unknown as VoteRecord);
  const nameOf = namer(seats);
  return {
    matches: r.matches,
    issues: r.issues.map((i) => describeIssue(i, "fr", nameOf)),
    summary: r.result ? describeTally(r.result, "fr") : null,
    result: r.result,
  };
}
