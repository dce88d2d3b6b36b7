import type { FastifyInstance, FastifyRequest } from "fastify";
import { SlugParams } from "../../../shared/contracts/common.ts";
import { DecisionListDto, DecisionListQuery } from "../../../shared/contracts/decisions.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { errorResponses, typed } from "../../http/route-helpers.ts";
import * as service from "./decisions.service.ts";

/** The decision register (module `governance`): what was decided, its review date and status. */
export function registerDecisionRoutes(fastify: FastifyInstance, deps: { db: Db }) {
  const app = typed(fastify);
  const tags = ["governance"];
  const { db } = deps;
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get("/api/consortia/:slug/governance/decisions", {
    schema: {
      tags,
      summary: "The decision register: French full-text search, filter by status, paginated",
      params: SlugParams,
      querystring: DecisionListQuery,
      response: { 200: DecisionListDto, ...errorResponses },
    },
    handler: async (req) => service.listDecisions(await ctx(req), req.query),
  });
}
