import type { Recurrence } from "../../../../shared/contracts/agenda.ts";
import type { RotationDto, RotationFields } from "../../../../shared/contracts/rotations.ts";
import type { EVENT_AUDIENCES, EVENT_VISIBILITIES } from "../../../../shared/vocabulary.ts";
import { type RecurrenceValues, recurrencePayload, recurrenceValues } from "../../agenda/components/RecurrenceEditor.tsx";
import { addMonths, isDay, splitLocal } from "../../agenda/lib/calendar.ts";

export type Audience = (typeof EVENT_AUDIENCES)[number];
export type Visibility = (typeof EVENT_VISIBILITIES)[number];
export type Weighting = "equal" | "weighted";

/** One host row of the form; `key` keeps React's row identity while rows are added and removed. */
export interface HostValues {
  key: string;
  organizationId: string;
  placeId: string;
  spaceId: string;
  weight: number | string;
  pastTurns: number | string;
}

export interface UnavailabilityValues {
  key: string;
  organizationId: string;
  from: string;
  to: string;
  label: string;
}

export interface RotationFormValues extends Record<string, unknown> {
  name: string;
  description: string;
  date: string;
  startTime: string;
  endTime: string;
  recurrence: RecurrenceValues;
  hosts: HostValues[];
  weighting: Weighting;
  minGapDays: number | string;
  minCapacity: number | string;
  stepFree: boolean;
  unavailable: UnavailabilityValues[];
  audiences: Audience[];
  visibility: Visibility;
}

let counter = 0;
export const rowKey = () => `row-${++counter}`;

export const emptyHost = (): HostValues => ({
  key: rowKey(),
  organizationId: "",
  placeId: "",
  spaceId: "",
  weight: 1,
  pastTurns: 0,
});

export const emptyUnavailability = (organizationId = ""): UnavailabilityValues => ({
  key: rowKey(),
  organizationId,
  from: "",
  to: "",
  label: "",
});

/** A new rotation: a month from today, 8:30–10:00, monthly on the same weekday, a year of dates, two empty hosts. */
export function newRotationValues(today: string): RotationFormValues {
  return {
    name: "",
    description: "",
    date: addMonths(today, 1),
    startTime: "08:30",
    endTime: "10:00",
    recurrence: { kind: "monthly_weekday", interval: 1, weekdays: [], end: "count", until: "", count: 12 },
    hosts: [emptyHost(), emptyHost()],
    weighting: "equal",
    minGapDays: 0,
    minCapacity: "",
    stepFree: false,
    unavailable: [],
    audiences: ["professionals"],
    visibility: "consortium",
  };
}

/** A saved rotation in the form. */
export function rotationFormValues(r: RotationDto): RotationFormValues {
  const start = splitLocal(r.fields.start);
  const end = splitLocal(r.fields.end);
  return {
    name: r.name,
    description: r.description ?? "",
    date: start.date,
    startTime: start.time || "08:30",
    endTime: end.time || "10:00",
    // The contract types the saved pattern loosely; it is the Recurrence the form sent.
    recurrence: recurrenceValues(r.fields.recurrence as unknown as Recurrence, null),
    hosts: r.fields.hosts.map((h) => ({
      key: rowKey(),
      organizationId: h.organizationId,
      placeId: h.placeId,
      spaceId: h.spaceId ?? "",
      weight: h.weight,
      pastTurns: h.pastTurns,
    })),
    weighting: r.fields.weighting,
    minGapDays: r.fields.minGapDays,
    minCapacity: r.fields.minCapacity ?? "",
    stepFree: r.fields.stepFree,
    unavailable: r.fields.unavailable.map((u) => ({ key: rowKey(), ...u })),
    audiences: r.fields.audiences as Audience[],
    visibility: r.fields.visibility,
  };
}

const toNumber = (v: number | string): number => (typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v));
const toNumberOrNull = (v: number | string) => (v === "" || v === null || v === undefined ? null : toNumber(v));

export const startLocalOf = (v: RotationFormValues) => `${v.date}T${v.startTime}`;

/**
 * The form's values in the contract's shape. A pattern "does not repeat" is sent as null so that the contract
 * names the field; weights only count when the weighting is "weighted", past turns always.
 */
export function rotationPayload(v: RotationFormValues): RotationFields {
  const weighted = v.weighting === "weighted";
  const recurrence = isDay(v.date) ? recurrencePayload(v.recurrence, v.date) : null;
  return {
    name: v.name,
    description: v.description,
    start: startLocalOf(v),
    end: `${v.date}T${v.endTime}`,
    recurrence: (recurrence ?? null) as RotationFields["recurrence"],
    hosts: v.hosts.map((h) => ({
      organizationId: h.organizationId,
      placeId: h.placeId,
      spaceId: h.spaceId || null,
      weight: weighted ? toNumber(h.weight) : 1,
      pastTurns: toNumber(h.pastTurns),
    })),
    weighting: v.weighting,
    minGapDays: toNumber(v.minGapDays),
    minCapacity: toNumberOrNull(v.minCapacity),
    stepFree: v.stepFree,
    unavailable: v.unavailable.map(({ key: _key, ...u }) => u),
    audiences: v.audiences,
    visibility: v.visibility,
  };
}

/** Where a server or contract message is shown: next to its input, or (false) in the alert above the buttons. */
export function isShownField(key: string): boolean {
  if (
    [
      "name",
      "description",
      "start",
      "end",
      "recurrence",
      "recurrence.frequency",
      "recurrence.interval",
      "recurrence.weekdays",
      "recurrence.until",
      "recurrence.count",
      "hosts",
      "weighting",
      "minGapDays",
      "minCapacity",
      "stepFree",
      "unavailable",
      "audiences",
      "visibility",
    ].includes(key)
  )
    return true;
  return (
    /^hosts\.\d+(\.(organizationId|placeId|spaceId|weight|pastTurns))?$/.test(key) ||
    /^unavailable\.\d+(\.(organizationId|from|to|label))?$/.test(key) ||
    /^audiences\.\d+$/.test(key)
  );
}
