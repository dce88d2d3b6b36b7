import { z } from "zod";
import { isValidSiret, normalizeSiret } from "../lib/siret.ts";
import { LIMITS } from "../limits.ts";
import { ACCESSIBILITY_FEATURES, CONTACT_VISIBILITIES, ORGANIZATION_KINDS, PARTNER_TYPES, PERSON_ROLES } from "../vocabulary.ts";
import { Abilities, IsoDate, OptionalEmail, OptionalText, RequiredText, Tags, Uuid } from "./common.ts";
import { say } from "./messages.ts";

// ---------------------------------------------------------------- organisations

export const OrganizationKind = z.enum(ORGANIZATION_KINDS, say("Type de structure inconnu", "Unknown organisation type"));
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const PartnerType = z.enum(PARTNER_TYPES, say("Type de partenaire inconnu", "Unknown partner type"));

export const Siret = z
  .string()
  .transform(normalizeSiret)
  .refine(
    (v) => v === "" || isValidSiret(v),
    say("SIRET invalide : 14 chiffres avec une clé de contrôle juste", "Invalid SIRET: 14 digits with a correct check digit"),
  )
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const OrganizationFields = z.object({
  name: RequiredText(),
  legalForm: OptionalText(LIMITS.tag),
  siret: Siret,
  description: OptionalText(LIMITS.longText),
  website: z
    .string()
    .trim()
    .max(LIMITS.url)
    .refine(
      (v) => v === "" || /^https?:\/\/\S+$/.test(v),
      say("Adresse web invalide (https://…)", "Invalid web address (https://…)"),
    )
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  email: OptionalEmail,
  phone: OptionalText(LIMITS.phone),
});

export const CreateOrganizationInput = OrganizationFields.extend({
  kind: OrganizationKind,
  partnerType: PartnerType.nullable().optional(),
  /** For a member: the day it joins the consortium (defaults to today). */
  joinedOn: IsoDate.optional(),
});
export type CreateOrganizationInput = z.input<typeof CreateOrganizationInput>;

export const UpdateOrganizationInput = OrganizationFields.extend({ partnerType: PartnerType.nullable() }).partial();
export type UpdateOrganizationInput = z.input<typeof UpdateOrganizationInput>;

export const MemberPeriodDto = z.object({ id: Uuid, joinedOn: z.string(), leftOn: z.string().nullable() });

export const RepresentativeDto = z.object({
  id: Uuid,
  personId: Uuid,
  personName: z.string(),
  since: z.string(),
  until: z.string().nullable(),
});

export const OrganizationDto = z.object({
  id: Uuid,
  kind: OrganizationKind,
  name: z.string(),
  legalForm: z.string().nullable(),
  siret: z.string().nullable(),
  description: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  partnerType: PartnerType.nullable(),
  isCarrier: z.boolean(),
  isCurrentMember: z.boolean(),
  periods: z.array(MemberPeriodDto),
  representatives: z.array(RepresentativeDto),
  placeCount: z.number(),
  abilities: Abilities,
});
export type OrganizationDto = z.infer<typeof OrganizationDto>;

export const OrganizationListQuery = z.object({ kind: OrganizationKind.optional() });

export const JoinInput = z.object({ joinedOn: IsoDate });
export const LeaveInput = z.object({ leftOn: IsoDate });
export const AddRepresentativeInput = z.object({ personId: Uuid, since: IsoDate.optional() });
export const EndRepresentativeInput = z.object({ until: IsoDate.optional() });

// ---------------------------------------------------------------- places and spaces

export const AccessibilityFeature = z.enum(
  ACCESSIBILITY_FEATURES,
  say("Critère d'accessibilité inconnu", "Unknown accessibility feature"),
);

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, say("Heure attendue au format HH:MM", "Time expected as HH:MM"));

export const OpeningSlot = z
  .object({ day: z.number().int().min(1).max(7), opens: Time, closes: Time })
  .refine((s) => s.opens < s.closes, {
    ...say("L'heure de fermeture doit suivre l'ouverture", "Closing time must come after opening time"),
    path: ["closes"],
  });
export type OpeningSlot = z.infer<typeof OpeningSlot>;

const Latitude = z
  .number()
  .min(-90, say("Latitude entre -90 et 90", "Latitude between -90 and 90"))
  .max(90, say("Latitude entre -90 et 90", "Latitude between -90 and 90"));
const Longitude = z
  .number()
  .min(-180, say("Longitude entre -180 et 180", "Longitude between -180 and 180"))
  .max(180, say("Longitude entre -180 et 180", "Longitude between -180 and 180"));

export const PlaceFields = z.object({
  organizationId: Uuid,
  name: RequiredText(),
  description: OptionalText(LIMITS.longText),
  street: OptionalText(),
  postalCode: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{5}$/.test(v), say("Code postal : 5 chiffres", "Postal code: 5 digits"))
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  city: OptionalText(LIMITS.name),
  latitude: Latitude.nullable().optional(),
  longitude: Longitude.nullable().optional(),
  activities: Tags.optional(),
  accessibility: z.array(AccessibilityFeature).max(ACCESSIBILITY_FEATURES.length).optional(),
  openingHours: z.array(OpeningSlot).max(28).optional(),
});

const bothOrNoCoordinates = (p: { latitude?: number | null; longitude?: number | null }) =>
  (p.latitude == null) === (p.longitude == null);
const coordinatesMessage = {
  ...say("Indiquez la latitude et la longitude ensemble", "Give latitude and longitude together"),
  path: ["longitude"],
};

export const CreatePlaceInput = PlaceFields.refine(bothOrNoCoordinates, coordinatesMessage);
export type CreatePlaceInput = z.input<typeof CreatePlaceInput>;
export const UpdatePlaceInput = PlaceFields.omit({ organizationId: true })
  .partial()
  .refine(bothOrNoCoordinates, coordinatesMessage);
export type UpdatePlaceInput = z.input<typeof UpdatePlaceInput>;

export const SpaceFields = z.object({
  name: RequiredText(),
  capacity: z.number().int().min(1, say("Au moins 1 personne", "At least 1 person")).max(100000).nullable().optional(),
  equipment: Tags.optional(),
  accessibility: z.array(AccessibilityFeature).optional(),
  description: OptionalText(LIMITS.longText),
});
export const CreateSpaceInput = SpaceFields;
export type CreateSpaceInput = z.input<typeof CreateSpaceInput>;
export const UpdateSpaceInput = SpaceFields.partial();

export const SpaceDto = z.object({
  id: Uuid,
  placeId: Uuid,
  name: z.string(),
  capacity: z.number().nullable(),
  equipment: z.array(z.string()),
  accessibility: z.array(AccessibilityFeature),
  description: z.string().nullable(),
  abilities: Abilities,
});
export type SpaceDto = z.infer<typeof SpaceDto>;

export const PlaceDto = z.object({
  id: Uuid,
  slug: z.string(),
  organizationId: Uuid,
  organizationName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  activities: z.array(z.string()),
  accessibility: z.array(AccessibilityFeature),
  openingHours: z.array(OpeningSlot),
  spaces: z.array(SpaceDto),
  abilities: Abilities,
});
export type PlaceDto = z.infer<typeof PlaceDto>;

// ---------------------------------------------------------------- people

export const PersonRole = z.enum(PERSON_ROLES, say("Rôle inconnu", "Unknown role"));
export type PersonRole = z.infer<typeof PersonRole>;

export const ContactVisibility = z.enum(CONTACT_VISIBILITIES, say("Visibilité inconnue", "Unknown visibility"));

export const PersonFields = z.object({
  firstName: RequiredText(80),
  lastName: RequiredText(80),
  email: OptionalEmail,
  phone: OptionalText(LIMITS.phone),
  bio: OptionalText(LIMITS.longText),
  skills: Tags.optional(),
  offers: OptionalText(LIMITS.longText),
  needs: OptionalText(LIMITS.longText),
  contactVisibility: ContactVisibility.optional(),
});
export const CreatePersonInput = PersonFields.extend({
  /** The first role, so that nobody is in the directory without a link to an organisation. */
  role: z.object({ organizationId: Uuid, role: PersonRole, title: OptionalText(LIMITS.name) }),
});
export type CreatePersonInput = z.input<typeof CreatePersonInput>;
export const UpdatePersonInput = PersonFields.partial();
export type UpdatePersonInput = z.input<typeof UpdatePersonInput>;

export const AddPersonRoleInput = z.object({
  organizationId: Uuid,
  role: PersonRole,
  title: OptionalText(LIMITS.name),
  since: IsoDate.optional(),
});
export type AddPersonRoleInput = z.input<typeof AddPersonRoleInput>;

export const PersonRoleDto = z.object({
  id: Uuid,
  organizationId: Uuid,
  organizationName: z.string(),
  role: PersonRole,
  title: z.string().nullable(),
  since: z.string(),
  until: z.string().nullable(),
});

export const PersonDto = z.object({
  id: Uuid,
  firstName: z.string(),
  lastName: z.string(),
  /** Null when the person's visibility choice hides it from the viewer. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  contactHidden: z.boolean(),
  bio: z.string().nullable(),
  skills: z.array(z.string()),
  offers: z.string().nullable(),
  needs: z.string().nullable(),
  contactVisibility: ContactVisibility,
  roles: z.array(PersonRoleDto),
  abilities: Abilities,
});
export type PersonDto = z.infer<typeof PersonDto>;

export const PeopleListQuery = z.object({
  q: z.string().trim().max(LIMITS.search).optional(),
  organizationId: Uuid.optional(),
  role: PersonRole.optional(),
  skill: z.string().trim().max(LIMITS.tag).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
});

// ---------------------------------------------------------------- search

export const SearchQuery = z.object({
  q: z.string().trim().min(2, say("Au moins 2 caractères", "At least 2 characters")).max(LIMITS.search),
});
export const SearchHit = z.object({
  type: z.enum(["organization", "place", "person"]),
  id: Uuid,
  title: z.string(),
  subtitle: z.string().nullable(),
  rank: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResultDto = z.object({ q: z.string(), hits: z.array(SearchHit) });
