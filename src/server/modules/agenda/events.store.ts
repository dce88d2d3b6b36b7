import { and, eq, sql } from "drizzle-orm";
import { normalizeTitle } from "../../../shared/agenda/duplicates.ts";
import { expandSeries } from "../../../shared/agenda/recurrence.ts";
import { parisDate } from "../../../shared/agenda/time.ts";
import type { Db } from "../../db/client.ts";
import { cooperations, eventExceptions, eventOccurrences, eventOrganizers, events } from "../../db/schema/index.ts";

// The write path every agenda change goes through (the editor, the import, the demo seed): an event row,
// its organisers, its exceptions, then its occurrences rebuilt from them. Callers hold the transaction.

export type EventValues = Omit<
  typeof events.$inferInsert,
  "id" | "consortiumId" | "uid" | "titleKey" | "sequence" | "createdAt" | "updatedAt"
> & { uid?: string };

export type ExceptionValues = Omit<typeof eventExceptions.$inferInsert, "eventId" | "consortiumId">;

export interface NewEvent {
  values: EventValues;
  organizerIds: string[];
  exceptions?: ExceptionValues[];
}

export async function insertEvent(
  tx: Db,
  consortiumId: string,
  values: EventValues,
  organizerIds: string[],
  exceptions: ExceptionValues[] = [],
): Promise<string> {
  const [id] = await insertEvents(tx, consortiumId, [{ values, organizerIds, exceptions }]);
  return id;
}

/**
 * Creates many events with a handful of multi-row statements (an import of a thousand events is a few
 * dozen statements, not thousands): rows, organisers, exceptions, cooperations, then occurrences computed
 * here from the same values, without reading anything back.
 */
export async function insertEvents(tx: Db, consortiumId: string, list: NewEvent[]): Promise<string[]> {
  return (await writeEvents(tx, consortiumId, list, false)).ids;
}

/** One event, answered as its stored row (the create route shows it without reading it back). */
export async function insertEventRow(tx: Db, consortiumId: string, values: EventValues, organizerIds: string[]) {
  const { rows } = await writeEvents(tx, consortiumId, [{ values, organizerIds, exceptions: [] }], true);
  return rows[0];
}

async function writeEvents(tx: Db, consortiumId: string, list: NewEvent[], returning: boolean) {
  const rows = list.map(({ values }) => {
    const id = crypto.randomUUID();
    return { ...values, id, consortiumId, uid: values.uid ?? `${id}@maillage`, titleKey: normalizeTitle(values.title) };
  });
  const organizers = list.flatMap((e, i) =>
    [...new Set(e.organizerIds)].map((organizationId) => ({ eventId: rows[i].id, organizationId, consortiumId })),
  );
  const exceptions = list.flatMap((e, i) => (e.exceptions ?? []).map((x) => ({ ...x, eventId: rows[i].id, consortiumId })));
  const coops = list.flatMap((e, i) =>
    e.organizerIds.length < 2
      ? []
      : [
          {
            consortiumId,
            kind: "co_organisation" as const,
            sourceType: "event",
            sourceId: rows[i].id,
            organizationIds: [...e.organizerIds].sort(),
            occurredOn: parisDate(e.values.startsAt),
          },
        ],
  );
  const occurrences = rows.flatMap((row, i) =>
    occurrenceRows(
      {
        ...row,
        allDay: row.allDay ?? false,
        rrule: row.rrule ?? null,
        spaceId: row.spaceId ?? null,
        placeId: row.placeId ?? null,
        status: row.status ?? "confirmed",
        visibility: row.visibility ?? "consortium",
        audiences: row.audiences ?? [],
      },
      (list[i].exceptions ?? []).map((x) => ({
        ...x,
        startsAt: x.startsAt ?? null,
        endsAt: x.endsAt ?? null,
        spaceId: x.spaceId ?? null,
        status: x.status ?? null,
        title: x.title ?? null,
        cancelled: x.cancelled ?? false,
      })),
    ),
  );
  // Batches keep each statement's parameters well under PostgreSQL's limit of 65,535.
  const stored: Array<typeof events.$inferSelect> = [];
  for (const batch of chunks(rows, 200)) {
    if (returning) stored.push(...(await tx.insert(events).values(batch).returning()));
    else await tx.insert(events).values(batch);
  }
  for (const batch of chunks(organizers, 1000)) await tx.insert(eventOrganizers).values(batch);
  for (const batch of chunks(exceptions, 500)) await tx.insert(eventExceptions).values(batch);
  for (const batch of chunks(coops, 500)) await tx.insert(cooperations).values(batch);
  for (const batch of chunks(occurrences, 500)) await tx.insert(eventOccurrences).values(batch);
  return { ids: rows.map((r) => r.id), rows: stored };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Changes the event row; `sequence` goes up so calendars that subscribed take the change. */
export async function updateEvent(tx: Db, consortiumId: string, id: string, values: Partial<EventValues>, now: Date) {
  const patch: Partial<typeof events.$inferInsert> = { ...values, updatedAt: now };
  if (values.title !== undefined) patch.titleKey = normalizeTitle(values.title);
  await tx
    .update(events)
    .set({ ...patch, sequence: sql`${events.sequence} + 1` })
    .where(and(eq(events.consortiumId, consortiumId), eq(events.id, id)));
}

export async function setOrganizers(tx: Db, consortiumId: string, eventId: string, organizerIds: string[]) {
  await tx.delete(eventOrganizers).where(eq(eventOrganizers.eventId, eventId));
  if (organizerIds.length > 0)
    await tx.insert(eventOrganizers).values(organizerIds.map((organizationId) => ({ eventId, organizationId, consortiumId })));
  await syncCooperation(tx, consortiumId, eventId, organizerIds);
}

/** A co-organised event is a cooperation between its organisers (capability 10 counts them). */
async function syncCooperation(tx: Db, consortiumId: string, eventId: string, organizerIds: string[]) {
  const where = and(
    eq(cooperations.kind, "co_organisation"),
    eq(cooperations.sourceType, "event"),
    eq(cooperations.sourceId, eventId),
  );
  if (organizerIds.length < 2) {
    await tx.delete(cooperations).where(where);
    return;
  }
  const [event] = await tx.select({ startsAt: events.startsAt }).from(events).where(eq(events.id, eventId));
  const values = {
    consortiumId,
    kind: "co_organisation" as const,
    sourceType: "event",
    sourceId: eventId,
    organizationIds: [...organizerIds].sort(),
    occurredOn: parisDate(event.startsAt),
  };
  await tx
    .insert(cooperations)
    .values(values)
    .onConflictDoUpdate({
      target: [cooperations.kind, cooperations.sourceType, cooperations.sourceId],
      set: { organizationIds: values.organizationIds, occurredOn: values.occurredOn },
    });
}

/**
 * Rebuilds the occurrences of one event from its row and exceptions. The exclusion constraint on
 * event_occurrences refuses here, inside the caller's transaction, a space that another event holds.
 */
export async function materialize(tx: Db, consortiumId: string, eventId: string) {
  const [event] = await tx
    .select()
    .from(events)
    .where(and(eq(events.consortiumId, consortiumId), eq(events.id, eventId)));
  if (!event) return;
  const exceptions = await tx.select().from(eventExceptions).where(eq(eventExceptions.eventId, eventId));
  await tx.delete(eventOccurrences).where(eq(eventOccurrences.eventId, eventId));
  const rows = occurrenceRows(event, exceptions);
  for (const batch of chunks(rows, 500)) await tx.insert(eventOccurrences).values(batch);
}

type SeriesRow = Pick<
  typeof events.$inferSelect,
  | "id"
  | "consortiumId"
  | "startsAt"
  | "endsAt"
  | "allDay"
  | "rrule"
  | "status"
  | "placeId"
  | "spaceId"
  | "visibility"
  | "audiences"
  | "titleKey"
>;
type ExceptionRow = Pick<
  typeof eventExceptions.$inferSelect,
  "originalStart" | "cancelled" | "startsAt" | "endsAt" | "spaceId" | "status" | "title"
>;

/** The occurrence rows of one event: its series expanded on Paris wall-clock time, with its exceptions applied. */
function occurrenceRows(event: SeriesRow, exceptions: ExceptionRow[]) {
  const byStart = new Map(exceptions.map((x) => [x.originalStart.getTime(), x]));
  const occurrences = expandSeries({
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    allDay: event.allDay,
    rrule: event.rrule,
    exceptions: exceptions.map((x) => ({
      originalStart: x.originalStart,
      cancelled: x.cancelled,
      startsAt: x.startsAt,
      endsAt: x.endsAt,
    })),
  });
  return occurrences.map((o) => {
    const exception = byStart.get(o.originalStart.getTime());
    const status = o.cancelled || event.status === "cancelled" ? "cancelled" : (exception?.status ?? event.status);
    return {
      eventId: event.id,
      consortiumId: event.consortiumId,
      originalStart: o.originalStart,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      placeId: event.placeId,
      spaceId: exception?.spaceId ?? event.spaceId,
      status,
      visibility: event.visibility,
      audiences: event.audiences,
      titleKey: exception?.title ? normalizeTitle(exception.title) : event.titleKey,
      modified: o.modified || o.cancelled || exception !== undefined,
    };
  });
}

export async function upsertException(tx: Db, consortiumId: string, eventId: string, values: ExceptionValues) {
  await tx
    .insert(eventExceptions)
    .values({ ...values, eventId, consortiumId })
    .onConflictDoUpdate({ target: [eventExceptions.eventId, eventExceptions.originalStart], set: values });
}
