import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { consortia, organizations, places, users } from "../db/schema/index.ts";
import type { Ctx } from "../http/auth.ts";

/** The demo's coordinator acting in the demo consortium: the seeds go through the same services as the web app. */
export async function coordinatorCtx(db: Db, consortiumSlug: string, coordinatorUserId: string): Promise<Ctx> {
  const [consortium] = await db.select().from(consortia).where(eq(consortia.slug, consortiumSlug));
  const [user] = await db.select().from(users).where(eq(users.id, coordinatorUserId));
  return {
    db,
    user: { id: user.id, name: user.name, email: user.email, isAdmin: false },
    consortium,
    now: new Date(),
    actor: { userId: user.id, isAdmin: false, role: "coordinator", organizationId: null },
  };
}

/** Seeds tell nobody: the demo's referents would otherwise find a dozen messages in the outbox. */
export const silentMailer = { send: async () => {} };

/** Each member organisation with its first place (by name): the hosts of the demo's rotations. */
export async function memberPlaces(db: Db, consortiumId: string) {
  const rows = await db
    .select({ organizationId: organizations.id, placeId: places.id, openingHours: places.openingHours })
    .from(organizations)
    .innerJoin(places, eq(places.organizationId, organizations.id))
    .where(and(eq(organizations.consortiumId, consortiumId), eq(organizations.kind, "member")))
    .orderBy(asc(organizations.name), asc(places.name));
  const first = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!first.has(r.organizationId)) first.set(r.organizationId, r);
  return [...first.values()];
}
