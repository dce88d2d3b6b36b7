import { clockToMinutes, type TourPlanDto, type TourPointDto } from "../../../shared/contracts/tours.ts";
import { type ItineraryPoint, type ItineraryProblem, planItinerary } from "../../../shared/rotations/itinerary.ts";
import { invalid } from "../../http/errors.ts";
import type { DayRow, TourRow } from "./tours.queries.ts";

// From stored rows to the planner's problem and back. Points are named by place id when they are places, so
// that the travel times the organiser corrected stay attached to the places whatever the day's stops become.

export const startPointId = (dayId: string) => `start:${dayId}`;
export const endPointId = (dayId: string) => `end:${dayId}`;

export interface PlanStop {
  placeId: string;
  placeName: string;
  latitude: number | null;
  longitude: number | null;
  visitMinutes: number;
  windows: Array<{ from: number; to: number }>;
}

/** The day's start and end as points; a point at a member place is named by that place's id. */
export function dayPoints(day: DayRow): { start: TourPointDto; end: TourPointDto | null } {
  const start: TourPointDto = {
    id: day.startPlaceId ?? startPointId(day.id),
    placeId: day.startPlaceId,
    label: day.startLabel,
    latitude: day.startLat,
    longitude: day.startLon,
  };
  const end: TourPointDto | null =
    day.endLabel === null || day.endLat === null || day.endLon === null
      ? null
      : {
          id: day.endPlaceId ?? endPointId(day.id),
          placeId: day.endPlaceId,
          label: day.endLabel,
          latitude: day.endLat,
          longitude: day.endLon,
        };
  return { start, end };
}

const asPoint = (p: TourPointDto): ItineraryPoint => ({ id: p.id, label: p.label, lat: p.latitude, lon: p.longitude });

/**
 * Orders the day's stops. A stop at a place without coordinates can only be planned when the organiser gave its
 * travel times; otherwise the answer is a 422 on that stop, since no route can be computed.
 */
export function planDay(
  tour: Pick<TourRow, "roadFactor" | "speedKmh" | "travelMatrix">,
  day: Pick<DayRow, "startMinutes" | "endBy">,
  points: { start: TourPointDto; end: TourPointDto | null },
  stops: PlanStop[],
): TourPlanDto | null {
  if (stops.length === 0) return null;
  const problem: ItineraryProblem = {
    start: asPoint(points.start),
    end: points.end ? asPoint(points.end) : undefined,
    startMinutes: day.startMinutes,
    endBy: day.endBy ?? undefined,
    stops: stops.map((s) => ({
      id: s.placeId,
      label: s.placeName,
      lat: s.latitude ?? undefined,
      lon: s.longitude ?? undefined,
      visitMinutes: s.visitMinutes,
      windows: s.windows.length ? s.windows : undefined,
    })),
    travel: { roadFactor: tour.roadFactor, speedKmh: tour.speedKmh, matrix: tour.travelMatrix },
  };
  let result: ReturnType<typeof planItinerary>;
  try {
    result = planItinerary(problem);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const index = stops.findIndex((s) => s.latitude === null || s.longitude === null);
    const lost = stops[index];
    throw invalid(
      {
        [index >= 0 ? `stops.${index}.placeId` : "stops"]: lost
          ? `${lost.placeName} n'est pas placé sur la carte : placez-le dans l'annuaire ou saisissez ses temps de trajet.`
          : "Temps de trajet manquants.",
      },
      "L'itinéraire ne peut pas être calculé.",
    );
  }
  if (!result.ok) {
    return {
      ok: false,
      method: result.method,
      proven: result.proven,
      infeasible: result.infeasible as unknown as Record<string, unknown>,
    };
  }
  return {
    ok: true,
    method: result.method,
    legs: result.legs,
    totalTravel: result.totalTravel,
    totalWait: result.totalWait,
    totalVisit: result.totalVisit,
    endMinutes: result.endMinutes,
  };
}

export const windowsToMinutes = (windows: Array<{ from: string; to: string }>) =>
  windows.map((w) => ({ from: clockToMinutes(w.from), to: clockToMinutes(w.to) }));
