import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type {
  CreateProposalInput,
  ProposalDto,
  ProposalListDto,
  ProposalListQuery,
} from "../../../shared/contracts/proposals.ts";
import { type AdviceState, startAdvice } from "../../../shared/governance/advice.ts";
import { type ConsentState, consentTransition, startConsent } from "../../../shared/governance/consent.ts";
import type { ElectionState } from "../../../shared/governance/election.ts";
import { describeIssue } from "../../../shared/governance/labels.ts";
import { openVote, type VoteState } from "../../../shared/governance/vote.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import type { Db } from "../../db/client.ts";
import { proposals } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, forbidden, invalid, notFound } from "../../http/errors.ts";
import { isCoordinator } from "../../policies/actor.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { abilitiesFor, authorize } from "../../policies/index.ts";
import { type ProposalSubject, proposalPolicy } from "../../policies/proposals.ts";
import { recordActivity } from "../activity.ts";
import { getMeeting } from "./meetings.service.ts";
import { type ElectionDraft, openElection } from "./proposals.election.ts";
import { presentProposal, tallyRuleOf } from "./proposals.presenter.ts";
import * as q from "./proposals.queries.ts";

export const METHOD_WORDS: Record<string, string> = {
  majority: "vote à la majorité",
  colleges: "vote pondéré par collège",
  consent: "décision par consentement",
  advice: "sollicitation d'avis",
  election: "élection sans candidat",
};

export interface Loaded {
  proposal: q.ProposalRow;
  body: q.BodyRow;
  /** Every mandate of the body, ended ones too: a closed vote still names who took part. */
  seats: q.BodyMemberRow[];
  /** The mandates running today. */
  current: q.BodyMemberRow[];
  subject: ProposalSubject;
}

/** The actor's running seats in a body: their own, or their organisation's when they are its referent. */
export function ownSeats(ctx: Ctx, current: q.BodyMemberRow[]) {
  return current.filter(
    (m) =>
      (m.personUserId !== null && m.personUserId === ctx.user.id) ||
      (ctx.actor.role === "referent" && m.organizationId !== null && m.organizationId === ctx.actor.organizationId),
  );
}

export async function load(ctx: Ctx, id: string, db: Db = ctx.db, lock = false): Promise<Loaded> {
  const proposal = lock ? await q.lockProposal(db, ctx.consortium.id, id) : await q.findProposal(db, ctx.consortium.id, id);
  if (!proposal) throw notFound("Proposition");
  const body = await q.findBody(db, ctx.consortium.id, proposal.bodyId);
  if (!body) throw notFound("Instance");
  const [seats, current] = await Promise.all([
    q.membersOn(db, ctx.consortium.id, null, body.id),
    q.membersOn(db, ctx.consortium.id, parisDay(ctx.now), body.id),
  ]);
  const own = ownSeats(ctx, current);
  const subject: ProposalSubject = {
    status: proposal.status,
    method: proposal.method,
    authorId: proposal.authorId,
    own: own.map((m) => m.mandateId),
    keepsMinutes: own.some((m) => m.role === "secretary" || m.role === "facilitator"),
  };
  return { proposal, body, seats, current, subject };
}

/** Names mandates in refusals and activity lines. */
export const namer = (seats: q.BodyMemberRow[]) => {
  const names = new Map(seats.map((m) => [m.mandateId, m.name]));
  return (id: string) => names.get(id) ?? id;
};

// ---------------------------------------------------------------- reading

export async function listProposals(ctx: Ctx, query: z.output<typeof ProposalListQuery>): Promise<ProposalListDto> {
  const [rows, bodyRows, members, { colleges }] = await Promise.all([
    q.listProposals(ctx.db, ctx.consortium.id, query.status),
    q.listBodies(ctx.db, ctx.consortium.id),
    q.membersOn(ctx.db, ctx.consortium.id, parisDay(ctx.now)),
    q.votingColleges(ctx.db, ctx.consortium.id),
  ]);
  const known = new Set(colleges.map((c) => c.id));
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null })),
    bodies: bodyRows.map((b) => {
      const mine = members.filter((m) => m.bodyId === b.id);
      return {
        id: b.id,
        name: b.name,
        kind: b.kind,
        proxyLimit: b.proxyLimit,
        collegesReady: mine.length > 0 && mine.every((m) => m.collegeId !== null && known.has(m.collegeId)),
        members: mine.map((m) => ({ mandateId: m.mandateId, name: m.name, role: m.role })),
      };
    }),
    abilities: { create: consortiumPolicy.createProposal(ctx.actor) },
  };
}

export async function getProposal(ctx: Ctx, id: string): Promise<ProposalDto> {
  const loaded = await load(ctx, id);
  const [participations, ballotRows, decision, { colleges }, meetingRows] = await Promise.all([
    q.participationsOf(ctx.db, id),
    q.ballotsOf(ctx.db, id),
    q.decisionOf(ctx.db, ctx.consortium.id, id),
    q.votingColleges(ctx.db, ctx.consortium.id),
    q.meetingsOfProposal(ctx.db, ctx.consortium.id, id),
  ]);
  // The meeting's own reading gives attendance and quorum exactly as its page shows them.
  const meetings = await Promise.all(
    meetingRows.map(async (row) => {
      const m = await getMeeting(ctx, row.id);
      return {
        id: m.id,
        title: m.title,
        startsAt: m.startsAt,
        present: m.counts.present,
        represented: m.counts.represented,
        members: m.counts.members,
        quorum: m.quorum,
      };
    }),
  );
  return presentProposal(ctx, loaded, {
    participations,
    ballots: ballotRows,
    decisionId: decision?.id ?? null,
    meetings,
    colleges,
    abilities: abilitiesFor(proposalPolicy, ctx.actor, loaded.subject),
  });
}

// ---------------------------------------------------------------- writing

/**
 * Tables a proposal in a body, as a draft: any associate of the body may do it, the coordination for any body.
 * Consent: the carrier and the facilitator are members of the body, chosen now.
 */
export async function createProposal(ctx: Ctx, input: z.output<typeof CreateProposalInput>): Promise<ProposalDto> {
  authorize(consortiumPolicy.createProposal(ctx.actor));
  const body = await q.findBody(ctx.db, ctx.consortium.id, input.bodyId);
  if (!body || body.archivedAt) throw invalid({ bodyId: "Cette instance n'existe pas dans ce consortium." });
  const current = await q.membersOn(ctx.db, ctx.consortium.id, parisDay(ctx.now), body.id);
  if (!isCoordinator(ctx.actor) && ownSeats(ctx, current).length === 0) throw forbidden();
  const seat = new Set(current.map((m) => m.mandateId));
  if (input.method === "consent" || input.method === "advice" || input.method === "election") {
    if (input.carrierId && !seat.has(input.carrierId))
      throw invalid({ carrierId: "Cette personne ne siège pas dans l'instance." });
    if (input.facilitatorId && !seat.has(input.facilitatorId))
      throw invalid({ facilitatorId: "Cette personne ne siège pas dans l'instance." });
  }
  const isVote = input.method === "majority" || input.method === "colleges";
  const rule = isVote && input.rule ? tallyRuleOf(input.method as "majority" | "colleges", input.rule) : null;
  const state =
    input.method === "consent"
      ? { carrier: input.carrierId, facilitator: input.facilitatorId }
      : input.method === "advice"
        ? { author: input.carrierId }
        : input.method === "election" && input.election
          ? ({ facilitator: input.facilitatorId, draft: input.election } satisfies ElectionDraft)
          : null;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(proposals)
      .values({
        consortiumId: ctx.consortium.id,
        bodyId: body.id,
        title: input.title,
        text: input.text,
        method: input.method,
        rule: rule as Record<string, unknown> | null,
        secrecy: isVote ? input.secrecy : "open",
        state,
        authorId: ctx.user.id,
      })
      .returning({ id: proposals.id });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "proposal.create",
      subjectType: "proposal",
      subjectId: row.id,
      summary: `${ctx.user.name} dépose la proposition « ${input.title} » (${METHOD_WORDS[input.method]}, ${body.name})`,
    });
    return row.id;
  });
  return getProposal(ctx, id);
}

/**
 * Opens a draft. A vote freezes its electorate here: the members of the body today (or on the day of the meeting
 * whose order of the day names it), each in their college for a weighted vote (a member without a college is
 * refused by name). Consent: the circle is the body today, and the
 * carrier presents the text, which opens the clarification round (§5.1).
 */
export async function openProposal(ctx: Ctx, id: string): Promise<ProposalDto> {
  await ctx.db.transaction(async (tx) => {
    const { proposal, current: today, subject, seats, body } = await load(ctx, id, tx, true);
    // On a meeting's order of the day, the electorate is the body on the meeting's day, as its attendance sheet.
    const meeting = (await q.meetingsOfProposal(tx, ctx.consortium.id, id)).filter((m) => m.status !== "cancelled").at(-1);
    const current = meeting ? await q.membersOn(tx, ctx.consortium.id, parisDay(meeting.startsAt), body.id) : today;
    if (proposal.status !== "draft") throw conflict("Cette proposition est déjà ouverte ou close.");
    authorize(proposalPolicy.open(ctx.actor, subject));
    if (current.length === 0)
      throw conflict(
        meeting ? "Cette instance n'a aucun membre le jour de la réunion." : "Cette instance n'a aucun membre aujourd'hui.",
      );
    const nameOf = namer(seats);
    let state: VoteState | ConsentState | AdviceState | ElectionState;
    if (proposal.method === "election") {
      state = openElection(proposal, current, nameOf);
    } else if (proposal.method === "advice") {
      const started = startAdvice({
        author: ((proposal.state ?? {}) as { author?: string }).author ?? "",
        proposal: proposal.text,
      });
      if (!started.ok) throw conflict(describeIssue(started.error, "fr", nameOf));
      if (!current.some((m) => m.mandateId === started.state.author)) throw conflict("L'auteur ne siège plus dans l'instance.");
      state = started.state;
    } else if (proposal.method === "consent") {
      const roles = (proposal.state ?? {}) as { carrier?: string; facilitator?: string };
      const started = startConsent({
        carrier: roles.carrier ?? "",
        facilitator: roles.facilitator ?? "",
        participants: current.map((m) => m.mandateId),
      });
      if (!started.ok) throw conflict(describeIssue(started.error, "fr", nameOf));
      const presented = consentTransition(started.state, { type: "present", by: started.state.carrier, text: proposal.text });
      if (!presented.ok) throw conflict(describeIssue(presented.error, "fr", nameOf));
      state = presented.state;
    } else {
      const rule = tallyRuleOf(proposal.method as "majority" | "colleges", proposal.rule as never);
      const { colleges } = await q.votingColleges(tx, ctx.consortium.id);
      if (rule.method === "colleges" && colleges.length === 0)
        throw conflict("Les statuts ne prévoient pas de collèges de vote : choisissez un vote à la majorité.");
      const opened = openVote({
        rule,
        secrecy: proposal.secrecy,
        colleges: rule.method === "colleges" ? colleges : [],
        members: current.map((m) => ({ id: m.mandateId, collegeId: m.collegeId })),
        proxies: [],
      });
      if (!opened.ok) throw conflict(describeIssue(opened.error, "fr", nameOf));
      state = opened.state;
    }
    await tx
      .update(proposals)
      .set({ status: "open", state: state as unknown as Record<string, unknown>, openedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(proposals.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "proposal.open",
      subjectType: "proposal",
      subjectId: id,
      summary:
        proposal.method === "advice"
          ? `${ctx.user.name} ouvre la sollicitation d'avis sur « ${proposal.title} »`
          : proposal.method === "consent"
            ? `${ctx.user.name} ouvre le tour de clarification de « ${proposal.title} »`
            : proposal.method === "election"
              ? `${ctx.user.name} ouvre les nominations pour le rôle « ${proposal.title} » (${current.length} personnes)`
              : `${ctx.user.name} ouvre le vote sur « ${proposal.title} » (${current.length} votants)`,
    });
  });
  return getProposal(ctx, id);
}

/** Withdraws a draft, or a vote still open: nothing is decided, the ballots already cast are kept as they are. */
export async function withdrawProposal(ctx: Ctx, id: string): Promise<ProposalDto> {
  await ctx.db.transaction(async (tx) => {
    const { proposal, subject } = await load(ctx, id, tx, true);
    if (proposal.status === "decided" || proposal.status === "withdrawn") throw conflict("Cette proposition est close.");
    authorize(proposalPolicy.withdraw(ctx.actor, subject));
    await tx.update(proposals).set({ status: "withdrawn", updatedAt: ctx.now }).where(eq(proposals.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "proposal.withdraw",
      subjectType: "proposal",
      subjectId: id,
      summary: `${ctx.user.name} retire la proposition « ${proposal.title} »`,
    });
  });
  return getProposal(ctx, id);
}

/** Keeps the row in step with the state of its machine, in the caller's transaction. */
export async function saveState(
  tx: Db,
  ctx: Ctx,
  id: string,
  state: unknown,
  extra: Partial<typeof proposals.$inferInsert> = {},
) {
  await tx
    .update(proposals)
    .set({ state: state as Record<string, unknown>, updatedAt: ctx.now, ...extra })
    .where(and(eq(proposals.consortiumId, ctx.consortium.id), eq(proposals.id, id)));
}
