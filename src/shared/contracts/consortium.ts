import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { CARRIER_MODELS, CONSORTIUM_ROLES, SCALES } from "../vocabulary.ts";
import { Abilities, Email, IsoDateTime, OptionalText, RequiredText, Uuid } from "./common.ts";
import { OrganizationFields } from "./directory.ts";
import { say } from "./messages.ts";

export const Scale = z.enum(SCALES, say("Échelle inconnue", "Unknown scale"));

export const CarrierModel = z.enum(CARRIER_MODELS, say("Modèle de portage inconnu", "Unknown carrier model"));

export const ConsortiumRole = z.enum(CONSORTIUM_ROLES, say("Rôle inconnu", "Unknown role"));
export type ConsortiumRole = z.infer<typeof ConsortiumRole>;

export const CreateConsortiumInput = z.object({
  name: RequiredText(),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/,
      say(
        "3 à 60 caractères : lettres minuscules, chiffres et tirets",
        "3 to 60 characters: lowercase letters, digits and hyphens",
      ),
    ),
  territory: RequiredText(),
  scale: Scale,
  description: OptionalText(LIMITS.longText),
  carrierModel: CarrierModel,
  /** The chef de file (member-lead) or the carrying organisation, such as a SCIC (external-carrier). */
  carrier: OrganizationFields,
});
export type CreateConsortiumInput = z.input<typeof CreateConsortiumInput>;

export const UpdateConsortiumInput = z
  .object({
    name: RequiredText(),
    territory: RequiredText(),
    scale: Scale,
    description: OptionalText(LIMITS.longText),
    carrierModel: CarrierModel,
    carrierOrganizationId: Uuid,
  })
  .partial();
export type UpdateConsortiumInput = z.input<typeof UpdateConsortiumInput>;

export const ConsortiumDto = z.object({
  id: Uuid,
  slug: z.string(),
  name: z.string(),
  territory: z.string(),
  scale: Scale,
  description: z.string().nullable(),
  carrierModel: CarrierModel,
  carrier: z.object({ id: Uuid, name: z.string(), legalForm: z.string().nullable() }).nullable(),
  counts: z.object({ members: z.number(), places: z.number(), people: z.number(), partners: z.number() }),
  myRole: ConsortiumRole.nullable(),
  abilities: Abilities,
});
export type ConsortiumDto = z.infer<typeof ConsortiumDto>;

export const InviteInput = z.object({
  email: Email,
  role: ConsortiumRole,
  /** For a referent: the organisation they manage; for a partner: their institution. */
  organizationId: Uuid.nullable().optional(),
});
export type InviteInput = z.input<typeof InviteInput>;

export const InvitationDto = z.object({
  id: Uuid,
  email: z.string(),
  role: ConsortiumRole,
  organizationName: z.string().nullable(),
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
});
export type InvitationDto = z.infer<typeof InvitationDto>;

export const InvitationPreviewDto = z.object({
  consortiumName: z.string(),
  consortiumSlug: z.string(),
  email: z.string(),
  role: ConsortiumRole,
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
});

export const AccountDto = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ConsortiumRole,
  organizationId: Uuid.nullable(),
  organizationName: z.string().nullable(),
  abilities: Abilities,
});
export type AccountDto = z.infer<typeof AccountDto>;

export const UpdateAccountInput = z.object({
  role: ConsortiumRole,
  organizationId: Uuid.nullable().optional(),
});

export const ActivityDto = z.object({
  id: Uuid,
  action: z.string(),
  summary: z.string(),
  actorName: z.string().nullable(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type ActivityDto = z.infer<typeof ActivityDto>;

export const MeDto = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  isAdmin: z.boolean(),
  consortia: z.array(z.object({ slug: z.string(), name: z.string(), role: ConsortiumRole })),
});
export type MeDto = z.infer<typeof MeDto>;

export const OutboxMessageDto = z.object({
  id: Uuid,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  transport: z.enum(["outbox", "smtp"]),
  error: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type OutboxMessageDto = z.infer<typeof OutboxMessageDto>;

export const PublicConfigDto = z.object({
  geocoder: z.boolean(),
  mapTileUrl: z.string().nullable(),
  version: z.string(),
});
export type PublicConfigDto = z.infer<typeof PublicConfigDto>;
