import type { TFunction } from "i18next";

// The same lists as the contracts, from the dependency-free vocabulary, so the first page loads no Zod.
export {
  ACCESSIBILITY_FEATURES as ACCESSIBILITY_VALUES,
  CONSORTIUM_ROLES as CONSORTIUM_ROLE_VALUES,
  CONTACT_VISIBILITIES as VISIBILITY_VALUES,
  PARTNER_TYPES as PARTNER_TYPE_VALUES,
  PERSON_ROLES as PERSON_ROLE_VALUES,
  SCALES as SCALE_VALUES,
} from "../../shared/vocabulary.ts";
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const options = (t: TFunction, prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
