import { and, desc, eq, sql } from "drizzle-orm";
import type { SearchHit } from "../../../shared/contracts/directory.ts";
import { organizations, people, places } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";

const LIMIT = 20;

/**
 * One French search across organisations, places and people of the consortium, ranked together.
 * `fr_unaccent` folds accents and stems plurals on both sides (ADR 0004).
 */
export async function searchDirectory(ctx: Ctx, text: string): Promise<SearchHit[]> {
  const query = sql`websearch_to_tsquery('fr_unaccent', ${text})`;
  const c = ctx.consortium.id;
  const [orgs, placeRows, persons] = await Promise.all([
    ctx.db
      .select({
        id: organizations.id,
        title: organizations.name,
        subtitle: organizations.legalForm,
        rank: sql<number>`ts_rank(${organizations.search}, ${query})`,
      })
      .from(organizations)
      .where(and(eq(organizations.consortiumId, c), sql`${organizations.search} @@ ${query}`))
      .orderBy(desc(sql`3`))
      .limit(LIMIT),
    ctx.db
      .select({
        id: places.id,
        title: places.name,
        subtitle: places.city,
        rank: sql<number>`ts_rank(${places.search}, ${query})`,
      })
      .from(places)
      .where(and(eq(places.consortiumId, c), sql`${places.search} @@ ${query}`))
      .orderBy(desc(sql`3`))
      .limit(LIMIT),
    ctx.db
      .select({
        id: people.id,
        title: sql<string>`${people.firstName} || ' ' || ${people.lastName}`,
        subtitle: sql<string | null>`nullif(array_to_string(${people.skills}, ', '), '')`,
        rank: sql<number>`ts_rank(${people.search}, ${query})`,
      })
      .from(people)
      .where(and(eq(people.consortiumId, c), sql`${people.search} @@ ${query}`))
      .orderBy(desc(sql`3`))
      .limit(LIMIT),
  ]);
  const hits: SearchHit[] = [
    ...orgs.map((r) => ({ ...r, type: "organization" as const })),
    ...placeRows.map((r) => ({ ...r, type: "place" as const })),
    ...persons.map((r) => ({ ...r, type: "person" as const })),
  ];
  return hits.sort((a, b) => b.rank - a.rank || a.title.localeCompare(b.title, "fr")).slice(0, LIMIT * 2);
}
