import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type {
  DecisionDetailDto,
  DecisionDto,
  DecisionListDto,
  DecisionListQuery,
  UpdateDecisionInput,
} from "../../../shared/contracts/decisions.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import type { Db } from "../../db/client.ts";
import { decisions } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { AppError, invalid, notFound } from "../../http/errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { decisionPolicy, decisionRegisterPolicy } from "../../policies/decisions.ts";
import { abilitiesFor, authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import * as q from "./decisions.queries.ts";

/**
 * Writes an adopted proposal into the decision register, in the transaction that decided it. A rejected proposal
 * stays on its own page with its result: the register lists what is in force.
 */
export async function registerDecision(
  tx: Db,
  ctx: Ctx,
  p: { id: string; bodyId: string; title: string; text: string; method: string },
  resultSummary: string,
  reviewOn: string | null = null,
) {
  const [row] = await tx
    .insert(decisions)
    .values({
      consortiumId: ctx.consortium.id,
      bodyId: p.bodyId,
      proposalId: p.id,
      title: p.title,
      text: p.text,
      method: p.method,
      resultSummary,
      decidedOn: parisDay(ctx.now),
      reviewOn,
    })
    .returning({ id: decisions.id });
  await recordActivity(tx, {
    consortiumId: ctx.consortium.id,
    actorUserId: ctx.user.id,
    action: "decision.record",
    subjectType: "decision",
    subjectId: row.id,
    summary: `Décision inscrite au registre : « ${p.title} » (${resultSummary})`,
  });
  return row.id;
}

const STATUS_FR = { in_force: "en vigueur", to_review: "à revoir", replaced: "remplacée", repealed: "abrogée" } as const;
export const frDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** A review matters only while the decision applies; the date alone does not make it due. */
export const isReviewDue = (d: { reviewOn: string | null; status: string }, day: string) =>
  d.reviewOn !== null && d.reviewOn <= day && (d.status === "in_force" || d.status === "to_review");

function present(actor: Actor, row: q.DecisionRow, day: string): DecisionDto {
  const { replacedById, replacedByTitle, replacedByProposalId, ...rest } = row;
  return {
    ...rest,
    reviewDue: isReviewDue(row, day),
    replacedBy:
      replacedById && replacedByTitle !== null
        ? { id: replacedById, title: replacedByTitle, proposalId: replacedByProposalId }
        : null,
    abilities: abilitiesFor(decisionPolicy, actor, row),
  };
}

export async function listDecisions(ctx: Ctx, query: z.output<typeof DecisionListQuery>): Promise<DecisionListDto> {
  const day = parisDay(ctx.now);
  const { rows, total, due } = await q.listDecisions(ctx.db, ctx.consortium.id, query, day);
  return {
    items: rows.map((r) => present(ctx.actor, r, day)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    reviewsDue: due,
    abilities: abilitiesFor(decisionRegisterPolicy, ctx.actor, null),
  };
}

async function loadDecision(ctx: Ctx, id: string) {
  const row = await q.getDecision(ctx.db, ctx.consortium.id, id);
  if (!row) throw notFound("Décision");
  return row;
}

export async function getDecision(ctx: Ctx, id: string): Promise<DecisionDetailDto> {
  const row = await loadDecision(ctx, id);
  const replaces = await q.replacedByDecision(ctx.db, ctx.consortium.id, id);
  return { ...present(ctx.actor, row, parisDay(ctx.now)), replaces };
}

/** Refuses itself, a decision of another consortium, and a chain of replacements that would come back to `id`. */
async function checkReplacement(ctx: Ctx, id: string, replacedBy: string) {
  if (replacedBy === id)
    throw invalid({ replacedBy: "Une décision ne peut pas se remplacer elle-même" }, "Choisissez une autre décision.");
  const links = await q.replacementLinks(ctx.db, ctx.consortium.id);
  if (!links.has(replacedBy))
    throw new AppError("NOT_FOUND", "Décision introuvable.", {
      replacedBy: "Aucune décision de ce registre ne porte cet identifiant",
    });
  const seen = new Set<string>();
  for (let cur: string | null | undefined = replacedBy; cur && !seen.has(cur); cur = links.get(cur)) {
    if (cur === id)
      throw invalid(
        { replacedBy: "Cette décision est elle-même remplacée, directement ou non, par celle que vous modifiez" },
        "Ce remplacement tournerait en rond.",
      );
    seen.add(cur);
  }
}

/**
 * Sets the review date, the status or what replaced the decision. A new review date waits for its own reminder;
 * naming a replacing decision makes it "replaced", and clearing it puts it back in force.
 */
export async function updateDecision(
  ctx: Ctx,
  id: string,
  input: z.output<typeof UpdateDecisionInput>,
): Promise<DecisionDetailDto> {
  const row = await loadDecision(ctx, id);
  authorize(decisionPolicy.edit(ctx.actor, row));
  if (input.replacedBy) await checkReplacement(ctx, id, input.replacedBy);

  const set: Partial<typeof decisions.$inferInsert> = {};
  const said: string[] = [];
  if (input.reviewOn !== undefined && input.reviewOn !== row.reviewOn) {
    set.reviewOn = input.reviewOn;
    set.reviewReminderSentOn = null;
    said.push(input.reviewOn ? `date de révision au ${frDay(input.reviewOn)}` : "sans date de révision");
  }
  if (input.replacedBy) {
    if (input.replacedBy !== row.replacedById) {
      set.replacedBy = input.replacedBy;
      set.status = "replaced";
      const title = (await q.getDecision(ctx.db, ctx.consortium.id, input.replacedBy))?.title ?? "";
      said.push(`remplacée par « ${title} »`);
    }
  } else if (input.replacedBy === null || input.status !== undefined) {
    // Clearing the replacement of a decision that was replaced puts it back in force; otherwise it keeps its status.
    const status = input.status ?? (row.status === "replaced" ? "in_force" : row.status);
    if (row.replacedById) set.replacedBy = null;
    if (status !== row.status) set.status = status;
    if (set.status || set.replacedBy === null) said.push(STATUS_FR[status]);
  }
  if (said.length === 0) return getDecision(ctx, id);

  await ctx.db.transaction(async (tx) => {
    await tx
      .update(decisions)
      .set({ ...set, updatedAt: ctx.now })
      .where(and(eq(decisions.consortiumId, ctx.consortium.id), eq(decisions.id, id)));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "decision.update",
      subjectType: "decision",
      subjectId: id,
      summary: `${ctx.user.name} met à jour la décision « ${row.title} » : ${said.join(", ")}`,
      data: { ...set },
    });
  });
  return getDecision(ctx, id);
}
