import type { z } from "zod";
import { fullDate } from "../../../shared/agenda/recurrence.ts";
import { MANDATE_ROLES, type MandateRole } from "../../../shared/contracts/governance.ts";
import type { ElectionEventInput, ElectionRoleInput, ProposalDto } from "../../../shared/contracts/proposals.ts";
import {
  type ElectionEvent,
  type ElectionState,
  electionTransition,
  type RoleDefinition,
  startElection,
} from "../../../shared/governance/election.ts";
import { describeIssue } from "../../../shared/governance/labels.ts";
import { mandates } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, forbidden, invalid } from "../../http/errors.ts";
import { authorize } from "../../policies/index.ts";
import { proposalPolicy } from "../../policies/proposals.ts";
import { recordActivity } from "../activity.ts";
import { registerDecision } from "./decisions.service.ts";
import type { BodyMemberRow, ProposalRow } from "./proposals.queries.ts";
import { requireQuorum } from "./proposals.quorum.ts";
import { getProposal, load, METHOD_WORDS, namer, saveState } from "./proposals.service.ts";

/** What a draft election stores until it opens: who facilitates, and the role as the form described it. */
export interface ElectionDraft {
  facilitator: string | null | undefined;
  draft: z.output<typeof ElectionRoleInput>;
}

/** The role as the election machine knows it: the proposal's title names it and its text is the mission. */
export function roleOf(p: Pick<ProposalRow, "title" | "text">, draft: ElectionDraft["draft"]): RoleDefinition {
  return {
    name: p.title,
    mission: p.text,
    accountabilities: draft.accountabilities.filter((a) => a.length > 0),
    criteria: draft.criteria,
    mandateStart: draft.mandateStart,
    mandateEnd: draft.mandateEnd,
    mandateRole: draft.mandateRole,
  };
}

/**
 * Opens an election: the circle is the body today, the facilitator describes the role (as drafted) and opens the
 * nominations at once, since the role was written when the proposal was tabled.
 */
export function openElection(proposal: ProposalRow, current: BodyMemberRow[], nameOf: (id: string) => string): ElectionState {
  const stored = (proposal.state ?? {}) as unknown as ElectionDraft;
  const facilitator = stored.facilitator ?? "";
  if (!current.some((m) => m.mandateId === facilitator))
    throw conflict("La personne qui facilite ne siège plus dans l'instance.");
  let state = startElection({ facilitator, participants: current.map((m) => m.mandateId) });
  for (const event of [
    { type: "define_role", by: facilitator, role: roleOf(proposal, stored.draft) },
    { type: "open_nominations", by: facilitator },
  ] satisfies ElectionEvent[]) {
    const next = electionTransition(state, event);
    if (!next.ok) throw conflict(describeIssue(next.error, "fr", nameOf));
    state = next.state;
  }
  return state;
}

/** What each step is called in the activity log. Nominations are not secret in this method: the reasons are heard. */
const STEP_WORDS: Partial<Record<ElectionEvent["type"], string>> = {
  nominate: "donne sa nomination",
  close_nominations: "clôt les nominations",
  change: "change sa nomination",
  close_changes: "clôt les changements",
  propose: "propose une personne",
  consent: "consent",
  object: "objecte",
  concern: "exprime une réserve",
  close_round: "clôt le tour d'objections",
  lift: "lève son objection",
  bonify: "bonifie la proposition",
  reopen_proposal: "revient à la proposition",
  conclude: "constate qu'aucune objection ne subsiste",
  abandon: "abandonne l'élection",
};

/** The input field a refusal is about, so the form can show it next to the right box. */
const FIELD_OF: Partial<Record<string, string>> = {
  reason_missing: "event.reason",
  objection_without_argument: "event.argument",
  text_missing: "event",
};

/**
 * One step of an election without candidates (election.ts electionTransition), said by a member of the circle
 * or recorded for them in session. Once elected, the person gets the mandate the role describes in the body, and
 * the election goes into the decision register, in the same transaction.
 */
export async function electionStep(ctx: Ctx, id: string, input: z.output<typeof ElectionEventInput>): Promise<ProposalDto> {
  await ctx.db.transaction(async (tx) => {
    const { proposal, subject, seats } = await load(ctx, id, tx, true);
    if (proposal.method !== "election") throw conflict("Cette proposition n'est pas une élection.");
    if (proposal.status !== "open") throw conflict("Cette élection est close.");
    authorize(proposalPolicy.elect(ctx.actor, subject));
    const inSession = proposalPolicy.session(ctx.actor, subject);
    if (!inSession && !subject.own.includes(input.by)) throw forbidden();
    const nameOf = namer(seats);
    const state = proposal.state as unknown as ElectionState;
    const event = { ...input.event, by: input.by } as ElectionEvent;
    const next = electionTransition(state, event);
    if (!next.ok) {
      const message = describeIssue(next.error, "fr", nameOf);
      const field = FIELD_OF[next.error.code];
      if (field) throw invalid({ [field]: message }, message);
      throw conflict(message);
    }
    const s = next.state;
    const elected = s.phase === "elected" && s.result !== null;
    if (elected) await requireQuorum(ctx, tx, id, "L'élection ne peut pas aboutir");
    await saveState(tx, ctx, id, s, {
      ...(elected
        ? {
            status: "decided" as const,
            outcome: "adopted" as const,
            record: s.result as unknown as Record<string, unknown>,
            decidedAt: ctx.now,
          }
        : {}),
      ...(s.phase === "abandoned" ? { status: "withdrawn" as const } : {}),
    });
    const about =
      event.type === "nominate" || event.type === "change" || event.type === "propose" ? ` : ${nameOf(event.nominee)}` : "";
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: event.type === "close_round" ? "proposal.round_close" : `proposal.election.${event.type}`,
      subjectType: "proposal",
      subjectId: id,
      summary: `« ${proposal.title} » : ${nameOf(input.by)} ${STEP_WORDS[event.type] ?? event.type}${about}`,
      data: { by: input.by, type: event.type, phase: s.phase },
    });
    if (elected && s.result) {
      const r = s.result;
      const seat = seats.find((m) => m.mandateId === r.person);
      const role = (MANDATE_ROLES as readonly string[]).includes(r.role.mandateRole ?? "")
        ? (r.role.mandateRole as MandateRole)
        : "other";
      let mandateId: string | null = null;
      if (seat && (seat.personId || seat.organizationId)) {
        const [row] = await tx
          .insert(mandates)
          .values({
            consortiumId: ctx.consortium.id,
            bodyId: proposal.bodyId,
            personId: seat.personId,
            organizationId: seat.organizationId,
            role,
            title: r.role.name,
            startsOn: r.role.mandateStart,
            endsOn: r.role.mandateEnd,
          })
          .returning({ id: mandates.id });
        mandateId = row.id;
      }
      const votes = r.votes.find((v) => v.nominee === r.person)?.votes ?? 0;
      const ballots = r.votes.reduce((n, v) => n + v.votes, 0);
      const conditions = r.conditions.length > 0 ? ` ; conditions : ${r.conditions.join(" ; ")}` : "";
      const summary = `${nameOf(r.person)} élu·e sans candidat au rôle « ${r.role.name} », du ${fullDate(r.role.mandateStart, "fr")} au ${fullDate(r.role.mandateEnd, "fr")} (${votes} nomination${votes > 1 ? "s" : ""} sur ${ballots}, ${r.objectionRounds} tour${r.objectionRounds > 1 ? "s" : ""} d'objections${conditions}).`;
      await registerDecision(tx, ctx, { ...proposal, method: METHOD_WORDS.election }, summary);
      if (mandateId)
        await recordActivity(tx, {
          consortiumId: ctx.consortium.id,
          actorUserId: ctx.user.id,
          action: "mandate.create",
          subjectType: "mandate",
          subjectId: mandateId,
          summary: `${nameOf(r.person)} prend le mandat « ${r.role.name} » par élection sans candidat`,
        });
    }
  });
  return getProposal(ctx, id);
}
