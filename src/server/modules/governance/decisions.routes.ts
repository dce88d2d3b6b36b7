import type { FastifyInstance, FastifyRequest } from "fastify";
import { SlugIdParams, SlugParams } from "../../../shared/contracts/common.ts";
import {
  DecisionDetailDto,
  DecisionListDto,
  DecisionListQuery,
  ReviewRemindersDto,
  UpdateDecisionInput,
} from "../../../shared/contracts/decisions.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { errorResponses, typed } from "../../http/route-helpers.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { sendReviewReminders } from "./decisions.reminders.ts";
import * as service from "./decisions.service.ts";

const base = "/api/consortia/:slug/governance/decisions";

/** The decision register (module `governance`): what was decided, its review date and status. */
export function registerDecisionRoutes(fastify: FastifyInstance, deps: { db: Db; mailer: Mailer }) {
  const app = typed(fastify);
  const tags = ["governance"];
  const { db, mailer } = deps;
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(base, {
    schema: {
      tags,
      summary: "The decision register: French full-text search, filter by status, paginated",
      params: SlugParams,
      querystring: DecisionListQuery,
      response: { 200: DecisionListDto, ...errorResponses },
    },
    handler: async (req) => service.listDecisions(await ctx(req), req.query),
  });
  app.post(`${base}/review-reminders`, {
    schema: {
      tags,
      summary: "Mail the coordination the decisions whose review date has come; each review date is reminded once",
      params: SlugParams,
      response: { 200: ReviewRemindersDto, ...errorResponses },
    },
    handler: async (req) => sendReviewReminders(await ctx(req), mailer),
  });
  app.get(`${base}/:id`, {
    schema: {
      tags,
      summary: "One decision, with the decision replacing it and those it replaced",
      params: SlugIdParams,
      response: { 200: DecisionDetailDto, ...errorResponses },
    },
    handler: async (req) => service.getDecision(await ctx(req), req.params.id),
  });
  app.patch(`${base}/:id`, {
    schema: {
      tags,
      summary: "Set the review date, the status, or the decision that replaces it (coordination)",
      params: SlugIdParams,
      body: UpdateDecisionInput,
      response: { 200: DecisionDetailDto, ...errorResponses },
    },
    handler: async (req) => service.updateDecision(await ctx(req), req.params.id, req.body),
  });
}
