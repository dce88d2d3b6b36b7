import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { SlugIdParams, SlugParams, Uuid } from "../../../shared/contracts/common.ts";
import {
  CancelTurnInput,
  CreateRotationInput,
  GenerateInput,
  PinTurnInput,
  RotationDto,
  RotationListDto,
  SwapAnswerInput,
  SwapRequestInput,
  UpdateRotationInput,
  WithdrawInput,
} from "../../../shared/contracts/rotations.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import type { Mailer } from "../../lib/mailer.ts";
import * as service from "./rotations.service.ts";

const base = "/api/consortia/:slug/rotations";
/** 409: the constraints leave no possible host; `message` names the one that blocks, `details` is the report. */
const withConflict = { ...errorResponses, 409: ApiErrorSchema };
const TurnParams = SlugIdParams.extend({ turnId: Uuid });
const SwapParams = SlugIdParams.extend({ swapId: Uuid });

/** Rotations: meetings hosted in turn by member places (module `rotations`). */
export function registerRotationRoutes(fastify: FastifyInstance, deps: { db: Db; mailer: Mailer }) {
  const app = typed(fastify);
  const tags = ["rotations"];
  const { db, mailer } = deps;
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(base, {
    schema: { tags, params: SlugParams, response: { 200: RotationListDto, ...errorResponses } },
    handler: async (req) => service.listRotations(await ctx(req)),
  });
  app.post(base, {
    schema: { tags, params: SlugParams, body: CreateRotationInput, response: { 201: RotationDto, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await service.createRotation(await ctx(req), req.body)),
  });
  app.get(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: RotationDto, ...errorResponses } },
    handler: async (req) => service.getRotation(await ctx(req), req.params.id),
  });
  app.put(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, body: UpdateRotationInput, response: { 200: RotationDto, ...errorResponses } },
    handler: async (req) => service.updateRotation(await ctx(req), req.params.id, req.body),
  });
  app.delete(`${base}/:id`, {
    schema: { tags, params: SlugIdParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await service.deleteRotation(await ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
  app.post(`${base}/:id/generate`, {
    schema: {
      tags,
      summary: "Give every coming date a host; 409 naming the constraint that blocks when none can be found",
      params: SlugIdParams,
      body: GenerateInput,
      response: { 200: RotationDto, ...withConflict },
    },
    handler: async (req) => service.generate(await ctx(req), mailer, req.params.id, req.body.from),
  });
  app.post(`${base}/:id/turns/:turnId/pin`, {
    schema: { tags, params: TurnParams, body: PinTurnInput, response: { 200: RotationDto, ...withConflict } },
    handler: async (req) => service.pinTurn(await ctx(req), mailer, req.params.id, req.params.turnId, req.body),
  });
  app.post(`${base}/:id/turns/:turnId/cancel`, {
    schema: {
      tags,
      summary: "Cancel one date: its meeting is cancelled in the agenda, its host told; it no longer counts",
      params: TurnParams,
      body: CancelTurnInput,
      response: { 200: RotationDto, ...withConflict },
    },
    handler: async (req) => service.cancelTurn(await ctx(req), mailer, req.params.id, req.params.turnId, req.body.reason),
  });
  app.post(`${base}/:id/turns/:turnId/restore`, {
    schema: {
      tags,
      summary: "Undo a cancelled date, when its host can still take it and its room is free",
      params: TurnParams,
      response: { 200: RotationDto, ...withConflict },
    },
    handler: async (req) => service.restoreTurn(await ctx(req), mailer, req.params.id, req.params.turnId),
  });
  app.post(`${base}/:id/turns/:turnId/withdraw`, {
    schema: {
      tags,
      summary: "The host gives up its turn; only that date is given again",
      params: TurnParams,
      body: WithdrawInput,
      response: { 200: RotationDto, ...withConflict },
    },
    handler: async (req) => service.withdraw(await ctx(req), mailer, req.params.id, req.params.turnId, req.body.reason),
  });
  app.post(`${base}/:id/swaps`, {
    schema: { tags, params: SlugIdParams, body: SwapRequestInput, response: { 201: RotationDto, ...withConflict } },
    handler: async (req, reply) =>
      reply.status(201).send(await service.requestSwap(await ctx(req), mailer, req.params.id, req.body)),
  });
  app.post(`${base}/:id/swaps/:swapId/answer`, {
    schema: { tags, params: SwapParams, body: SwapAnswerInput, response: { 200: RotationDto, ...withConflict } },
    handler: async (req) => service.answerSwap(await ctx(req), req.params.id, req.params.swapId, req.body),
  });
}
