import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { LocalDateTime } from "./agenda.ts";
import { Abilities, OptionalText, RequiredText, Uuid } from "./common.ts";
import { say } from "./messages.ts";

// A meeting of a body: its order of the day, who came (and who carries whose proxy), the live quorum computed by
// src/shared/governance/quorum.ts, and its minutes, exported as an OpenDocument text.

export const PRESENCES = ["present", "excused", "absent"] as const;
export const MINUTES_MAX = 50_000;

export const MeetingInput = z
  .object({
    bodyId: Uuid,
    title: RequiredText(),
    /** Wall-clock in Paris: "2027-03-18T18:00". Not needed for a rotation's date. */
    start: LocalDateTime.nullable().optional(),
    end: LocalDateTime.nullable().optional(),
    placeId: Uuid.nullable().optional(),
    /**
     * A date of a rotation (a meeting hosted in turn): the meeting takes that date's times and host place, and the
     * turn's agenda event stands for it; `start`, `end` and `placeId` are then ignored.
     */
    rotationTurnId: Uuid.nullable().optional(),
    /** 2: a new convocation after the first lacked its quorum (the second-call quorum applies). */
    call: z.union([z.literal(1), z.literal(2)]).default(1),
  })
  .superRefine((m, ctx) => {
    if (m.rotationTurnId) return;
    const required = say("Ce champ est obligatoire", "This field is required");
    if (!m.start) ctx.addIssue({ code: "custom", path: ["start"], message: required.error() });
    if (!m.end) ctx.addIssue({ code: "custom", path: ["end"], message: required.error() });
    else if (m.start && m.end <= m.start)
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: say("La fin doit suivre le début", "The end must follow the start").error(),
      });
  });
export type MeetingInput = z.input<typeof MeetingInput>;

export const ItemsInput = z.object({
  items: z
    .array(
      z.object({
        title: RequiredText(),
        proposalId: Uuid.nullable().optional(),
        notes: OptionalText(LIMITS.longText),
      }),
    )
    .max(40, say("40 points au plus", "40 items at most")),
});
export type ItemsInput = z.input<typeof ItemsInput>;

export const AttendanceInput = z.object({
  rows: z
    .array(
      z.object({
        mandateId: Uuid,
        presence: z.enum(PRESENCES, say("Présent, excusé ou absent", "Present, excused or absent")),
        /** The present member who votes in this one's name. */
        proxyTo: Uuid.nullable().optional(),
      }),
    )
    .max(500),
});
export type AttendanceInput = z.input<typeof AttendanceInput>;

export const MinutesInput = z.object({
  minutes: z.string().max(MINUTES_MAX, say(`${MINUTES_MAX} caractères au plus`, `${MINUTES_MAX} characters at most`)),
  /** The body approved these minutes: they are then frozen. */
  approved: z.boolean().default(false),
});
export type MinutesInput = z.input<typeof MinutesInput>;

export const MeetingSummaryDto = z.object({
  id: Uuid,
  title: z.string(),
  bodyId: Uuid,
  bodyName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  placeName: z.string().nullable(),
  status: z.enum(["planned", "held", "cancelled"]),
  minutesApproved: z.boolean(),
});
export type MeetingSummaryDto = z.infer<typeof MeetingSummaryDto>;

export const MeetingListDto = z.object({
  items: z.array(MeetingSummaryDto),
  /** Bodies a meeting can be called for, and places it can be held at, for the form. */
  bodies: z.array(z.object({ id: Uuid, name: z.string() })),
  places: z.array(z.object({ id: Uuid, name: z.string() })),
  /** Coming dates of rotations that no meeting took yet. */
  turns: z.array(z.object({ id: Uuid, label: z.string() })),
  abilities: Abilities,
});
export type MeetingListDto = z.infer<typeof MeetingListDto>;

export const MeetingDto = z.object({
  id: Uuid,
  title: z.string(),
  body: z.object({ id: Uuid, name: z.string(), proxyLimit: z.number() }),
  start: LocalDateTime,
  end: LocalDateTime,
  startsAt: z.string(),
  endsAt: z.string(),
  placeId: Uuid.nullable(),
  placeName: z.string().nullable(),
  eventId: Uuid.nullable(),
  /** The rotation whose date this meeting is, if any. */
  rotation: z.object({ id: Uuid, name: z.string() }).nullable(),
  call: z.number(),
  status: z.enum(["planned", "held", "cancelled"]),
  items: z.array(
    z.object({
      id: Uuid,
      title: z.string(),
      proposalId: Uuid.nullable(),
      proposalTitle: z.string().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  /** The body's proposals, to link from the order of the day. */
  proposals: z.array(z.object({ id: Uuid, title: z.string(), status: z.string() })),
  /** One row per member of the body on the meeting's day. */
  members: z.array(
    z.object({
      mandateId: Uuid,
      name: z.string(),
      role: z.string(),
      collegeName: z.string().nullable(),
      presence: z.enum(PRESENCES).nullable(),
      proxyTo: Uuid.nullable(),
      /** What the sheet makes of it: present, represented (by `holder`), excused or absent. */
      status: z.enum(["present", "represented", "excused", "absent"]),
      holderName: z.string().nullable(),
    }),
  ),
  counts: z.object({
    members: z.number(),
    present: z.number(),
    represented: z.number(),
    excused: z.number(),
    absent: z.number(),
  }),
  /** Proxies that do not count, each with why. */
  refusedProxies: z.array(z.string()),
  /** Null when the body has no quorum rule. */
  quorum: z.object({ met: z.boolean(), text: z.string() }).nullable(),
  minutes: z.string(),
  minutesApproved: z.boolean(),
  abilities: Abilities,
});
export type MeetingDto = z.infer<typeof MeetingDto>;
