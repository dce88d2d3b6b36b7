import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { SlugIdParams, SlugParams, Uuid } from "../../../shared/contracts/common.ts";
import {
  AddChecklistItemInput,
  CreateResidencyInput,
  CreateStayInput,
  PublicResidencyDto,
  ResidencyDto,
  ResidencyListDto,
  UpdateChecklistItemInput,
  UpdateResidencyInput,
  UpdateStayInput,
} from "../../../shared/contracts/residencies.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import * as service from "./residencies.service.ts";

const base = "/api/consortia/:slug/residencies";
/** 409: the stay would share a day with another one of the residency; `message` names it, `details` too. */
const withConflict = { ...errorResponses, 409: ApiErrorSchema };
const StayParams = SlugIdParams.extend({ stayId: Uuid });
const ItemParams = StayParams.extend({ itemId: Uuid });

/** The moving residency: stays at member places in turn, their hand-over, and the public route (module `residencies`). */
export function registerResidencyRoutes(fastify: FastifyInstance, deps: { db: Db }) {
  const app = typed(fastify);
  const tags = ["residencies"];
  const { db } = deps;
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(base, {
    schema: { tags, params: SlugParams, response: { 200: ResidencyListDto, ...errorResponses } },
    handler: async (req) => service.listResidencies(await ctx(req)),
  });
  app.post(base, {
    schema: { tags, params: SlugParams, body: CreateResidencyInput, response: { 201: ResidencyDto, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await service.createResidency(await ctx(req), req.body)),
  });
  app.get(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: ResidencyDto, ...errorResponses } },
    handler: async (req) => service.getResidency(await ctx(req), req.params.id),
  });
  app.put(`${base}/:id`, {
    schema: {
      tags,
      summary: "Change the residency; the stays' events follow (title, visibility)",
      params: SlugIdParams,
      body: UpdateResidencyInput,
      response: { 200: ResidencyDto, ...errorResponses },
    },
    handler: async (req) => service.updateResidency(await ctx(req), req.params.id, req.body),
  });
  app.delete(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await service.deleteResidency(await ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post(`${base}/:id/stays`, {
    schema: {
      tags,
      summary: "Add a stay: an all-day event at the host place and the default hand-over checklist",
      params: SlugIdParams,
      body: CreateStayInput,
      response: { 201: ResidencyDto, ...withConflict },
    },
    handler: async (req, reply) => reply.status(201).send(await service.addStay(await ctx(req), req.params.id, req.body)),
  });
  app.patch(`${base}/:id/stays/:stayId`, {
    schema: {
      tags,
      summary: "Change the fields sent: place and days (coordination), referent and summary (also the host's referents)",
      params: StayParams,
      body: UpdateStayInput,
      response: { 200: ResidencyDto, ...withConflict },
    },
    handler: async (req) => service.updateStay(await ctx(req), req.params.id, req.params.stayId, req.body),
  });
  app.delete(`${base}/:id/stays/:stayId`, {
    schema: { tags, params: StayParams, response: { 200: ResidencyDto, ...errorResponses } },
    handler: async (req) => service.deleteStay(await ctx(req), req.params.id, req.params.stayId),
  });

  app.post(`${base}/:id/stays/:stayId/checklist`, {
    schema: { tags, params: StayParams, body: AddChecklistItemInput, response: { 201: ResidencyDto, ...errorResponses } },
    handler: async (req, reply) =>
      reply.status(201).send(await service.addChecklistItem(await ctx(req), req.params.id, req.params.stayId, req.body)),
  });
  app.patch(`${base}/:id/stays/:stayId/checklist/:itemId`, {
    schema: {
      tags,
      summary: "Tick or untick an item of the hand-over checklist, or rename it",
      params: ItemParams,
      body: UpdateChecklistItemInput,
      response: { 200: ResidencyDto, ...errorResponses },
    },
    handler: async (req) =>
      service.updateChecklistItem(await ctx(req), req.params.id, req.params.stayId, req.params.itemId, req.body),
  });
  app.delete(`${base}/:id/stays/:stayId/checklist/:itemId`, {
    schema: { tags, params: ItemParams, response: { 200: ResidencyDto, ...errorResponses } },
    handler: async (req) => service.deleteChecklistItem(await ctx(req), req.params.id, req.params.stayId, req.params.itemId),
  });

  app.get("/api/public/:slug/residencies/:id", {
    schema: {
      tags,
      summary: "The route of a public residency, for anyone (404 for any other)",
      params: z.object({ slug: z.string().min(1).max(80), id: Uuid }),
      response: { 200: PublicResidencyDto, 404: ApiErrorSchema, 422: ApiErrorSchema },
    },
    handler: async (req) => service.publicResidency(db, req.params.slug, req.params.id),
  });
}
