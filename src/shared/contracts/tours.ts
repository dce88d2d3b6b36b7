import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { EventVisibility } from "./agenda.ts";
import { Abilities, Email, IsoDate, OptionalText, RequiredText, Uuid } from "./common.ts";
import { say } from "./messages.ts";

// The learning tour ("tournée apprenante"): a day or two of visits of member places for guests. The organiser
// composes the days; the itinerary planner (src/shared/rotations/itinerary.ts) orders each day's stops.

export const GUEST_CATEGORIES = ["elected", "media", "project_holder", "institution", "other"] as const;
export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;

/** "09:30" ↔ 570: the planner counts minutes since midnight. */
export const Clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, say("Heure attendue au format HH:MM", "Time expected as HH:MM"));
export const clockToMinutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
export const minutesToClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const Latitude = z.number().min(-90, say("Latitude entre -90 et 90", "Latitude between -90 and 90")).max(90);
const Longitude = z.number().min(-180, say("Longitude entre -180 et 180", "Longitude between -180 and 180")).max(180);

/** A start or end point: a place of the consortium, or any named point with coordinates (a station, a town hall). */
export const TourPointInput = z.union([
  z.object({ placeId: Uuid }),
  z.object({ label: RequiredText(), latitude: Latitude, longitude: Longitude }),
]);
export type TourPointInput = z.input<typeof TourPointInput>;

export const OpeningWindowInput = z
  .object({ from: Clock, to: Clock })
  .refine((w) => w.from < w.to, { path: ["to"], ...say("La fin doit suivre le début", "The end must follow the start") });

export const TourStopInput = z.object({
  placeId: Uuid,
  visitMinutes: z
    .number()
    .int(say("Un nombre entier de minutes", "A whole number of minutes"))
    .min(5, say("5 minutes au moins", "5 minutes at least"))
    .max(720, say("12 heures au plus", "12 hours at most")),
  /** Empty: the place can be visited at any time of the day. */
  windows: z.array(OpeningWindowInput).max(4, say("4 créneaux au plus", "4 time slots at most")).default([]),
  note: OptionalText(LIMITS.shortText),
});
export type TourStopInput = z.input<typeof TourStopInput>;

export const TourDayInput = z
  .object({
    date: IsoDate,
    start: TourPointInput,
    /** Absent or null: the day ends where it started. */
    end: TourPointInput.nullable().optional(),
    startTime: Clock,
    /** Latest arrival at the end point. */
    endBy: Clock.nullable().optional(),
    stops: z
      .array(TourStopInput)
      .max(LIMITS.tourStops, say(`${LIMITS.tourStops} visites au plus par jour`, `${LIMITS.tourStops} visits a day at most`))
      .default([]),
  })
  .superRefine((d, ctx) => {
    if (d.endBy && d.endBy <= d.startTime)
      ctx.addIssue({
        code: "custom",
        path: ["endBy"],
        message: say("L'heure d'arrivée doit suivre le départ", "The arrival must follow the start").error(),
      });
    const seen = new Set<string>();
    d.stops.forEach((s, i) => {
      if (seen.has(s.placeId))
        ctx.addIssue({
          code: "custom",
          path: ["stops", i, "placeId"],
          message: say("Ce lieu est déjà visité ce jour-là", "This place is already visited that day").error(),
        });
      seen.add(s.placeId);
    });
  });
export type TourDayInput = z.input<typeof TourDayInput>;

const Capacity = z
  .number()
  .int(say("Un nombre entier de places", "A whole number of seats"))
  .min(1, say("Une place au moins", "One seat at least"))
  .max(LIMITS.tourCapacity, say(`${LIMITS.tourCapacity} places au plus`, `${LIMITS.tourCapacity} seats at most`));

export const TourFields = z.object({
  name: RequiredText(),
  description: OptionalText(LIMITS.longText),
  capacity: Capacity,
  signupOpen: z.boolean().default(true),
  visibility: EventVisibility.default("draft"),
});

/**
 * A new tour: its organiser is either the host of a rotation's turn (the year's organiser, chosen by the
 * rotation; the turn's date becomes the first day) or a member organisation chosen by the coordination.
 */
export const CreateTourInput = TourFields.extend({
  rotationTurnId: Uuid.nullable().optional(),
  organizerId: Uuid.nullable().optional(),
  /** The first day; required unless the rotation's turn gives it. */
  date: IsoDate.nullable().optional(),
}).superRefine((t, ctx) => {
  if (!t.rotationTurnId && !t.organizerId)
    ctx.addIssue({
      code: "custom",
      path: ["organizerId"],
      message: say(
        "Choisissez l'organisateur ou le tour de rotation qui le désigne",
        "Choose the organiser or the rotation turn that names it",
      ).error(),
    });
  if (!t.rotationTurnId && !t.date)
    ctx.addIssue({
      code: "custom",
      path: ["date"],
      message: say("Choisissez la date de la tournée", "Choose the tour's date").error(),
    });
});
export type CreateTourInput = z.input<typeof CreateTourInput>;

export const UpdateTourInput = TourFields;
export type UpdateTourInput = z.input<typeof UpdateTourInput>;

/** The travel model: coordinates × road factor at an average speed, and the minutes the organiser corrected. */
export const TravelInput = z.object({
  roadFactor: z.number().min(1, say("1 au moins", "1 at least")).max(5, say("5 au plus", "5 at most")),
  speedKmh: z.number().min(5, say("5 km/h au moins", "5 km/h at least")).max(150, say("150 km/h au plus", "150 km/h at most")),
  /** Minutes from a point id to another (place ids; "start:<dayId>" and "end:<dayId>" for free points). */
  matrix: z
    .record(
      z.string().max(80),
      z.record(
        z.string().max(80),
        z
          .number()
          .int(say("Un nombre entier de minutes", "A whole number of minutes"))
          .min(0)
          .max(1440, say("1440 minutes au plus", "1440 minutes at most")),
      ),
    )
    .default({}),
});
export type TravelInput = z.input<typeof TravelInput>;

export const RegistrationInput = z.object({
  name: RequiredText(),
  email: Email,
  organization: OptionalText(LIMITS.name),
  category: z.enum(GUEST_CATEGORIES, say("Choisissez une catégorie", "Choose a category")),
  /** The guest agrees that the organisers keep these details for this tour. */
  consent: z.literal(true, say("Votre accord est nécessaire pour vous inscrire", "Your agreement is needed to sign up")),
});
export type RegistrationInput = z.input<typeof RegistrationInput>;

export const CancelRegistrationInput = z.object({ token: z.string().min(20).max(100) });

// ---------------------------------------------------------------- answers

const Json = z.record(z.string(), z.unknown());

export const TourPointDto = z.object({
  /** The point's id in the travel matrix. */
  id: z.string(),
  placeId: Uuid.nullable(),
  label: z.string(),
  latitude: z.number(),
  longitude: z.number(),
});
export type TourPointDto = z.infer<typeof TourPointDto>;

export const TourStopDto = z.object({
  id: Uuid,
  placeId: Uuid,
  placeName: z.string(),
  organizationName: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  visitMinutes: z.number(),
  windows: z.array(z.object({ from: Clock, to: Clock })),
  note: z.string().nullable(),
});
export type TourStopDto = z.infer<typeof TourStopDto>;

export const TourLegDto = z.object({
  kind: z.enum(["stop", "end"]),
  /** The stop's place id, or the end point's id. */
  id: z.string(),
  label: z.string(),
  travel: z.number(),
  arrival: z.number(),
  wait: z.number(),
  visitStart: z.number(),
  departure: z.number(),
});
export type TourLegDto = z.infer<typeof TourLegDto>;

export const TourPlanDto = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    method: z.enum(["exact", "heuristic"]),
    legs: z.array(TourLegDto),
    totalTravel: z.number(),
    totalWait: z.number(),
    totalVisit: z.number(),
    endMinutes: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    method: z.enum(["exact", "heuristic"]),
    proven: z.boolean(),
    /** The planner's report (ItineraryInfeasibility): the web app phrases it with explainItinerary. */
    infeasible: Json,
  }),
]);
export type TourPlanDto = z.infer<typeof TourPlanDto>;

export const TourDayDto = z.object({
  id: Uuid,
  date: IsoDate,
  startTime: Clock,
  endBy: Clock.nullable(),
  start: TourPointDto,
  end: TourPointDto.nullable(),
  stops: z.array(TourStopDto),
  /** Null when the day has no stop yet. */
  plan: TourPlanDto.nullable(),
  abilities: Abilities,
});
export type TourDayDto = z.infer<typeof TourDayDto>;

export const SeatsDto = z.object({ capacity: z.number(), confirmed: z.number(), waitlisted: z.number() });

export const TourSummaryDto = z.object({
  id: Uuid,
  name: z.string(),
  organizerName: z.string(),
  dates: z.array(IsoDate),
  rotationName: z.string().nullable(),
  visibility: EventVisibility,
  seats: SeatsDto,
});
export type TourSummaryDto = z.infer<typeof TourSummaryDto>;

/** A coming turn of a rotation with no tour yet: the organiser it names, for the new-tour form. */
export const TourCandidateDto = z.object({
  turnId: Uuid,
  rotationName: z.string(),
  date: IsoDate,
  organizerId: Uuid,
  organizerName: z.string(),
});

export const TourListDto = z.object({
  items: z.array(TourSummaryDto),
  candidates: z.array(TourCandidateDto),
  abilities: Abilities,
});
export type TourListDto = z.infer<typeof TourListDto>;

export const TourDto = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  organizerId: Uuid,
  organizerName: z.string(),
  rotation: z.object({ id: Uuid, name: z.string(), date: IsoDate }).nullable(),
  capacity: z.number(),
  signupOpen: z.boolean(),
  visibility: EventVisibility,
  travel: z.object({
    roadFactor: z.number(),
    speedKmh: z.number(),
    matrix: z.record(z.string(), z.record(z.string(), z.number())),
  }),
  days: z.array(TourDayDto),
  seats: SeatsDto,
  /** Where guests sign up; null until the tour is public. */
  publicPath: z.string().nullable(),
  abilities: Abilities,
});
export type TourDto = z.infer<typeof TourDto>;

export const RegistrationDto = z.object({
  id: Uuid,
  name: z.string(),
  email: z.string(),
  organization: z.string().nullable(),
  category: z.enum(GUEST_CATEGORIES),
  status: z.enum(REGISTRATION_STATUSES),
  /** Place in the waiting line (1 = next), for waitlisted guests. */
  position: z.number().nullable(),
  createdAt: z.string(),
  abilities: Abilities,
});
export type RegistrationDto = z.infer<typeof RegistrationDto>;

export const RegistrationListDto = z.object({ items: z.array(RegistrationDto) });
export type RegistrationListDto = z.infer<typeof RegistrationListDto>;

/** What the public page shows: no guest's details, no internal note. */
export const PublicTourDto = z.object({
  id: Uuid,
  consortiumName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  organizerName: z.string(),
  days: z.array(
    z.object({
      date: IsoDate,
      startTime: Clock,
      start: TourPointDto,
      end: TourPointDto.nullable(),
      stops: z.array(TourStopDto.omit({ note: true })),
      plan: TourPlanDto.nullable(),
    }),
  ),
  seatsLeft: z.number(),
  waitlisted: z.number(),
  signupOpen: z.boolean(),
});
export type PublicTourDto = z.infer<typeof PublicTourDto>;

export const RegistrationResultDto = z.object({
  status: z.enum(["confirmed", "waitlisted"]),
  /** For a waitlisted guest: how many are ahead, plus one. */
  position: z.number().nullable(),
});
export type RegistrationResultDto = z.infer<typeof RegistrationResultDto>;

export const CancelResultDto = z.object({ tourName: z.string(), alreadyCancelled: z.boolean() });
