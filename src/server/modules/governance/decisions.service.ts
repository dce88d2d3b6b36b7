import type { z } from "zod";
import type { DecisionListDto, DecisionListQuery } from "../../../shared/contracts/decisions.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import type { Db } from "../../db/client.ts";
import { decisions } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
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

export async function listDecisions(ctx: Ctx, query: z.output<typeof DecisionListQuery>): Promise<DecisionListDto> {
  const { rows, total } = await q.listDecisions(ctx.db, ctx.consortium.id, query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}
