import type { z } from "zod";
import type { AdviceEventInput, ProposalDto } from "../../../shared/contracts/proposals.ts";
import { type AdviceEvent, type AdviceState, adviceTransition } from "../../../shared/governance/advice.ts";
import { describeIssue } from "../../../shared/governance/labels.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, forbidden, invalid } from "../../http/errors.ts";
import { authorize } from "../../policies/index.ts";
import { proposalPolicy } from "../../policies/proposals.ts";
import { recordActivity } from "../activity.ts";
import { registerDecision } from "./decisions.service.ts";
import { getProposal, load, METHOD_WORDS, namer, saveState } from "./proposals.service.ts";

const STEP_WORDS: Record<AdviceEvent["type"], string> = {
  request: "demande un avis",
  give: "donne un avis",
  decline: "décline la demande d'avis",
  respond: "répond à un avis",
  decide: "décide",
  withdraw: "retire la proposition",
};

/**
 * One step of an advice process (advice.ts adviceTransition): the author decides alone, but only after asking for
 * advice, waiting for every request still within its deadline and answering every piece of advice received.
 * "Today" is the day in Paris, so a deadline is read as the people asked read it.
 */
export async function adviceStep(ctx: Ctx, id: string, input: z.output<typeof AdviceEventInput>): Promise<ProposalDto> {
  await ctx.db.transaction(async (tx) => {
    const { proposal, subject, seats, current } = await load(ctx, id, tx, true);
    if (proposal.method !== "advice") throw conflict("Cette proposition ne se décide pas par sollicitation d'avis.");
    if (proposal.status !== "open") throw conflict("Cette décision est close.");
    authorize(proposalPolicy.advise(ctx.actor, subject));
    if (!proposalPolicy.session(ctx.actor, subject) && !subject.own.includes(input.by)) throw forbidden();
    const nameOf = namer(seats);
    const e = input.event;
    if (e.type === "request" && !current.some((m) => m.mandateId === e.to))
      throw invalid({ "event.to": "Cette personne ne siège pas dans l'instance." });
    const event: AdviceEvent =
      e.type === "give" || e.type === "decline"
        ? { ...e, from: input.by }
        : e.type === "decide"
          ? { ...e, by: input.by, today: parisDay(ctx.now) }
          : { ...e, by: input.by };
    const state = proposal.state as unknown as AdviceState;
    const next = adviceTransition(state, event);
    if (!next.ok) {
      const message = describeIssue(next.error, "fr", nameOf);
      if (next.error.code === "text_missing") throw invalid({ "event.text": message }, message);
      throw conflict(message);
    }
    const s = next.state;
    await saveState(tx, ctx, id, s, {
      ...(s.phase === "decided"
        ? {
            status: "decided" as const,
            outcome: "adopted" as const,
            record: s.decision as unknown as Record<string, unknown>,
            decidedAt: ctx.now,
          }
        : {}),
      ...(s.phase === "withdrawn" ? { status: "withdrawn" as const } : {}),
    });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: `proposal.advice.${event.type}`,
      subjectType: "proposal",
      subjectId: id,
      summary: `« ${proposal.title} » : ${nameOf(input.by)} ${STEP_WORDS[event.type]}${e.type === "request" ? ` à ${nameOf(e.to)}` : ""}`,
      data: { by: input.by, type: event.type },
    });
    if (s.phase === "decided" && s.decision) {
      const given = s.advice.length;
      const missing = s.decision.unansweredAtDeadline.length;
      const summary = `Décidée par ${nameOf(s.author)} après sollicitation d'avis : ${given} ${given > 1 ? "avis reçus" : "avis reçu"}, chacun avec sa réponse${missing > 0 ? ` ; ${missing} sans réponse à l'échéance` : ""}.`;
      await registerDecision(tx, ctx, { ...proposal, text: s.decision.text, method: METHOD_WORDS.advice }, summary);
    }
  });
  return getProposal(ctx, id);
}
