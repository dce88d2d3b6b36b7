import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { EventAudience, EventVisibility, Instant, LocalDateTime, Recurrence } from "./agenda.ts";
import { Abilities, IsoDate, OptionalText, RequiredText, Uuid } from "./common.ts";
import { say } from "./messages.ts";

// A rotation ("à tour de rôle"): a recurring meeting hosted in turn by member places. The dates come from a
// recurrence like an agenda series; the solver (src/shared/rotations/solver.ts) gives each date a host.

export const ROTATION_TURN_STATUSES = ["planned", "cancelled"] as const;
export const SWAP_STATUSES = ["pending", "accepted", "refused", "withdrawn"] as const;

/** The days of the rotation a host asks for or would rather avoid: kept when fairness allows (level 3). */
export const HOST_WISH_KINDS = ["prefers", "avoids"] as const;
const MAX_WISHES = 60;
export const HostWishInput = z.object({ date: IsoDate, kind: z.enum(HOST_WISH_KINDS) });

/**
 * A host is a place of a member organisation or, with `personId`, a person of the consortium hosting at such a
 * place for it (the organisation stays the meeting's organiser). A rotation has each organisation at most once
 * as a place and each person at most once, so the person's id, else the organisation's, names a host in it.
 */
export const hostKey = (h: { organizationId: string; personId?: string | null }) => h.personId ?? h.organizationId;

export const RotationHostInput = z.object({
  organizationId: Uuid,
  placeId: Uuid,
  personId: Uuid.nullable().optional(),
  /** The room the meeting takes; its capacity and access are checked against the requirements. */
  spaceId: Uuid.nullable().optional(),
  weight: z
    .number()
    .positive(say("Un poids strictement positif", "A weight above zero"))
    .max(1000, say("1000 au plus", "1000 at most"))
    .default(1),
  /** Turns hosted before the rotation was kept in Maillage: they count in the fairness. */
  pastTurns: z.number().int().min(0).max(1000).default(0),
  wishes: z
    .array(HostWishInput)
    .max(MAX_WISHES, say(`${MAX_WISHES} vœux au plus`, `${MAX_WISHES} wishes at most`))
    .default([]),
});
export type RotationHostInput = z.input<typeof RotationHostInput>;

export const UnavailabilityInput = z
  .object({
    organizationId: Uuid,
    /** For a person host; null or absent for a place. */
    personId: Uuid.nullable().optional(),
    from: IsoDate,
    to: IsoDate,
    label: RequiredText(LIMITS.name),
  })
  .refine((u) => u.to >= u.from, { path: ["to"], ...say("La fin précède le début", "The end is before the start") });

export const RotationFields = z.object({
  name: RequiredText(),
  description: OptionalText(LIMITS.longText),
  /** The first date, wall-clock in Paris ("2027-01-14T08:30"), and its end the same day. */
  start: LocalDateTime,
  end: LocalDateTime,
  recurrence: Recurrence,
  hosts: z
    .array(RotationHostInput)
    .min(2, say("Au moins deux lieux accueillent à tour de rôle", "At least two places take turns"))
    .max(LIMITS.rotationHosts, say(`${LIMITS.rotationHosts} lieux au plus`, `${LIMITS.rotationHosts} places at most`)),
  /** "equal": weights are ignored; "weighted": turns follow the hosts' weights. */
  weighting: z.enum(["equal", "weighted"]).default("equal"),
  minGapDays: z.number().int().min(0).max(365, say("365 jours au plus", "365 days at most")).default(0),
  minCapacity: z.number().int().min(1).max(100_000).nullable().optional(),
  stepFree: z.boolean().default(false),
  unavailable: z.array(UnavailabilityInput).max(200).default([]),
  audiences: z.array(EventAudience).max(LIMITS.audiences).default(["professionals"]),
  visibility: EventVisibility.default("consortium"),
});
export type RotationFields = z.input<typeof RotationFields>;

type HostRef = { organizationId: string; personId?: string | null };
const checkHosts = (
  r: { hosts: Array<HostRef & { wishes: Array<{ date: string }> }>; unavailable: HostRef[] },
  ctx: z.RefinementCtx,
) => {
  const seen = new Set<string>();
  r.hosts.forEach((h, i) => {
    if (seen.has(hostKey(h)))
      ctx.addIssue({
        code: "custom",
        path: ["hosts", i, h.personId ? "personId" : "organizationId"],
        message: (h.personId
          ? say("Cette personne accueille déjà", "This person already hosts")
          : say("Cette structure accueille déjà", "This organisation already hosts")
        ).error(),
      });
    seen.add(hostKey(h));
    // One wish per day: a host cannot both ask for a date and avoid it.
    const days = new Set<string>();
    h.wishes.forEach((wish, j) => {
      if (days.has(wish.date))
        ctx.addIssue({
          code: "custom",
          path: ["hosts", i, "wishes", j, "date"],
          message: say("Ce jour a déjà un vœu", "This day already has a wish").error(),
        });
      days.add(wish.date);
    });
  });
  r.unavailable.forEach((u, i) => {
    if (!seen.has(hostKey(u)))
      ctx.addIssue({
        code: "custom",
        path: ["unavailable", i, "organizationId"],
        message: say("Cet hôte n'est pas parmi les hôtes", "This is not one of the hosts").error(),
      });
  });
};

export const CreateRotationInput = RotationFields.superRefine(checkHosts);
export const UpdateRotationInput = RotationFields.superRefine(checkHosts);

export const GenerateInput = z.object({
  /** Dates before this day keep their host; by default, today. */
  from: IsoDate.optional(),
});

/** The host the turn goes to: a place (its organisation), or a person host with `personId`. */
export const PinTurnInput = z.object({ organizationId: Uuid, personId: Uuid.nullable().optional() });
/** A coordinator cancels one date of the rotation; the reason goes to the host and into the schedule. */
export const CancelTurnInput = z.object({ reason: RequiredText(LIMITS.shortText) });
export const WithdrawInput = z.object({ reason: RequiredText(LIMITS.shortText) });
export const SwapRequestInput = z.object({ turnId: Uuid, withTurnId: Uuid, message: OptionalText(LIMITS.shortText) });
export const SwapAnswerInput = z.object({ accept: z.boolean(), message: OptionalText(LIMITS.shortText) });

/** The solver's reasons and reports, passed through as data: the web app phrases them (rotations/labels.ts). */
const Json = z.record(z.string(), z.unknown());

export const RotationTurnDto = z.object({
  id: Uuid,
  startsAt: Instant,
  endsAt: Instant,
  date: IsoDate,
  organizationId: Uuid,
  /** The person hosting, null when the place hosts (hostKey names the host). */
  personId: Uuid.nullable(),
  /** « La Filature », or « Camille Martin (La Filature) » for a person. */
  hostName: z.string(),
  placeName: z.string(),
  status: z.enum(ROTATION_TURN_STATUSES),
  cancelReason: z.string().nullable(),
  pinned: z.boolean(),
  eventId: Uuid.nullable(),
  reasons: z.array(Json),
  past: z.boolean(),
  abilities: Abilities,
});
export type RotationTurnDto = z.infer<typeof RotationTurnDto>;

export const FairnessDto = z.object({
  organizationId: Uuid,
  personId: Uuid.nullable(),
  hostName: z.string(),
  weight: z.number(),
  share: z.number(),
  pastTurns: z.number(),
  turns: z.number(),
  target: z.number(),
  deviation: z.number(),
});

export const SwapDto = z.object({
  id: Uuid,
  turnId: Uuid,
  withTurnId: Uuid,
  fromName: z.string(),
  toName: z.string(),
  turnDate: IsoDate,
  withTurnDate: IsoDate,
  status: z.enum(SWAP_STATUSES),
  message: z.string().nullable(),
  answer: z.string().nullable(),
  createdAt: Instant,
  abilities: Abilities,
});
export type SwapDto = z.infer<typeof SwapDto>;

export const RotationSummaryDto = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  rule: z.string(),
  hostCount: z.number(),
  nextTurn: z.object({ date: IsoDate, hostName: z.string() }).nullable(),
  turnCount: z.number(),
});
export type RotationSummaryDto = z.infer<typeof RotationSummaryDto>;

export const RotationListDto = z.object({ items: z.array(RotationSummaryDto), abilities: Abilities });
export type RotationListDto = z.infer<typeof RotationListDto>;

export const RotationDto = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  /** The fields as saved, to fill the edit form. */
  fields: z.object({
    start: LocalDateTime,
    end: LocalDateTime,
    recurrence: z.record(z.string(), z.unknown()),
    hosts: z.array(
      z.object({
        organizationId: Uuid,
        personId: Uuid.nullable(),
        /** Shown by the form for a person who is no longer listed among the people it loads. */
        personName: z.string().nullable(),
        placeId: Uuid,
        spaceId: Uuid.nullable(),
        weight: z.number(),
        pastTurns: z.number(),
        wishes: z.array(HostWishInput),
      }),
    ),
    weighting: z.enum(["equal", "weighted"]),
    minGapDays: z.number(),
    minCapacity: z.number().nullable(),
    stepFree: z.boolean(),
    unavailable: z.array(
      z.object({ organizationId: Uuid, personId: Uuid.nullable(), from: IsoDate, to: IsoDate, label: z.string() }),
    ),
    audiences: z.array(z.string()),
    visibility: EventVisibility,
  }),
  rule: z.string(),
  turns: z.array(RotationTurnDto),
  fairness: z.array(FairnessDto),
  swaps: z.array(SwapDto),
  /** Hosts whose space does not meet the requirements, with why (they take no turn). */
  ineligible: z.array(z.object({ organizationId: Uuid, personId: Uuid.nullable(), hostName: z.string(), reason: z.string() })),
  abilities: Abilities,
});
export type RotationDto = z.infer<typeof RotationDto>;

/**
 * 409 body of a generation that cannot succeed: the solver's report, and a French sentence built from it. A room
 * another event holds answers the same way, its report being `{ code: "room-taken", … }` (rotations/phrases.ts).
 */
export const InfeasibleDto = z.object({ message: z.string(), report: Json });
