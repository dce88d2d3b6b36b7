import { z } from "zod";
import type { AdviceState } from "../governance/advice.ts";
import type { ConsentState } from "../governance/consent.ts";
import type { ElectionState } from "../governance/election.ts";
import type { TallyResult } from "../governance/tally.ts";
import { LIMITS } from "../limits.ts";
import { Abilities, IsoDate, RequiredText, Uuid } from "./common.ts";
import { MANDATE_ROLES } from "./governance.ts";
import { say } from "./messages.ts";

// Proposals put to a body and decided by the method chosen for each one (issue 5). The rules themselves live in
// src/shared/governance; this contract only carries their settings, the events of their machines and the results.

export const ALL_PROPOSAL_METHODS = ["majority", "colleges", "consent", "advice", "election"] as const;
/** The methods offered at creation: all of them. */
export const PROPOSAL_METHODS = ALL_PROPOSAL_METHODS;
export const PROPOSAL_STATUSES = ["draft", "open", "decided", "withdrawn"] as const;
export const PROPOSAL_OUTCOMES = ["adopted", "rejected", "no_decision"] as const;
export const SECRECIES = ["open", "secret"] as const;
export const THRESHOLD_KEYS = ["simple", "two_thirds", "three_quarters", "unanimity"] as const;
export const BASES = ["cast", "members"] as const;
export const ABSTENTION_RULES = ["excluded", "counted"] as const;
export const COUNTINGS = ["proportional", "college_majority"] as const;
export const SILENT_COLLEGE_RULES = ["excluded", "against"] as const;
export const BALLOT_CHOICES = ["for", "against", "abstain", "blank", "spoiled"] as const;

/** Every setting that changes a vote's outcome, explicit (domain rules §1.4–1.5). */
export const VoteRuleInput = z.object({
  threshold: z.enum(THRESHOLD_KEYS),
  base: z.enum(BASES),
  abstentions: z.enum(ABSTENTION_RULES),
  counting: z.enum(COUNTINGS).default("proportional"),
  silentCollege: z.enum(SILENT_COLLEGE_RULES).default("excluded"),
});

const CriterionText = z
  .string()
  .trim()
  .max(LIMITS.shortText, say(`${LIMITS.shortText} caractères au plus`, `${LIMITS.shortText} characters at most`));

/**
 * The role put to an election without candidates (§5.2): the proposal's title names it and its text is the
 * mission; here, the qualities looked for, what the person answers for, and the bounded mandate the elected person
 * then holds in the body, with the role chosen for that mandate.
 */
export const ElectionRoleInput = z
  .object({
    criteria: z
      .array(CriterionText)
      .max(20)
      .refine((c) => c.some((x) => x.length > 0), {
        ...say("Donnez au moins un critère", "Give at least one criterion"),
      }),
    accountabilities: z.array(CriterionText).max(20).default([]),
    mandateRole: z.enum(MANDATE_ROLES).default("other"),
    mandateStart: IsoDate,
    mandateEnd: IsoDate,
  })
  .superRefine((r, ctx) => {
    if (r.mandateEnd <= r.mandateStart)
      ctx.addIssue({
        code: "custom",
        path: ["mandateEnd"],
        message: say("La fin du mandat doit suivre son début", "The mandate must end after it starts").error(),
      });
  });

export const CreateProposalInput = z
  .object({
    bodyId: Uuid,
    title: RequiredText(),
    text: RequiredText(LIMITS.longText),
    method: z.enum(PROPOSAL_METHODS),
    rule: VoteRuleInput.nullable().optional(),
    secrecy: z.enum(SECRECIES).default("open"),
    /**
     * Consent: the body member who carries the text, and the one who runs the rounds (mandate ids). Advice: the
     * carrier is the author, who decides after gathering advice.
     */
    carrierId: Uuid.nullable().optional(),
    facilitatorId: Uuid.nullable().optional(),
    /** Election without candidates: the role; the facilitator (facilitatorId) runs it. */
    election: ElectionRoleInput.nullable().optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.method === "majority" || p.method === "colleges") && !p.rule) {
      ctx.addIssue({
        code: "custom",
        path: ["rule"],
        message: say("Choisissez la règle du vote", "Choose the voting rule").error(),
      });
    }
    if (p.method === "advice" && !p.carrierId)
      ctx.addIssue({
        code: "custom",
        path: ["carrierId"],
        message: say("Choisissez qui décide", "Choose who decides").error(),
      });
    if (p.method === "election") {
      if (!p.facilitatorId)
        ctx.addIssue({
          code: "custom",
          path: ["facilitatorId"],
          message: say("Choisissez qui facilite", "Choose the facilitator").error(),
        });
      if (!p.election)
        ctx.addIssue({
          code: "custom",
          path: ["election"],
          message: say("Décrivez le rôle", "Describe the role").error(),
        });
    }
    if (p.method === "consent") {
      if (!p.carrierId)
        ctx.addIssue({
          code: "custom",
          path: ["carrierId"],
          message: say("Choisissez qui porte la proposition", "Choose who carries the proposal").error(),
        });
      if (!p.facilitatorId)
        ctx.addIssue({
          code: "custom",
          path: ["facilitatorId"],
          message: say("Choisissez qui facilite", "Choose the facilitator").error(),
        });
    }
  });
export type CreateProposalInput = z.input<typeof CreateProposalInput>;

/** A ballot: the member whose vote it is (their mandate), and their choice. The server works out who casts it. */
export const CastBallotInput = z.object({
  mandateId: Uuid,
  choice: z.enum(BALLOT_CHOICES),
  /** Recorded in session by the secretary or the coordination (show of hands), not by the member's own account. */
  inSession: z.boolean().default(false),
});
export type CastBallotInput = z.input<typeof CastBallotInput>;

export const ProxyInput = z.object({ fromMandateId: Uuid, toMandateId: Uuid }).refine((p) => p.fromMandateId !== p.toMandateId, {
  path: ["toMandateId"],
  ...say("On ne se donne pas procuration à soi-même", "One cannot give a proxy to oneself"),
});
export type ProxyInput = z.input<typeof ProxyInput>;

const ShortText = z
  .string()
  .trim()
  .max(LIMITS.longText, say(`${LIMITS.longText} caractères au plus`, `${LIMITS.longText} characters at most`));

/**
 * One step of a consent decision, said by a member of the circle (`by`, a mandate id). Texts may be empty here:
 * the rules refuse an empty question or an objection without argument, with their own reason.
 */
export const ConsentEventInput = z.object({
  by: Uuid,
  event: z.discriminatedUnion("type", [
    z.object({ type: z.literal("ask"), question: ShortText }),
    z.object({ type: z.literal("answer"), turn: z.number().int().min(0), answer: ShortText }),
    z.object({ type: z.literal("react"), text: ShortText }),
    z.object({ type: z.literal("pass") }),
    z.object({ type: z.literal("close_round") }),
    z.object({ type: z.literal("amend"), text: ShortText }),
    z.object({ type: z.literal("keep") }),
    z.object({ type: z.literal("withdraw") }),
    z.object({ type: z.literal("consent") }),
    z.object({ type: z.literal("object"), argument: ShortText }),
    z.object({ type: z.literal("concern"), text: ShortText }),
    z.object({ type: z.literal("lift"), objection: z.number().int().min(1), as: z.enum(["lifted", "concern"]).optional() }),
    z.object({ type: z.literal("integrate"), text: ShortText, objections: z.array(z.number().int().min(1)).max(50) }),
    z.object({ type: z.literal("conclude") }),
    z.object({ type: z.literal("back_to_amendment") }),
    z.object({ type: z.literal("set_review"), on: IsoDate }),
  ]),
});
export type ConsentEventInput = z.input<typeof ConsentEventInput>;

/**
 * One step of an advice process (advice.ts), said by a member of the body (`by`): the author requests advice,
 * answers each piece and decides; anyone gives advice, and someone asked may decline.
 */
export const AdviceEventInput = z.object({
  by: Uuid,
  event: z.discriminatedUnion("type", [
    z.object({ type: z.literal("request"), to: Uuid, kind: z.enum(["affected", "expert"]), due: IsoDate.nullable().optional() }),
    z.object({ type: z.literal("give"), text: ShortText }),
    z.object({ type: z.literal("decline") }),
    z.object({ type: z.literal("respond"), advice: z.number().int().min(1), text: ShortText }),
    z.object({ type: z.literal("decide"), text: ShortText }),
    z.object({ type: z.literal("withdraw") }),
  ]),
});
export type AdviceEventInput = z.input<typeof AdviceEventInput>;

/**
 * One step of an election without candidates (election.ts), said by a member of the circle (`by`, a mandate id):
 * a nomination with its reason, a change of mind, the facilitator's proposal, a consent or an argued objection…
 */
export const ElectionEventInput = z.object({
  by: Uuid,
  event: z.discriminatedUnion("type", [
    z.object({ type: z.literal("nominate"), nominee: Uuid, reason: ShortText }),
    z.object({ type: z.literal("close_nominations") }),
    z.object({ type: z.literal("change"), nominee: Uuid, reason: ShortText }),
    z.object({ type: z.literal("close_changes") }),
    z.object({ type: z.literal("propose"), nominee: Uuid }),
    z.object({ type: z.literal("consent") }),
    z.object({ type: z.literal("object"), argument: ShortText }),
    z.object({ type: z.literal("concern"), text: ShortText }),
    z.object({ type: z.literal("close_round") }),
    z.object({ type: z.literal("lift"), objection: z.number().int().min(1), as: z.enum(["lifted", "concern"]).optional() }),
    z.object({ type: z.literal("bonify"), condition: ShortText, objections: z.array(z.number().int().min(1)).min(1).max(50) }),
    z.object({ type: z.literal("reopen_proposal") }),
    z.object({ type: z.literal("conclude") }),
    z.object({ type: z.literal("abandon") }),
  ]),
});
export type ElectionEventInput = z.input<typeof ElectionEventInput>;

export const ProposalListQuery = z.object({ status: z.enum(PROPOSAL_STATUSES).optional() });

export const BodyOptionDto = z.object({
  id: Uuid,
  name: z.string(),
  kind: z.string(),
  proxyLimit: z.number().int(),
  /** Every current member votes in a college: a weighted college vote is possible. */
  collegesReady: z.boolean(),
  members: z.array(z.object({ mandateId: Uuid, name: z.string(), role: z.string() })),
});

export const ProposalSummaryDto = z.object({
  id: Uuid,
  title: z.string(),
  method: z.enum(ALL_PROPOSAL_METHODS),
  secrecy: z.enum(SECRECIES),
  status: z.enum(PROPOSAL_STATUSES),
  outcome: z.enum(PROPOSAL_OUTCOMES).nullable(),
  bodyId: Uuid,
  bodyName: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ProposalSummaryDto = z.infer<typeof ProposalSummaryDto>;

export const ProposalListDto = z.object({
  items: z.array(ProposalSummaryDto),
  bodies: z.array(BodyOptionDto),
  abilities: Abilities,
});
export type ProposalListDto = z.infer<typeof ProposalListDto>;

export const ProposalMemberDto = z.object({
  mandateId: Uuid,
  name: z.string(),
  role: z.string(),
  collegeId: z.string().nullable(),
  /** The signed-in user holds this mandate (their own seat, or their organisation's for its referent). */
  mine: z.boolean(),
});

export const ProposalDto = z.object({
  id: Uuid,
  title: z.string(),
  text: z.string(),
  method: z.enum(ALL_PROPOSAL_METHODS),
  rule: VoteRuleInput.nullable(),
  secrecy: z.enum(SECRECIES),
  status: z.enum(PROPOSAL_STATUSES),
  outcome: z.enum(PROPOSAL_OUTCOMES).nullable(),
  body: z.object({ id: Uuid, name: z.string(), proxyLimit: z.number().int() }),
  colleges: z.array(z.object({ id: z.string(), name: z.string(), weight: z.string().nullable() })),
  members: z.array(ProposalMemberDto),
  /** Votes: the signing sheet (who voted, who cast it), and the named ballots of an open vote. */
  voters: z.array(z.object({ mandateId: Uuid, castBy: Uuid })),
  ballots: z.array(z.object({ mandateId: Uuid, choice: z.enum(BALLOT_CHOICES) })),
  proxies: z.array(z.object({ from: Uuid, to: Uuid })),
  /** The tally once closed (src/shared/governance/tally.ts TallyResult). */
  result: z.unknown().nullable(),
  /** The consent machine's state (src/shared/governance/consent.ts ConsentState). */
  consent: z.unknown().nullable(),
  /** The advice process's state (src/shared/governance/advice.ts AdviceState). */
  advice: z.unknown().nullable(),
  /** The election's state (src/shared/governance/election.ts ElectionState); before it opens, the role only. */
  election: z.unknown().nullable(),
  summary: z.string().nullable(),
  decisionId: Uuid.nullable(),
  /** The meetings whose order of the day names this proposal, with their attendance and live quorum. */
  meetings: z.array(
    z.object({
      id: Uuid,
      title: z.string(),
      startsAt: z.string(),
      present: z.number().int(),
      represented: z.number().int(),
      members: z.number().int(),
      quorum: z.object({ met: z.boolean(), text: z.string() }).nullable(),
    }),
  ),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  abilities: Abilities,
});
export type ProposalDto = Omit<z.infer<typeof ProposalDto>, "result" | "consent" | "advice" | "election"> & {
  result: TallyResult | null;
  consent: ConsentState | null;
  advice: AdviceState | null;
  election: ElectionState | null;
};

export const RecountDto = z.object({
  matches: z.boolean(),
  /** Each difference found, as a sentence. */
  issues: z.array(z.string()),
  summary: z.string().nullable(),
  result: z.unknown().nullable(),
});
export type RecountDto = Omit<z.infer<typeof RecountDto>, "result"> & { result: TallyResult | null };
