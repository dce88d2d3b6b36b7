import { z } from "zod";
import { LIMITS } from "../limits.ts";
import {
  ACCESSIBILITY_FEATURES,
  BALANCE_DIMENSIONS,
  EDIT_SCOPES,
  EVENT_AUDIENCES,
  EVENT_STATUSES,
  EVENT_VENUES,
  EVENT_VISIBILITIES,
  RECURRENCE_FREQUENCIES,
  WEEKDAYS,
} from "../vocabulary.ts";
import { Abilities, IsoDate, OptionalText, RequiredText, Tags, Uuid } from "./common.ts";
import { say } from "./messages.ts";

// Times: the API takes wall-clock times in Europe/Paris ("2027-03-28T19:00"), because that is what people
// mean and what a series repeats on; it answers with instants (ISO 8601, UTC) that clients show in Paris.

export const EventAudience = z.enum(EVENT_AUDIENCES, say("Public inconnu", "Unknown audience"));
export const EventVisibility = z.enum(EVENT_VISIBILITIES, say("Visibilité inconnue", "Unknown visibility"));
export const EventStatus = z.enum(EVENT_STATUSES, say("Statut inconnu", "Unknown status"));
export const EventVenue = z.enum(EVENT_VENUES, say("Type de lieu inconnu", "Unknown venue type"));
export const EditScope = z.enum(EDIT_SCOPES, say("Portée inconnue", "Unknown scope"));

/** "YYYY-MM-DDTHH:mm" in Europe/Paris, or "YYYY-MM-DD" for an all-day event. */
export const LocalDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/,
    say("Date attendue au format AAAA-MM-JJ ou AAAA-MM-JJTHH:MM", "Date expected as YYYY-MM-DD or YYYY-MM-DDTHH:MM"),
  );
/** An instant, as answered by the API and sent back to name one occurrence of a series. */
export const Instant = z.iso.datetime({ offset: true, error: say("Date et heure invalides", "Invalid date and time").error });

export const Recurrence = z
  .object({
    frequency: z.enum(RECURRENCE_FREQUENCIES, say("Fréquence inconnue", "Unknown frequency")),
    interval: z.number().int().min(1, say("Au moins 1", "At least 1")).max(52, say("52 au plus", "52 at most")).default(1),
    /** Weekly series only; defaults to the weekday of the first occurrence. */
    weekdays: z
      .array(z.enum(WEEKDAYS, say("Jour inconnu", "Unknown day")))
      .max(7)
      .optional(),
    until: IsoDate.nullable().optional(),
    count: z
      .number()
      .int()
      .min(2, say("Au moins 2 occurrences", "At least 2 occurrences"))
      .max(LIMITS.occurrences, say(`${LIMITS.occurrences} occurrences au plus`, `${LIMITS.occurrences} occurrences at most`))
      .nullable()
      .optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.until === !r.count) {
      ctx.addIssue({
        code: "custom",
        path: ["until"],
        message: say(
          "Choisissez une date de fin ou un nombre d'occurrences",
          "Choose an end date or a number of occurrences",
        ).error(),
      });
    }
  });
export type Recurrence = z.output<typeof Recurrence>;

const OnlineUrl = z
  .string()
  .trim()
  .max(LIMITS.url)
  .refine(
    (v) => v === "" || /^https?:\/\/\S+$/.test(v),
    say("Adresse web invalide (https://…)", "Invalid web address (https://…)"),
  )
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

const Audiences = z
  .array(EventAudience)
  .max(LIMITS.audiences)
  .transform((list) => [...new Set(list)]);
const Accessibility = z.array(z.enum(ACCESSIBILITY_FEATURES, say("Aménagement inconnu", "Unknown feature")));

/** The fields of an event without defaults: an update leaves out what it does not change. */
const EventShape = {
  title: RequiredText(),
  description: OptionalText(LIMITS.longText),
  venue: EventVenue,
  /** venue "place": a member place, and optionally one of its spaces. */
  placeId: Uuid.nullable().optional(),
  spaceId: Uuid.nullable().optional(),
  /** venue "partner": a partner organisation, with the address in venueName. */
  partnerId: Uuid.nullable().optional(),
  venueName: OptionalText(),
  /** venue "online". */
  onlineUrl: OnlineUrl,
  organizerIds: z
    .array(Uuid)
    .min(1, say("Au moins une structure organisatrice", "At least one organising organisation"))
    .max(LIMITS.organizers)
    .transform((ids) => [...new Set(ids)]),
  allDay: z.boolean(),
  start: LocalDateTime,
  end: LocalDateTime,
  audiences: Audiences,
  themes: Tags,
  price: OptionalText(LIMITS.tag),
  accessibility: Accessibility,
  capacity: z
    .number()
    .int()
    .min(1, say("Au moins 1", "At least 1"))
    .max(100_000, say("100 000 au plus", "100,000 at most"))
    .nullable()
    .optional(),
  visibility: EventVisibility,
  status: EventStatus,
  recurrence: Recurrence.nullable().optional(),
};

export const EventFields = z.object({
  ...EventShape,
  allDay: EventShape.allDay.default(false),
  audiences: Audiences.default([]),
  themes: Tags.default([]),
  accessibility: Accessibility.default([]),
  visibility: EventVisibility.default("consortium"),
  status: EventStatus.default("confirmed"),
});

/** What the author says about the warnings they were shown before saving. */
export const Acknowledgement = z.object({
  /** Why an audience clash is accepted; kept on the pair of events. */
  clashReason: OptionalText(),
  /** Events the author says are different events, not duplicates. */
  notDuplicateOf: z.array(Uuid).max(50).default([]),
});

export const CreateEventInput = EventFields.extend({ acknowledge: Acknowledgement.optional() });
export type CreateEventInput = z.input<typeof CreateEventInput>;

export const UpdateEventInput = z
  .object(EventShape)
  .partial()
  .extend({
    scope: EditScope.default("all"),
    /** The original start of the occurrence edited, for scope "one" and "following". */
    occurrence: Instant.optional(),
    acknowledge: Acknowledgement.optional(),
  });
export type UpdateEventInput = z.input<typeof UpdateEventInput>;

export const DeleteEventQuery = z.object({ scope: EditScope.default("all"), occurrence: Instant.optional() });

/** Checks a draft before saving; for an edit, names the event (and occurrence) so it is not compared to itself. */
export const CheckEventInput = EventFields.extend({
  eventId: Uuid.optional(),
  scope: EditScope.optional(),
  occurrence: Instant.optional(),
});
export type CheckEventInput = z.input<typeof CheckEventInput>;

// ---------------------------------------------------------------- answers

export const EventRef = z.object({
  eventId: Uuid,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  placeName: z.string().nullable(),
  organizerNames: z.array(z.string()),
});

export const Warning = z.object({
  kind: z.enum(["space", "audience", "duplicate"]),
  /** A sentence for people, in French, saying what clashes with what and why. */
  explanation: z.string(),
  other: EventRef,
  /** Duplicate score between 0 and 1, with the signals that made it. */
  score: z.number().optional(),
  signals: z.array(z.string()).optional(),
});
export type Warning = z.infer<typeof Warning>;

export const AgendaWarnings = z.object({
  /** Refused on save: the space is taken. */
  space: z.array(Warning),
  /** Allowed with a reason. */
  audience: z.array(Warning),
  /** Offered as "link as co-organised" or "it's a different event". */
  duplicates: z.array(Warning),
});
export type AgendaWarnings = z.infer<typeof AgendaWarnings>;

export const OrganizerDto = z.object({ id: Uuid, name: z.string() });

export const OccurrenceDto = z.object({
  eventId: Uuid,
  /** The original start of this occurrence in its series: its RECURRENCE-ID. Equals startsAt when unmoved. */
  occurrence: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  allDay: z.boolean(),
  venue: EventVenue,
  placeId: Uuid.nullable(),
  spaceId: Uuid.nullable(),
  /** Place, partner venue or "En ligne", ready to show. */
  venueLabel: z.string().nullable(),
  organizers: z.array(OrganizerDto),
  audiences: z.array(EventAudience),
  themes: z.array(z.string()),
  visibility: EventVisibility,
  status: EventStatus,
  recurring: z.boolean(),
  /** True when this occurrence differs from its series (moved, retitled, cancelled). */
  modified: z.boolean(),
});
export type OccurrenceDto = z.infer<typeof OccurrenceDto>;

export const AgendaPlaceDto = z.object({
  id: Uuid,
  slug: z.string(),
  name: z.string(),
  /** Index in the place palette: one colour per place, stable while places do not change. */
  color: z.number().int(),
});

export const AgendaWindowQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  placeId: Uuid.optional(),
  organizerId: Uuid.optional(),
  audience: EventAudience.optional(),
  theme: z.string().trim().max(LIMITS.tag).optional(),
  visibility: EventVisibility.optional(),
});
export type AgendaWindowQuery = z.input<typeof AgendaWindowQuery>;

export const AgendaWindowDto = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(OccurrenceDto),
  places: z.array(AgendaPlaceDto),
});
export type AgendaWindowDto = z.infer<typeof AgendaWindowDto>;

export const ExceptionDto = z.object({
  occurrence: z.string(),
  cancelled: z.boolean(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  title: z.string().nullable(),
});

export const EventDto = z.object({
  id: Uuid,
  uid: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  venue: EventVenue,
  placeId: Uuid.nullable(),
  spaceId: Uuid.nullable(),
  partnerId: Uuid.nullable(),
  venueName: z.string().nullable(),
  venueLabel: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  organizers: z.array(OrganizerDto),
  allDay: z.boolean(),
  /** Wall-clock times in Paris, in the shape the form sends back. */
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  audiences: z.array(EventAudience),
  themes: z.array(z.string()),
  price: z.string().nullable(),
  accessibility: z.array(z.string()),
  capacity: z.number().nullable(),
  visibility: EventVisibility,
  status: EventStatus,
  /** The editor's pattern, or null for a single event or a series imported with a rule the editor cannot show. */
  recurrence: Recurrence.nullable(),
  /** The series rule as stored (RFC 5545), for display when `recurrence` is null. */
  rrule: z.string().nullable(),
  exceptions: z.array(ExceptionDto),
  sequence: z.number().int(),
  importedFrom: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: Abilities,
});
export type EventDto = z.infer<typeof EventDto>;

// ---------------------------------------------------------------- duplicates, clashes, health

export const ReviewInput = z.object({
  kind: z.enum(["audience", "duplicate"]),
  eventIds: z.tuple([Uuid, Uuid]),
  /** "accepted": the clash stays, for this reason; "distinct": not the same event. */
  verdict: z.enum(["accepted", "distinct"]),
  reason: OptionalText(),
});

export const LinkDuplicateInput = z.object({ duplicateId: Uuid });
export const CoOrganizeInput = z.object({ organizationId: Uuid });

export const HealthQuery = z.object({ months: z.coerce.number().int().min(1).max(12).default(3) });

export const HealthItem = z.object({
  kind: z.enum(["space", "audience", "duplicate"]),
  explanation: z.string(),
  a: EventRef,
  b: EventRef,
  score: z.number().optional(),
  signals: z.array(z.string()).optional(),
  /** review: accept the clash or declare the events distinct; merge: fold one into the other. */
  abilities: z.object({ review: z.boolean(), merge: z.boolean() }),
});

export const HealthDto = z.object({
  from: z.string(),
  to: z.string(),
  clashes: z.array(HealthItem),
  duplicates: z.array(HealthItem),
});
export type HealthDto = z.infer<typeof HealthDto>;

// ---------------------------------------------------------------- balance and suggestions

export const BalanceQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  dimension: z.enum(BALANCE_DIMENSIONS).default("place"),
});

export const BalanceDto = z.object({
  dimension: z.enum(BALANCE_DIMENSIONS),
  /** Monday of each week, YYYY-MM-DD. */
  weeks: z.array(z.string()),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      counts: z.array(z.number().int()),
      levels: z.array(z.enum(["empty", "low", "normal", "high", "overloaded"])),
    }),
  ),
  /** Above this many events in one cell, the cell is overloaded. */
  overloadedAbove: z.number(),
  totals: z.array(z.number().int()),
});
export type BalanceDto = z.infer<typeof BalanceDto>;

export const SuggestInput = z.object({
  audience: EventAudience,
  theme: z.string().trim().max(LIMITS.tag).optional(),
  placeId: Uuid,
  spaceId: Uuid.nullable().optional(),
  from: IsoDate,
  to: IsoDate,
  durationMinutes: z
    .number()
    .int()
    .min(15, say("15 minutes au moins", "15 minutes at least"))
    .max(24 * 60, say("24 heures au plus", "24 hours at most")),
  /** Preferred start times, "HH:mm"; defaults to morning, afternoon and evening slots. */
  startTimes: z
    .array(z.string().regex(/^\d{2}:\d{2}$/, say("Heure attendue au format HH:MM", "Time expected as HH:MM")))
    .max(6)
    .optional(),
  limit: z.number().int().min(1).max(10).default(5),
});
export type SuggestInput = z.input<typeof SuggestInput>;

export const SuggestionDto = z.object({
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export const SuggestDto = z.object({ suggestions: z.array(SuggestionDto) });

// ---------------------------------------------------------------- feeds and import

export const FeedLinksDto = z.object({
  publicFeed: z.string(),
  placeFeeds: z.array(z.object({ placeId: Uuid, name: z.string(), url: z.string() })),
  /** The person's private feed, or null until they create one. */
  privateFeed: z.string().nullable(),
  publicAgenda: z.string(),
  embed: z.string(),
  rss: z.string(),
});

export const ImportSourceInput = z
  .object({
    /** The text of an .ics file, read by the browser. */
    content: z
      .string()
      .max(LIMITS.icsBytes, say("Fichier trop volumineux (2 Mo au plus)", "File too large (2 MB at most)"))
      .optional(),
    /** Or an address to subscribe to. */
    url: z
      .string()
      .trim()
      .max(LIMITS.url)
      .regex(
        /^(https?|webcal):\/\/\S+$/,
        say("Adresse attendue en https:// ou webcal://", "Address expected as https:// or webcal://"),
      )
      .optional(),
    organizerId: Uuid,
    placeId: Uuid.nullable().optional(),
    visibility: EventVisibility.default("consortium"),
  })
  .refine((v) => !!v.content !== !!v.url, {
    path: ["content"],
    ...say("Choisissez un fichier ou une adresse", "Choose a file or an address"),
  });
export type ImportSourceInput = z.input<typeof ImportSourceInput>;

export const ImportRowDto = z.object({
  uid: z.string(),
  action: z.enum(["create", "update", "skip"]),
  /** Why it is skipped or what changes. */
  reason: z.string().nullable(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  allDay: z.boolean(),
  recurring: z.boolean(),
  duplicates: z.array(Warning),
});

export const ImportPreviewDto = z.object({
  rows: z.array(ImportRowDto),
  counts: z.object({ create: z.number().int(), update: z.number().int(), skip: z.number().int() }),
});
export type ImportPreviewDto = z.infer<typeof ImportPreviewDto>;

export const ImportCommitInput = ImportSourceInput.and(
  z.object({
    /** UIDs the user chose to leave out (for instance duplicates they do not want). */
    skipUids: z.array(z.string().max(LIMITS.shortText)).max(5000).default([]),
    /** With a URL: keep the subscription and refresh it periodically. */
    subscribe: z.boolean().default(false),
  }),
);

export const ImportResultDto = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  subscriptionId: Uuid.nullable(),
});

export const SubscriptionDto = z.object({
  id: Uuid,
  url: z.string(),
  organizerId: Uuid,
  organizerName: z.string(),
  placeId: Uuid.nullable(),
  refreshMinutes: z.number().int(),
  lastFetchedAt: z.string().nullable(),
  lastStatus: z.enum(["ok", "error", "pending"]),
  lastError: z.string().nullable(),
  nextFetchAt: z.string().nullable(),
  abilities: Abilities,
});
export type SubscriptionDto = z.infer<typeof SubscriptionDto>;

export const PublicEventQuery = AgendaWindowQuery.omit({ visibility: true, organizerId: true });

export const PublicAgendaDto = z.object({
  consortium: z.object({ slug: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  items: z.array(OccurrenceDto.omit({ visibility: true })),
  places: z.array(AgendaPlaceDto),
  /** Description and price of each event shown, by event id. */
  details: z.record(z.string(), z.object({ description: z.string().nullable(), price: z.string().nullable() })),
  feed: z.string(),
});
export type PublicAgendaDto = z.infer<typeof PublicAgendaDto>;
