import type { z } from "zod";
import { addDays, daysBetween, parisWallToInstant } from "../../../shared/agenda/time.ts";
import type { AgendaWindowDto, AgendaWindowQuery } from "../../../shared/contracts/agenda.ts";
import { LIMITS } from "../../../shared/limits.ts";
import type { Db } from "../../db/client.ts";
import type { Ctx } from "../../http/auth.ts";
import { invalid } from "../../http/errors.ts";
import { draftViewer } from "../../policies/agenda.ts";
import { agendaCache, type CachedBody } from "./agenda.cache.ts";
import { presentOccurrence } from "./agenda.presenter.ts";
import { agendaPlaces, type DraftScope, windowOccurrences } from "./agenda.queries.ts";

type WindowQuery = z.output<typeof AgendaWindowQuery>;

/** [from 00:00, the day after `to` 00:00) in Paris, refusing reversed or oversized windows. */
export function windowBounds(from: string, to: string) {
  if (to < from) throw invalid({ to: "La fin de la période précède son début" });
  if (daysBetween(from, to) > LIMITS.windowDays) throw invalid({ to: `Une période de ${LIMITS.windowDays} jours au plus` });
  return { start: parisWallToInstant(from) as Date, end: parisWallToInstant(addDays(to, 1)) as Date };
}

export async function placesWithColors(db: Db, consortiumId: string) {
  const rows = await agendaPlaces(db, consortiumId);
  return rows.map((p, index) => ({ id: p.id, slug: p.slug, name: p.name, color: index }));
}

/**
 * The calendar's window, as JSON text: built once per (query, what the reader may see of drafts) and agenda
 * version, then served from memory until the agenda changes.
 */
export async function agendaWindow(ctx: Ctx, query: WindowQuery): Promise<CachedBody> {
  const { start, end } = windowBounds(query.from, query.to);
  const drafts: DraftScope = draftViewer(ctx.actor);
  const key = `window:${JSON.stringify([query, drafts])}`;
  return agendaCache.get(ctx.db, ctx.consortium.id, key, async () => {
    const rows = await windowOccurrences(ctx.db, ctx.consortium.id, start, end, query, drafts);
    const dto: AgendaWindowDto = {
      from: query.from,
      to: query.to,
      items: rows.map(presentOccurrence),
      places: await placesWithColors(ctx.db, ctx.consortium.id),
    };
    return JSON.stringify(dto);
  });
}
