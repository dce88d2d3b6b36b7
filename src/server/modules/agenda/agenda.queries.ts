import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import {
  agendaVersions,
  eventExceptions,
  eventOrganizers,
  events,
  organizations,
  places,
  spaces,
} from "../../db/schema/index.ts";

/** Raw SQL answers carry `rows` on both engines (node-postgres and PGlite). */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Drizzle leaves timestamps of raw SQL answers as text (its own column mapping parses them elsewhere), in a
 * form that differs between the two drivers: parse them here, once.
 */
function withDates<T>(rows: T[], keys: Array<keyof T>): T[] {
  for (const row of rows)
    for (const key of keys) {
      const value = row[key] as unknown;
      if (typeof value === "string")
        (row as Record<keyof T, unknown>)[key] = new Date(value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
    }
  return rows;
}
const OCCURRENCE_DATES = ["original_start", "starts_at", "ends_at"] as const;

export type EventRow = typeof events.$inferSelect;
export type ExceptionRow = typeof eventExceptions.$inferSelect;

export interface WindowFilters {
  placeId?: string;
  organizerId?: string;
  audience?: string;
  theme?: string;
  visibility?: string;
}

/** Who may see drafts: everyone's (coordinators), one organisation's (its referent), or none. */
export type DraftScope = { all: true } | { organizationId: string } | null;

export interface OccurrenceRow {
  event_id: string;
  original_start: Date;
  starts_at: Date;
  ends_at: Date;
  status: "tentative" | "confirmed" | "cancelled";
  visibility: "public" | "consortium" | "draft";
  modified: boolean;
  place_id: string | null;
  space_id: string | null;
  title: string;
  all_day: boolean;
  venue: "place" | "partner" | "online";
  venue_name: string | null;
  recurring: boolean;
  audiences: string[];
  themes: string[];
  place_name: string | null;
  partner_name: string | null;
  organizers: Array<{ id: string; name: string }> | null;
  description?: string | null;
  price?: string | null;
}

const draftCondition = (drafts: DraftScope) => {
  if (drafts && "all" in drafts) return sql`true`;
  if (drafts)
    return sql`(o.visibility <> 'draft' or exists (select 1 from event_organizers d where d.event_id = o.event_id and d.organization_id = ${drafts.organizationId}))`;
  return sql`o.visibility <> 'draft'`;
};

/**
 * The occurrences overlapping [from, to), with what a calendar shows of their event. One query: the GiST
 * index on (consortium_id, during) finds the window, organisers come back aggregated per event.
 */
export async function windowOccurrences(
  db: Db,
  consortiumId: string,
  from: Date,
  to: Date,
  filters: WindowFilters,
  drafts: DraftScope,
  options: { publicOnly?: boolean; withDetails?: boolean } = {},
): Promise<OccurrenceRow[]> {
  const conditions = [
    sql`o.consortium_id = ${consortiumId}`,
    sql`o.during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`,
    options.publicOnly ? sql`o.visibility = 'public'` : draftCondition(drafts),
  ];
  if (filters.placeId) conditions.push(sql`o.place_id = ${filters.placeId}`);
  if (filters.visibility) conditions.push(sql`o.visibility = ${filters.visibility}`);
  if (filters.audience) conditions.push(sql`o.audiences @> array[${filters.audience}]::text[]`);
  if (filters.theme) conditions.push(sql`e.themes @> array[${filters.theme}]::text[]`);
  if (filters.organizerId)
    conditions.push(
      sql`exists (select 1 from event_organizers f where f.event_id = o.event_id and f.organization_id = ${filters.organizerId})`,
    );
  const details = options.withDetails
    ? sql`, coalesce(case when o.modified then (select x.description from event_exceptions x where x.event_id = o.event_id and x.original_start = o.original_start) end, e.description) as description, e.price`
    : sql``;
  const result = await db.execute(sql`
    select o.event_id, o.original_start, o.starts_at, o.ends_at, o.status, o.visibility, o.modified, o.place_id,
      o.space_id, coalesce(case when o.modified then (select x.title from event_exceptions x where x.event_id = o.event_id and x.original_start = o.original_start) end, e.title) as title,
      e.all_day, e.venue, e.venue_name,
      e.rrule is not null as recurring, o.audiences, e.themes, p.name as place_name, pa.name as partner_name,
      (select json_agg(json_build_object('id', org.id, 'name', org.name) order by org.name)
         from event_organizers eo join organizations org on org.id = eo.organization_id
        where eo.event_id = o.event_id) as organizers
      ${details}
    from event_occurrences o
    join events e on e.id = o.event_id
    left join places p on p.id = o.place_id
    left join organizations pa on pa.id = e.partner_id
    where ${sql.join(conditions, sql` and `)}
    order by o.starts_at, o.event_id`);
  return withDates(rowsOf<OccurrenceRow>(result), [...OCCURRENCE_DATES]);
}

/** The consortium's places in a stable order: their index is their colour in every agenda view. */
export async function agendaPlaces(db: Db, consortiumId: string) {
  return db
    .select({ id: places.id, slug: places.slug, name: places.name, latitude: places.latitude, longitude: places.longitude })
    .from(places)
    .where(eq(places.consortiumId, consortiumId))
    .orderBy(asc(places.createdAt), asc(places.id));
}

export async function findEvent(db: Db, consortiumId: string, id: string) {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.consortiumId, consortiumId), eq(events.id, id)));
  return row ?? null;
}

export async function organizersOf(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({ eventId: eventOrganizers.eventId, id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(eventOrganizers)
    .innerJoin(organizations, eq(organizations.id, eventOrganizers.organizationId))
    .where(inArray(eventOrganizers.eventId, eventIds))
    .orderBy(asc(organizations.name));
}

export async function exceptionsOf(db: Db, eventId: string) {
  return db
    .select()
    .from(eventExceptions)
    .where(eq(eventExceptions.eventId, eventId))
    .orderBy(asc(eventExceptions.originalStart));
}

export async function venueNames(db: Db, placeId: string | null, partnerId: string | null) {
  const [place] = placeId ? await db.select({ name: places.name }).from(places).where(eq(places.id, placeId)) : [];
  const [partner] = partnerId
    ? await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, partnerId))
    : [];
  return { placeName: place?.name ?? null, partnerName: partner?.name ?? null };
}

export async function findPlaceWithOrg(db: Db, consortiumId: string, placeId: string) {
  const [row] = await db
    .select({
      id: places.id,
      name: places.name,
      organizationId: places.organizationId,
      latitude: places.latitude,
      longitude: places.longitude,
    })
    .from(places)
    .where(and(eq(places.consortiumId, consortiumId), eq(places.id, placeId)));
  return row ?? null;
}

export async function findSpace(db: Db, consortiumId: string, spaceId: string) {
  const [row] = await db
    .select({ id: spaces.id, placeId: spaces.placeId })
    .from(spaces)
    .where(and(eq(spaces.consortiumId, consortiumId), eq(spaces.id, spaceId)));
  return row ?? null;
}

export async function organizationsById(db: Db, consortiumId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(and(eq(organizations.consortiumId, consortiumId), inArray(organizations.id, ids)));
}

export interface SlotRow {
  event_id: string;
  original_start: Date;
  starts_at: Date;
  ends_at: Date;
  place_id: string | null;
  space_id: string | null;
  status: "tentative" | "confirmed" | "cancelled";
  audiences: string[];
  themes: string[];
  title: string;
  all_day: boolean;
  latitude: number | null;
  longitude: number | null;
  place_name: string | null;
  organizer_ids: string[];
  organizer_names: string[];
}

/**
 * Live occurrences near a period, with what the clash, duplicate and suggestion rules need. Drafts are left
 * out: they are not in anybody's programme yet.
 */
// An exception's title or description is read only for the occurrences it modified: joining the whole
// exceptions table made the planner scan it on every window (18 → 6 ms on the full-scale bench).
export async function slotsBetween(db: Db, consortiumId: string, from: Date, to: Date, excludeEventId?: string) {
  const result = await db.execute(sql`
    select o.event_id, o.original_start, o.starts_at, o.ends_at, o.place_id, o.space_id, o.status, o.audiences,
      e.themes, coalesce(case when o.modified then (select x.title from event_exceptions x where x.event_id = o.event_id and x.original_start = o.original_start) end, e.title) as title,
      e.all_day, p.latitude, p.longitude, p.name as place_name,
      coalesce((select array_agg(eo.organization_id::text order by eo.organization_id) from event_organizers eo where eo.event_id = o.event_id), '{}') as organizer_ids,
      coalesce((select array_agg(org.name order by org.name) from event_organizers eo join organizations org on org.id = eo.organization_id where eo.event_id = o.event_id), '{}') as organizer_names
    from event_occurrences o
    join events e on e.id = o.event_id
    left join places p on p.id = o.place_id
    where o.consortium_id = ${consortiumId}
      and o.during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')
      and o.status <> 'cancelled' and o.visibility <> 'draft'
      ${excludeEventId ? sql`and o.event_id <> ${excludeEventId}` : sql``}
    order by o.starts_at`);
  return withDates(rowsOf<SlotRow>(result), [...OCCURRENCE_DATES]);
}

/** Pairs already reviewed (accepted clash, distinct events, linked), so warnings are not raised twice. */
export async function reviewedPairs(db: Db, consortiumId: string, kind: "audience" | "duplicate", eventIds: string[]) {
  if (eventIds.length === 0) return new Set<string>();
  const result = await db.execute(sql`
    select event_a, event_b from event_reviews
    where consortium_id = ${consortiumId} and kind = ${kind}
      and (event_a in (${sql.join(
        eventIds.map((id) => sql`${id}`),
        sql`, `,
      )}) or event_b in (${sql.join(
        eventIds.map((id) => sql`${id}`),
        sql`, `,
      )}))`);
  return new Set(rowsOf<{ event_a: string; event_b: string }>(result).map((r) => `${r.event_a}|${r.event_b}`));
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export async function agendaVersion(db: Db, consortiumId: string): Promise<number> {
  const [row] = await db
    .select({ version: agendaVersions.version })
    .from(agendaVersions)
    .where(eq(agendaVersions.consortiumId, consortiumId));
  return row?.version ?? 0;
}
