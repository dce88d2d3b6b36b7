import { z } from "zod";
import { compare, ONE, parseFraction, toText, ZERO } from "../governance/fraction.ts";
import { LIMITS } from "../limits.ts";
import { Abilities, IsoDate, OptionalText, RequiredText, Uuid } from "./common.ts";
import { say } from "./messages.ts";

// Bodies, mandates, colleges and associates (issue 5, items 1 and 2). The rules on weights, associates and
// shares are in src/shared/governance/colleges.ts; this contract only shapes what travels.

export const BODY_KINDS = ["general_assembly", "steering_committee", "college", "working_group", "other"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const MANDATE_ROLES = [
  "member",
  "co_president",
  "president",
  "referent",
  "secretary",
  "treasurer",
  "facilitator",
  "other",
] as const;
export type MandateRole = (typeof MANDATE_ROLES)[number];
export const COLLEGE_WEIGHTINGS = ["none", "equal", "set"] as const;
export type CollegeWeighting = (typeof COLLEGE_WEIGHTINGS)[number];
/** A mandate ending within this many days is due for renewal: listed on the bodies page, sent as a reminder. */
export const RENEWAL_WINDOW_DAYS = 90;

const BodyKind = z.enum(BODY_KINDS, say("Choisissez un type d'instance", "Choose a kind of body"));
/** How many absent members one present member may represent (0: no proxies). */
const ProxyLimit = z
  .number(say("Un nombre de pouvoirs", "A number of proxies"))
  .int(say("Un nombre entier", "A whole number"))
  .min(0, say("0 au moins", "0 at least"))
  .max(10, say("10 pouvoirs au plus", "10 proxies at most"));

export const QUORUM_BASES = ["headcount", "weighted"] as const;
export type QuorumBasis = (typeof QUORUM_BASES)[number];

/**
 * A required share of the members: "1/4", "2/3", also "25 %" or "0,25" as parseFraction reads them, stored as the
 * exact fraction text ("1/4") so the meeting page and the minutes write what the statutes say. Zero is refused:
 * a call without quorum is `null`, not "0".
 */
const QuorumShare = z
  .string(say("Une part des membres, par exemple 1/4", "A share of the members, for example 1/4"))
  .trim()
  .max(40, say("40 caractères au plus", "40 characters at most"))
  .transform((text, ctx) => {
    const f = parseFraction(text);
    if (f === null || compare(f, ZERO) <= 0 || compare(f, ONE) > 0) {
      ctx.addIssue({
        code: "custom",
        message: say(
          "Une part comprise entre 0 (exclu) et 1, par exemple 1/4 ou 2/3",
          "A share above 0 and at most 1, for example 1/4 or 2/3",
        ).error(),
      });
      return z.NEVER;
    }
    return toText(f);
  });

/**
 * A body's quorum (src/shared/governance/quorum.ts QuorumRule): the share of members present or represented on
 * first call and on a second call, null when that call needs none. `weighted` counts each college at its weight:
 * the service refuses it unless the statutes set college weights.
 */
export const QuorumRuleInput = z.object({
  firstCall: QuorumShare.nullable(),
  secondCall: QuorumShare.nullable(),
  basis: z.enum(QUORUM_BASES, say("Par tête ou pondéré par collège", "By headcount or weighted by college")),
});
export type QuorumRuleInput = z.input<typeof QuorumRuleInput>;

export const BodyInput = z.object({
  name: RequiredText(),
  kind: BodyKind,
  description: OptionalText(LIMITS.longText),
  /** A college body: its members vote in that college. */
  collegeId: Uuid.nullable().optional(),
  proxyLimit: ProxyLimit.default(1),
  /** Null or left out: no quorum. */
  quorum: QuorumRuleInput.nullable().optional(),
});
export type BodyInput = z.input<typeof BodyInput>;

/**
 * A change to a body: a field left out keeps its value (no default here, unlike BodyInput, or a rename would
 * quietly reset the proxy limit); `null` or "" clears the description or the college, `null` drops the quorum.
 */
export const UpdateBodyInput = z.object({
  name: RequiredText().optional(),
  kind: BodyKind.optional(),
  description: OptionalText(LIMITS.longText),
  collegeId: Uuid.nullable().optional(),
  proxyLimit: ProxyLimit.optional(),
  quorum: QuorumRuleInput.nullable().optional(),
});
export type UpdateBodyInput = z.input<typeof UpdateBodyInput>;

const holderAndDates = (
  m: { personId?: string | null; organizationId?: string | null; startsOn?: string; endsOn?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (!m.personId && !m.organizationId)
    ctx.addIssue({
      code: "custom",
      path: ["personId"],
      message: say("Choisissez une personne ou une structure", "Choose a person or an organisation").error(),
    });
  if (m.startsOn && m.endsOn && m.endsOn < m.startsOn)
    ctx.addIssue({
      code: "custom",
      path: ["endsOn"],
      message: say("La fin précède le début", "The end is before the start").error(),
    });
};

/** A seat in a body: a person, an organisation, or a person for an organisation. `endsOn` is the last day. */
export const MandateInput = z
  .object({
    personId: Uuid.nullable().optional(),
    organizationId: Uuid.nullable().optional(),
    role: z.enum(MANDATE_ROLES, say("Choisissez un rôle", "Choose a role")).default("member"),
    title: OptionalText(LIMITS.name),
    startsOn: IsoDate,
    endsOn: IsoDate.nullable().optional(),
  })
  .superRefine(holderAndDates);
export type MandateInput = z.input<typeof MandateInput>;

/** Ends a mandate early: its last day and why. The row stays in the history. */
export const EndMandateInput = z.object({
  endsOn: IsoDate,
  reason: RequiredText(LIMITS.shortText),
});
export type EndMandateInput = z.input<typeof EndMandateInput>;

/** A new mandate after the old one, pointing at it; by default it starts the day after the old one ends. */
export const RenewMandateInput = z
  .object({
    startsOn: IsoDate.optional(),
    endsOn: IsoDate.nullable().optional(),
    role: z.enum(MANDATE_ROLES).optional(),
    title: OptionalText(LIMITS.name),
  })
  .superRefine((m, ctx) => {
    if (m.startsOn && m.endsOn && m.endsOn < m.startsOn)
      ctx.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: say("La fin précède le début", "The end is before the start").error(),
      });
  });
export type RenewMandateInput = z.input<typeof RenewMandateInput>;

export const CollegeInput = z.object({
  /** An existing college keeps its id (its associates stay in it); a new one has none. */
  id: Uuid.optional(),
  name: RequiredText(),
  description: OptionalText(LIMITS.shortText),
  /** "30 %", "0,3" or "3/10"; only with weighting "set" (validateColleges reads it). */
  weight: z.string().trim().max(40).nullable().optional(),
});

/** The statute as far as votes go: the weighting and the colleges, replaced as a whole. */
export const CollegeStatuteInput = z
  .object({
    weighting: z.enum(COLLEGE_WEIGHTINGS),
    colleges: z.array(CollegeInput).max(20, say("20 collèges au plus", "20 colleges at most")),
  })
  .superRefine((s, ctx) => {
    const names = new Set<string>();
    s.colleges.forEach((c, i) => {
      const key = c.name.trim().toLocaleLowerCase("fr");
      if (names.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["colleges", i, "name"],
          message: say("Deux collèges portent ce nom", "Two colleges have this name").error(),
        });
      names.add(key);
    });
  });
export type CollegeStatuteInput = z.input<typeof CollegeStatuteInput>;

const Cents = z
  .number(say("Un montant en centimes", "An amount in cents"))
  .int(say("Un nombre entier de centimes", "A whole number of cents"))
  .min(0, say("Un montant positif", "A positive amount"))
  .max(1_000_000_000_00, say("Montant trop élevé", "Amount too large"));

/** An associate of the cooperative: exactly one of an organisation or a person (schema check). */
export const AssociateInput = z
  .object({
    organizationId: Uuid.nullable().optional(),
    personId: Uuid.nullable().optional(),
    collegeId: Uuid.nullable().optional(),
    capitalCents: Cents.default(0),
    /** A territorial authority or public body: counted for the 50 % cap on public capital (SCIC-03). */
    publicTerritorial: z.boolean().default(false),
    joinedOn: IsoDate.nullable().optional(),
  })
  .superRefine((a, ctx) => {
    if (Boolean(a.organizationId) === Boolean(a.personId))
      ctx.addIssue({
        code: "custom",
        path: ["organizationId"],
        message: say(
          "Choisissez une structure ou une personne, pas les deux",
          "Choose an organisation or a person, not both",
        ).error(),
      });
  });
export type AssociateInput = z.input<typeof AssociateInput>;

export const UpdateAssociateInput = z.object({
  collegeId: Uuid.nullable(),
  capitalCents: Cents,
  publicTerritorial: z.boolean(),
});
export type UpdateAssociateInput = z.input<typeof UpdateAssociateInput>;

// ---------------------------------------------------------------- answers

export const MandateDto = z.object({
  id: Uuid,
  bodyId: Uuid,
  personId: Uuid.nullable(),
  organizationId: Uuid.nullable(),
  /** « Élodie Marchand », « La Filature », or « Élodie Marchand (La Filature) ». */
  holderName: z.string(),
  role: z.enum(MANDATE_ROLES),
  title: z.string().nullable(),
  startsOn: IsoDate,
  /** The last day; null: open-ended. */
  endsOn: IsoDate.nullable(),
  endedReason: z.string().nullable(),
  /** The mandate this one renews, and the one that renewed it. */
  renews: Uuid.nullable(),
  renewedBy: Uuid.nullable(),
  status: z.enum(["upcoming", "current", "ended"]),
  abilities: Abilities,
});
export type MandateDto = z.infer<typeof MandateDto>;

/** A mandate due for renewal: it ends within the window and nothing renews it yet. */
export const RenewalDto = z.object({
  mandateId: Uuid,
  bodyId: Uuid,
  bodyName: z.string(),
  holderName: z.string(),
  role: z.enum(MANDATE_ROLES),
  title: z.string().nullable(),
  endsOn: IsoDate,
  daysLeft: z.number().int(),
});
export type RenewalDto = z.infer<typeof RenewalDto>;

export const BodySummaryDto = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  description: z.string().nullable(),
  collegeId: Uuid.nullable(),
  collegeName: z.string().nullable(),
  /** Current mandates. */
  memberCount: z.number().int(),
  /** The next day a current mandate ends, and how many end then. */
  nextEnd: z.object({ endsOn: IsoDate, count: z.number().int() }).nullable(),
  renewalsDue: z.number().int(),
  archived: z.boolean(),
});
export type BodySummaryDto = z.infer<typeof BodySummaryDto>;

export const BodyListDto = z.object({
  items: z.array(BodySummaryDto),
  renewals: z.array(RenewalDto),
  windowDays: z.number().int(),
  /** When the coordination was last sent the reminders, if it was. */
  lastReminderAt: z.string().nullable(),
  abilities: Abilities,
});
export type BodyListDto = z.infer<typeof BodyListDto>;

export const QuorumRuleDto = z.object({
  firstCall: z.string().nullable(),
  secondCall: z.string().nullable(),
  basis: z.enum(QUORUM_BASES),
});
export type QuorumRuleDto = z.infer<typeof QuorumRuleDto>;

export const BodyDto = BodySummaryDto.extend({
  proxyLimit: z.number().int(),
  /** Null: no quorum on either call. */
  quorum: QuorumRuleDto.nullable(),
  /** « Quorum : 1/4 des membres présents ou représentés en première convocation, 1/5 en seconde. » */
  quorumText: z.string(),
  /** Mandates running today. */
  members: z.array(MandateDto),
  /** Every mandate ever held in the body, newest start first: ended, renewed and upcoming ones included. */
  history: z.array(MandateDto),
  abilities: Abilities,
});
export type BodyDto = z.infer<typeof BodyDto>;

export const RemindersDto = z.object({
  /** Mandates the mail listed. */
  renewals: z.number().int(),
  /** Coordinators written to; 0 when nothing was due or the same list was already sent today. */
  sent: z.number().int(),
  alreadySent: z.boolean(),
});
export type RemindersDto = z.infer<typeof RemindersDto>;

export const CollegeDto = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  /** Exact fraction text ("2/5"), null unless the weighting is "set". */
  weight: z.string().nullable(),
  associateCount: z.number().int(),
});
export type CollegeDto = z.infer<typeof CollegeDto>;

export const CollegesDto = z.object({
  weighting: z.enum(COLLEGE_WEIGHTINGS),
  colleges: z.array(CollegeDto),
  abilities: Abilities,
});
export type CollegesDto = z.infer<typeof CollegesDto>;

export const AssociateDto = z.object({
  id: Uuid,
  name: z.string(),
  organizationId: Uuid.nullable(),
  personId: Uuid.nullable(),
  collegeId: Uuid.nullable(),
  collegeName: z.string().nullable(),
  capitalCents: z.number().int(),
  publicTerritorial: z.boolean(),
  joinedOn: IsoDate.nullable(),
  abilities: Abilities,
});
export type AssociateDto = z.infer<typeof AssociateDto>;

export const AssociateListDto = z.object({ items: z.array(AssociateDto), abilities: Abilities });
export type AssociateListDto = z.infer<typeof AssociateListDto>;

/** A share both ways: exact ("1/60") and for people, in French (« 1,7 % »). */
const Share = { share: z.string(), percent: z.string() };

export const ShareRowDto = z.object({
  associateId: Uuid,
  name: z.string(),
  collegeId: Uuid.nullable(),
  collegeName: z.string().nullable(),
  capitalCents: z.number().int(),
  publicTerritorial: z.boolean(),
  capital: z.object(Share),
  votes: z.object(Share),
});
export type ShareRowDto = z.infer<typeof ShareRowDto>;

export const CollegeShareDto = z.object({
  collegeId: Uuid,
  name: z.string(),
  /** The weight the statutes write (null unless "set"), and the one in use once empty colleges are set aside. */
  weight: z.string().nullable(),
  associateCount: z.number().int(),
  capitalCents: z.number().int(),
  capital: z.object(Share),
  votes: z.object(Share),
});
export type CollegeShareDto = z.infer<typeof CollegeShareDto>;

export const SharesDto = z.object({
  weighting: z.enum(COLLEGE_WEIGHTINGS),
  totalCapitalCents: z.number().int(),
  rows: z.array(ShareRowDto),
  colleges: z.array(CollegeShareDto),
  publicCapital: z.object(Share),
  /** What the associates' register does not satisfy today, in French (validateAssociates). */
  issues: z.array(z.string()),
});
export type SharesDto = z.infer<typeof SharesDto>;
