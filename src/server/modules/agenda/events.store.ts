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

export async function insertEvent(
  tx: Db,
  consortiumId: string,
  values: EventValues,
  organizerIds: string[],
  exceptions: ExceptionValues[] = [],
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(events).values({
    ...values,
    id,
    consortiumId,
    uid: values.uid ?? `${id}@maillage`,
    titleKey: normalizeTitle(values.title),
  });
  await setOrganizers(tx, consortiumId, id, organizerIds);
  if (exceptions.length > 0)
    await tx.insert(eventExceptions).values(exceptions.map((x) => ({ ...x, eventId: id, consortiumId })));
  await materialize(tx, consortiumId, id);
  return id;
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
  const [event] = await tx.select().from(events).where(eq(events.id, eventId));
  const exceptions = await tx.select().from(eventExceptions).where(eq(eventExceptions.eventId, eventId));
  await tx.delete(eventOccurrences).where(eq(eventOccurrences.eventId, eventId));
  const spaceByStart = new Map(exceptions.map((x) => [x.originalStart.getTime(), x]));
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
  if (occurrences.length === 0) return;
  const rows = occurrences.map((o) => {
    const exception = spaceByStart.get(o.originalStart.getTime());
    const status = o.cancelled || event.status === "cancelled" ? "cancelled" : (exception?.status ?? event.status);
    return {
      eventId,
      consortiumId,
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
  // Batches keep each statement's parameters well under PostgreSQL's limit.
  for (let i = 0; i < rows.length; i += 500) await tx.insert(eventOccurrences).values(rows.slice(i, i + 500));
}

export async function upsertException(tx: Db, consortiumId: string, eventId: string, values: ExceptionValues) {
  await tx
    .insert(eventExceptions)
    .values({ ...values, eventId, consortiumId })
    .onConflictDoUpdate({ target: [eventExceptions.eventId, eventExceptions.originalStart], set: values });
}
