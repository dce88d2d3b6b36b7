import type { z } from "zod";
import type { ConsentEventInput, ProposalDto } from "../../../shared/contracts/proposals.ts";
import { type ConsentEvent, type ConsentState, consentTransition } from "../../../shared/governance/consent.ts";
import { describeIssue } from "../../../shared/governance/labels.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, forbidden, invalid } from "../../http/errors.ts";
import { authorize } from "../../policies/index.ts";
import { proposalPolicy } from "../../policies/proposals.ts";
import { recordActivity } from "../activity.ts";
import { registerDecision } from "./decisions.service.ts";
import { requireQuorum } from "./proposals.quorum.ts";
import { getProposal, load, METHOD_WORDS, namer, saveState } from "./proposals.service.ts";

/** What each step is called in the activity log. */
const STEP_WORDS: Record<ConsentEvent["type"], string> = {
  join: "rejoint le cercle",
  leave: "quitte le cercle",
  present: "présente la proposition",
  ask: "pose une question de clarification",
  answer: "répond à une question",
  react: "donne sa réaction",
  pass: "passe son tour",
  close_round: "clôt le tour",
  amend: "amende la proposition",
  keep: "garde la proposition telle quelle",
  withdraw: "retire la proposition",
  consent: "consent",
  object: "objecte",
  concern: "exprime une réserve",
  lift: "lève son objection",
  integrate: "intègre des objections dans un nouveau texte",
  conclude: "constate qu'aucune objection ne subsiste",
  postpone: "reporte la décision",
  resume: "reprend la décision",
  back_to_amendment: "revient à l'amendement",
  set_review: "fixe la date de révision",
};

/** The input field a refusal is about, so the form can show it next to the right box. */
const FIELD_OF: Partial<Record<string, string>> = {
  objection_without_argument: "event.argument",
};

/**
 * One step of a decision by consent (consent.ts consentTransition), said by a member of the circle, or recorded
 * for them in session by the body's secretary or the coordination. An objection without argument is refused; the
 * proposal is adopted only when no objection stands, and then goes into the decision register.
 */
export async function consentStep(ctx: Ctx, id: string, input: z.output<typeof ConsentEventInput>): Promise<ProposalDto> {
  await ctx.db.transaction(async (tx) => {
    const { proposal, subject, seats } = await load(ctx, id, tx, true);
    if (proposal.method !== "consent") throw conflict("Cette proposition ne se décide pas par consentement.");
    if (proposal.status !== "open") throw conflict("Cette décision est close.");
    authorize(proposalPolicy.consent(ctx.actor, subject));
    const inSession = proposalPolicy.session(ctx.actor, subject);
    if (!inSession && !subject.own.includes(input.by)) throw forbidden();
    const nameOf = namer(seats);
    const state = proposal.state as unknown as ConsentState;
    const event = { ...input.event, by: input.by } as ConsentEvent;
    const next = consentTransition(state, event);
    if (!next.ok) {
      const message = describeIssue(next.error, "fr", nameOf);
      const field = FIELD_OF[next.error.code] ?? (next.error.code === "text_missing" ? "event" : undefined);
      if (field) throw invalid({ [field]: message }, message);
      throw conflict(message);
    }
    const s = next.state;
    const adopted = s.phase === "adopted";
    if (adopted) await requireQuorum(ctx, tx, id, "La proposition ne peut pas être adoptée");
    await saveState(tx, ctx, id, s, {
      ...(adopted
        ? {
            status: "decided" as const,
            outcome: "adopted" as const,
            record: s.decision as unknown as Record<string, unknown>,
            decidedAt: ctx.now,
          }
        : {}),
      ...(s.phase === "withdrawn" ? { status: "withdrawn" as const } : {}),
    });
    const round = state.round ? ` (tour ${labelRound(state.round.kind)} n° ${state.round.number})` : "";
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: event.type === "close_round" ? "proposal.round_close" : `proposal.consent.${event.type}`,
      subjectType: "proposal",
      subjectId: id,
      summary: `« ${proposal.title} » : ${nameOf(input.by)} ${STEP_WORDS[event.type]}${round}`,
      data: { by: input.by, type: event.type, phase: s.phase },
    });
    if (adopted && s.decision) {
      const rounds = s.decision.objectionRounds;
      const summary = `Adoptée par consentement : aucune objection ne subsiste, après ${rounds} ${rounds > 1 ? "tours" : "tour"} d'objections, ${s.decision.participants.length} participants.`;
      await registerDecision(tx, ctx, { ...proposal, text: s.decision.text, method: METHOD_WORDS.consent }, summary, s.reviewOn);
    }
  });
  return getProposal(ctx, id);
}

const labelRound = (kind: string) =>
  ({ clarification: "de clarification", reactions: "de réactions", objections: "d'objections" })[kind] ?? kind;
