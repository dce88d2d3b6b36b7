import { parisWeekday } from "../../../../shared/agenda/time.ts";
import type { PlaceDto } from "../../../../shared/contracts/directory.ts";
import type { TourDayDto, TourDayInput, TourPointInput } from "../../../../shared/contracts/tours.ts";

let counter = 0;
const key = () => `k${++counter}`;

export interface PointValues {
  mode: "place" | "other";
  placeId: string;
  label: string;
  latitude: string;
  longitude: string;
}
export interface WindowValues {
  key: string;
  from: string;
  to: string;
}
export interface StopValues {
  key: string;
  placeId: string;
  visitMinutes: number | string;
  windows: WindowValues[];
  note: string;
}
export interface DayValues {
  date: string;
  startTime: string;
  endBy: string;
  start: PointValues;
  /** "same": the day comes back to its start. */
  endMode: "same" | "place" | "other";
  end: PointValues;
  stops: StopValues[];
}

const emptyPoint = (): PointValues => ({ mode: "place", placeId: "", label: "", latitude: "", longitude: "" });
export const emptyStop = (): StopValues => ({ key: key(), placeId: "", visitMinutes: 45, windows: [], note: "" });
export const emptyWindow = (): WindowValues => ({ key: key(), from: "09:00", to: "12:00" });

function pointValues(p: TourDayDto["start"]): PointValues {
  return p.placeId
    ? { mode: "place", placeId: p.placeId, label: "", latitude: "", longitude: "" }
    : { mode: "other", placeId: "", label: p.label, latitude: String(p.latitude), longitude: String(p.longitude) };
}

export function dayValues(day: TourDayDto | null, defaults: { date: string; startPlaceId: string }): DayValues {
  if (!day)
    return {
      date: defaults.date,
      startTime: "09:00",
      endBy: "17:30",
      start: { ...emptyPoint(), placeId: defaults.startPlaceId },
      endMode: "same",
      end: emptyPoint(),
      stops: [emptyStop()],
    };
  return {
    date: day.date,
    startTime: day.startTime,
    endBy: day.endBy ?? "",
    start: pointValues(day.start),
    endMode: day.end === null ? "same" : day.end.placeId ? "place" : "other",
    end: day.end ? pointValues(day.end) : emptyPoint(),
    // A day the tour's creation opened has no visit yet: offer the first one.
    stops: day.stops.length
      ? day.stops.map((s) => ({
          key: key(),
          placeId: s.placeId,
          visitMinutes: s.visitMinutes,
          windows: s.windows.map((w) => ({ key: key(), ...w })),
          note: s.note ?? "",
        }))
      : [emptyStop()],
  };
}

const coordinate = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.replace(",", ".")));

function pointInput(p: PointValues): TourPointInput {
  return p.mode === "place"
    ? { placeId: p.placeId }
    : { label: p.label, latitude: coordinate(p.latitude), longitude: coordinate(p.longitude) };
}

/** The form as the shared contract wants it; the contract then says what is wrong, field by field. */
export function dayInput(v: DayValues): TourDayInput {
  return {
    date: v.date,
    startTime: v.startTime,
    endBy: v.endBy || null,
    start: pointInput(v.start),
    end: v.endMode === "same" ? null : pointInput({ ...v.end, mode: v.endMode }),
    stops: v.stops.map((s) => ({
      placeId: s.placeId,
      visitMinutes: typeof s.visitMinutes === "number" ? s.visitMinutes : Number.NaN,
      windows: s.windows.map((w) => ({ from: w.from, to: w.to })),
      note: s.note,
    })),
  };
}

/** A place's opening hours on the day's weekday, as visiting windows. */
export function openingWindows(place: PlaceDto | undefined, date: string): WindowValues[] {
  if (!place || !date) return [];
  const weekday = parisWeekday(date) + 1;
  return place.openingHours
    .filter((s) => s.day === weekday)
    .sort((a, b) => a.opens.localeCompare(b.opens))
    .map((s) => ({ key: key(), from: s.opens, to: s.closes }));
}
