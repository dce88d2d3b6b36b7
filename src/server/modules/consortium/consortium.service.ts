import { and, count, desc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ConsortiumDto, CreateConsortiumInput, MeDto, UpdateConsortiumInput } from "../../../shared/contracts/consortium.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import type { Db } from "../../db/client.ts";
import {
  activities,
  consortia,
  consortiumAccounts,
  memberPeriods,
  organizations,
  people,
  places,
  users,
} from "../../db/schema/index.ts";
import type { Ctx, SessionUser } from "../../http/auth.ts";
import { conflict, invalid } from "../../http/errors.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { abilitiesFor, authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { findOrganization } from "../directory/directory.queries.ts";

export async function getMe(db: Db, user: SessionUser | null): Promise<MeDto> {
  if (!user) return { user: null, isAdmin: false, consortia: [] };
  const rows = await db
    .select({ slug: consortia.slug, name: consortia.name, role: consortiumAccounts.role })
    .from(consortiumAccounts)
    .innerJoin(consortia, eq(consortia.id, consortiumAccounts.consortiumId))
    .where(eq(consortiumAccounts.userId, user.id))
    .orderBy(consortia.name);
  return { user: { id: user.id, name: user.name, email: user.email }, isAdmin: user.isAdmin, consortia: rows };
}

/**
 * Creates a consortium; its creator becomes its coordinator. With `member-lead` the carrier is the
 * chef de file and becomes the first member; with `external-carrier` it is a separate organisation
 * (such as a SCIC) that represents all members without being one.
 */
export async function createConsortium(db: Db, user: SessionUser, input: z.output<typeof CreateConsortiumInput>) {
  const [taken] = await db.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, input.slug));
  if (taken) throw invalid({ slug: "Cette adresse est déjà prise" });
  const now = new Date();
  return db.transaction(async (tx) => {
    const [consortium] = await tx
      .insert(consortia)
      .values({
        slug: input.slug,
        name: input.name,
        territory: input.territory,
        scale: input.scale,
        description: input.description ?? null,
        carrierModel: input.carrierModel,
      })
      .returning();
    const kind = input.carrierModel === "member-lead" ? "member" : "carrier";
    const [carrier] = await tx
      .insert(organizations)
      .values({ ...input.carrier, kind, consortiumId: consortium.id })
      .returning();
    if (kind === "member") {
      await tx.insert(memberPeriods).values({ consortiumId: consortium.id, organizationId: carrier.id, joinedOn: parisDay(now) });
    }
    await tx.update(consortia).set({ carrierOrganizationId: carrier.id }).where(eq(consortia.id, consortium.id));
    await tx.insert(consortiumAccounts).values({ consortiumId: consortium.id, userId: user.id, role: "coordinator" });
    await recordActivity(tx, {
      consortiumId: consortium.id,
      actorUserId: user.id,
      action: "consortium.create",
      subjectType: "consortium",
      subjectId: consortium.id,
      summary: `${user.name} crée le consortium ${consortium.name}`,
    });
    return { slug: consortium.slug };
  });
}

export async function getConsortium(ctx: Ctx): Promise<ConsortiumDto> {
  const c = ctx.consortium;
  const today = parisDay(ctx.now);
  const [[members], [placeCount], [peopleCount], [partners], carrier] = await Promise.all([
    ctx.db
      .select({ n: sql<number>`count(distinct ${memberPeriods.organizationId})::int` })
      .from(memberPeriods)
      .where(
        and(
          eq(memberPeriods.consortiumId, c.id),
          lte(memberPeriods.joinedOn, today),
          or(isNull(memberPeriods.leftOn), gt(memberPeriods.leftOn, today)),
        ),
      ),
    ctx.db.select({ n: count() }).from(places).where(eq(places.consortiumId, c.id)),
    ctx.db.select({ n: count() }).from(people).where(eq(people.consortiumId, c.id)),
    ctx.db
      .select({ n: count() })
      .from(organizations)
      .where(and(eq(organizations.consortiumId, c.id), eq(organizations.kind, "partner"))),
    c.carrierOrganizationId ? findOrganization(ctx.db, c.id, c.carrierOrganizationId) : null,
  ]);
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    territory: c.territory,
    scale: c.scale,
    description: c.description,
    carrierModel: c.carrierModel,
    carrier: carrier ? { id: carrier.id, name: carrier.name, legalForm: carrier.legalForm } : null,
    counts: { members: members.n, places: placeCount.n, people: peopleCount.n, partners: partners.n },
    myRole: ctx.actor.role,
    abilities: abilitiesFor(consortiumPolicy, ctx.actor, null),
  };
}

/**
 * Updates the consortium. Changing the carrier checks the model: a chef de file must be a current
 * member; an external carrier must be an organisation of kind "carrier".
 */
export async function updateConsortium(ctx: Ctx, input: z.output<typeof UpdateConsortiumInput>) {
  authorize(consortiumPolicy.update(ctx.actor));
  const model = input.carrierModel ?? ctx.consortium.carrierModel;
  const carrierId = input.carrierOrganizationId ?? ctx.consortium.carrierOrganizationId;
  if (input.carrierModel || input.carrierOrganizationId) {
    const carrier = carrierId ? await findOrganization(ctx.db, ctx.consortium.id, carrierId) : null;
    if (!carrier) throw invalid({ carrierOrganizationId: "Choisissez la structure porteuse" });
    if (model === "member-lead") {
      const today = parisDay(ctx.now);
      const [current] = await ctx.db
        .select({ id: memberPeriods.id })
        .from(memberPeriods)
        .where(
          and(
            eq(memberPeriods.organizationId, carrier.id),
            lte(memberPeriods.joinedOn, today),
            or(isNull(memberPeriods.leftOn), gt(memberPeriods.leftOn, today)),
          ),
        );
      if (!current) throw invalid({ carrierOrganizationId: "Le chef de file doit être un membre actuel" });
    } else if (carrier.kind !== "carrier") {
      throw invalid({ carrierOrganizationId: "Le porteur externe doit être une structure porteuse (par exemple une SCIC)" });
    }
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(consortia)
      .set({ ...input, updatedAt: ctx.now })
      .where(eq(consortia.id, ctx.consortium.id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "consortium.update",
      subjectType: "consortium",
      subjectId: ctx.consortium.id,
      summary: `${ctx.user.name} modifie les paramètres du consortium`,
      data: { fields: Object.keys(input) },
    });
  });
  const [fresh] = await ctx.db.select().from(consortia).where(eq(consortia.id, ctx.consortium.id));
  return getConsortium({ ...ctx, consortium: fresh });
}

export async function listActivity(ctx: Ctx, page: number, pageSize: number) {
  authorize(consortiumPolicy.readActivity(ctx.actor));
  const where = eq(activities.consortiumId, ctx.consortium.id);
  const [{ total }] = await ctx.db.select({ total: count() }).from(activities).where(where);
  const rows = await ctx.db
    .select({
      id: activities.id,
      action: activities.action,
      summary: activities.summary,
      actorName: users.name,
      subjectType: activities.subjectType,
      subjectId: activities.subjectId,
      createdAt: activities.createdAt,
    })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorUserId))
    .where(where)
    .orderBy(desc(activities.createdAt), desc(activities.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), total, page, pageSize };
}

/** Guard shared by account changes: a consortium never loses its last coordinator. */
export async function assertNotLastCoordinator(db: Db, consortiumId: string, userId: string) {
  const coordinators = await db
    .select({ userId: consortiumAccounts.userId })
    .from(consortiumAccounts)
    .where(and(eq(consortiumAccounts.consortiumId, consortiumId), eq(consortiumAccounts.role, "coordinator")));
  if (coordinators.length === 1 && coordinators[0].userId === userId) {
    throw conflict("Le consortium doit garder au moins un coordinateur ou une coordinatrice.");
  }
}
