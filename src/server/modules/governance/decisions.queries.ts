import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { bodies, decisions } from "../../db/schema/index.ts";

export async function listDecisions(
  db: Db,
  consortiumId: string,
  query: { q?: string; status?: (typeof decisions.$inferSelect)["status"]; page: number; pageSize: number },
) {
  const where = and(
    eq(decisions.consortiumId, consortiumId),
    query.status ? eq(decisions.status, query.status) : undefined,
    query.q ? sql`${decisions.search} @@ websearch_to_tsquery('fr_unaccent', ${query.q})` : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
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
      })
      .from(decisions)
      .leftJoin(bodies, eq(bodies.id, decisions.bodyId))
      .where(where)
      .orderBy(desc(decisions.decidedOn), desc(decisions.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(decisions).where(where),
  ]);
  return { rows, total };
}
