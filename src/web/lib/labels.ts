import type { TFunction } from "i18next";

// Plain lists, duplicated from the contracts on purpose so the first page does not load Zod.
export const SCALE_VALUES = ["commune", "intercommunalite", "bassin_de_vie", "departement"] as const;
export const CONSORTIUM_ROLE_VALUES = ["coordinator", "referent", "member", "partner"] as const;
export const PERSON_ROLE_VALUES = [
  "resident",
  "user",
  "staff",
  "elected_governor",
  "coordinator",
  "facilitator",
  "partner_agent",
] as const;
export const PARTNER_TYPE_VALUES = [
  "commune",
  "intercommunalite",
  "departement",
  "region",
  "caf",
  "ccas",
  "prefecture",
  "anct",
  "other",
] as const;
export const ACCESSIBILITY_VALUES = [
  "step_free",
  "accessible_toilets",
  "lift",
  "hearing_loop",
  "reserved_parking",
  "quiet_room",
  "braille_signage",
] as const;
export const VISIBILITY_VALUES = ["private", "consortium", "public"] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const options = (t: TFunction, prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
