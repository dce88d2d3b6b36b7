import { expandSeries, toRRule } from "../../../../shared/agenda/recurrence.ts";
import { parisDate, parisWallToInstant } from "../../../../shared/agenda/time.ts";
import type { Recurrence } from "../../../../shared/contracts/agenda.ts";
import type { RotationDto, RotationFields } from "../../../../shared/contracts/rotations.ts";
import type { EVENT_AUDIENCES, EVENT_VISIBILITIES } from "../../../../shared/vocabulary.ts";
import { type RecurrenceValues, recurrencePayload, recurrenceValues } from "../../agenda/components/RecurrenceEditor.tsx";
import { addMonths, isDay, splitLocal } from "../../agenda/lib/calendar.ts";

export type Audience = (typeof EVENT_AUDIENCES)[number];
export type Visibility = (typeof EVENT_VISIBILITIES)[number];
export type Weighting = "equal" | "weighted";

export type WishKind = "prefers" | "avoids";

/** A host's wish about one date of the rotation. */
export interface WishValues {
  key: string;
  date: string;
  kind: WishKind;
}

/**
 * One host row of the form; `key` keeps React's row identity while rows are added and removed. A place hosts
 * (`kind: "place"`), or a person at a place of an organisation (`kind: "person"`, with `personId`).
 */
export interface HostValues {
  key: string;
  kind: "place" | "person";
  personId: string;
  organizationId: string;
  placeId: string;
  spaceId: string;
  weight: number | string;
  pastTurns: number | string;
  wishes: WishValues[];
  /** The saved person's name, shown if the directory no longer lists them. */
  personName?: string;
}

/** The host a row names, as the contract's hostKey does: "" while the row is incomplete. */
export const hostValuesKey = (h: Pick<HostValues, "kind" | "personId" | "organizationId">) =>
  h.kind === "person" ? h.personId : h.organizationId;

export interface UnavailabilityValues {
  key: string;
  organizationId: string;
  /** "" for a place. */
  personId: string;
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
  kind: "place",
  personId: "",
  organizationId: "",
  placeId: "",
  spaceId: "",
  weight: 1,
  pastTurns: 0,
  wishes: [],
});

export const emptyWish = (kind: WishKind = "prefers"): WishValues => ({ key: rowKey(), date: "", kind });

export const emptyUnavailability = (organizationId = "", personId = ""): UnavailabilityValues => ({
  key: rowKey(),
  organizationId,
  personId,
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
      kind: h.personId ? "person" : "place",
      personId: h.personId ?? "",
      personName: h.personName ?? undefined,
      organizationId: h.organizationId,
      placeId: h.placeId,
      spaceId: h.spaceId ?? "",
      weight: h.weight,
      pastTurns: h.pastTurns,
      wishes: h.wishes.map((w) => ({ key: rowKey(), date: w.date, kind: w.kind })),
    })),
    weighting: r.fields.weighting,
    minGapDays: r.fields.minGapDays,
    minCapacity: r.fields.minCapacity ?? "",
    stepFree: r.fields.stepFree,
    unavailable: r.fields.unavailable.map((u) => ({ key: rowKey(), ...u, personId: u.personId ?? "" })),
    audiences: r.fields.audiences as Audience[],
    visibility: r.fields.visibility,
  };
}

const toNumber = (v: number | string): number => (typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v));
const toNumberOrNull = (v: number | string) => (v === "" || v === null || v === undefined ? null : toNumber(v));

export const startLocalOf = (v: RotationFormValues) => `${v.date}T${v.startTime}`;

/** The days the rotation meets, for the wishes; empty while the first date or the pattern is incomplete. */
export function rotationDays(v: Pick<RotationFormValues, "date" | "startTime" | "recurrence">): string[] {
  if (!isDay(v.date)) return [];
  const recurrence = recurrencePayload(v.recurrence, v.date);
  const startsAt = parisWallToInstant(`${v.date}T${v.startTime}`);
  if (!recurrence || !startsAt) return [];
  try {
    // Only the starts matter here: the end is the form's concern, not the dates'.
    const endsAt = new Date(startsAt.getTime() + 60_000);
    const rrule = toRRule(recurrence, `${v.date}T${v.startTime}`, false);
    return expandSeries({ startsAt, endsAt, allDay: false, rrule }).map((o) => parisDate(o.startsAt));
  } catch {
    return [];
  }
}

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
      personId: h.kind === "person" ? h.personId : null,
      placeId: h.placeId,
      spaceId: h.spaceId || null,
      weight: weighted ? toNumber(h.weight) : 1,
      pastTurns: toNumber(h.pastTurns),
      wishes: h.wishes.map(({ date, kind }) => ({ date, kind })),
    })),
    weighting: v.weighting,
    minGapDays: toNumber(v.minGapDays),
    minCapacity: toNumberOrNull(v.minCapacity),
    stepFree: v.stepFree,
    unavailable: v.unavailable.map(({ key: _key, personId, ...u }) => ({ ...u, personId: personId || null })),
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
    /^hosts\.\d+(\.(organizationId|personId|placeId|spaceId|weight|pastTurns|wishes))?$/.test(key) ||
    /^hosts\.\d+\.wishes\.\d+(\.(date|kind))?$/.test(key) ||
    /^unavailable\.\d+(\.(organizationId|from|to|label))?$/.test(key) ||
    /^audiences\.\d+$/.test(key)
  );
}
