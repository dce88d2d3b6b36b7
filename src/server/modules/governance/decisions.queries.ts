import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.ts";
import { bodies, consortia, decisions } from "../../db/schema/index.ts";

const replacing = alias(decisions, "replacing");

const columns = {
  id: decisions.id,
  title: decisions.title,
  text: decisions.text,
  method: decisions.method,
  resultSummary: decisions.resultSummary,
  decidedOn: decisions.decidedOn,
  reviewOn: decisions.reviewOn,
  status: decisions.status,
  bodyName: bodies.name,
  proposalId: decisions.proposalId,
  replacedById: replacing.id,
  replacedByTitle: replacing.title,
  replacedByProposalId: replacing.proposalId,
};

export type DecisionRow = Awaited<ReturnType<typeof getDecision>> & {};

/** Still applies, so its review matters: a replaced or repealed decision has nothing left to review. */
const applies = inArray(decisions.status, ["in_force", "to_review"]);
/** Its review date has come on `day` (Paris). */
const reviewDueOn = (day: string) => and(applies, lte(decisions.reviewOn, day));

export async function listDecisions(
  db: Db,
  consortiumId: string,
  query: { q?: string; status?: (typeof decisions.$inferSelect)["status"]; page: number; pageSize: number },
  day: string,
) {
  const where = and(
    eq(decisions.consortiumId, consortiumId),
    query.status ? eq(decisions.status, query.status) : undefined,
    query.q ? sql`${decisions.search} @@ websearch_to_tsquery('fr_unaccent', ${query.q})` : undefined,
  );
  const [rows, [{ total }], [{ due }]] = await Promise.all([
    db
      .select(columns)
      .from(decisions)
      .leftJoin(bodies, eq(bodies.id, decisions.bodyId))
      .leftJoin(replacing, eq(replacing.id, decisions.replacedBy))
      .where(where)
      .orderBy(desc(decisions.decidedOn), desc(decisions.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(decisions).where(where),
    db
      .select({ due: count() })
      .from(decisions)
      .where(and(eq(decisions.consortiumId, consortiumId), reviewDueOn(day))),
  ]);
  return { rows, total, due };
}

export async function getDecision(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select(columns)
    .from(decisions)
    .leftJoin(bodies, eq(bodies.id, decisions.bodyId))
    .leftJoin(replacing, eq(replacing.id, decisions.replacedBy))
    .where(and(eq(decisions.consortiumId, consortiumId), eq(decisions.id, id)));
  return row ?? null;
}

/** The decisions that `id` replaced. */
export async function replacedByDecision(db: Db, consortiumId: string, id: string) {
  return db
    .select({ id: decisions.id, title: decisions.title, proposalId: decisions.proposalId })
    .from(decisions)
    .where(and(eq(decisions.consortiumId, consortiumId), eq(decisions.replacedBy, id)))
    .orderBy(asc(decisions.decidedOn), asc(decisions.title));
}

/** Who replaces whom in the consortium, to refuse a replacement that would loop. */
export async function replacementLinks(db: Db, consortiumId: string) {
  const rows = await db
    .select({ id: decisions.id, replacedBy: decisions.replacedBy })
    .from(decisions)
    .where(eq(decisions.consortiumId, consortiumId));
  return new Map(rows.map((r) => [r.id, r.replacedBy]));
}

/** Due for review on `day` and not reminded since their review date was set (or passed). */
const toRemind = (day: string) =>
  and(reviewDueOn(day), or(isNull(decisions.reviewReminderSentOn), lt(decisions.reviewReminderSentOn, decisions.reviewOn)));

export async function dueForReview(db: Db, consortiumId: string, day: string) {
  return db
    .select({
      id: decisions.id,
      title: decisions.title,
      reviewOn: decisions.reviewOn,
      status: decisions.status,
      reminded: sql<boolean>`not (${toRemind(day)})`,
    })
    .from(decisions)
    .where(and(eq(decisions.consortiumId, consortiumId), reviewDueOn(day)))
    .orderBy(asc(decisions.reviewOn), asc(decisions.title));
}

/**
 * Marks the decisions as reminded for `day`, the ones in force becoming "to review". Only rows still waiting for
 * their reminder are claimed, so two runs at once remind each decision once.
 */
export async function claimReminders(tx: Db, consortiumId: string, ids: string[], day: string) {
  if (ids.length === 0) return [];
  return tx
    .update(decisions)
    .set({
      reviewReminderSentOn: day,
      status: sql`case when ${decisions.status} = 'in_force' then 'to_review' else ${decisions.status} end`,
      updatedAt: new Date(),
    })
    .where(and(eq(decisions.consortiumId, consortiumId), inArray(decisions.id, ids), toRemind(day)))
    .returning({ id: decisions.id });
}

/** The consortia with at least one decision waiting for its review reminder. */
export async function consortiaWithReviewsToRemind(db: Db, day: string) {
  return db
    .selectDistinct({ id: consortia.id, name: consortia.name })
    .from(decisions)
    .innerJoin(consortia, eq(consortia.id, decisions.consortiumId))
    .where(toRemind(day));
}
