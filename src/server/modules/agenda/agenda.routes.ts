import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  AgendaWarnings,
  AgendaWindowDto,
  AgendaWindowQuery,
  BalanceDto,
  BalanceQuery,
  CheckEventInput,
  CoOrganizeInput,
  CreateEventInput,
  DeleteEventQuery,
  EventDto,
  HealthDto,
  HealthQuery,
  LinkDuplicateInput,
  ReviewInput,
  SuggestDto,
  SuggestInput,
  UpdateEventInput,
} from "../../../shared/contracts/agenda.ts";
import { SlugIdParams, SlugParams } from "../../../shared/contracts/common.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import type { CachedBody } from "./agenda.cache.ts";
import * as eventsService from "./events.service.ts";
import * as insights from "./insights.service.ts";
import * as pairs from "./pairs.service.ts";
import { agendaWindow } from "./window.service.ts";

const base = "/api/consortia/:slug/agenda";
const withConflict = { ...errorResponses, 409: ApiErrorSchema };

/** Sends a cached JSON text as is, answering 304 when the client already holds it. */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  cached: CachedBody,
  type = "application/json; charset=utf-8",
) {
  reply.header("etag", cached.etag).header("cache-control", "private, no-cache");
  if (request.headers["if-none-match"] === cached.etag) return reply.status(304).send();
  return reply.type(type).send(cached.body);
}

/** The consortium agenda: window, events, checks, and the answers to warnings (module `agenda`). */
export function registerAgendaRoutes(fastify: FastifyInstance, db: Db) {
  const app = typed(fastify);
  const tags = ["agenda"];
  // Every route resolves the consortium of its URL for the signed-in user first (401, then 404 outside it).
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(`${base}/events`, {
    schema: {
      tags,
      summary: "Occurrences in a window of days",
      params: SlugParams,
      querystring: AgendaWindowQuery,
      response: { 200: AgendaWindowDto, 304: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => sendCached(req, reply, await agendaWindow(await ctx(req), req.query)),
  });
  app.get(`${base}/events/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: EventDto, ...errorResponses } },
    handler: async (req) => eventsService.getEvent(await ctx(req), req.params.id),
  });
  app.post(`${base}/events`, {
    schema: {
      tags,
      summary: "Publish an event or a series; 409 with the warnings when they need an answer",
      params: SlugParams,
      body: CreateEventInput,
      response: { 201: EventDto, ...withConflict },
    },
    handler: async (req, reply) => reply.status(201).send(await eventsService.createEvent(await ctx(req), req.body)),
  });
  app.patch(`${base}/events/:id`, {
    schema: { tags, params: SlugIdParams, body: UpdateEventInput, response: { 200: EventDto, ...withConflict } },
    handler: async (req) => eventsService.updateEvent(await ctx(req), req.params.id, req.body),
  });
  app.delete(`${base}/events/:id`, {
    schema: { tags, params: SlugIdParams, querystring: DeleteEventQuery, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await eventsService.deleteEvent(await ctx(req), req.params.id, req.query.scope, req.query.occurrence);
      return reply.status(204).send(null);
    },
  });
  app.post(`${base}/check`, {
    schema: {
      tags,
      summary: "The warnings a save would raise, without saving",
      params: SlugParams,
      body: CheckEventInput,
      response: { 200: AgendaWarnings, ...errorResponses },
    },
    handler: async (req) => eventsService.checkEvent(await ctx(req), req.body),
  });
  app.post(`${base}/events/:id/co-organizers`, {
    schema: {
      tags,
      summary: "Join an event as co-organiser",
      params: SlugIdParams,
      body: CoOrganizeInput,
      response: { 200: EventDto, ...errorResponses },
    },
    handler: async (req) => pairs.coOrganize(await ctx(req), req.params.id, req.body.organizationId),
  });
  app.post(`${base}/events/:id/merge`, {
    schema: {
      tags,
      summary: "Fold a duplicate into this event",
      params: SlugIdParams,
      body: LinkDuplicateInput,
      response: { 200: EventDto, ...errorResponses },
    },
    handler: async (req) => pairs.mergeDuplicate(await ctx(req), req.params.id, req.body.duplicateId),
  });
  app.post(`${base}/reviews`, {
    schema: {
      tags,
      summary: "Accept a clash or declare two events different",
      params: SlugParams,
      body: ReviewInput,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await pairs.review(await ctx(req), req.body);
      return reply.status(204).send(null);
    },
  });
  app.get(`${base}/health`, {
    schema: {
      tags,
      summary: "Open clashes and probable duplicates",
      params: SlugParams,
      querystring: HealthQuery,
      response: { 200: HealthDto, ...errorResponses },
    },
    handler: async (req) => insights.programmeHealth(await ctx(req), req.query.months),
  });
  app.get(`${base}/balance`, {
    schema: {
      tags,
      summary: "Events per week and place, audience or theme",
      params: SlugParams,
      querystring: BalanceQuery,
      response: { 200: BalanceDto, ...errorResponses },
    },
    handler: async (req) => insights.balance(await ctx(req), req.query),
  });
  app.post(`${base}/suggest`, {
    schema: {
      tags,
      summary: "The best slots for a new event",
      params: SlugParams,
      body: SuggestInput,
      response: { 200: SuggestDto, ...errorResponses },
    },
    handler: async (req) => insights.suggest(await ctx(req), req.body),
  });
}
