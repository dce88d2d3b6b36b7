// "Suggest a date": the slots where a new event would fit best. Hard rules first (never the requested space
// while it is taken, never a clash with an event for the same audience), then a score that evens out the load
// of the programme, explained in short French sentences.

import { audienceClashes, EVENING_STARTS, isAllDay, type Slot, spaceConflicts } from "./clash.ts";
import { normalizeTitle } from "./duplicates.ts";
import { audienceLabelFr } from "./labels.ts";
import {
  addDays,
  floatingToInstant,
  floatingToInstantForward,
  instantToParisWall,
  mondayOf,
  parisDate,
  parseFloating,
} from "./time.ts";

export interface SuggestRequest {
  audience: string;
  theme?: string;
  placeId: string;
  spaceId?: string | null;
  /** Candidate days, "YYYY-MM-DD". */
  days: string[];
  /** Candidate start times, "HH:mm" in Paris; DEFAULT_START_TIMES when empty. */
  startTimes: string[];
  durationMinutes: number;
}
export interface ExistingSlot extends Slot {
  themes: string[];
}
export interface Suggestion {
  /** Paris wall times, "YYYY-MM-DDTHH:mm", as the event form takes them. */
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  /** In [0, 1]: higher is a better-balanced programme. */
  score: number;
  reasons: string[];
}

/** Morning, afternoon and evening. */
export const DEFAULT_START_TIMES = ["10:00", "14:00", "18:30"];

/**
 * Weights of the score, which add up to 1. Each part is k / (k + n) for n events, 1 when there are none:
 * - week: the consortium's occurrences that week, with k the average over the weeks considered, so that an
 *   ordinary week scores ½ whatever the size of the network;
 * - place: the place's occurrences that week (k = 2);
 * - theme: occurrences for the same audience on the same theme that week (k = ½; 1 when no theme is given);
 * - day: occurrences for the same audience, and at the place, on that day (k = 1), to spread across days.
 */
export const SUGGEST_WEIGHTS = { week: 0.3, place: 0.25, theme: 0.2, day: 0.25 } as const;

const ease = (n: number, k: number) => k / (k + n);
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;
const CANDIDATE_ID = "\u0000suggestion";

function bump(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * The best slots for a new event among every requested day × start time (Paris wall time; times that do not
 * exist that day are skipped). A slot is never proposed when it takes the requested space while it is taken, or
 * when an event for the same audience overlaps it or shares its evening (the rules of clash.ts). The rest are
 * scored (SUGGEST_WEIGHTS) and the best kept, one per day first so that the list offers different days; the
 * result is ordered by score, then earliest first.
 */
export function suggestSlots(req: SuggestRequest, existing: ExistingSlot[], limit = 5): Suggestion[] {
  const times = req.startTimes.length > 0 ? req.startTimes : DEFAULT_START_TIMES;
  const theme = req.theme ? normalizeTitle(req.theme) : "";
  const label = audienceLabelFr(req.audience);

  // The load around the candidates, counted once.
  const perWeek = new Map<string, number>();
  const placePerWeek = new Map<string, number>();
  const placePerDay = new Map<string, number>();
  const audiencePerDay = new Map<string, number>();
  const audienceAllDay = new Set<string>();
  const themePerWeek = new Map<string, number>();
  for (const s of existing) {
    if (s.status === "cancelled") continue;
    const day = parisDate(s.startsAt);
    const week = mondayOf(day);
    bump(perWeek, week);
    if (s.placeId === req.placeId) {
      bump(placePerWeek, week);
      bump(placePerDay, day);
    }
    if (s.audiences.includes(req.audience)) {
      bump(audiencePerDay, day);
      // All-day events do not block a slot (clash.ts) but do fill the day: they are remembered for the reasons.
      if (s.allDay ?? isAllDay(s)) for (let d = day; d < parisDate(s.endsAt); d = addDays(d, 1)) audienceAllDay.add(d);
      if (theme && s.themes.some((t) => normalizeTitle(t) === theme)) bump(themePerWeek, week);
    }
  }

  const candidates: Array<Slot & { start: string; end: string; day: string }> = [];
  for (const day of [...new Set(req.days)].sort()) {
    for (const time of [...new Set(times)].sort()) {
      const floating = parseFloating(`${day}T${time}`);
      if (floating === null || !/^\d{2}:\d{2}$/.test(time)) continue;
      const startsAt = floatingToInstant(floating);
      if (!startsAt) continue;
      // The length is kept on the clock: 18:30 for two hours ends at 20:30 even on the night of a change.
      const endsAt = floatingToInstantForward(floating + req.durationMinutes * 60_000);
      candidates.push({
        eventId: CANDIDATE_ID,
        originalStart: startsAt,
        startsAt,
        endsAt,
        placeId: req.placeId,
        spaceId: req.spaceId ?? null,
        audiences: [req.audience],
        status: "confirmed",
        allDay: false,
        start: instantToParisWall(startsAt),
        end: instantToParisWall(endsAt),
        day,
      });
    }
  }

  const refused = new Set<Slot>();
  if (req.spaceId) for (const { a } of spaceConflicts<Slot>(candidates, existing)) refused.add(a);
  for (const { a } of audienceClashes<Slot>(candidates, existing)) refused.add(a);
  const open = candidates.filter((c) => !refused.has(c));

  const weeks = [...new Set(open.map((c) => mondayOf(c.day)))];
  const usualWeek = Math.max(1, weeks.reduce((s, w) => s + (perWeek.get(w) ?? 0), 0) / Math.max(1, weeks.length));

  const scored: Suggestion[] = open.map((c) => {
    const week = mondayOf(c.day);
    const inWeek = perWeek.get(week) ?? 0;
    const placeWeek = placePerWeek.get(week) ?? 0;
    const placeDay = placePerDay.get(c.day) ?? 0;
    const audienceDay = audiencePerDay.get(c.day) ?? 0;
    const sameTheme = theme ? (themePerWeek.get(week) ?? 0) : 0;
    const score =
      SUGGEST_WEIGHTS.week * ease(inWeek, usualWeek) +
      SUGGEST_WEIGHTS.place * ease(placeWeek, 2) +
      SUGGEST_WEIGHTS.theme * ease(sameTheme, 0.5) +
      SUGGEST_WEIGHTS.day * ease(audienceDay + placeDay, 1);

    const reasons: string[] = [];
    if (c.start.slice(11) >= EVENING_STARTS) reasons.push(`aucun autre événement « ${label} » ce soir-là`);
    else if (audienceDay === 0) reasons.push(`aucun autre événement « ${label} » ce jour-là`);
    else if (!audienceAllDay.has(c.day)) reasons.push(`aucun autre événement « ${label} » à cette heure-là`);
    if (inWeek === 0) reasons.push("aucun autre événement cette semaine");
    else if (inWeek <= usualWeek) reasons.push(`semaine peu chargée : ${plural(inWeek, "événement")}`);
    if (placeDay === 0) reasons.push("le lieu n'a rien ce jour-là");
    if (theme && sameTheme === 0) reasons.push(`pas d'autre « ${req.theme!.trim()} » pour ce public cette semaine`);
    if (reasons.length === 0) reasons.push(req.spaceId ? "l'espace demandé est libre" : "aucun conflit avec le programme");
    return { start: c.start, end: c.end, startsAt: c.startsAt, endsAt: c.endsAt, score, reasons };
  });

  const order = (x: Suggestion, y: Suggestion) => y.score - x.score || x.startsAt.getTime() - y.startsAt.getTime();
  scored.sort(order);
  // Different days first: five slots on the same quiet Tuesday are one suggestion, not five.
  const picked: Suggestion[] = [];
  const days = new Set<string>();
  for (const s of scored) {
    if (picked.length >= limit) break;
    if (days.has(s.start.slice(0, 10))) continue;
    days.add(s.start.slice(0, 10));
    picked.push(s);
  }
  for (const s of scored) {
    if (picked.length >= limit) break;
    if (!picked.includes(s)) picked.push(s);
  }
  return picked.sort(order);
}
