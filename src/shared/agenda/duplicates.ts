// Probable duplicates: the same event published twice, by two organisations or by an import. The score is a
// product of three factors, so that one strong reason against (days apart, towns apart) outweighs the rest:
//   score = title similarity × day factor × place factor
// and a pair is shown from DUPLICATE_THRESHOLD on.

import { daysBetween, parisDate } from "./time.ts";

export interface DupCandidate {
  eventId: string;
  title: string;
  startsAt: Date;
  placeId: string | null;
  lat: number | null;
  lng: number | null;
  organizerIds: string[];
}

export interface DuplicateMatch {
  candidate: DupCandidate;
  score: number;
  signals: string[];
}
export interface DuplicatePair {
  a: DupCandidate;
  b: DupCandidate;
  score: number;
  signals: string[];
}

export const DUPLICATE_THRESHOLD = 0.6;

/** Day factor: the same Paris day, or the next or previous one (a date typed wrong, an event past midnight). */
export const DAY_FACTOR = { sameDay: 1, adjacentDay: 0.75 } as const;
/**
 * Place factor: the same place, places within 5 km (from 1 at 200 m down to 0.75 at 5 km), a place unknown for
 * one of the two, or places further apart, where a similar title is usually the same format run in two towns.
 */
export const PLACE_FACTOR = { samePlace: 1, near: 1, nearLimit: 0.75, unknown: 0.8, far: 0.3 } as const;
export const NEAR_KM = 5;
const SAME_SPOT_KM = 0.2;

// ---------------------------------------------------------------- titles

/** Lower case, accents removed, punctuation to spaces, spaces collapsed: "L'Atelier  Vélo !" → "l atelier velo". */
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Words that say nothing about which event it is. */
const STOP_WORDS = new Set(
  "a au aux avec c d de des du en et l la le les ou par pour s sur un une the of and for at in on to with".split(" "),
);

/** A crude French stem: plural -s and -x go, so "vélos" meets "vélo" and "jeux" meets "jeu". */
const stem = (word: string) => (word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word);

/** Trigrams as pg_trgm makes them: each word padded with two spaces before and one after. */
function trigrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The highest similarity of two titles whose normalised forms differ. */
const DIFFERENT_TITLES_MAX = 0.95;

interface TitleKey {
  normalized: string;
  all: Set<string>;
  content: Set<string>;
  words: Set<string>;
}

function titleKey(title: string): TitleKey {
  const normalized = normalizeTitle(title);
  const words = normalized.split(" ").filter(Boolean);
  const content = words.filter((w) => !STOP_WORDS.has(w)).map(stem);
  return { normalized, all: trigrams(words), content: trigrams(content), words: new Set(content) };
}

function similarity(a: TitleKey, b: TitleKey): number {
  if (a.normalized === b.normalized) return a.normalized === "" ? 0 : 1;
  // pg_trgm similarity on the whole title, or the average of trigram similarity and shared words once the small
  // words are dropped and plurals folded: "Atelier réparation vélo" ≈ "Atelier de réparation de vélos".
  const whole = jaccard(a.all, b.all);
  const content = (jaccard(a.content, b.content) + dice(a.words, b.words)) / 2;
  // Only the same words make 1: titles that differ by small words or plurals stay just below.
  return Math.min(DIFFERENT_TITLES_MAX, Math.max(whole, content));
}

/** Similarity of two titles in [0, 1] (1 for the same normalised words). Symmetric. */
export function titleSimilarity(a: string, b: string): number {
  return similarity(titleKey(a), titleKey(b));
}

// ---------------------------------------------------------------- places

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const km = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const percent = (x: number) => `${Math.round(x * 100)} %`;

// Signals are built only for the pairs kept: formatting costs more than scoring.
function placeFactor(a: DupCandidate, b: DupCandidate): { factor: number; signal: () => string } {
  if (a.placeId !== null && a.placeId === b.placeId) return { factor: PLACE_FACTOR.samePlace, signal: () => "même lieu" };
  if (a.lat !== null && a.lng !== null && b.lat !== null && b.lng !== null) {
    const d = distanceKm({ lat: a.lat, lng: a.lng }, { lat: b.lat, lng: b.lng });
    if (d <= SAME_SPOT_KM) return { factor: PLACE_FACTOR.near, signal: () => "lieux à la même adresse" };
    if (d <= NEAR_KM) {
      const t = (d - SAME_SPOT_KM) / (NEAR_KM - SAME_SPOT_KM);
      return {
        factor: PLACE_FACTOR.near - t * (PLACE_FACTOR.near - PLACE_FACTOR.nearLimit),
        signal: () => `lieux à ${km.format(d)} km`,
      };
    }
    return { factor: PLACE_FACTOR.far, signal: () => `lieux éloignés (${km.format(d)} km)` };
  }
  return { factor: PLACE_FACTOR.unknown, signal: () => "lieu non comparable" };
}

function titleSignal(t: number): string {
  if (t === 1) return "même titre";
  if (t >= 0.8) return `titre très proche (${percent(t)})`;
  if (t >= 0.5) return `titre proche (${percent(t)})`;
  return `titres différents (${percent(t)})`;
}

const sharesOrganizer = (a: DupCandidate, b: DupCandidate) => a.organizerIds.some((id) => b.organizerIds.includes(id));

/** A candidate with what the comparisons need computed once. */
interface Prepared {
  c: DupCandidate;
  key: TitleKey;
  /** The Paris day, as a number of days since 1970-01-01. */
  day: number;
}

function prepare(c: DupCandidate, keys: Map<string, TitleKey>): Prepared {
  let key = keys.get(c.title);
  if (!key) {
    key = titleKey(c.title);
    keys.set(c.title, key);
  }
  return { c, key, day: daysBetween("1970-01-01", parisDate(c.startsAt)) };
}

const NONE = { score: 0, signals: [] as string[] };

/** The score of a pair, or NONE when it is below `floor` (checked before the costlier title comparison). */
function score(x: Prepared, y: Prepared, floor = 0): { score: number; signals: string[] } {
  const [a, b] = [x.c, y.c];
  const organizer = sharesOrganizer(a, b);
  // The same organisation at the same place twice is a series or a rerun, never a duplicate to merge.
  if (organizer && a.placeId !== null && a.placeId === b.placeId) return NONE;
  const apart = Math.abs(x.day - y.day);
  if (apart > 1) return NONE;
  const place = placeFactor(a, b);
  const day = apart === 0 ? DAY_FACTOR.sameDay : DAY_FACTOR.adjacentDay;
  if (day * place.factor < floor) return NONE;
  const t = similarity(x.key, y.key);
  const total = t * day * place.factor;
  if (total < floor) return NONE;
  const signals = [titleSignal(t), apart === 0 ? "même jour" : "à un jour d'écart", place.signal()];
  if (organizer) signals.push("même structure organisatrice");
  return { score: total, signals };
}

/**
 * How likely two occurrences are the same event, in [0, 1], with the signals that made the score as short French
 * phrases ("titre très proche (87 %)", "même jour", "lieux à 1,2 km"). Symmetric. Occurrences more than one
 * Paris day apart, and events of the same organisation at the same place (a series), score 0.
 */
export function duplicateScore(a: DupCandidate, b: DupCandidate): { score: number; signals: string[] } {
  const keys = new Map<string, TitleKey>();
  return score(prepare(a, keys), prepare(b, keys));
}

const byScore = (x: { score: number; startsAt: Date; eventId: string }, y: { score: number; startsAt: Date; eventId: string }) =>
  y.score - x.score ||
  x.startsAt.getTime() - y.startsAt.getTime() ||
  (x.eventId < y.eventId ? -1 : x.eventId > y.eventId ? 1 : 0);

/** The existing occurrences that probably duplicate the candidate, best first (other events only). */
export function findDuplicates(
  candidate: DupCandidate,
  existing: DupCandidate[],
  threshold = DUPLICATE_THRESHOLD,
): DuplicateMatch[] {
  const keys = new Map<string, TitleKey>();
  const mine = prepare(candidate, keys);
  const out: DuplicateMatch[] = [];
  for (const other of existing) {
    if (other.eventId === candidate.eventId) continue;
    const found = score(mine, prepare(other, keys), threshold);
    if (found.score > 0 && found.score >= threshold) out.push({ candidate: other, ...found });
  }
  return out.sort((x, y) => byScore({ ...x.candidate, score: x.score }, { ...y.candidate, score: y.score }));
}

/**
 * Probable duplicates within one list, for the programme health page: occurrences are grouped by Paris day and
 * compared with their own day and the next one only, since further apart they score 0. One pair per pair of
 * events (its best-scoring occurrences), best first; `a` starts first.
 */
export function duplicatePairs(list: DupCandidate[], threshold = DUPLICATE_THRESHOLD): DuplicatePair[] {
  const byDay = new Map<number, Prepared[]>();
  const keys = new Map<string, TitleKey>();
  for (const c of list) {
    const p = prepare(c, keys);
    const bucket = byDay.get(p.day) ?? [];
    bucket.push(p);
    byDay.set(p.day, bucket);
  }
  const best = new Map<string, DuplicatePair>();
  const compare = (x: Prepared, y: Prepared) => {
    if (x.c.eventId === y.c.eventId) return;
    const found = score(x, y, threshold);
    if (found.score === 0 || found.score < threshold) return;
    const [a, b] = x.c.startsAt <= y.c.startsAt ? [x.c, y.c] : [y.c, x.c];
    const pairKey = a.eventId < b.eventId ? `${a.eventId}|${b.eventId}` : `${b.eventId}|${a.eventId}`;
    const previous = best.get(pairKey);
    if (!previous || found.score > previous.score || (found.score === previous.score && a.startsAt < previous.a.startsAt)) {
      best.set(pairKey, { a, b, ...found });
    }
  };
  for (const [day, bucket] of byDay) {
    for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) compare(bucket[i], bucket[j]);
    const next = byDay.get(day + 1) ?? [];
    for (const x of bucket) for (const y of next) compare(x, y);
  }
  return [...best.values()].sort(
    (x, y) =>
      byScore({ ...x.a, score: x.score }, { ...y.a, score: y.score }) ||
      (x.b.eventId < y.b.eventId ? -1 : x.b.eventId > y.b.eventId ? 1 : 0),
  );
}
