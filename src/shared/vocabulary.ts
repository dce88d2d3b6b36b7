// The closed lists of the domain, as plain constants with no dependency: the contracts build their zod
// enums from them, the database its enum types, and the web app its select options without loading Zod.

export const SCALES = ["commune", "intercommunalite", "bassin_de_vie", "departement"] as const;
export const CARRIER_MODELS = ["member-lead", "external-carrier"] as const;
/** Consortium-level roles, from the widest to the narrowest. Instance admin is not one of them. */
export const CONSORTIUM_ROLES = ["coordinator", "referent", "member", "partner"] as const;
export const ORGANIZATION_KINDS = ["member", "carrier", "partner"] as const;
export const PARTNER_TYPES = [
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
export const ACCESSIBILITY_FEATURES = [
  "step_free",
  "accessible_toilets",
  "lift",
  "hearing_loop",
  "reserved_parking",
  "quiet_room",
  "braille_signage",
] as const;
export const PERSON_ROLES = [
  "resident",
  "user",
  "staff",
  "elected_governor",
  "coordinator",
  "facilitator",
  "partner_agent",
] as const;
export const CONTACT_VISIBILITIES = ["private", "consortium", "public"] as const;

// ---- agenda
export const EVENT_AUDIENCES = [
  "general_public",
  "families",
  "children",
  "youth",
  "seniors",
  "professionals",
  "project_holders",
  "elected_officials",
  "job_seekers",
  "students",
] as const;
/** public: everyone, feeds included; consortium: signed-in members; draft: organisers and coordinators only. */
export const EVENT_VISIBILITIES = ["public", "consortium", "draft"] as const;
export const EVENT_STATUSES = ["tentative", "confirmed", "cancelled"] as const;
export const EVENT_VENUES = ["place", "partner", "online"] as const;
/** The recurrence patterns the editor offers; imported series may carry other RRULEs, kept as they are. */
export const RECURRENCE_FREQUENCIES = ["weekly", "monthly_date", "monthly_weekday", "yearly"] as const;
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
/** Which occurrences of a series an edit applies to. */
export const EDIT_SCOPES = ["one", "following", "all"] as const;
export const BALANCE_DIMENSIONS = ["place", "audience", "theme"] as const;
