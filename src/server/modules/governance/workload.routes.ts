import type { FastifyInstance, FastifyRequest } from "fastify";
import { SlugParams } from "../../../shared/contracts/common.ts";
import { SuggestionsDto, SuggestionsQuery, WorkloadDto, WorkloadSettingsInput } from "../../../shared/contracts/tasks.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { errorResponses, typed } from "../../http/route-helpers.ts";
import * as service from "./workload.service.ts";

const base = "/api/consortia/:slug/governance/workload";

/** Workload balance: who carries what, alerts and suggestions (registered by tasks.routes.ts). */
export function registerWorkloadRoutes(fastify: FastifyInstance, db: Db) {
  const app = typed(fastify);
  const tags = ["governance"];
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(base, {
    schema: {
      tags,
      summary: "Each person's and member organisation's load, shares, concentration, alerts and suggestions",
      params: SlugParams,
      response: { 200: WorkloadDto, ...errorResponses },
    },
    handler: async (req) => service.getWorkload(await ctx(req)),
  });
  app.get(`${base}/suggestions`, {
    schema: {
      tags,
      summary: "Who could take a task needing these skills: skills first, then the lightest load",
      params: SlugParams,
      querystring: SuggestionsQuery,
      response: { 200: SuggestionsDto, ...errorResponses },
    },
    handler: async (req) => {
      const skills = (req.query.skills ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      return service.suggest(await ctx(req), skills, req.query.limit);
    },
  });
  app.put(`${base}/settings`, {
    schema: {
      tags,
      summary: "The overload share (10–90 %) and the idle months (1–60) that raise alerts; coordinators",
      params: SlugParams,
      body: WorkloadSettingsInput,
      response: { 200: WorkloadDto, ...errorResponses },
    },
    handler: async (req) => service.updateSettings(await ctx(req), req.body),
  });
}
