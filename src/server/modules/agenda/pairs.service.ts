import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { EventDto, ReviewInput } from "../../../shared/contracts/agenda.ts";
import { eventReviews, events } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { invalid } from "../../http/errors.ts";
import { isCoordinator, isReferentOf } from "../../policies/actor.ts";
import { agendaPolicy } from "../../policies/agenda.ts";
import { authorize } from "../../policies/index.ts";
import * as q from "./agenda.queries.ts";
import { activity } from "./event-input.ts";
import { getEvent, loadEvent } from "./events.service.ts";
import { setOrganizers } from "./events.store.ts";

// Answers to the warnings about two events: join one as co-organiser, fold a copy into it, or say the
// clash is accepted or the two are different.

type Review = z.output<typeof ReviewInput>;

/** "Link as co-organised": an organisation joins an existing event instead of publishing it again. */
export async function coOrganize(ctx: Ctx, id: string, organizationId: string): Promise<EventDto> {
  const { event, organizers } = await loadEvent(ctx, id);
  const [org] = await q.organizationsById(ctx.db, ctx.consortium.id, [organizationId]);
  if (!org) throw invalid({ organizationId: "Structure introuvable dans ce consortium" });
  authorize(isCoordinator(ctx.actor) || isReferentOf(ctx.actor, organizationId));
  if (organizers.some((o) => o.id === organizationId)) return getEvent(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await setOrganizers(tx, ctx.consortium.id, id, [...organizers.map((o) => o.id), organizationId]);
    await activity(
      tx,
      ctx,
      id,
      "event.co-organize",
      `${org.name} co-organise « ${event.title} » avec ${organizers.map((o) => o.name).join(", ")}`,
      {
        organizationId,
      },
    );
  });
  return getEvent(ctx, id);
}

/** Folds a duplicate into the event: its organisers become co-organisers, and the copy disappears. */
export async function mergeDuplicate(ctx: Ctx, id: string, duplicateId: string): Promise<EventDto> {
  if (id === duplicateId) throw invalid({ duplicateId: "Un événement ne peut pas être son propre doublon" });
  const kept = await loadEvent(ctx, id);
  const dup = await loadEvent(ctx, duplicateId);
  authorize(
    agendaPolicy.merge(ctx.actor, [
      { organizerIds: kept.organizers.map((o) => o.id) },
      { organizerIds: dup.organizers.map((o) => o.id) },
    ]),
  );
  const all = [...new Set([...kept.organizers, ...dup.organizers].map((o) => o.id))];
  await ctx.db.transaction(async (tx) => {
    await setOrganizers(tx, ctx.consortium.id, id, all);
    await tx.delete(events).where(and(eq(events.consortiumId, ctx.consortium.id), eq(events.id, duplicateId)));
    await activity(
      tx,
      ctx,
      id,
      "event.merge",
      `${ctx.user.name} fusionne le doublon « ${dup.event.title} » dans « ${kept.event.title} »`,
      {
        duplicate: dup.event,
        organizers: dup.organizers.map((o) => o.name),
      },
    );
  });
  return getEvent(ctx, id);
}

export async function review(ctx: Ctx, input: Review): Promise<void> {
  const [a, b] = [...input.eventIds].sort();
  if (a === b) throw invalid({ eventIds: "Deux événements différents sont attendus" });
  const first = await loadEvent(ctx, a);
  const second = await loadEvent(ctx, b);
  authorize(
    agendaPolicy.review(ctx.actor, [
      { organizerIds: first.organizers.map((o) => o.id) },
      { organizerIds: second.organizers.map((o) => o.id) },
    ]),
  );
  if (input.kind === "audience" && input.verdict !== "accepted")
    throw invalid({ verdict: "Un chevauchement de publics s'accepte (avec une raison)" });
  if (input.kind === "duplicate" && input.verdict !== "distinct")
    throw invalid({ verdict: "Pour lier deux événements, fusionnez-les" });
  if (input.kind === "audience" && !input.reason) throw invalid({ reason: "Indiquez pourquoi ce chevauchement est maintenu" });
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(eventReviews)
      .values({
        consortiumId: ctx.consortium.id,
        kind: input.kind,
        eventA: a,
        eventB: b,
        verdict: input.verdict,
        reason: input.reason ?? null,
        reviewedBy: ctx.user.id,
      })
      .onConflictDoUpdate({
        target: [eventReviews.kind, eventReviews.eventA, eventReviews.eventB],
        set: { verdict: input.verdict, reason: input.reason ?? null, reviewedBy: ctx.user.id, reviewedAt: ctx.now },
      });
    const summary =
      input.kind === "audience"
        ? `${ctx.user.name} maintient « ${first.event.title} » et « ${second.event.title} » le même jour : ${input.reason}`
        : `${ctx.user.name} indique que « ${first.event.title} » et « ${second.event.title} » sont deux événements différents`;
    await activity(tx, ctx, a, `event.review-${input.kind}`, summary, { other: b });
  });
}
