import { audienceClashes, type Slot, spaceConflicts } from "../../../shared/agenda/clash.ts";
import { type DupCandidate, findDuplicates } from "../../../shared/agenda/duplicates.ts";
import { audienceLabelFr } from "../../../shared/agenda/labels.ts";
import type { AgendaWarnings, Warning } from "../../../shared/contracts/agenda.ts";
import type { Db } from "../../db/client.ts";
import { eventRef, frenchWhen } from "./agenda.presenter.ts";
import { pairKey, reviewedPairs, type SlotRow, slotsBetween } from "./agenda.queries.ts";

const DAY = 24 * 3600 * 1000;
/** Duplicate detection looks at the first occurrences of a series only: a copy shows up from the start. */
const DUPLICATE_OCCURRENCES = 20;

/** An event about to be saved, with its occurrences already expanded. */
export interface Candidate {
  /** Set when editing: the event's own occurrences are not compared with it. */
  eventId?: string;
  /** Also left out (the other half of a series being split). */
  alsoExclude?: string;
  title: string;
  placeId: string | null;
  spaceId: string | null;
  audiences: string[];
  organizerIds: string[];
  status: "tentative" | "confirmed" | "cancelled";
  visibility: "public" | "consortium" | "draft";
  allDay: boolean;
  latitude: number | null;
  longitude: number | null;
  occurrences: Array<{ originalStart: Date; startsAt: Date; endsAt: Date; cancelled?: boolean }>;
}

const toSlot = (row: SlotRow): Slot & { row: SlotRow } => ({
  eventId: row.event_id,
  originalStart: row.original_start,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  placeId: row.place_id,
  spaceId: row.space_id,
  audiences: row.audiences,
  status: row.status,
  allDay: row.all_day,
  row,
});

const quote = (title: string) => `« ${title} »`;

/**
 * The programme around some occurrences (a day on each side: "the same evening" and duplicates on adjacent
 * days). It depends only on the times, so a save can start reading it while it checks its references.
 */
export function slotsAround(db: Db, consortiumId: string, occurrences: Candidate["occurrences"], eventId?: string) {
  const live = occurrences.filter((o) => !o.cancelled);
  if (live.length === 0) return Promise.resolve([]);
  const from = new Date(Math.min(...live.map((o) => o.startsAt.getTime())) - DAY);
  const to = new Date(Math.max(...live.map((o) => o.endsAt.getTime())) + DAY);
  return slotsBetween(db, consortiumId, from, to, eventId);
}

/**
 * The three checks of a save, explained for people: the space is taken (refused), the same audience is
 * already invited at that time or that evening (allowed with a reason), the same event seems published
 * by someone else (linked or declared different). Pairs already reviewed are not raised again.
 */
export async function warningsFor(
  db: Db,
  consortiumId: string,
  c: Candidate,
  prefetched?: Promise<SlotRow[]>,
): Promise<AgendaWarnings> {
  const live = c.occurrences.filter((o) => !o.cancelled);
  const none: AgendaWarnings = { space: [], audience: [], duplicates: [] };
  if (c.status === "cancelled" || live.length === 0) return none;
  let existing = await (prefetched ?? slotsAround(db, consortiumId, live, c.eventId));
  if (c.alsoExclude) existing = existing.filter((r) => r.event_id !== c.alsoExclude);
  const self = c.eventId ?? "new";
  const mine: Slot[] = live.map((o) => ({
    eventId: self,
    originalStart: o.originalStart,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    placeId: c.placeId,
    spaceId: c.spaceId,
    audiences: c.audiences,
    status: c.status,
    allDay: c.allDay,
  }));
  const theirs = existing.map(toSlot);
  const rowOf = (slot: Slot) => (slot as Slot & { row: SlotRow }).row;

  const space = firstPerEvent(spaceConflicts<Slot>(mine, theirs).map(({ a, b }) => ({ a, b: rowOf(b) }))).map(
    ({ b, count }): Warning => ({
      kind: "space",
      explanation: `${quote(b.title)} occupe déjà cet espace le ${frenchWhen(b.starts_at, b.all_day)}${more(count)}.`,
      other: eventRef(b),
    }),
  );

  // Drafts are not in the programme yet: only the space they hold is checked.
  if (c.visibility === "draft") return { ...none, space };

  const reviewedClashes = c.eventId ? await reviewedPairs(db, consortiumId, "audience", [c.eventId]) : new Set<string>();
  const clashes = audienceClashes<Slot>(mine, theirs)
    .map(({ a, b, reason, audiences }) => ({ a, b: rowOf(b), reason, audiences }))
    .filter(({ b }) => !reviewedClashes.has(pairKey(self, b.event_id)));
  const audience = firstPerEvent(clashes).map(({ a, b, count }): Warning => {
    const clash = clashes.find((x) => x.b.event_id === b.event_id && x.a === a);
    const who = (clash?.audiences ?? []).map((k) => audienceLabelFr(k)).join(", ");
    const how = clash?.reason === "same_evening" ? "le même soir" : "au même moment";
    const where = b.place_name ? ` (${b.place_name})` : "";
    return {
      kind: "audience",
      explanation: `${quote(b.title)} s'adresse aussi au public « ${who} » ${how}, le ${frenchWhen(b.starts_at, b.all_day)}${where}${more(count)}.`,
      other: eventRef(b),
    };
  });

  const duplicates = await duplicateWarnings(db, consortiumId, c, existing);
  return { space, audience, duplicates };
}

async function duplicateWarnings(db: Db, consortiumId: string, c: Candidate, existing: SlotRow[]): Promise<Warning[]> {
  const reviewed = c.eventId ? await reviewedPairs(db, consortiumId, "duplicate", [c.eventId]) : new Set<string>();
  const self = c.eventId ?? "new";
  const others: DupCandidate[] = existing.map((r) => ({
    eventId: r.event_id,
    title: r.title,
    startsAt: r.starts_at,
    placeId: r.place_id,
    lat: r.latitude,
    lng: r.longitude,
    organizerIds: r.organizer_ids,
  }));
  const best = new Map<string, { score: number; signals: string[]; row: SlotRow }>();
  for (const o of c.occurrences.filter((x) => !x.cancelled).slice(0, DUPLICATE_OCCURRENCES)) {
    const mine: DupCandidate = {
      eventId: self,
      title: c.title,
      startsAt: o.startsAt,
      placeId: c.placeId,
      lat: c.latitude,
      lng: c.longitude,
      organizerIds: c.organizerIds,
    };
    for (const match of findDuplicates(mine, others)) {
      const other = match.candidate;
      const id = other.eventId;
      if (reviewed.has(pairKey(self, id))) continue;
      const previous = best.get(id);
      if (!previous || previous.score < match.score) {
        const row = existing.find((r) => r.event_id === id && r.starts_at.getTime() === other.startsAt.getTime());
        if (row) best.set(id, { score: match.score, signals: match.signals, row });
      }
    }
  }
  return [...best.values()]
    .sort((x, y) => y.score - x.score)
    .map(({ score, signals, row }) => ({
      kind: "duplicate",
      explanation: `${quote(row.title)}, publié par ${row.organizer_names.join(" et ") || "une autre structure"}, ressemble beaucoup à cet événement : ${signals.join(", ")}.`,
      other: eventRef(row),
      score: Math.round(score * 100) / 100,
      signals,
    }));
}

const more = (count: number) => (count > 1 ? ` (et ${count - 1} autre${count > 2 ? "s" : ""} date${count > 2 ? "s" : ""})` : "");

/** One warning per other event, on its first clashing occurrence, with the number of clashing dates. */
function firstPerEvent<T extends { a: Slot; b: SlotRow }>(pairs: T[]): Array<T & { count: number }> {
  const byEvent = new Map<string, T & { count: number }>();
  for (const pair of [...pairs].sort((x, y) => x.b.starts_at.getTime() - y.b.starts_at.getTime())) {
    const seen = byEvent.get(pair.b.event_id);
    if (seen) seen.count++;
    else byEvent.set(pair.b.event_id, { ...pair, count: 1 });
  }
  return [...byEvent.values()];
}

/** Only the probable duplicates of a candidate (the import preview flags them per row). */
export async function findDuplicatesFor(db: Db, consortiumId: string, c: Candidate): Promise<Warning[]> {
  const live = c.occurrences.filter((o) => !o.cancelled).slice(0, DUPLICATE_OCCURRENCES);
  if (live.length === 0) return [];
  const from = new Date(Math.min(...live.map((o) => o.startsAt.getTime())) - DAY);
  const to = new Date(Math.max(...live.map((o) => o.endsAt.getTime())) + DAY);
  const existing = await slotsBetween(db, consortiumId, from, to, c.eventId);
  return duplicateWarnings(db, consortiumId, c, existing);
}
