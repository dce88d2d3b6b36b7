import { parisWallToInstant } from "../../../../shared/agenda/time.ts";
import type { EventDto } from "../../../../shared/contracts/agenda.ts";
import { addDays, parisDayOf, parisLocalOf } from "./calendar.ts";

export interface OccurrenceView {
  /** The occurrence's original start, as the API names it. */
  occurrence: string;
  startsAt: string;
  endsAt: string;
  /** Wall-clock times in Paris, as the form sends them (all-day: first and last day). */
  start: string;
  end: string;
  title: string;
  status: EventDto["status"];
  cancelled: boolean;
  modified: boolean;
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

function daySpan(e: EventDto): number {
  // All-day wall times are first and last day: the span in days does not move with the clocks.
  return Math.max(0, Math.round((Date.parse(e.end) - Date.parse(e.start)) / 86_400_000));
}

/**
 * One date of a series, as the detail page shows it: the rule's date unless an exception moved, retitled or
 * cancelled it. Null when the address names no occurrence or a date that is not a valid instant.
 */
export function occurrenceOf(e: EventDto, occurrence: string | null): OccurrenceView | null {
  if (!occurrence || Number.isNaN(Date.parse(occurrence))) return null;
  const exception = e.exceptions.find((x) => sameInstant(x.occurrence, occurrence));
  let startsAt: string;
  let endsAt: string;
  let start: string;
  let end: string;
  if (exception?.startsAt && exception.endsAt) {
    startsAt = exception.startsAt;
    endsAt = exception.endsAt;
  } else {
    startsAt = new Date(occurrence).toISOString();
    if (e.allDay) {
      const last = addDays(parisDayOf(startsAt), daySpan(e));
      endsAt = (
        parisWallToInstant(addDays(last, 1)) ?? new Date(Date.parse(startsAt) + (daySpan(e) + 1) * 86_400_000)
      ).toISOString();
    } else {
      endsAt = new Date(Date.parse(startsAt) + (Date.parse(e.endsAt) - Date.parse(e.startsAt))).toISOString();
    }
  }
  if (e.allDay) {
    start = parisDayOf(startsAt);
    end = parisDayOf(new Date(Math.max(Date.parse(startsAt), Date.parse(endsAt) - 1)));
  } else {
    start = parisLocalOf(startsAt);
    end = parisLocalOf(endsAt);
  }
  const cancelled = exception?.cancelled ?? false;
  return {
    occurrence,
    startsAt,
    endsAt,
    start,
    end,
    title: exception?.title ?? e.title,
    status: cancelled ? "cancelled" : e.status,
    cancelled,
    modified: !!exception,
  };
}
