import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CreateOrganizationInput, OrganizationDto, UpdateOrganizationInput } from "../../../shared/contracts/directory.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import { memberPeriods, organizations, representatives } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import { consortiumPolicy, organizationPolicy } from "../../policies/directory.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { presentOrganization } from "./directory.presenter.ts";
import * as q from "./directory.queries.ts";

// Services receive what the route's contract produced (trimmed, normalised), hence z.output.
type CreateOrg = z.output<typeof CreateOrganizationInput>;
type UpdateOrg = z.output<typeof UpdateOrganizationInput>;

export async function loadOrganization(ctx: Ctx, id: string) {
  const org = await q.findOrganization(ctx.db, ctx.consortium.id, id);
  if (!org) throw notFound("Structure");
  return org;
}

/** Lists the consortium's organisations with membership history and representatives. */
export async function listOrganizations(ctx: Ctx, kind?: "member" | "carrier" | "partner"): Promise<OrganizationDto[]> {
  const rows = await q.listOrganizationRows(ctx.db, ctx.consortium.id, kind);
  return presentMany(ctx, rows);
}

export async function getOrganization(ctx: Ctx, id: string): Promise<OrganizationDto> {
  const org = await loadOrganization(ctx, id);
  const [dto] = await presentMany(ctx, [org]);
  return dto;
}

async function presentMany(ctx: Ctx, rows: (typeof organizations.$inferSelect)[]) {
  const ids = rows.map((r) => r.id);
  const [periods, reps, placeCounts] = await Promise.all([
    q.listPeriods(ctx.db, ctx.consortium.id, ids),
    q.listRepresentatives(ctx.db, ctx.consortium.id, ids),
    q.countPlacesByOrganization(ctx.db, ctx.consortium.id),
  ]);
  const today = parisDay(ctx.now);
  return rows.map((org) =>
    presentOrganization(
      ctx.actor,
      ctx.consortium,
      today,
      org,
      periods.filter((p) => p.organizationId === org.id),
      reps.filter((r) => r.organizationId === org.id),
      placeCounts.get(org.id) ?? 0,
    ),
  );
}

/**
 * Adds an organisation to the directory. A member starts a membership period (today by default);
 * a partner may carry its institution type (commune, CAF…). Only coordinators add organisations.
 */
export async function createOrganization(ctx: Ctx, input: CreateOrg): Promise<OrganizationDto> {
  authorize(consortiumPolicy.createOrganization(ctx.actor));
  const { kind, partnerType, joinedOn, ...fields } = input;
  if (kind !== "partner" && partnerType) throw invalid({ partnerType: "Réservé aux partenaires publics" });
  const id = await ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({
        ...fields,
        kind,
        partnerType: kind === "partner" ? (partnerType ?? null) : null,
        consortiumId: ctx.consortium.id,
      })
      .returning();
    if (kind === "member") {
      await tx
        .insert(memberPeriods)
        .values({ consortiumId: ctx.consortium.id, organizationId: org.id, joinedOn: joinedOn ?? parisDay(ctx.now) });
    }
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "organization.create",
      subjectType: "organization",
      subjectId: org.id,
      summary: `${ctx.user.name} ajoute ${org.name} (${kindLabel[kind]})`,
    });
    return org.id;
  });
  return getOrganization(ctx, id);
}

const kindLabel = { member: "membre", carrier: "structure porteuse", partner: "partenaire" } as const;

export async function updateOrganization(ctx: Ctx, id: string, input: UpdateOrg): Promise<OrganizationDto> {
  const org = await loadOrganization(ctx, id);
  authorize(organizationPolicy.update(ctx.actor, org));
  if (input.partnerType && org.kind !== "partner") throw invalid({ partnerType: "Réservé aux partenaires publics" });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(organizations)
      .set({ ...input, updatedAt: ctx.now })
      .where(and(eq(organizations.consortiumId, ctx.consortium.id), eq(organizations.id, id)));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "organization.update",
      subjectType: "organization",
      subjectId: id,
      summary: `${ctx.user.name} modifie la fiche de ${input.name ?? org.name}`,
      data: { fields: Object.keys(input) },
    });
  });
  return getOrganization(ctx, id);
}

/** Opens a new membership period. Overlap with an existing period is refused by the database (23P01). */
export async function joinConsortium(ctx: Ctx, id: string, joinedOn: string): Promise<OrganizationDto> {
  const org = await loadOrganization(ctx, id);
  authorize(organizationPolicy.manageMembership(ctx.actor, org));
  if (org.kind !== "member") throw invalid({ _: "Seules les structures membres ont des périodes d'adhésion." });
  await ctx.db.transaction(async (tx) => {
    await tx.insert(memberPeriods).values({ consortiumId: ctx.consortium.id, organizationId: id, joinedOn });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "organization.join",
      subjectType: "organization",
      subjectId: id,
      summary: `${org.name} rejoint le consortium le ${joinedOn}`,
    });
  });
  return getOrganization(ctx, id);
}

/**
 * Ends the open membership period; history is kept. The chef de file cannot leave while it carries
 * the consortium: designate another lead first.
 */
export async function leaveConsortium(ctx: Ctx, id: string, leftOn: string): Promise<OrganizationDto> {
  const org = await loadOrganization(ctx, id);
  authorize(organizationPolicy.manageMembership(ctx.actor, org));
  if (ctx.consortium.carrierOrganizationId === id) {
    throw conflict("Cette structure porte le consortium : désignez d'abord un autre chef de file ou porteur.");
  }
  const period = await q.findOpenPeriod(ctx.db, ctx.consortium.id, id, leftOn);
  if (!period) throw conflict("Cette structure n'est pas membre à cette date.");
  if (leftOn <= period.joinedOn) throw invalid({ leftOn: `La sortie doit suivre l'entrée (${period.joinedOn}).` });
  await ctx.db.transaction(async (tx) => {
    await tx.update(memberPeriods).set({ leftOn }).where(eq(memberPeriods.id, period.id));
    // Only mandates still running end with the membership; earlier end dates stay as they were.
    await tx
      .update(representatives)
      .set({ until: sql`greatest(${representatives.since}, ${leftOn}::date)` })
      .where(
        and(
          eq(representatives.organizationId, id),
          eq(representatives.consortiumId, ctx.consortium.id),
          isNull(representatives.until),
        ),
      );
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "organization.leave",
      subjectType: "organization",
      subjectId: id,
      summary: `${org.name} quitte le consortium le ${leftOn}`,
    });
  });
  return getOrganization(ctx, id);
}

export async function addRepresentative(ctx: Ctx, id: string, personId: string, since?: string) {
  const org = await loadOrganization(ctx, id);
  authorize(organizationPolicy.manageRepresentatives(ctx.actor, org));
  const person = await q.findPerson(ctx.db, ctx.consortium.id, personId);
  if (!person) throw invalid({ personId: "Personne introuvable dans ce consortium" });
  const running = await q.listRepresentatives(ctx.db, ctx.consortium.id, [id]);
  if (running.some((r) => r.personId === personId && r.until === null)) {
    throw conflict(`${person.firstName} ${person.lastName} représente déjà ${org.name}.`);
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(representatives)
      .values({ consortiumId: ctx.consortium.id, organizationId: id, personId, since: since ?? parisDay(ctx.now) });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "organization.representative_add",
      subjectType: "organization",
      subjectId: id,
      summary: `${person.firstName} ${person.lastName} représente désormais ${org.name}`,
    });
  });
  return getOrganization(ctx, id);
}

export async function endRepresentative(ctx: Ctx, id: string, representativeId: string, until?: string) {
  const org = await loadOrganization(ctx, id);
  authorize(organizationPolicy.manageRepresentatives(ctx.actor, org));
  const day = until ?? parisDay(ctx.now);
  await ctx.db.transaction(async (tx) => {
    const ended = await tx
      .update(representatives)
      .set({ until: day })
      .where(
        and(
          eq(representatives.id, representativeId),
          eq(representatives.organizationId, id),
          eq(representatives.consortiumId, ctx.consortium.id),
        ),
      )
      .returning();
    if (ended.length === 0) throw notFound("Représentant");
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "organization.representative_end",
      subjectType: "organization",
      subjectId: id,
      summary: `Fin d'un mandat de représentant de ${org.name} le ${day}`,
    });
  });
  return getOrganization(ctx, id);
}
