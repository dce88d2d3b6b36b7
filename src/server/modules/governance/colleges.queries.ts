import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { associates, colleges, governanceSettings, organizations, people } from "../../db/schema/index.ts";

export type CollegeRow = typeof colleges.$inferSelect;

/** The statute's weighting; a consortium that never set one has no voting colleges (COL-01). */
export async function weightingOf(db: Db, consortiumId: string) {
  const [row] = await db
    .select({ weighting: governanceSettings.collegeWeighting })
    .from(governanceSettings)
    .where(eq(governanceSettings.consortiumId, consortiumId));
  return row?.weighting ?? "none";
}

export async function collegesOf(db: Db, consortiumId: string) {
  return db
    .select()
    .from(colleges)
    .where(eq(colleges.consortiumId, consortiumId))
    .orderBy(asc(colleges.position), asc(colleges.name));
}

/** The associates' register with each holder's name and college name, by college then name. */
export async function associatesOf(db: Db, consortiumId: string) {
  const rows = await db
    .select({
      associate: associates,
      organizationName: organizations.name,
      firstName: people.firstName,
      lastName: people.lastName,
      collegeName: colleges.name,
      collegePosition: colleges.position,
    })
    .from(associates)
    .leftJoin(organizations, eq(organizations.id, associates.organizationId))
    .leftJoin(people, eq(people.id, associates.personId))
    .leftJoin(colleges, eq(colleges.id, associates.collegeId))
    .where(eq(associates.consortiumId, consortiumId));
  return rows
    .map((r) => ({
      ...r.associate,
      name: r.organizationName ?? `${r.firstName} ${r.lastName}`,
      collegeName: r.collegeName,
      collegePosition: r.collegePosition ?? Number.MAX_SAFE_INTEGER,
    }))
    .sort((a, b) => a.collegePosition - b.collegePosition || a.name.localeCompare(b.name, "fr"));
}
export type AssociateRow = Awaited<ReturnType<typeof associatesOf>>[number];

export async function findAssociateOf(
  db: Db,
  consortiumId: string,
  holder: { organizationId?: string | null; personId?: string | null },
) {
  const [row] = await db
    .select({ id: associates.id })
    .from(associates)
    .where(
      and(
        eq(associates.consortiumId, consortiumId),
        holder.organizationId
          ? eq(associates.organizationId, holder.organizationId)
          : eq(associates.personId, holder.personId ?? ""),
      ),
    );
  return row ?? null;
}
