import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { addDays, parisDate, parisWallToInstant } from "../../../shared/agenda/time.ts";
import type { FeedLinksDto, PublicAgendaDto, PublicEventQuery } from "../../../shared/contracts/agenda.ts";
import { remembered } from "../../db/changes.ts";
import type { Db } from "../../db/client.ts";
import {
  calendarTokens,
  consortia,
  consortiumAccounts,
  eventExceptions,
  eventOccurrences,
  events,
  instanceAdmins,
  organizations,
  people,
  personRoles,
  places,
  representatives,
} from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { notFound } from "../../http/errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { isCoordinator } from "../../policies/actor.ts";
import { draftViewer } from "../../policies/agenda.ts";
import { recordActivity } from "../activity.ts";
import { agendaCache, type CachedBody } from "./agenda.cache.ts";
import { frenchWhen, presentOccurrence, venueLabel } from "./agenda.presenter.ts";
import { type DraftScope, organizersOf, windowOccurrences } from "./agenda.queries.ts";
import { type IcsEvent, type IcsOverride, writeCalendar } from "./ics/write.ts";
import { placesWithColors, windowBounds } from "./window.service.ts";

// Calendar feeds (domain rules §8.3 rules 1 and 2): a public feed per consortium and per member place, a private
// feed per person behind an unguessable token in the path, an RSS list and the public agenda's JSON. Each answer
// is built once per agenda version (ADR 0019) and Paris day, then served from memory with its ETag.

/** Feeds keep a year of history: enough for subscribers, small enough for calendar clients. */
const HISTORY_DAYS = 365;
/** The RSS list looks a season ahead. */
const RSS_DAYS = 180;
const RSS_ITEMS = 200;

// ---------------------------------------------------------------- addresses and tokens

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, "");
const slugPart = (slug: string) => encodeURIComponent(slug);

export const feedUrls = (publicUrl: string, slug: string) => ({
  publicFeed: `${base(publicUrl)}/ics/${slugPart(slug)}.ics`,
  placeFeed: (placeSlug: string) => `${base(publicUrl)}/ics/${slugPart(slug)}/places/${slugPart(placeSlug)}.ics`,
  privateFeed: (token: string) => `${base(publicUrl)}/ics/private/${token}.ics`,
  publicAgenda: `${base(publicUrl)}/agenda/${slugPart(slug)}`,
  embed: `${base(publicUrl)}/agenda/${slugPart(slug)}/integration`,
  rss: `${base(publicUrl)}/rss/${slugPart(slug)}.xml`,
  eventPage: (eventId: string) => `${base(publicUrl)}/c/${slugPart(slug)}/agenda/evenements/${eventId}`,
});

/** 32 random bytes, base64url: the private feed's address is its only secret. */
export const newFeedToken = () => randomBytes(32).toString("base64url");
/** Tokens are looked up by their SHA-256, like invitation tokens. */
export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Every address the consortium publishes, and the person's private feed once they created one. */
export async function feedLinks(ctx: Ctx, publicUrl: string): Promise<z.infer<typeof FeedLinksDto>> {
  const urls = feedUrls(publicUrl, ctx.consortium.slug);
  const placeRows = await ctx.db
    .select({ id: places.id, slug: places.slug, name: places.name })
    .from(places)
    .where(eq(places.consortiumId, ctx.consortium.id))
    .orderBy(places.name);
  const [token] = await ctx.db
    .select({ token: calendarTokens.token })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.consortiumId, ctx.consortium.id), eq(calendarTokens.userId, ctx.user.id)));
  return {
    publicFeed: urls.publicFeed,
    placeFeeds: placeRows.map((p) => ({ placeId: p.id, name: p.name, url: urls.placeFeed(p.slug) })),
    privateFeed: token ? urls.privateFeed(token.token) : null,
    publicAgenda: urls.publicAgenda,
    embed: urls.embed,
    rss: urls.rss,
  };
}

/** Creates the caller's private feed, or gives it a new address: the previous one answers 404 from now on. */
export async function rotatePrivateFeed(ctx: Ctx, publicUrl: string) {
  const token = newFeedToken();
  const values = { tokenHash: hashFeedToken(token), token, createdAt: ctx.now };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(calendarTokens)
      .values({ consortiumId: ctx.consortium.id, userId: ctx.user.id, ...values })
      .onConflictDoUpdate({ target: [calendarTokens.consortiumId, calendarTokens.userId], set: values });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "agenda.private-feed",
      subjectType: "calendar_token",
      summary: `${ctx.user.name} crée une nouvelle adresse pour son agenda privé`,
    });
  });
  return feedLinks(ctx, publicUrl);
}

/** Revokes the caller's private feed; calendars subscribed to it get 404. */
export async function revokePrivateFeed(ctx: Ctx) {
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(calendarTokens)
      .where(and(eq(calendarTokens.consortiumId, ctx.consortium.id), eq(calendarTokens.userId, ctx.user.id)))
      .returning({ id: calendarTokens.id });
    if (removed.length > 0)
      await recordActivity(tx, {
        consortiumId: ctx.consortium.id,
        actorUserId: ctx.user.id,
        action: "agenda.private-feed-revoke",
        subjectType: "calendar_token",
        subjectId: removed[0].id,
        summary: `${ctx.user.name} supprime l'adresse de son agenda privé`,
      });
  });
}

// ---------------------------------------------------------------- which events a feed holds

type Scope =
  | { kind: "public"; placeId?: string }
  | { kind: "private"; everything: boolean; organizationIds: string[]; userId: string; drafts: DraftScope };

const partners = alias(organizations, "partner");

function organisedByAny(ids: string[]) {
  if (ids.length === 0) return sql`false`;
  return sql`exists (select 1 from event_organizers eo where eo.event_id = ${events.id} and eo.organization_id in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}))`;
}

function scopeCondition(scope: Scope) {
  if (scope.kind === "public")
    return and(eq(events.visibility, "public"), scope.placeId ? eq(events.placeId, scope.placeId) : undefined);
  const drafts = scope.drafts;
  const draftsSeen = drafts && "all" in drafts ? sql`true` : drafts ? organisedByAny([drafts.organizationId]) : sql`false`;
  const theirs = scope.everything ? sql`true` : or(eq(events.createdBy, scope.userId), organisedByAny(scope.organizationIds));
  return and(or(ne(events.visibility, "draft"), draftsSeen), theirs);
}

type FeedEventRow = Awaited<ReturnType<typeof selectFeedEvents>>[number];

function selectFeedEvents(db: Db, consortiumId: string, scope: Scope, cutoff: Date) {
  return db
    .select({
      id: events.id,
      uid: events.uid,
      title: events.title,
      description: events.description,
      venue: events.venue,
      venueName: events.venueName,
      onlineUrl: events.onlineUrl,
      allDay: events.allDay,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      rrule: events.rrule,
      themes: events.themes,
      price: events.price,
      status: events.status,
      sequence: events.sequence,
      createdAt: events.createdAt,
      updatedAt: events.updatedAt,
      placeName: places.name,
      street: places.street,
      postalCode: places.postalCode,
      city: places.city,
      latitude: places.latitude,
      longitude: places.longitude,
      partnerName: partners.name,
    })
    .from(events)
    .leftJoin(places, eq(places.id, events.placeId))
    .leftJoin(partners, eq(partners.id, events.partnerId))
    .where(
      and(
        eq(events.consortiumId, consortiumId),
        scopeCondition(scope),
        // A year of history: events with an occurrence still running after the cutoff.
        sql`exists (select 1 from event_occurrences o where o.event_id = ${events.id} and o.ends_at > ${cutoff.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id));
}

function locationOf(e: FeedEventRow): string | null {
  if (e.venue === "online") return "En ligne";
  if (e.venue === "partner") return [e.partnerName, e.venueName].filter(Boolean).join(", ") || null;
  const town = [e.postalCode, e.city].filter(Boolean).join(" ");
  const extra = e.venueName && e.venueName !== e.placeName ? e.venueName : null;
  return [e.placeName, extra, e.street, town].filter(Boolean).join(", ") || null;
}

/** The events of a feed as the iCalendar writer takes them: series with their EXDATEs and modified occurrences. */
async function feedEvents(
  db: Db,
  consortium: { id: string; slug: string },
  scope: Scope,
  now: Date,
  publicUrl: string,
): Promise<IcsEvent[]> {
  const urls = feedUrls(publicUrl, consortium.slug);
  const rows = await selectFeedEvents(db, consortium.id, scope, new Date(now.getTime() - HISTORY_DAYS * 86_400_000));
  if (rows.length === 0) return [];
  const ids = new Set(rows.map((r) => r.id));
  const organizers = new Map<string, string[]>();
  const idList = [...ids];
  for (let i = 0; i < idList.length; i += 1000)
    for (const o of await organizersOf(db, idList.slice(i, i + 1000)))
      organizers.set(o.eventId, [...(organizers.get(o.eventId) ?? []), o.name]);
  const exceptions = (
    await db
      .select()
      .from(eventExceptions)
      .where(eq(eventExceptions.consortiumId, consortium.id))
      .orderBy(asc(eventExceptions.originalStart))
  ).filter((x) => ids.has(x.eventId));
  // Moved occurrences keep the instants the agenda computed for them (an exception may change its title only).
  const placed = new Map(
    (
      await db
        .select({
          eventId: eventOccurrences.eventId,
          originalStart: eventOccurrences.originalStart,
          startsAt: eventOccurrences.startsAt,
          endsAt: eventOccurrences.endsAt,
        })
        .from(eventOccurrences)
        .where(and(eq(eventOccurrences.consortiumId, consortium.id), eq(eventOccurrences.modified, true)))
    ).map((o) => [`${o.eventId}|${o.originalStart.getTime()}`, o]),
  );

  return rows.map((e) => {
    const exdates: Date[] = [];
    const overrides: IcsOverride[] = [];
    for (const x of exceptions) {
      if (x.eventId !== e.id || !e.rrule) continue;
      if (x.cancelled) {
        exdates.push(x.originalStart);
        continue;
      }
      const occurrence = placed.get(`${e.id}|${x.originalStart.getTime()}`);
      const startsAt = x.startsAt ?? occurrence?.startsAt ?? x.originalStart;
      const endsAt = x.endsAt ?? occurrence?.endsAt ?? new Date(startsAt.getTime() + (e.endsAt.getTime() - e.startsAt.getTime()));
      overrides.push({
        originalStart: x.originalStart,
        startsAt,
        endsAt,
        title: x.title ?? e.title,
        description: x.description,
        location: null,
        status: e.status === "cancelled" ? "cancelled" : (x.status ?? e.status),
      });
    }
    const description = [e.description, e.price ? `Tarif : ${e.price}` : null].filter(Boolean).join("\n\n") || null;
    const page = scope.kind === "public" ? urls.publicAgenda : urls.eventPage(e.id);
    return {
      uid: e.uid,
      sequence: e.sequence,
      created: e.createdAt,
      lastModified: e.updatedAt,
      title: e.title,
      description,
      location: locationOf(e),
      url: e.venue === "online" && e.onlineUrl ? e.onlineUrl : page,
      geo: e.venue === "place" && e.latitude !== null && e.longitude !== null ? { lat: e.latitude, lng: e.longitude } : null,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      allDay: e.allDay,
      rrule: e.rrule,
      status: e.status,
      categories: e.themes,
      organizerNames: organizers.get(e.id) ?? [],
      exdates,
      overrides,
    };
  });
}

// ---------------------------------------------------------------- public answers

// Feeds are polled by every calendar subscribed to them: slugs are resolved from memory, forgotten when a
// consortium or a place changes (ADR 0021).
async function consortiumBySlug(db: Db, slug: string) {
  const row = await remembered(db, "feed-consortia", "directory", slug, async () => {
    const [found] = await db
      .select({ id: consortia.id, slug: consortia.slug, name: consortia.name })
      .from(consortia)
      .where(eq(consortia.slug, slug));
    return found ?? null;
  });
  if (!row) throw notFound("Agenda");
  return row;
}

/** Built per Paris day too: the year of history a feed keeps moves with the date, not with the agenda. */
const dayKey = (now: Date) => parisDate(now);

/** The consortium's public events (drafts and events kept inside the consortium are never in it). */
export async function publicFeed(db: Db, slug: string, publicUrl: string, now = new Date()): Promise<CachedBody> {
  const consortium = await consortiumBySlug(db, slug);
  const urls = feedUrls(publicUrl, consortium.slug);
  return agendaCache.get(db, consortium.id, `ics:public:${publicUrl}:${dayKey(now)}`, async () =>
    writeCalendar({
      name: `Agenda — ${consortium.name}`,
      description: `Les événements publics de ${consortium.name}`,
      url: urls.publicAgenda,
      source: urls.publicFeed,
      events: await feedEvents(db, consortium, { kind: "public" }, now, publicUrl),
    }),
  );
}

/** One member place's public events. */
export async function placeFeed(db: Db, slug: string, placeSlug: string, publicUrl: string, now = new Date()) {
  const consortium = await consortiumBySlug(db, slug);
  const place = await remembered(db, "feed-places", "directory", `${consortium.id}/${placeSlug}`, async () => {
    const [found] = await db
      .select({ id: places.id, slug: places.slug, name: places.name })
      .from(places)
      .where(and(eq(places.consortiumId, consortium.id), eq(places.slug, placeSlug)));
    return found ?? null;
  });
  if (!place) throw notFound("Lieu");
  const urls = feedUrls(publicUrl, consortium.slug);
  return agendaCache.get(db, consortium.id, `ics:place:${place.id}:${publicUrl}:${dayKey(now)}`, async () =>
    writeCalendar({
      name: `${place.name} — ${consortium.name}`,
      description: `Les événements publics de ${place.name}`,
      url: urls.publicAgenda,
      source: urls.placeFeed(place.slug),
      events: await feedEvents(db, consortium, { kind: "public", placeId: place.id }, now, publicUrl),
    }),
  );
}

/** The organisations a person takes part in today: their account's, and those of their current roles and mandates. */
async function organizationsOf(db: Db, consortiumId: string, userId: string, accountOrg: string | null, today: string) {
  const ids = new Set<string>(accountOrg ? [accountOrg] : []);
  const current = (until: unknown) => sql`(${until} is null or ${until} > ${today})`;
  const roles = await db
    .select({ organizationId: personRoles.organizationId })
    .from(personRoles)
    .innerJoin(people, eq(people.id, personRoles.personId))
    .where(and(eq(people.consortiumId, consortiumId), eq(people.userId, userId), current(personRoles.until)));
  const mandates = await db
    .select({ organizationId: representatives.organizationId })
    .from(representatives)
    .innerJoin(people, eq(people.id, representatives.personId))
    .where(and(eq(people.consortiumId, consortiumId), eq(people.userId, userId), current(representatives.until)));
  for (const r of [...roles, ...mandates]) ids.add(r.organizationId);
  return [...ids].sort();
}

/**
 * A person's private feed: every event of the organisations they belong to or speak for, and the events they
 * created, with what they may see of drafts; a coordinator's holds the whole agenda. An unknown or revoked token,
 * or a person who left the consortium, gets 404.
 */
export async function privateFeed(db: Db, token: string, publicUrl: string, now = new Date()): Promise<CachedBody> {
  const [row] = await db
    .select({ consortiumId: calendarTokens.consortiumId, userId: calendarTokens.userId })
    .from(calendarTokens)
    .where(eq(calendarTokens.tokenHash, hashFeedToken(token)));
  if (!row) throw notFound("Agenda");
  const [consortium] = await db
    .select({ id: consortia.id, slug: consortia.slug, name: consortia.name })
    .from(consortia)
    .where(eq(consortia.id, row.consortiumId));
  const [account] = await db
    .select({ role: consortiumAccounts.role, organizationId: consortiumAccounts.organizationId })
    .from(consortiumAccounts)
    .where(and(eq(consortiumAccounts.consortiumId, row.consortiumId), eq(consortiumAccounts.userId, row.userId)));
  const admin = await db.select().from(instanceAdmins).where(eq(instanceAdmins.userId, row.userId));
  if (!consortium || (!account && admin.length === 0)) throw notFound("Agenda");
  const actor: Actor = {
    userId: row.userId,
    isAdmin: admin.length > 0,
    role: account?.role ?? null,
    organizationId: account?.organizationId ?? null,
  };
  const today = parisDate(now);
  const scope: Scope = {
    kind: "private",
    everything: isCoordinator(actor),
    organizationIds: await organizationsOf(db, consortium.id, row.userId, actor.organizationId, today),
    userId: row.userId,
    drafts: draftViewer(actor),
  };
  // Roles and memberships do not raise the agenda version: they are part of the key instead.
  const key = `ics:private:${row.userId}:${JSON.stringify([scope.everything, scope.organizationIds, scope.drafts])}:${publicUrl}:${today}`;
  const urls = feedUrls(publicUrl, consortium.slug);
  return agendaCache.get(db, consortium.id, key, async () =>
    writeCalendar({
      name: `Mon agenda — ${consortium.name}`,
      description: `Les événements de vos structures dans ${consortium.name}`,
      url: urls.publicAgenda,
      source: urls.privateFeed(token),
      events: await feedEvents(db, consortium, scope, now, publicUrl),
    }),
  );
}

const xml = (text: string) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** RSS 2.0 of the coming public occurrences, for web sites and newsletters that read RSS. */
export async function rssFeed(db: Db, slug: string, publicUrl: string, now = new Date()): Promise<CachedBody> {
  const consortium = await consortiumBySlug(db, slug);
  const urls = feedUrls(publicUrl, consortium.slug);
  const today = parisDate(now);
  return agendaCache.get(db, consortium.id, `rss:${publicUrl}:${today}`, async () => {
    const from = parisWallToInstant(today) as Date;
    const to = parisWallToInstant(addDays(today, RSS_DAYS)) as Date;
    const rows = (await windowOccurrences(db, consortium.id, from, to, {}, null, { publicOnly: true, withDetails: true }))
      .filter((r) => r.status !== "cancelled")
      .slice(0, RSS_ITEMS);
    const items = rows.map((r) => {
      const venue = venueLabel({ venue: r.venue, placeName: r.place_name, partnerName: r.partner_name, venueName: r.venue_name });
      const when = `${frenchWhen(r.starts_at, r.all_day)}${venue ? ` — ${venue}` : ""}`;
      const text = [when, r.description, r.price ? `Tarif : ${r.price}` : null].filter(Boolean).join("\n\n");
      return [
        "<item>",
        `<title>${xml(r.title)}</title>`,
        `<link>${xml(`${urls.publicAgenda}?date=${parisDate(r.starts_at)}`)}</link>`,
        `<guid isPermaLink="false">${xml(`${r.event_id}/${r.original_start.toISOString()}`)}</guid>`,
        `<description>${xml(text)}</description>`,
        ...r.themes.map((t) => `<category>${xml(t)}</category>`),
        "</item>",
      ].join("\n");
    });
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
      "<channel>",
      `<title>${xml(`Agenda — ${consortium.name}`)}</title>`,
      `<link>${xml(urls.publicAgenda)}</link>`,
      `<description>${xml(`Les prochains événements publics de ${consortium.name}`)}</description>`,
      "<language>fr-FR</language>",
      `<atom:link href="${xml(urls.rss)}" rel="self" type="application/rss+xml"/>`,
      ...items,
      "</channel>",
      "</rss>",
      "",
    ].join("\n");
  });
}

/** The public agenda page's data: public events only, never drafts; an unknown consortium is a 404. */
export async function publicAgenda(
  db: Db,
  slug: string,
  query: z.output<typeof PublicEventQuery>,
  publicUrl: string,
): Promise<CachedBody> {
  const consortium = await consortiumBySlug(db, slug);
  const { start, end } = windowBounds(query.from, query.to);
  return agendaCache.get(db, consortium.id, `public:${JSON.stringify(query)}:${publicUrl}`, async () => {
    const rows = await windowOccurrences(db, consortium.id, start, end, query, null, { publicOnly: true, withDetails: true });
    const details: PublicAgendaDto["details"] = {};
    for (const r of rows) details[r.event_id] ??= { description: r.description ?? null, price: r.price ?? null };
    const dto: PublicAgendaDto = {
      consortium: { slug: consortium.slug, name: consortium.name },
      from: query.from,
      to: query.to,
      items: rows.map((r) => {
        const { visibility: _hidden, ...item } = presentOccurrence(r);
        return item;
      }),
      places: await placesWithColors(db, consortium.id),
      details,
      feed: feedUrls(publicUrl, consortium.slug).publicFeed,
    };
    return JSON.stringify(dto);
  });
}
