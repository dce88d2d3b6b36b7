import type { TourPlanDto, TourPointDto, TourStopDto } from "../../../../shared/contracts/tours.ts";
import { formatDateEn, formatDateFr, formatTimeEn, formatTimeFr } from "../../../../shared/rotations/labels.ts";
import type { RoutePoint } from "../components/ItineraryMap.tsx";

/** What both the organiser's page and the public page show of a day. */
export interface RouteDay {
  date: string;
  startTime: string;
  start: TourPointDto;
  end: TourPointDto | null;
  stops: Array<Omit<TourStopDto, "note"> & { note?: string | null }>;
  plan: TourPlanDto | null;
}

export const clock = (minutes: number, lang: string) => (lang === "en" ? formatTimeEn(minutes) : formatTimeFr(minutes));
export const dayTitle = (date: string, lang: string) => (lang === "en" ? formatDateEn(date) : formatDateFr(date));

/**
 * The points of the map in visiting order, and whether to draw the route: only a planned day has one. A round
 * trip has no end marker (it would cover the start); its line comes back to the start.
 */
export function routePoints(day: RouteDay, lang: string): { points: RoutePoint[]; route: "none" | "open" | "loop" } {
  const start: RoutePoint = {
    id: "start",
    label: day.start.label,
    latitude: day.start.latitude,
    longitude: day.start.longitude,
    kind: "start",
  };
  const endPoint = day.end ?? day.start;
  const end: RoutePoint = {
    id: "end",
    label: endPoint.label,
    latitude: endPoint.latitude,
    longitude: endPoint.longitude,
    kind: "end",
  };
  const byPlace = new Map(day.stops.map((s) => [s.placeId, s]));
  const planned = day.plan?.ok === true;
  const ordered =
    day.plan?.ok === true
      ? day.plan.legs.flatMap((leg) => {
          const stop = leg.kind === "stop" ? byPlace.get(leg.id) : undefined;
          return stop
            ? [{ stop, time: `${clock(leg.visitStart, lang)}–${clock(leg.departure, lang)}` as string | undefined }]
            : [];
        })
      : day.stops.map((stop) => ({ stop, time: undefined as string | undefined }));
  const stops: RoutePoint[] = ordered.flatMap(({ stop, time }, i) =>
    stop.latitude === null || stop.longitude === null
      ? []
      : [
          {
            id: stop.placeId,
            label: stop.placeName,
            latitude: stop.latitude,
            longitude: stop.longitude,
            kind: "stop" as const,
            rank: i + 1,
            time,
          },
        ],
  );
  if (!planned) return { points: [start, ...stops], route: "none" };
  return day.end ? { points: [start, ...stops, end], route: "open" } : { points: [start, ...stops], route: "loop" };
}

/** "39 min", "3 h", "1 h 15" (fr); "39 min", "3 h", "1 h 15 min" (en). */
export function duration(minutes: number, lang: string): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 0) return `${h} h`;
  return lang === "en" ? `${h} h ${m} min` : `${h} h ${String(m).padStart(2, "0")}`;
}

/** "09:30" → "9 h 30" or "9:30". */
export const clockText = (hhmm: string, lang: string) => clock(Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), lang);
