import { minutesToClock, type RegistrationListDto, type TourDto, type TourSummaryDto } from "../../../shared/contracts/tours.ts";
import type { Ctx } from "../../http/auth.ts";
import { abilitiesFor } from "../../policies/index.ts";
import { tourPolicy } from "../../policies/tours.ts";
import { dayPoints } from "./tours.plan.ts";
import type { DayRow, RegistrationRow, StopWithPlace, TourRow } from "./tours.queries.ts";

/** Where guests sign up: only a public tour has a page. */
export const publicPath = (slug: string, tour: Pick<TourRow, "id" | "visibility">) =>
  tour.visibility === "public" ? `/tournees/${encodeURIComponent(slug)}/${tour.id}` : null;

export function presentSummary(
  tour: TourRow,
  extra: {
    organizerName: string;
    dates: string[];
    rotationName: string | null;
    seats: { confirmed: number; waitlisted: number };
  },
): TourSummaryDto {
  return {
    id: tour.id,
    name: tour.name,
    organizerName: extra.organizerName,
    dates: extra.dates,
    rotationName: extra.rotationName,
    visibility: tour.visibility,
    seats: { capacity: tour.capacity, ...extra.seats },
  };
}

export function presentTour(
  ctx: Ctx,
  data: {
    tour: TourRow;
    days: DayRow[];
    stops: StopWithPlace[];
    seats: { confirmed: number; waitlisted: number };
    organizerName: string;
    rotation: { id: string; name: string; date: string } | null;
  },
): TourDto {
  const { tour } = data;
  const abilities = abilitiesFor(tourPolicy, ctx.actor, tour);
  return {
    id: tour.id,
    name: tour.name,
    description: tour.description,
    organizerId: tour.organizerId,
    organizerName: data.organizerName,
    rotation: data.rotation,
    capacity: tour.capacity,
    signupOpen: tour.signupOpen,
    visibility: tour.visibility,
    travel: { roadFactor: tour.roadFactor, speedKmh: tour.speedKmh, matrix: tour.travelMatrix },
    days: data.days.map((d) => ({
      id: d.id,
      date: d.date,
      startTime: minutesToClock(d.startMinutes),
      endBy: d.endBy === null ? null : minutesToClock(d.endBy),
      ...dayPoints(d),
      stops: data.stops
        .filter((s) => s.stop.dayId === d.id)
        .map((s) => ({
          id: s.stop.id,
          placeId: s.stop.placeId,
          placeName: s.placeName,
          organizationName: s.organizationName,
          latitude: s.latitude,
          longitude: s.longitude,
          visitMinutes: s.stop.visitMinutes,
          windows: s.stop.windows.map((w) => ({ from: minutesToClock(w.from), to: minutesToClock(w.to) })),
          note: s.stop.note,
        })),
      plan: (d.plan as TourDto["days"][number]["plan"]) ?? null,
      abilities: { update: abilities.compose ?? false, delete: abilities.compose ?? false },
    })),
    seats: { capacity: tour.capacity, ...data.seats },
    publicPath: publicPath(ctx.consortium.slug, tour),
    abilities,
  };
}

export function presentRegistrations(ctx: Ctx, tour: TourRow, rows: RegistrationRow[]): RegistrationListDto {
  const canManage = tourPolicy.manageRegistrations(ctx.actor, tour);
  let waiting = 0;
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      organization: r.organization,
      category: r.category,
      status: r.status,
      position: r.status === "waitlisted" ? ++waiting : null,
      createdAt: r.createdAt.toISOString(),
      abilities: { cancel: canManage && r.status !== "cancelled" },
    })),
  };
}
