import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { expandSeries } from "../../../shared/agenda/recurrence.ts";
import type { ImportCommitInput, ImportPreviewDto, ImportSourceInput, Warning } from "../../../shared/contracts/agenda.ts";
import { LIMITS } from "../../../shared/limits.ts";
import type { Db } from "../../db/client.ts";
import { calendarSubscriptions, eventExceptions, events } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict, invalid } from "../../http/errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { eventPolicy } from "../../policies/agenda.ts";
import { agendaImportPolicy } from "../../policies/agenda-import.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import * as q from "./agenda.queries.ts";
import { type Candidate, findDuplicatesFor } from "./checks.service.ts";
import { type EventValues, type ExceptionValues, insertEvents, materialize, updateEvent } from "./events.store.ts";
import { fetchCalendar, IcsFetchError, normaliseCalendarUrl } from "./ics/fetch.ts";
import { IcsParseError, type ParsedEvent, parseCalendar, refreshHint } from "./ics/parse.ts";

type Source = z.output<typeof ImportSourceInput>;
type Commit = z.output<typeof ImportCommitInput>;

const DAY = 86_400_000;
const YEAR = 365 * DAY;
/** Duplicate checks cost a query each: past this many rows, a preview shows no more duplicate warnings. */
const DUPLICATE_CHECKS = 500;
/** What refreshes default to when the source gives no REFRESH-INTERVAL, and the bounds applied to it. */
export const DEFAULT_REFRESH_MINUTES = 60;
const MIN_REFRESH_MINUTES = 15;
const MAX_REFRESH_MINUTES = 7 * 1440;

export const clampRefresh = (minutes: number | null) =>
  Math.min(MAX_REFRESH_MINUTES, Math.max(MIN_REFRESH_MINUTES, minutes ?? DEFAULT_REFRESH_MINUTES));

// ---------------------------------------------------------------- reading the source

export interface LoadedSource {
  events: ParsedEvent[];
  /** The address fetched, webcal:// turned into https://; null for a file. */
  url: string | null;
  etag: string | null;
  refreshMinutes: number;
}

/** Reads the file or downloads the address, and parses it; failures become a 422 on the field at fault. */
export async function loadSource(source: { content?: string; url?: string }): Promise<LoadedSource> {
  const field = source.url ? "url" : "content";
  try {
    if (source.url) {
      const url = normaliseCalendarUrl(source.url);
      const fetched = await fetchCalendar(url);
      if (fetched.status !== "ok") throw new IcsFetchError("Le serveur de ce calendrier n'a rien renvoyé.");
      return {
        events: parseCalendar(fetched.text),
        url,
        etag: fetched.etag,
        refreshMinutes: clampRefresh(refreshHint(fetched.text)),
      };
    }
    const text = source.content ?? "";
    return { events: parseCalendar(text), url: null, etag: null, refreshMinutes: clampRefresh(refreshHint(text)) };
  } catch (error) {
    if (error instanceof IcsFetchError || error instanceof IcsParseError)
      throw invalid({ [field]: error.message }, error.message);
    throw error;
  }
}

// ---------------------------------------------------------------- from a parsed event to rows

export interface Destination {
  organizerId: string;
  placeId: string | null;
  latitude: number | null;
  longitude: number | null;
  visibility: "public" | "consortium" | "draft";
  subscriptionId: string | null;
  createdBy: string | null;
}

const cut = (text: string | null, max: number) =>
  text === null ? null : text.length > max ? `${text.slice(0, max - 1)}…` : text;
const isLink = (text: string | null) => !!text && /^https?:\/\/\S+$/i.test(text);

function themesOf(p: ParsedEvent): string[] {
  const list = p.categories.map((c) => c.trim().slice(0, LIMITS.tag)).filter(Boolean);
  return [...new Set(list)].slice(0, LIMITS.tags);
}

/**
 * The venue an imported event gets: the member place chosen for the import, else the source's LOCATION as
 * free text (or its link when it is a web address, for online events).
 */
function venueOf(p: ParsedEvent, d: Destination): Pick<EventValues, "venue" | "placeId" | "venueName" | "onlineUrl"> {
  const location = cut(p.location, LIMITS.shortText);
  if (d.placeId) return { venue: "place", placeId: d.placeId, venueName: location, onlineUrl: null };
  if (isLink(location)) return { venue: "online", placeId: null, venueName: null, onlineUrl: location };
  return { venue: "partner", placeId: null, venueName: location, onlineUrl: null };
}

/** What the source says about the event, in the columns an update may change. */
function sourceFields(p: ParsedEvent) {
  return {
    title: cut(p.title, LIMITS.name) as string,
    description: cut(p.description, LIMITS.longText),
    allDay: p.allDay,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    rrule: p.rrule,
    status: p.status,
    themes: themesOf(p),
  };
}

export function valuesOf(p: ParsedEvent, d: Destination): EventValues {
  return {
    uid: p.uid,
    ...sourceFields(p),
    ...venueOf(p, d),
    visibility: d.visibility,
    subscriptionId: d.subscriptionId,
    createdBy: d.createdBy,
  };
}

/** EXDATEs and RECURRENCE-IDs as exception rows, one per original start (a cancellation wins). */
export function exceptionsOf(p: ParsedEvent): ExceptionValues[] {
  if (!p.rrule) return [];
  const byStart = new Map<number, ExceptionValues>();
  for (const o of p.overrides) {
    byStart.set(o.originalStart.getTime(), {
      originalStart: o.originalStart,
      cancelled: o.cancelled,
      startsAt: o.cancelled ? null : o.startsAt,
      endsAt: o.cancelled ? null : o.endsAt,
      title: o.cancelled ? null : cut(o.title, LIMITS.name),
    });
  }
  for (const x of p.exdates) byStart.set(x.getTime(), { originalStart: x, cancelled: true });
  return [...byStart.values()].sort((a, b) => a.originalStart.getTime() - b.originalStart.getTime());
}

const exceptionKey = (list: Array<Partial<ExceptionValues>>) =>
  JSON.stringify(
    list
      .map((x) => [
        x.originalStart?.getTime(),
        !!x.cancelled,
        x.cancelled ? null : (x.startsAt?.getTime() ?? null),
        x.cancelled ? null : (x.endsAt?.getTime() ?? null),
        x.cancelled ? null : (x.title ?? null),
      ])
      .sort((a, b) => Number(a[0]) - Number(b[0])),
  );

/**
 * An open-ended series that began long ago starts again at its first occurrence of the last twelve months:
 * the agenda materialises a few years from the first start only (LIMITS.seriesYears), and the occurrences
 * kept are the same dates, since the new start is one of them.
 */
export function rebaseOldSeries(p: ParsedEvent, now: Date): ParsedEvent {
  const cutoff = new Date(now.getTime() - YEAR);
  if (!p.rrule || /(^|;)COUNT=/i.test(p.rrule) || p.startsAt >= cutoff) return p;
  const [first] = expandSeries(
    { startsAt: p.startsAt, endsAt: p.endsAt, allDay: p.allDay, rrule: p.rrule },
    { from: cutoff, horizon: new Date(now.getTime() + 2 * YEAR), max: 100_000 },
  );
  if (!first || first.originalStart <= p.startsAt) return p;
  const kept = (d: Date) => d >= first.originalStart;
  return {
    ...p,
    startsAt: first.originalStart,
    endsAt: new Date(first.originalStart.getTime() + (first.endsAt.getTime() - first.startsAt.getTime())),
    exdates: p.exdates.filter(kept),
    overrides: p.overrides.filter((o) => kept(o.originalStart)),
  };
}

/** Ended more than a year ago: every occurrence (the last of a series) is over by then. */
function isLongPast(p: ParsedEvent, now: Date): boolean {
  const cutoff = new Date(now.getTime() - YEAR);
  if (!p.rrule) return p.endsAt < cutoff;
  if (p.startsAt >= cutoff) return false;
  const later = expandSeries(
    { startsAt: p.startsAt, endsAt: p.endsAt, allDay: p.allDay, rrule: p.rrule },
    { from: cutoff, horizon: new Date(now.getTime() + YEAR), max: 100_000 },
  );
  return later.length === 0;
}

// ---------------------------------------------------------------- the plan: create, update or skip

export type PlanAction = "create" | "update" | "skip";

export interface PlannedRow {
  parsed: ParsedEvent;
  action: PlanAction;
  reason: string | null;
  existing: q.EventRow | null;
  /** Skipped because the source did not change it (a subscription adopts such events). */
  unchanged?: boolean;
}

/** Whose changes a plan may overwrite: a person's rights, or a subscription's own events only. */
export type Mode = { actor: Actor } | { subscriptionId: string };

const FIELD_LABELS: Record<string, string> = {
  title: "titre",
  description: "description",
  times: "horaires",
  rrule: "répétition",
  exceptions: "dates modifiées ou annulées",
  status: "statut",
  location: "lieu",
  themes: "thèmes",
};

function changedFields(existing: q.EventRow, exceptions: q.ExceptionRow[], p: ParsedEvent): string[] {
  const s = sourceFields(p);
  const changed: string[] = [];
  if (existing.title !== s.title) changed.push("title");
  if ((existing.description ?? null) !== s.description) changed.push("description");
  if (
    existing.allDay !== s.allDay ||
    existing.startsAt.getTime() !== s.startsAt.getTime() ||
    existing.endsAt.getTime() !== s.endsAt.getTime()
  )
    changed.push("times");
  if ((existing.rrule ?? null) !== s.rrule) changed.push("rrule");
  if (exceptionKey(exceptions) !== exceptionKey(exceptionsOf(p))) changed.push("exceptions");
  if (existing.status !== s.status) changed.push("status");
  const location = cut(p.location, LIMITS.shortText);
  const stored = existing.venue === "online" && isLink(location) ? existing.onlineUrl : existing.venueName;
  if ((stored ?? null) !== location) changed.push("location");
  if (JSON.stringify(existing.themes) !== JSON.stringify(s.themes)) changed.push("themes");
  return changed;
}

/**
 * Decides, for each event of the source, what an import would do (domain rules §8.3 rule 3, de-duplication on
 * UID): an unknown UID is created; a known one is updated when the source changed it (fields differ, or its
 * LAST-MODIFIED is later than our last write), else skipped. Skipped too: events over for more than a year,
 * cancellations of events we never had, the agenda's own events coming back through a feed, and events the
 * importer may not change (another organiser's, or another subscription's).
 */
export async function planImport(db: Db, consortiumId: string, parsed: ParsedEvent[], mode: Mode, now: Date) {
  const uids = [...new Set(parsed.map((p) => p.uid))];
  const existing = new Map<string, q.EventRow>();
  for (let i = 0; i < uids.length; i += 500) {
    const rows = await db
      .select()
      .from(events)
      .where(and(eq(events.consortiumId, consortiumId), inArray(events.uid, uids.slice(i, i + 500))));
    for (const row of rows) existing.set(row.uid, row);
  }
  const ids = [...existing.values()].map((e) => e.id);
  const exceptionsByEvent = new Map<string, q.ExceptionRow[]>();
  const organizersByEvent = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    for (const x of await db.select().from(eventExceptions).where(inArray(eventExceptions.eventId, slice)))
      exceptionsByEvent.set(x.eventId, [...(exceptionsByEvent.get(x.eventId) ?? []), x]);
    for (const o of await q.organizersOf(db, slice))
      organizersByEvent.set(o.eventId, [...(organizersByEvent.get(o.eventId) ?? []), o.id]);
  }

  const rows: PlannedRow[] = [];
  for (const raw of parsed) {
    const p = rebaseOldSeries(raw, now);
    const known = existing.get(p.uid) ?? null;
    const skip = (reason: string) => rows.push({ parsed: p, action: "skip", reason, existing: known });
    if (isLongPast(p, now)) {
      skip("Terminé depuis plus d'un an");
      continue;
    }
    if (!known) {
      if (p.status === "cancelled") skip("Annulé à la source, et absent de l'agenda");
      else rows.push({ parsed: p, action: "create", reason: null, existing: null });
      continue;
    }
    if (known.uid === `${known.id}@maillage`) {
      skip("Événement publié dans cet agenda : il revient par un flux");
      continue;
    }
    if ("subscriptionId" in mode) {
      if (known.subscriptionId !== mode.subscriptionId) {
        skip("Déjà dans l'agenda, importé autrement");
        continue;
      }
    } else if (!eventPolicy.update(mode.actor, { organizerIds: organizersByEvent.get(known.id) ?? [] })) {
      skip("Déjà dans l'agenda, publié par une autre structure");
      continue;
    }
    const changed = changedFields(known, exceptionsByEvent.get(known.id) ?? [], p);
    // A LAST-MODIFIED in the future comes from a wrong clock and says nothing.
    const newer = p.lastModified !== null && p.lastModified > known.updatedAt && p.lastModified <= now;
    if (changed.length === 0 && !newer) {
      rows.push({ parsed: p, action: "skip", reason: "Inchangé depuis le dernier import", existing: known, unchanged: true });
      continue;
    }
    const reason =
      changed.length > 0 ? `Modifié à la source : ${changed.map((f) => FIELD_LABELS[f]).join(", ")}` : "Modifié à la source";
    rows.push({ parsed: p, action: "update", reason, existing: known });
  }
  return rows;
}

const counts = (rows: PlannedRow[]) => ({
  create: rows.filter((r) => r.action === "create").length,
  update: rows.filter((r) => r.action === "update").length,
  skip: rows.filter((r) => r.action === "skip").length,
});

// ---------------------------------------------------------------- checks on the input

async function destinationOf(ctx: Ctx, input: Source, subscriptionId: string | null): Promise<Destination> {
  authorize(agendaImportPolicy.import(ctx.actor, { organizerId: input.organizerId }));
  const [organizer] = await q.organizationsById(ctx.db, ctx.consortium.id, [input.organizerId]);
  if (!organizer) throw invalid({ organizerId: "Structure introuvable dans ce consortium" });
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (input.placeId) {
    const place = await q.findPlaceWithOrg(ctx.db, ctx.consortium.id, input.placeId);
    if (!place) throw invalid({ placeId: "Lieu introuvable dans ce consortium" });
    latitude = place.latitude;
    longitude = place.longitude;
  }
  return {
    organizerId: input.organizerId,
    placeId: input.placeId ?? null,
    latitude,
    longitude,
    visibility: input.visibility,
    subscriptionId,
    createdBy: ctx.user.id,
  };
}

function candidateOf(row: PlannedRow, d: Destination): Candidate {
  const v = valuesOf(row.parsed, d);
  return {
    eventId: row.existing?.id,
    title: v.title,
    placeId: v.placeId ?? null,
    spaceId: null,
    audiences: [],
    organizerIds: [d.organizerId],
    status: v.status ?? "confirmed",
    visibility: d.visibility,
    allDay: v.allDay ?? false,
    latitude: d.latitude,
    longitude: d.longitude,
    occurrences: expandSeries({
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      allDay: v.allDay ?? false,
      rrule: v.rrule ?? null,
      exceptions: exceptionsOf(row.parsed).map((x) => ({ ...x, cancelled: x.cancelled ?? false })),
    }),
  };
}

// ---------------------------------------------------------------- services

/** What an import would do, event by event, with the duplicates it would make; nothing is written. */
export async function previewImport(ctx: Ctx, input: Source): Promise<ImportPreviewDto> {
  const destination = await destinationOf(ctx, input, null);
  const source = await loadSource(input);
  const rows = await planImport(ctx.db, ctx.consortium.id, source.events, { actor: ctx.actor }, ctx.now);
  let checks = 0;
  const out: ImportPreviewDto["rows"] = [];
  for (const row of rows) {
    let duplicates: Warning[] = [];
    if (row.action !== "skip" && checks < DUPLICATE_CHECKS) {
      checks++;
      duplicates = await findDuplicatesFor(ctx.db, ctx.consortium.id, candidateOf(row, destination));
    }
    out.push({
      uid: row.parsed.uid,
      action: row.action,
      reason: row.reason,
      title: row.parsed.title,
      startsAt: row.parsed.startsAt.toISOString(),
      endsAt: row.parsed.endsAt.toISOString(),
      allDay: row.parsed.allDay,
      recurring: row.parsed.rrule !== null,
      duplicates,
    });
  }
  return { rows: out, counts: counts(rows) };
}

/**
 * Writes a plan in the caller's transaction: new events with their exceptions, and, for updated ones, the
 * source's fields and exceptions (what people added here, such as audiences, place or visibility, stays).
 */
export async function applyPlan(tx: Db, consortiumId: string, rows: PlannedRow[], d: Destination, now: Date) {
  const creates = rows.filter((row) => row.action === "create");
  await insertEvents(
    tx,
    consortiumId,
    creates.map((row) => ({
      values: valuesOf(row.parsed, d),
      organizerIds: [d.organizerId],
      exceptions: exceptionsOf(row.parsed),
    })),
  );
  const created = creates.length;
  let updated = 0;
  for (const row of rows) {
    if (row.action === "update" && row.existing) {
      const e = row.existing;
      const location = cut(row.parsed.location, LIMITS.shortText);
      const venue = e.venue === "online" && isLink(location) ? { onlineUrl: location } : { venueName: location };
      await updateEvent(
        tx,
        consortiumId,
        e.id,
        { ...sourceFields(row.parsed), ...venue, ...(d.subscriptionId ? { subscriptionId: d.subscriptionId } : {}) },
        now,
      );
      await tx.delete(eventExceptions).where(eq(eventExceptions.eventId, e.id));
      const exceptions = exceptionsOf(row.parsed);
      if (exceptions.length > 0)
        await tx.insert(eventExceptions).values(exceptions.map((x) => ({ ...x, eventId: e.id, consortiumId })));
      await materialize(tx, consortiumId, e.id);
      updated++;
    }
  }
  return { created, updated };
}

/** Imports the source in one transaction, leaving out the UIDs the person chose to skip; may subscribe to a URL. */
export async function commitImport(ctx: Ctx, input: Commit) {
  if (input.subscribe && !input.url)
    throw invalid({ subscribe: "Un abonnement demande l'adresse d'un calendrier, pas un fichier" });
  const base = await destinationOf(ctx, input, null);
  const source = await loadSource(input);
  if (input.subscribe && source.url) {
    const [already] = await ctx.db
      .select({ id: calendarSubscriptions.id })
      .from(calendarSubscriptions)
      .where(and(eq(calendarSubscriptions.consortiumId, ctx.consortium.id), eq(calendarSubscriptions.url, source.url)));
    if (already) throw conflict("Cet agenda est déjà suivi par un abonnement.", { url: "Abonnement déjà existant" });
  }
  const planned = await planImport(ctx.db, ctx.consortium.id, source.events, { actor: ctx.actor }, ctx.now);
  const skipUids = new Set(input.skipUids);
  const rows = planned.map(
    (r): PlannedRow =>
      skipUids.has(r.parsed.uid) ? { ...r, action: "skip", reason: "Écarté à votre demande", unchanged: false } : r,
  );
  return ctx.db.transaction(async (tx) => {
    let subscriptionId: string | null = null;
    if (input.subscribe && source.url) {
      const [sub] = await tx
        .insert(calendarSubscriptions)
        .values({
          consortiumId: ctx.consortium.id,
          url: source.url,
          organizerId: input.organizerId,
          placeId: input.placeId ?? null,
          visibility: input.visibility,
          refreshMinutes: source.refreshMinutes,
          etag: source.etag,
          lastFetchedAt: ctx.now,
          lastStatus: "ok",
          nextFetchAt: new Date(ctx.now.getTime() + source.refreshMinutes * 60_000),
          createdBy: ctx.user.id,
        })
        .returning({ id: calendarSubscriptions.id });
      subscriptionId = sub.id;
    }
    const { created, updated } = await applyPlan(tx, ctx.consortium.id, rows, { ...base, subscriptionId }, ctx.now);
    if (subscriptionId) {
      // Events imported earlier from the same source, unchanged since, are kept in step by the subscription too.
      const adopted = rows.flatMap((r) => (r.unchanged && r.existing && !r.existing.subscriptionId ? [r.existing.id] : []));
      for (let i = 0; i < adopted.length; i += 500)
        await tx
          .update(events)
          .set({ subscriptionId })
          .where(and(eq(events.consortiumId, ctx.consortium.id), inArray(events.id, adopted.slice(i, i + 500))));
    }
    const skipped = rows.length - created - updated;
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "agenda.import",
      subjectType: subscriptionId ? "calendar_subscription" : "agenda",
      subjectId: subscriptionId,
      summary: `${ctx.user.name} importe ${created} événement${created > 1 ? "s" : ""} (${updated} mis à jour)${source.url ? ` depuis ${source.url}` : ""}`,
      data: { created, updated, skipped, url: source.url },
    });
    return { created, updated, skipped, subscriptionId };
  });
}
