import { eq } from "drizzle-orm";
import type { z } from "zod";
import { balanceMatrix, weekStarts } from "../../../shared/agenda/balance.ts";
import { audienceClashPairs, type Slot } from "../../../shared/agenda/clash.ts";
import { type DupCandidate, duplicatePairs } from "../../../shared/agenda/duplicates.ts";
import { AUDIENCE_LABELS_FR, audienceLabelFr } from "../../../shared/agenda/labels.ts";
import { type ExistingSlot, suggestSlots } from "../../../shared/agenda/suggest.ts";
import { addDays, daysBetween, parisDate } from "../../../shared/agenda/time.ts";
import type { BalanceDto, BalanceQuery, HealthDto, SuggestInput } from "../../../shared/contracts/agenda.ts";
import { EVENT_AUDIENCES } from "../../../shared/vocabulary.ts";
import { eventReviews } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { invalid } from "../../http/errors.ts";
import { agendaPolicy } from "../../policies/agenda.ts";
import { eventRef, frenchWhen } from "./agenda.presenter.ts";
import * as q from "./agenda.queries.ts";
import { windowBounds } from "./window.service.ts";

const quote = (title: string) => `« ${title} »`;

/** What the reader may do about a pair, so the page offers only the actions the server will accept. */
function pairAbilities(ctx: Ctx, a: q.SlotRow, b: q.SlotRow) {
  const pair: [{ organizerIds: string[] }, { organizerIds: string[] }] = [
    { organizerIds: a.organizer_ids },
    { organizerIds: b.organizer_ids },
  ];
  return { review: agendaPolicy.review(ctx.actor, pair), merge: agendaPolicy.merge(ctx.actor, pair) };
}

/**
 * Every open audience clash and probable duplicate of the coming months: what the warnings at save time
 * would say, for events already published (by hand, by import, before a rule changed), minus the pairs
 * somebody already answered.
 */
export async function programmeHealth(ctx: Ctx, months: number): Promise<HealthDto> {
  const fromDay = parisDate(ctx.now);
  const toDay = addDays(fromDay, Math.round(months * 30.5));
  const { start, end } = windowBounds(fromDay, toDay);
  const rows = await q.slotsBetween(ctx.db, ctx.consortium.id, start, end);
  const reviews = await ctx.db.select().from(eventReviews).where(eq(eventReviews.consortiumId, ctx.consortium.id));
  const reviewed = new Set(reviews.map((r) => `${r.kind}|${r.eventA}|${r.eventB}`));
  const isReviewed = (kind: string, a: string, b: string) => reviewed.has(`${kind}|${q.pairKey(a, b)}`);

  const slots = rows.map((row) => ({
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
  }));
  const rowOf = (s: Slot) => (s as (typeof slots)[number]).row;
  const clashes = audienceClashPairs(slots)
    .filter(({ a, b }) => !isReviewed("audience", a.eventId, b.eventId))
    .map(({ a, b, reason, audiences }) => {
      const [ra, rb] = [rowOf(a), rowOf(b)];
      const who = audiences.map((k) => audienceLabelFr(k)).join(", ");
      const how = reason === "same_evening" ? "le même soir" : "au même moment";
      return {
        abilities: pairAbilities(ctx, ra, rb),
        kind: "audience" as const,
        explanation: `${quote(ra.title)} et ${quote(rb.title)} s'adressent au public « ${who} » ${how}, le ${frenchWhen(ra.starts_at, ra.all_day)}.`,
        a: eventRef(ra),
        b: eventRef(rb),
      };
    });

  const byKey = new Map(rows.map((r) => [`${r.event_id}|${r.starts_at.getTime()}`, r]));
  const candidates: DupCandidate[] = rows.map((r) => ({
    eventId: r.event_id,
    title: r.title,
    startsAt: r.starts_at,
    placeId: r.place_id,
    lat: r.latitude,
    lng: r.longitude,
    organizerIds: r.organizer_ids,
  }));
  const seen = new Set<string>();
  const duplicates: HealthDto["duplicates"] = [];
  for (const pair of duplicatePairs(candidates)) {
    const key = q.pairKey(pair.a.eventId, pair.b.eventId);
    if (seen.has(key) || isReviewed("duplicate", pair.a.eventId, pair.b.eventId)) continue;
    seen.add(key);
    const ra = byKey.get(`${pair.a.eventId}|${pair.a.startsAt.getTime()}`);
    const rb = byKey.get(`${pair.b.eventId}|${pair.b.startsAt.getTime()}`);
    if (!ra || !rb) continue;
    duplicates.push({
      abilities: pairAbilities(ctx, ra, rb),
      kind: "duplicate",
      explanation: `${quote(ra.title)} (${ra.organizer_names.join(", ")}) et ${quote(rb.title)} (${rb.organizer_names.join(", ")}) semblent être le même événement : ${pair.signals.join(", ")}.`,
      a: eventRef(ra),
      b: eventRef(rb),
      score: Math.round(pair.score * 100) / 100,
      signals: pair.signals,
    });
  }
  duplicates.sort((x, y) => (y.score ?? 0) - (x.score ?? 0));
  // Two copies of one event clash with each other by nature: they are shown once, as a duplicate.
  const openClashes = clashes.filter(({ a, b }) => !seen.has(q.pairKey(a.eventId, b.eventId)));
  return { from: fromDay, to: toDay, clashes: openClashes, duplicates };
}

export async function balance(ctx: Ctx, query: z.output<typeof BalanceQuery>): Promise<BalanceDto> {
  const { start, end } = windowBounds(query.from, query.to);
  if (daysBetween(query.from, query.to) > 190) throw invalid({ to: "Six mois au plus" });
  const rows = await q.slotsBetween(ctx.db, ctx.consortium.id, start, end);
  const weeks = weekStarts(query.from, query.to);
  let keys: Array<{ key: string; label: string }>;
  let keysOf: (r: q.SlotRow) => string[];
  if (query.dimension === "place") {
    keys = (await q.agendaPlaces(ctx.db, ctx.consortium.id)).map((p) => ({ key: p.id, label: p.name }));
    keysOf = (r) => (r.place_id ? [r.place_id] : []);
  } else if (query.dimension === "audience") {
    keys = EVENT_AUDIENCES.map((a) => ({ key: a, label: AUDIENCE_LABELS_FR[a] }));
    keysOf = (r) => r.audiences;
  } else {
    const counts = new Map<string, number>();
    for (const r of rows) for (const t of r.themes) counts.set(t, (counts.get(t) ?? 0) + 1);
    keys = [...counts.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], "fr"))
      .slice(0, 20)
      .map(([t]) => ({ key: t, label: t }));
    keysOf = (r) => r.themes;
  }
  const matrix = balanceMatrix(
    rows.map((r) => ({ startsAt: r.starts_at, keys: keysOf(r) })),
    weeks,
    keys,
  );
  return { dimension: query.dimension, weeks, ...matrix };
}

export async function suggest(ctx: Ctx, input: z.output<typeof SuggestInput>) {
  if (daysBetween(input.from, input.to) > 92) throw invalid({ to: "Trois mois au plus" });
  const { start, end } = windowBounds(input.from, input.to);
  const place = await q.findPlaceWithOrg(ctx.db, ctx.consortium.id, input.placeId);
  if (!place) throw invalid({ placeId: "Lieu introuvable dans ce consortium" });
  if (input.spaceId) {
    const space = await q.findSpace(ctx.db, ctx.consortium.id, input.spaceId);
    if (!space || space.placeId !== place.id) throw invalid({ spaceId: "Cet espace n'appartient pas au lieu choisi" });
  }
  // The load of the whole weeks around the window counts, not only the days asked for.
  const rows = await q.slotsBetween(
    ctx.db,
    ctx.consortium.id,
    new Date(start.getTime() - 7 * 864e5),
    new Date(end.getTime() + 7 * 864e5),
  );
  const existing: ExistingSlot[] = rows.map((r) => ({
    eventId: r.event_id,
    originalStart: r.original_start,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    placeId: r.place_id,
    spaceId: r.space_id,
    audiences: r.audiences,
    status: r.status,
    themes: r.themes,
  }));
  const days: string[] = [];
  for (let d = input.from; d <= input.to; d = addDays(d, 1)) days.push(d);
  const suggestions = suggestSlots(
    {
      audience: input.audience,
      theme: input.theme,
      placeId: input.placeId,
      spaceId: input.spaceId ?? null,
      days,
      startTimes: input.startTimes ?? [],
      durationMinutes: input.durationMinutes,
    },
    existing,
    input.limit,
  );
  return {
    suggestions: suggestions.map((s) => ({
      start: s.start,
      end: s.end,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      score: Math.round(s.score * 100) / 100,
      reasons: s.reasons,
    })),
  };
}
