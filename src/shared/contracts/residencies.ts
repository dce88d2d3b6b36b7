import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { stayLength } from "../residencies/dates.ts";
import { EventVisibility, Instant } from "./agenda.ts";
import { Abilities, IsoDate, OptionalText, RequiredText, Uuid } from "./common.ts";
import { say } from "./messages.ts";

// The moving residency (« résidence itinérante »): one artist or collective stays at several member places in
// turn. Each stay has its dates, the person who welcomes the artist there and a hand-over checklist; each
// becomes an all-day event of the agenda, and a public page tells the route.

/** Stays of one residency, and items of one checklist: enough for a year on the road, small enough to show. */
export const RESIDENCY_LIMITS = { stays: 40, checklistItems: 30, stayDays: 366 } as const;

/**
 * What every new stay must hand over before the artist moves on. Stored with the stay, so each host can
 * change its own list; in French, the language the hosts share.
 */
export const DEFAULT_HANDOVER_CHECKLIST = [
  "Clés et accès remis",
  "État des lieux d'arrivée",
  "Matériel et œuvres transférés au lieu suivant",
  "Fiche contact de l'artiste transmise",
  "Bilan avec le référent",
] as const;

export const ResidencyFields = z.object({
  name: RequiredText(),
  /** The artist or collective in residence, named in the agenda events. */
  artist: RequiredText(),
  discipline: OptionalText(LIMITS.name),
  description: OptionalText(LIMITS.longText),
  /** Also the visibility of the stays' events; « public » opens the route page to everyone. */
  visibility: EventVisibility.default("draft"),
});
export type ResidencyFields = z.input<typeof ResidencyFields>;
export const CreateResidencyInput = ResidencyFields;
/** A full replacement: the visibility is sent again rather than falling back to « brouillon ». */
export const UpdateResidencyInput = ResidencyFields.extend({ visibility: EventVisibility });

const StayDay = (fr: string, en: string) => z.iso.date(say(fr, en));
const ChecklistLabel = RequiredText(LIMITS.name);

const stayFields = {
  placeId: z.uuid(say("Choisissez le lieu d'accueil", "Choose the host place")),
  from: StayDay("Indiquez le premier jour (AAAA-MM-JJ)", "Give the first day (YYYY-MM-DD)"),
  /** Last day of the stay, included. */
  to: StayDay("Indiquez le dernier jour (AAAA-MM-JJ)", "Give the last day (YYYY-MM-DD)"),
  /** A person of the consortium's directory, preferably of the host organisation. */
  referentId: Uuid.nullable().optional(),
  summary: OptionalText(LIMITS.longText),
};

/** An issue added while parsing takes its message in the language of that parse. */
const now = (fr: string, en: string) => say(fr, en).error();

/** Checks the two days when both are given (a partial update checks again against the stored ones). */
const checkDays = (s: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (!s.from || !s.to) return;
  if (s.to < s.from)
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: now("Le dernier jour précède le premier", "The last day is before the first"),
    });
  else if (stayLength(s.from, s.to) > RESIDENCY_LIMITS.stayDays)
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: now(
        `Un séjour dure ${RESIDENCY_LIMITS.stayDays} jours au plus`,
        `A stay lasts ${RESIDENCY_LIMITS.stayDays} days at most`,
      ),
    });
};

export const CreateStayInput = z
  .object({
    ...stayFields,
    /** The hand-over checklist; the default list when absent. */
    checklist: z
      .array(ChecklistLabel)
      .max(
        RESIDENCY_LIMITS.checklistItems,
        say(`${RESIDENCY_LIMITS.checklistItems} éléments au plus`, `${RESIDENCY_LIMITS.checklistItems} items at most`),
      )
      .optional(),
  })
  .superRefine(checkDays);
export type CreateStayInput = z.input<typeof CreateStayInput>;

/**
 * Only the fields sent change. The place and the days are the coordination's; the host's referents change the
 * summary and who welcomes the artist (policies/residencies.ts).
 */
export const UpdateStayInput = z
  .object({
    placeId: stayFields.placeId.optional(),
    from: stayFields.from.optional(),
    to: stayFields.to.optional(),
    referentId: stayFields.referentId,
    summary: stayFields.summary,
  })
  .superRefine(checkDays);
export type UpdateStayInput = z.input<typeof UpdateStayInput>;

export const AddChecklistItemInput = z.object({ label: ChecklistLabel });
export type AddChecklistItemInput = z.input<typeof AddChecklistItemInput>;

/** Ticks or unticks an item, or renames it. */
export const UpdateChecklistItemInput = z
  .object({ done: z.boolean().optional(), label: ChecklistLabel.optional() })
  .refine((i) => i.done !== undefined || i.label !== undefined, {
    path: ["done"],
    ...say("Rien à changer", "Nothing to change"),
  });
export type UpdateChecklistItemInput = z.input<typeof UpdateChecklistItemInput>;

export const STAY_STATUSES = ["past", "current", "upcoming"] as const;

export const ChecklistItemDto = z.object({
  id: Uuid,
  label: z.string(),
  done: z.boolean(),
  doneAt: Instant.nullable(),
  doneByName: z.string().nullable(),
  abilities: Abilities,
});
export type ChecklistItemDto = z.infer<typeof ChecklistItemDto>;

export const StayDto = z.object({
  id: Uuid,
  placeId: Uuid,
  placeName: z.string(),
  city: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  organizationId: Uuid,
  hostName: z.string(),
  from: IsoDate,
  to: IsoDate,
  /** Where the stay stands today (Paris day). */
  status: z.enum(STAY_STATUSES),
  /** Contact details follow the person's own visibility choice. */
  referent: z
    .object({
      id: Uuid,
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      /** Whether the person belongs to the host organisation. */
      ofHost: z.boolean(),
    })
    .nullable(),
  summary: z.string().nullable(),
  eventId: Uuid.nullable(),
  checklist: z.array(ChecklistItemDto),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  abilities: Abilities,
});
export type StayDto = z.infer<typeof StayDto>;

export const ResidencyDto = z.object({
  id: Uuid,
  name: z.string(),
  artist: z.string(),
  discipline: z.string().nullable(),
  description: z.string().nullable(),
  visibility: EventVisibility,
  /** The stays in date order: the route. */
  stays: z.array(StayDto),
  /** First and last day of the whole residency, when it has stays. */
  span: z.object({ from: IsoDate, to: IsoDate }).nullable(),
  abilities: Abilities,
});
export type ResidencyDto = z.infer<typeof ResidencyDto>;

export const ResidencySummaryDto = z.object({
  id: Uuid,
  name: z.string(),
  artist: z.string(),
  discipline: z.string().nullable(),
  visibility: EventVisibility,
  stayCount: z.number().int(),
  span: z.object({ from: IsoDate, to: IsoDate }).nullable(),
  /** The stay under way today, or else the next one. */
  now: z.object({ status: z.enum(["current", "upcoming"]), placeName: z.string(), from: IsoDate, to: IsoDate }).nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});
export type ResidencySummaryDto = z.infer<typeof ResidencySummaryDto>;

export const ResidencyListDto = z.object({ items: z.array(ResidencySummaryDto), abilities: Abilities });
export type ResidencyListDto = z.infer<typeof ResidencyListDto>;

/** The route as the public sees it: places and days, what the artist does there; no person, no checklist. */
export const PublicResidencyDto = z.object({
  consortium: z.object({ name: z.string(), slug: z.string() }),
  id: Uuid,
  name: z.string(),
  artist: z.string(),
  discipline: z.string().nullable(),
  description: z.string().nullable(),
  span: z.object({ from: IsoDate, to: IsoDate }).nullable(),
  stays: z.array(
    z.object({
      id: Uuid,
      placeName: z.string(),
      hostName: z.string(),
      city: z.string().nullable(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      from: IsoDate,
      to: IsoDate,
      status: z.enum(STAY_STATUSES),
      summary: z.string().nullable(),
    }),
  ),
});
export type PublicResidencyDto = z.infer<typeof PublicResidencyDto>;
