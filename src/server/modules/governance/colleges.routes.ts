import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { SlugIdParams, SlugParams } from "../../../shared/contracts/common.ts";
import {
  AssociateDto,
  AssociateInput,
  AssociateListDto,
  CollegeStatuteInput,
  CollegesDto,
  SharesDto,
  UpdateAssociateInput,
} from "../../../shared/contracts/governance.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import * as service from "./colleges.service.ts";

const base = "/api/consortia/:slug/governance";
const withConflict = { ...errorResponses, 409: ApiErrorSchema };

/** Colleges, the associates' register and the capital / voting shares table (module `governance`). */
export function registerCollegeRoutes(fastify: FastifyInstance, deps: { db: Db }) {
  const app = typed(fastify);
  const tags = ["governance"];
  const { db } = deps;
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(`${base}/colleges`, {
    schema: { tags, params: SlugParams, response: { 200: CollegesDto, ...errorResponses } },
    handler: async (req) => service.getColleges(await ctx(req)),
  });
  app.put(`${base}/colleges`, {
    schema: {
      tags,
      summary:
        "Replace the college statute; weights outside 10–50 %, not adding up to 100 % or 3–10 colleges: 422 naming the college",
      params: SlugParams,
      body: CollegeStatuteInput,
      response: { 200: CollegesDto, ...withConflict },
    },
    handler: async (req) => service.replaceColleges(await ctx(req), req.body),
  });
  app.get(`${base}/associates`, {
    schema: { tags, params: SlugParams, response: { 200: AssociateListDto, ...errorResponses } },
    handler: async (req) => service.listAssociates(await ctx(req)),
  });
  app.post(`${base}/associates`, {
    schema: { tags, params: SlugParams, body: AssociateInput, response: { 201: AssociateDto, ...withConflict } },
    handler: async (req, reply) => reply.status(201).send(await service.addAssociate(await ctx(req), req.body)),
  });
  app.put(`${base}/associates/:id`, {
    schema: { tags, params: SlugIdParams, body: UpdateAssociateInput, response: { 200: AssociateDto, ...withConflict } },
    handler: async (req) => service.updateAssociate(await ctx(req), req.params.id, req.body),
  });
  app.delete(`${base}/associates/:id`, {
    schema: { tags, params: SlugIdParams, response: { 204: z.null(), ...withConflict } },
    handler: async (req, reply) => {
      await service.removeAssociate(await ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.get(`${base}/shares`, {
    schema: {
      tags,
      summary: "Each associate's capital share next to its voting share, exact and in per cent, with college totals",
      params: SlugParams,
      response: { 200: SharesDto, ...errorResponses },
    },
    handler: async (req) => service.getShares(await ctx(req)),
  });
}
