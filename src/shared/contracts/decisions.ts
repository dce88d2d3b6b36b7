import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { Page, Uuid } from "./common.ts";

// The decision register (issue 5, item 5): what each adopted proposal decided, by which method, with its review
// date and whether it is still in force.

export const DECISION_STATUSES = ["in_force", "to_review", "replaced", "repealed"] as const;

export const DecisionListQuery = Page.extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  status: z.enum(DECISION_STATUSES).optional(),
});
export type DecisionListQuery = z.input<typeof DecisionListQuery>;

export const DecisionDto = z.object({
  id: Uuid,
  title: z.string(),
  text: z.string(),
  method: z.string(),
  resultSummary: z.string(),
  decidedOn: z.string(),
  reviewOn: z.string().nullable(),
  status: z.enum(DECISION_STATUSES),
  bodyName: z.string().nullable(),
  proposalId: Uuid.nullable(),
});
export type DecisionDto = z.infer<typeof DecisionDto>;

export const DecisionListDto = z.object({
  items: z.array(DecisionDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DecisionListDto = z.infer<typeof DecisionListDto>;
