import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { Abilities, IsoDate, Page, Uuid } from "./common.ts";
import { say } from "./messages.ts";

// The decision register (issue 5, item 5): what each adopted proposal decided, by which method, with its review
// date and whether it is still in force.

export const DECISION_STATUSES = ["in_force", "to_review", "replaced", "repealed"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
/** "Replaced" is not set directly: it follows from naming the decision that replaces it. */
export const SETTABLE_DECISION_STATUSES = ["in_force", "to_review", "repealed"] as const;

export const DecisionListQuery = Page.extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  status: z.enum(DECISION_STATUSES).optional(),
});
export type DecisionListQuery = z.input<typeof DecisionListQuery>;

export const DecisionRef = z.object({ id: Uuid, title: z.string(), proposalId: Uuid.nullable() });
export type DecisionRef = z.infer<typeof DecisionRef>;

export const DecisionDto = z.object({
  id: Uuid,
  title: z.string(),
  text: z.string(),
  method: z.string(),
  resultSummary: z.string(),
  decidedOn: z.string(),
  reviewOn: z.string().nullable(),
  status: z.enum(DECISION_STATUSES),
  /** Its review date has come (Paris day) and it still applies: the coordination should look at it again. */
  reviewDue: z.boolean(),
  replacedBy: DecisionRef.nullable(),
  bodyName: z.string().nullable(),
  proposalId: Uuid.nullable(),
  abilities: Abilities,
});
export type DecisionDto = z.infer<typeof DecisionDto>;

export const DecisionDetailDto = DecisionDto.extend({
  /** The decisions this one replaced. */
  replaces: z.array(DecisionRef),
});
export type DecisionDetailDto = z.infer<typeof DecisionDetailDto>;

export const DecisionListDto = z.object({
  items: z.array(DecisionDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Decisions of the whole register whose review is due, whatever the page and filters. */
  reviewsDue: z.number().int(),
  abilities: Abilities,
});
export type DecisionListDto = z.infer<typeof DecisionListDto>;

/**
 * Only the fields sent change. Naming the replacing decision makes it "replaced"; clearing it (null) puts it back
 * in force unless a status is sent too; sending a status alone also clears what replaced it.
 */
export const UpdateDecisionInput = z
  .object({
    reviewOn: IsoDate.nullable().optional(),
    status: z.enum(SETTABLE_DECISION_STATUSES, say("Choisissez un état de la liste", "Choose a status from the list")).optional(),
    replacedBy: Uuid.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reviewOn === undefined && v.status === undefined && v.replacedBy === undefined)
      ctx.addIssue({ code: "custom", path: ["status"], message: say("Rien à changer", "Nothing to change").error() });
    if (v.replacedBy && v.status !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: say(
          "Une décision remplacée n'a pas d'autre état : retirez la décision qui la remplace pour en choisir un",
          "A replaced decision has no other status: remove the decision replacing it to choose one",
        ).error(),
      });
  });
export type UpdateDecisionInput = z.input<typeof UpdateDecisionInput>;

export const ReviewRemindersDto = z.object({
  /** Decisions whose review this reminder announced for the first time. */
  reminded: z.number().int(),
  /** Coordination accounts mailed. */
  recipients: z.number().int(),
  /** Decisions due for review whose reminder was already sent for their review date. */
  alreadyReminded: z.number().int(),
});
export type ReviewRemindersDto = z.infer<typeof ReviewRemindersDto>;
