import { and, count, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { allDayRange, parisDate } from "../../../shared/agenda/time.ts";
import {
  type AddChecklistItemInput,
  type CreateResidencyInput,
  type CreateStayInput,
  DEFAULT_HANDOVER_CHECKLIST,
  type PublicResidencyDto,
  RESIDENCY_LIMITS,
  type ResidencyDto,
  type ResidencyListDto,
  type UpdateChecklistItemInput,
  type UpdateStayInput,
} from "../../../shared/contracts/residencies.ts";
import { stayDates, stayLength } from "../../../shared/residencies/dates.ts";
import type { Db } from "../../db/client.ts";
import { events, residencies, residencyStays, stayChecklistItems } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, invalid, notFound } from "../../http/errors.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { abilitiesFor, authorize } from "../../policies/index.ts";
import { type ResidencySubject, residencyPolicy, stayPolicy } from "../../policies/residencies.ts";
import { recordActivity } from "../activity.ts";
import { type EventValues, insertEvent, materialize, setOrganizers, updateEvent } from "../agenda/events.store.ts";
import { presentPublic, presentResidency, presentSummary } from "./residencies.presenter.ts";
import * as q from "./residencies.queries.ts";

type Fields = z.output<typeof CreateResidencyInput>;
type NewStay = z.output<typeof CreateStayInput>;
type StayChange = z.output<typeof UpdateStayInput>;

// ---------------------------------------------------------------- reading

const subjectOf = (residency: q.ResidencyRow, stays: q.StayWithPlace[]): ResidencySubject => ({
  visibility: residency.visibility,
  hostIds: stays.map((s) => s.stay.organizationId),
});

/** The residencies the actor may read: drafts only for the coordination and the referents of their hosts. */
export async function listResidencies(ctx: Ctx): Promise<ResidencyListDto> {
  const rows = await q.listResidencies(ctx.db, ctx.consortium.id);
  const stays = await q.staysOf(
    ctx.db,
    ctx.consortium.id,
    rows.map((r) => r.id),
  );
  const readable = rows.filter((r) =>
    residencyPolicy.read(
      ctx.actor,
      subjectOf(
        r,
        stays.filter((s) => s.stay.residencyId === r.id),
      ),
    ),
  );
  const checklists = await q.checklistsOf(
    ctx.db,
    ctx.consortium.id,
    stays.filter((s) => readable.some((r) => r.id === s.stay.residencyId)).map((s) => s.stay.id),
  );
  return {
    items: readable.map((r) => {
      const mine = stays.filter((s) => s.stay.residencyId === r.id);
      const ids = new Set(mine.map((s) => s.stay.id));
      return presentSummary(
        ctx,
        r,
        mine,
        checklists.filter((c) => ids.has(c.item.stayId)),
      );
    }),
    abilities: { create: consortiumPolicy.createResidency(ctx.actor) },
  };
}

/** A residency and its stays; a draft the actor may not read is as absent as another consortium's. */
async function load(ctx: Ctx, id: string) {
  const residency = await q.findResidency(ctx.db, ctx.consortium.id, id);
  if (!residency) throw notFound("Résidence");
  const stays = await q.staysOf(ctx.db, ctx.consortium.id, [id]);
  const subject = subjectOf(residency, stays);
  if (!residencyPolicy.read(ctx.actor, subject)) throw notFound("Résidence");
  return { residency, stays, subject };
}
type Loaded = Awaited<ReturnType<typeof load>>;

function stayOf(loaded: Loaded, stayId: string) {
  const found = loaded.stays.find((s) => s.stay.id === stayId);
  if (!found) throw notFound("Séjour");
  return found;
}

export async function getResidency(ctx: Ctx, id: string): Promise<ResidencyDto> {
  const { residency, stays, subject } = await load(ctx, id);
  const stayIds = stays.map((s) => s.stay.id);
  const referentIds = [...new Set(stays.flatMap((s) => (s.stay.referentId ? [s.stay.referentId] : [])))];
  const [checklists, referents] = await Promise.all([
    q.checklistsOf(ctx.db, ctx.consortium.id, stayIds),
    q.referentsOf(ctx.db, ctx.consortium.id, referentIds),
  ]);
  return presentResidency(ctx, residency, stays, checklists, referents, {
    residency: abilitiesFor(residencyPolicy, ctx.actor, subject),
    stay: (s) => abilitiesFor(stayPolicy, ctx.actor, s),
  });
}

// ---------------------------------------------------------------- the agenda events of the stays

interface Hosting {
  placeId: string;
  placeName: string;
  hostName: string;
  from: string;
  to: string;
  summary: string | null;
}

/** One stay as an all-day event at the host place, organised by the host, as visible as the residency. */
function stayEvent(ctx: Ctx, residency: Pick<q.ResidencyRow, "name" | "artist" | "discipline" | "visibility">, h: Hosting) {
  const { startsAt, endsAt } = allDayRange(h.from, h.to);
  const values: EventValues = {
    title: `Résidence — ${residency.artist}`,
    description: [
      [residency.name, residency.discipline].filter(Boolean).join(" · "),
      h.summary,
      `Accueil : ${h.hostName} (${h.placeName}), ${stayDates(h.from, h.to)}.`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    venue: "place",
    placeId: h.placeId,
    spaceId: null,
    partnerId: null,
    venueName: null,
    onlineUrl: null,
    allDay: true,
    startsAt,
    endsAt,
    rrule: null,
    audiences: ["general_public"],
    themes: ["résidence"],
    price: null,
    accessibility: [],
    capacity: null,
    visibility: residency.visibility,
    status: "confirmed",
    createdBy: ctx.user.id,
  };
  return values;
}

/**
 * Keeps a stay's event in step with the stay: the same event (and link) when it still exists, moved to the
 * new place or days; a new one when someone removed it from the agenda.
 */
async function syncStayEvent(
  tx: Db,
  ctx: Ctx,
  residency: Pick<q.ResidencyRow, "name" | "artist" | "discipline" | "visibility">,
  stay: { id: string; eventId: string | null; organizationId: string },
  hosting: Hosting,
  hostChanged: boolean,
) {
  const values = stayEvent(ctx, residency, hosting);
  if (stay.eventId) {
    const { createdBy: _keep, ...changes } = values;
    await updateEvent(tx, ctx.consortium.id, stay.eventId, changes, ctx.now);
    if (hostChanged) await setOrganizers(tx, ctx.consortium.id, stay.eventId, [stay.organizationId]);
    await materialize(tx, ctx.consortium.id, stay.eventId);
    return;
  }
  const eventId = await insertEvent(tx, ctx.consortium.id, values, [stay.organizationId]);
  await tx.update(residencyStays).set({ eventId }).where(eq(residencyStays.id, stay.id));
}

// ---------------------------------------------------------------- the residency

const VISIBILITY_FR = {
  public: "désormais publique",
  consortium: "désormais visible du consortium",
  draft: "repassée en brouillon",
};

export async function createResidency(ctx: Ctx, f: Fields): Promise<ResidencyDto> {
  authorize(consortiumPolicy.createResidency(ctx.actor));
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(residencies)
      .values({
        consortiumId: ctx.consortium.id,
        name: f.name,
        artist: f.artist,
        discipline: f.discipline ?? null,
        description: f.description ?? null,
        visibility: f.visibility,
        createdBy: ctx.user.id,
      })
      .returning({ id: residencies.id });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "residency.create",
      subjectType: "residency",
      subjectId: row.id,
      summary: `${ctx.user.name} crée la résidence « ${f.name} » (${f.artist})`,
    });
    return row.id;
  });
  return getResidency(ctx, id);
}

/** The stays' events follow: their title names the artist, and they are as visible as the residency. */
export async function updateResidency(ctx: Ctx, id: string, f: Fields): Promise<ResidencyDto> {
  const { residency, stays, subject } = await load(ctx, id);
  authorize(residencyPolicy.update(ctx.actor, subject));
  const next = {
    name: f.name,
    artist: f.artist,
    discipline: f.discipline ?? null,
    description: f.description ?? null,
    visibility: f.visibility,
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(residencies)
      .set({ ...next, updatedAt: ctx.now })
      .where(eq(residencies.id, id));
    for (const s of stays) await syncStayEvent(tx, ctx, next, s.stay, hostingOf(s), false);
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "residency.update",
      subjectType: "residency",
      subjectId: id,
      summary:
        residency.visibility === f.visibility
          ? `${ctx.user.name} modifie la résidence « ${f.name} »`
          : `${ctx.user.name} modifie la résidence « ${f.name} » (${VISIBILITY_FR[f.visibility]})`,
    });
  });
  return getResidency(ctx, id);
}

const hostingOf = (s: q.StayWithPlace): Hosting => ({
  placeId: s.stay.placeId,
  placeName: s.placeName,
  hostName: s.hostName,
  from: s.stay.fromDate,
  to: s.stay.toDate,
  summary: s.stay.summary,
});

/** The residency goes with its stays and their events to come; stays already over stay in the agenda. */
export async function deleteResidency(ctx: Ctx, id: string): Promise<void> {
  const { residency, stays, subject } = await load(ctx, id);
  authorize(residencyPolicy.delete(ctx.actor, subject));
  const today = parisDate(ctx.now);
  const coming = stays.filter((s) => s.stay.toDate >= today && s.stay.eventId).map((s) => s.stay.eventId as string);
  await ctx.db.transaction(async (tx) => {
    if (coming.length) await tx.delete(events).where(inArray(events.id, coming));
    await tx.delete(residencies).where(eq(residencies.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "residency.delete",
      subjectType: "residency",
      subjectId: id,
      summary: `${ctx.user.name} supprime la résidence « ${residency.name} » et ses ${coming.length} séjour(s) à venir`,
    });
  });
}

// ---------------------------------------------------------------- stays

/** The place of a stay must be one of the consortium's; its organisation hosts. */
async function placeOf(ctx: Ctx, placeId: string) {
  const place = await q.findPlace(ctx.db, ctx.consortium.id, placeId);
  if (!place) throw invalid({ placeId: "Ce lieu n'est pas un lieu du consortium" });
  return place;
}

/** The referent is a person of this consortium's directory (the web app offers the host's people first). */
async function checkReferent(ctx: Ctx, referentId: string | null | undefined) {
  if (!referentId) return;
  if (!(await q.findPerson(ctx.db, ctx.consortium.id, referentId)))
    throw invalid({ referentId: "Cette personne n'est pas dans l'annuaire du consortium" });
}

/**
 * An artist is in one place at a time. The exclusion constraint of migration 0009 guards the table; this
 * check comes first to name the stay in the way.
 */
async function refuseOverlap(ctx: Ctx, residencyId: string, from: string, to: string, exceptStayId?: string) {
  const other = await q.overlappingStay(ctx.db, residencyId, from, to, exceptStayId);
  if (!other) return;
  throw conflict(
    `Ces dates chevauchent le séjour à ${other.placeName}, ${stayDates(other.from, other.to)} : l'artiste n'est qu'en un lieu à la fois.`,
    undefined,
    { stayId: other.id, placeName: other.placeName, from: other.from, to: other.to },
  );
}

/** A new stay on the route: its event in the agenda and the hand-over checklist (the default one unless given). */
export async function addStay(ctx: Ctx, id: string, input: NewStay): Promise<ResidencyDto> {
  const { residency, stays, subject } = await load(ctx, id);
  authorize(residencyPolicy.addStay(ctx.actor, subject));
  if (stays.length >= RESIDENCY_LIMITS.stays) throw conflict(`Une résidence compte ${RESIDENCY_LIMITS.stays} séjours au plus.`);
  const place = await placeOf(ctx, input.placeId);
  await checkReferent(ctx, input.referentId);
  await refuseOverlap(ctx, id, input.from, input.to);
  const labels = input.checklist ?? [...DEFAULT_HANDOVER_CHECKLIST];
  await ctx.db.transaction(async (tx) => {
    const eventId = await insertEvent(
      tx,
      ctx.consortium.id,
      stayEvent(ctx, residency, {
        placeId: place.id,
        placeName: place.name,
        hostName: place.hostName,
        from: input.from,
        to: input.to,
        summary: input.summary ?? null,
      }),
      [place.organizationId],
    );
    const [row] = await tx
      .insert(residencyStays)
      .values({
        residencyId: id,
        consortiumId: ctx.consortium.id,
        placeId: place.id,
        organizationId: place.organizationId,
        fromDate: input.from,
        toDate: input.to,
        referentId: input.referentId ?? null,
        summary: input.summary ?? null,
        eventId,
      })
      .returning({ id: residencyStays.id });
    if (labels.length)
      await tx
        .insert(stayChecklistItems)
        .values(labels.map((label, position) => ({ stayId: row.id, consortiumId: ctx.consortium.id, label, position })));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "residency.stay_add",
      subjectType: "residency",
      subjectId: id,
      summary: `${ctx.user.name} ajoute à « ${residency.name} » un séjour à ${place.name}, ${stayDates(input.from, input.to)}`,
    });
  });
  return getResidency(ctx, id);
}

/**
 * Moving a stay (place or days) is the coordination's; the host's referents change who welcomes the artist
 * and what they do there. The event moves with the stay.
 */
export async function updateStay(ctx: Ctx, id: string, stayId: string, input: StayChange): Promise<ResidencyDto> {
  const loaded = await load(ctx, id);
  const current = stayOf(loaded, stayId);
  const { stay } = current;
  const from = input.from ?? stay.fromDate;
  const to = input.to ?? stay.toDate;
  const moves = (input.placeId !== undefined && input.placeId !== stay.placeId) || from !== stay.fromDate || to !== stay.toDate;
  const hosts = input.referentId !== undefined || input.summary !== undefined;
  const subject = { organizationId: stay.organizationId };
  if (moves || !hosts) authorize(stayPolicy.update(ctx.actor, subject));
  if (hosts) authorize(stayPolicy.editHosting(ctx.actor, subject));
  if (to < from) throw invalid({ to: "Le dernier jour précède le premier" });
  if (stayLength(from, to) > RESIDENCY_LIMITS.stayDays)
    throw invalid({ to: `Un séjour dure ${RESIDENCY_LIMITS.stayDays} jours au plus` });
  const place =
    input.placeId !== undefined && input.placeId !== stay.placeId
      ? await placeOf(ctx, input.placeId)
      : { id: stay.placeId, name: current.placeName, hostName: current.hostName, organizationId: stay.organizationId };
  await checkReferent(ctx, input.referentId);
  if (moves) await refuseOverlap(ctx, id, from, to, stayId);
  const summary = input.summary !== undefined ? input.summary : stay.summary;
  const referentId = input.referentId !== undefined ? input.referentId : stay.referentId;
  const hostChanged = place.organizationId !== stay.organizationId;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(residencyStays)
      .set({
        placeId: place.id,
        organizationId: place.organizationId,
        fromDate: from,
        toDate: to,
        summary,
        // A new host names its own referent: the previous host's person does not follow the stay.
        referentId: hostChanged && input.referentId === undefined ? null : referentId,
        updatedAt: ctx.now,
      })
      .where(eq(residencyStays.id, stayId));
    await syncStayEvent(
      tx,
      ctx,
      loaded.residency,
      { id: stayId, eventId: stay.eventId, organizationId: place.organizationId },
      { placeId: place.id, placeName: place.name, hostName: place.hostName, from, to, summary },
      hostChanged,
    );
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "residency.stay_update",
      subjectType: "residency",
      subjectId: id,
      summary: moves
        ? `${ctx.user.name} déplace un séjour de « ${loaded.residency.name} » : ${place.name}, ${stayDates(from, to)}`
        : `${ctx.user.name} modifie l'accueil de « ${loaded.residency.name} » à ${place.name}`,
    });
  });
  return getResidency(ctx, id);
}

/** The stay leaves the route and its event leaves the agenda. */
export async function deleteStay(ctx: Ctx, id: string, stayId: string): Promise<ResidencyDto> {
  const loaded = await load(ctx, id);
  const { stay, placeName } = stayOf(loaded, stayId);
  authorize(stayPolicy.delete(ctx.actor, { organizationId: stay.organizationId }));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(residencyStays).where(eq(residencyStays.id, stayId));
    if (stay.eventId) await tx.delete(events).where(eq(events.id, stay.eventId));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "residency.stay_delete",
      subjectType: "residency",
      subjectId: id,
      summary: `${ctx.user.name} retire de « ${loaded.residency.name} » le séjour à ${placeName}, ${stayDates(stay.fromDate, stay.toDate)}`,
    });
  });
  return getResidency(ctx, id);
}

// ---------------------------------------------------------------- the hand-over checklist

async function itemOf(ctx: Ctx, stayId: string, itemId: string) {
  const [item] = await ctx.db
    .select()
    .from(stayChecklistItems)
    .where(
      and(
        eq(stayChecklistItems.consortiumId, ctx.consortium.id),
        eq(stayChecklistItems.stayId, stayId),
        eq(stayChecklistItems.id, itemId),
      ),
    );
  if (!item) throw notFound("Élément de la liste");
  return item;
}

export async function addChecklistItem(
  ctx: Ctx,
  id: string,
  stayId: string,
  input: z.output<typeof AddChecklistItemInput>,
): Promise<ResidencyDto> {
  const loaded = await load(ctx, id);
  const { stay, placeName } = stayOf(loaded, stayId);
  authorize(stayPolicy.editChecklist(ctx.actor, { organizationId: stay.organizationId }));
  const [{ n }] = await ctx.db.select({ n: count() }).from(stayChecklistItems).where(eq(stayChecklistItems.stayId, stayId));
  if (n >= RESIDENCY_LIMITS.checklistItems)
    throw invalid({ label: `La liste compte déjà ${RESIDENCY_LIMITS.checklistItems} éléments, le maximum` });
  const position = await q.nextChecklistPosition(ctx.db, stayId);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(stayChecklistItems).values({ stayId, consortiumId: ctx.consortium.id, label: input.label, position });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "residency.checklist_add",
      subjectType: "residency",
      subjectId: id,
      summary: `${ctx.user.name} ajoute « ${input.label} » à la passation de ${placeName} (« ${loaded.residency.name} »)`,
    });
  });
  return getResidency(ctx, id);
}

/** Ticking is the host's (and the coordination's); the one who ticked and when are kept. */
export async function updateChecklistItem(
  ctx: Ctx,
  id: string,
  stayId: string,
  itemId: string,
  input: z.output<typeof UpdateChecklistItemInput>,
): Promise<ResidencyDto> {
  const loaded = await load(ctx, id);
  const { stay, placeName } = stayOf(loaded, stayId);
  const subject = { organizationId: stay.organizationId };
  if (input.done !== undefined) authorize(stayPolicy.tick(ctx.actor, subject));
  if (input.label !== undefined) authorize(stayPolicy.editChecklist(ctx.actor, subject));
  const item = await itemOf(ctx, stayId, itemId);
  const label = input.label ?? item.label;
  const done = input.done === undefined ? item.doneAt !== null : input.done;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(stayChecklistItems)
      .set({
        label,
        // Ticking again keeps the first tick: who did it, and when.
        doneAt: done ? (item.doneAt ?? ctx.now) : null,
        doneBy: done ? (item.doneAt ? item.doneBy : ctx.user.id) : null,
      })
      .where(eq(stayChecklistItems.id, itemId));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action:
        input.done === undefined
          ? "residency.checklist_rename"
          : done
            ? "residency.checklist_tick"
            : "residency.checklist_untick",
      subjectType: "residency",
      subjectId: id,
      summary:
        input.done === undefined
          ? `${ctx.user.name} renomme « ${item.label} » en « ${label} » (passation de ${placeName})`
          : `${ctx.user.name} ${done ? "coche" : "décoche"} « ${label} » (passation de ${placeName}, « ${loaded.residency.name} »)`,
    });
  });
  return getResidency(ctx, id);
}

export async function deleteChecklistItem(ctx: Ctx, id: string, stayId: string, itemId: string): Promise<ResidencyDto> {
  const loaded = await load(ctx, id);
  const { stay, placeName } = stayOf(loaded, stayId);
  authorize(stayPolicy.editChecklist(ctx.actor, { organizationId: stay.organizationId }));
  const item = await itemOf(ctx, stayId, itemId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(stayChecklistItems).where(eq(stayChecklistItems.id, itemId));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "residency.checklist_remove",
      subjectType: "residency",
      subjectId: id,
      summary: `${ctx.user.name} retire « ${item.label} » de la passation de ${placeName} (« ${loaded.residency.name} »)`,
    });
  });
  return getResidency(ctx, id);
}

// ---------------------------------------------------------------- the public page

/** The route of a public residency, for anyone; any other residency, or slug, is simply not found. */
export async function publicResidency(db: Db, slug: string, id: string, now = new Date()): Promise<PublicResidencyDto> {
  const consortium = await q.findConsortiumBySlug(db, slug);
  const residency = consortium ? await q.findPublicResidency(db, consortium.id, id) : null;
  if (!consortium || !residency) throw notFound("Résidence");
  const stays = await q.staysOf(db, consortium.id, [id]);
  return presentPublic(consortium, residency, stays, now);
}
