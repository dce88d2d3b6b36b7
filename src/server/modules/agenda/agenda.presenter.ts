import type { z } from "zod";
import { fromRRule } from "../../../shared/agenda/recurrence.ts";
import { addDays, instantToParisWall, parisDate } from "../../../shared/agenda/time.ts";
import type { EventDto, EventRef, OccurrenceDto } from "../../../shared/contracts/agenda.ts";
import type { Actor } from "../../policies/actor.ts";
import { eventPolicy } from "../../policies/agenda.ts";
import { abilitiesFor } from "../../policies/index.ts";
import type { EventRow, ExceptionRow, OccurrenceRow } from "./agenda.queries.ts";

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  weekday: "long",
  day: "numeric",
  month: "long",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });

/** "mardi 12 janvier à 19:00", or "mardi 12 janvier" for an all-day event. */
export function frenchWhen(startsAt: Date, allDay: boolean): string {
  const day = dayFormat.format(startsAt);
  return allDay ? day : `${day} à ${timeFormat.format(startsAt)}`;
}

export function venueLabel(row: {
  venue: string;
  placeName: string | null;
  partnerName: string | null;
  venueName: string | null;
}) {
  if (row.venue === "online") return "En ligne";
  if (row.venue === "partner") return [row.partnerName, row.venueName].filter(Boolean).join(" — ") || null;
  return row.placeName;
}

export function presentOccurrence(row: OccurrenceRow): OccurrenceDto {
  return {
    eventId: row.event_id,
    occurrence: row.original_start.toISOString(),
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    allDay: row.all_day,
    venue: row.venue,
    placeId: row.place_id,
    spaceId: row.space_id,
    venueLabel: venueLabel({
      venue: row.venue,
      placeName: row.place_name,
      partnerName: row.partner_name,
      venueName: row.venue_name,
    }),
    organizers: row.organizers ?? [],
    audiences: row.audiences as OccurrenceDto["audiences"],
    themes: row.themes,
    visibility: row.visibility,
    status: row.status,
    recurring: row.recurring,
    modified: row.modified,
  };
}

/** Wall-clock start and end as the form shows them; all-day ends are inclusive there, exclusive in storage. */
export function wallTimes(event: { startsAt: Date; endsAt: Date; allDay: boolean }) {
  if (event.allDay) return { start: parisDate(event.startsAt), end: addDays(parisDate(event.endsAt), -1) };
  return { start: instantToParisWall(event.startsAt), end: instantToParisWall(event.endsAt) };
}

export function presentEvent(
  actor: Actor,
  event: EventRow,
  organizers: Array<{ id: string; name: string }>,
  exceptions: ExceptionRow[],
  names: { placeName: string | null; partnerName: string | null; subscriptionUrl: string | null },
): EventDto {
  const { start, end } = wallTimes(event);
  return {
    id: event.id,
    uid: event.uid,
    title: event.title,
    description: event.description,
    venue: event.venue,
    placeId: event.placeId,
    spaceId: event.spaceId,
    partnerId: event.partnerId,
    venueName: event.venueName,
    venueLabel: venueLabel({ venue: event.venue, venueName: event.venueName, ...names }),
    onlineUrl: event.onlineUrl,
    organizers: organizers.map((o) => ({ id: o.id, name: o.name })),
    allDay: event.allDay,
    start,
    end,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    audiences: event.audiences as EventDto["audiences"],
    themes: event.themes,
    price: event.price,
    accessibility: event.accessibility,
    capacity: event.capacity,
    visibility: event.visibility,
    status: event.status,
    recurrence: event.rrule ? fromRRule(event.rrule, start, event.allDay) : null,
    rrule: event.rrule,
    exceptions: exceptions.map((x) => ({
      occurrence: x.originalStart.toISOString(),
      cancelled: x.cancelled,
      startsAt: x.startsAt?.toISOString() ?? null,
      endsAt: x.endsAt?.toISOString() ?? null,
      title: x.title,
    })),
    sequence: event.sequence,
    importedFrom: names.subscriptionUrl,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
    abilities: abilitiesFor(eventPolicy, actor, { organizerIds: organizers.map((o) => o.id) }),
  };
}

export function eventRef(slot: {
  event_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place_name: string | null;
  organizer_names: string[];
}): z.infer<typeof EventRef> {
  return {
    eventId: slot.event_id,
    title: slot.title,
    startsAt: slot.starts_at.toISOString(),
    endsAt: slot.ends_at.toISOString(),
    placeName: slot.place_name,
    organizerNames: slot.organizer_names,
  };
}
