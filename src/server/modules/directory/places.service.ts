import { and, eq, like } from "drizzle-orm";
import type { z } from "zod";
import type {
  CreatePlaceInput,
  CreateSpaceInput,
  PlaceDto,
  UpdatePlaceInput,
  UpdateSpaceInput,
} from "../../../shared/contracts/directory.ts";
import { slugify } from "../../../shared/lib/slug.ts";
import type { Db } from "../../db/client.ts";
import { places, spaces } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { invalid, notFound } from "../../http/errors.ts";
import { organizationPolicy, placePolicy } from "../../policies/directory.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { presentPlace } from "./directory.presenter.ts";
import * as q from "./directory.queries.ts";

type CreatePlace = z.output<typeof CreatePlaceInput>;
type UpdatePlace = z.output<typeof UpdatePlaceInput>;
type CreateSpace = z.output<typeof CreateSpaceInput>;
type UpdateSpace = z.output<typeof UpdateSpaceInput>;

async function loadPlace(ctx: Ctx, id: string) {
  const row = await q.findPlace(ctx.db, ctx.consortium.id, id);
  if (!row) throw notFound("Lieu");
  return row;
}

export async function listPlaces(ctx: Ctx): Promise<PlaceDto[]> {
  const rows = await q.listPlaceRows(ctx.db, ctx.consortium.id);
  const spaceRows = await q.listSpaces(
    ctx.db,
    ctx.consortium.id,
    rows.map((r) => r.place.id),
  );
  return rows.map((r) =>
    presentPlace(
      ctx.actor,
      r.place,
      r.organizationName,
      spaceRows.filter((s) => s.placeId === r.place.id),
    ),
  );
}

export async function getPlace(ctx: Ctx, id: string): Promise<PlaceDto> {
  const row = await loadPlace(ctx, id);
  const spaceRows = await q.listSpaces(ctx.db, ctx.consortium.id, [id]);
  return presentPlace(ctx.actor, row.place, row.organizationName, spaceRows);
}

/** A slug unique within the consortium: "la-fabrique", then "la-fabrique-2"… */
async function uniqueSlug(db: Db, consortiumId: string, name: string) {
  const base = slugify(name) || "lieu";
  const taken = new Set(
    (
      await db
        .select({ slug: places.slug })
        .from(places)
        .where(and(eq(places.consortiumId, consortiumId), like(places.slug, `${base}%`)))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Creates a place of a member organisation; its referent or a coordinator may do so. */
export async function createPlace(ctx: Ctx, input: CreatePlace): Promise<PlaceDto> {
  const org = await q.findOrganization(ctx.db, ctx.consortium.id, input.organizationId);
  if (!org) throw invalid({ organizationId: "Structure introuvable dans ce consortium" });
  if (org.kind !== "member") throw invalid({ organizationId: "Un lieu appartient à une structure membre" });
  authorize(organizationPolicy.addPlace(ctx.actor, org));
  const id = await ctx.db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, ctx.consortium.id, input.name);
    const [row] = await tx
      .insert(places)
      .values({ ...input, slug, consortiumId: ctx.consortium.id })
      .returning({ id: places.id });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "place.create",
      subjectType: "place",
      subjectId: row.id,
      summary: `${ctx.user.name} ajoute le lieu ${input.name} (${org.name})`,
    });
    return row.id;
  });
  return getPlace(ctx, id);
}

export async function updatePlace(ctx: Ctx, id: string, input: UpdatePlace): Promise<PlaceDto> {
  const { place } = await loadPlace(ctx, id);
  authorize(placePolicy.update(ctx.actor, place));
  // Coordinates are set in pairs; clearing one clears both (also enforced by a CHECK constraint).
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(places)
      .set({ ...input, updatedAt: ctx.now })
      .where(and(eq(places.consortiumId, ctx.consortium.id), eq(places.id, id)));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "place.update",
      subjectType: "place",
      subjectId: id,
      summary: `${ctx.user.name} modifie le lieu ${input.name ?? place.name}`,
      data: { fields: Object.keys(input) },
    });
  });
  return getPlace(ctx, id);
}

export async function deletePlace(ctx: Ctx, id: string): Promise<void> {
  const { place } = await loadPlace(ctx, id);
  authorize(placePolicy.delete(ctx.actor, place));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(places).where(and(eq(places.consortiumId, ctx.consortium.id), eq(places.id, id)));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "place.delete",
      subjectType: "place",
      subjectId: id,
      summary: `${ctx.user.name} supprime le lieu ${place.name}`,
      data: { place },
    });
  });
}

export async function createSpace(ctx: Ctx, placeId: string, input: CreateSpace): Promise<PlaceDto> {
  const { place } = await loadPlace(ctx, placeId);
  authorize(placePolicy.manageSpaces(ctx.actor, place));
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(spaces)
      .values({ ...input, placeId, consortiumId: ctx.consortium.id })
      .returning({ id: spaces.id });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "space.create",
      subjectType: "space",
      subjectId: row.id,
      summary: `${ctx.user.name} ajoute l'espace ${input.name} à ${place.name}`,
    });
  });
  return getPlace(ctx, placeId);
}

async function loadSpace(ctx: Ctx, id: string) {
  const row = await q.findSpace(ctx.db, ctx.consortium.id, id);
  if (!row) throw notFound("Espace");
  authorize(placePolicy.manageSpaces(ctx.actor, { organizationId: row.organizationId }));
  return row.space;
}

export async function updateSpace(ctx: Ctx, id: string, input: UpdateSpace): Promise<PlaceDto> {
  const space = await loadSpace(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(spaces)
      .set({ ...input, updatedAt: ctx.now })
      .where(and(eq(spaces.consortiumId, ctx.consortium.id), eq(spaces.id, id)));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "space.update",
      subjectType: "space",
      subjectId: id,
      summary: `${ctx.user.name} modifie l'espace ${input.name ?? space.name}`,
    });
  });
  return getPlace(ctx, space.placeId);
}

export async function deleteSpace(ctx: Ctx, id: string): Promise<PlaceDto> {
  const space = await loadSpace(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(spaces).where(and(eq(spaces.consortiumId, ctx.consortium.id), eq(spaces.id, id)));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "space.delete",
      subjectType: "space",
      subjectId: id,
      summary: `${ctx.user.name} supprime l'espace ${space.name}`,
      data: { space },
    });
  });
  return getPlace(ctx, space.placeId);
}
