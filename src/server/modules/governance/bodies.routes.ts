import type { FastifyInstance, FastifyRequest } from "fastify";
import { SlugIdParams, SlugParams, Uuid } from "../../../shared/contracts/common.ts";
import {
  BodyDto,
  BodyInput,
  BodyListDto,
  EndMandateInput,
  MandateInput,
  RemindersDto,
  RenewMandateInput,
  UpdateBodyInput,
} from "../../../shared/contracts/governance.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { sendRenewalReminders } from "./bodies.reminders.ts";
import * as service from "./bodies.service.ts";
import { registerCollegeRoutes } from "./colleges.routes.ts";

const base = "/api/consortia/:slug/governance";
const withConflict = { ...errorResponses, 409: ApiErrorSchema };
const MandateParams = SlugIdParams.extend({ mandateId: Uuid });

/** Bodies and mandates, with the renewal reminders; then colleges and associates (module `governance`). */
export function registerGovernanceBodyRoutes(fastify: FastifyInstance, deps: { db: Db; mailer: Mailer }) {
  const app = typed(fastify);
  const tags = ["governance"];
  const { db, mailer } = deps;
  const ctx = (req: FastifyRequest) => consortiumCtx(req, db, (req.params as { slug: string }).slug);

  app.get(`${base}/bodies`, {
    schema: {
      tags,
      summary: "Bodies with their member counts, and the mandates ending within 90 days",
      params: SlugParams,
      response: { 200: BodyListDto, ...errorResponses },
    },
    handler: async (req) => service.listBodies(await ctx(req)),
  });
  app.post(`${base}/bodies`, {
    schema: { tags, params: SlugParams, body: BodyInput, response: { 201: BodyDto, ...withConflict } },
    handler: async (req, reply) => reply.status(201).send(await service.createBody(await ctx(req), req.body)),
  });
  app.get(`${base}/bodies/:id`, {
    schema: { tags, params: SlugIdParams, response: { 200: BodyDto, ...errorResponses } },
    handler: async (req) => service.getBody(await ctx(req), req.params.id),
  });
  app.put(`${base}/bodies/:id`, {
    schema: {
      tags,
      summary: "Change a body; fields left out keep their value",
      params: SlugIdParams,
      body: UpdateBodyInput,
      response: { 200: BodyDto, ...withConflict },
    },
    handler: async (req) => service.updateBody(await ctx(req), req.params.id, req.body),
  });
  app.post(`${base}/bodies/:id/archive`, {
    schema: { tags, params: SlugIdParams, response: { 200: BodyDto, ...withConflict } },
    handler: async (req) => service.archiveBody(await ctx(req), req.params.id),
  });
  app.post(`${base}/bodies/:id/mandates`, {
    schema: { tags, params: SlugIdParams, body: MandateInput, response: { 201: BodyDto, ...withConflict } },
    handler: async (req, reply) => reply.status(201).send(await service.addMandate(await ctx(req), req.params.id, req.body)),
  });
  app.post(`${base}/bodies/:id/mandates/:mandateId/end`, {
    schema: {
      tags,
      summary: "End a mandate early, with the reason; the row stays in the history",
      params: MandateParams,
      body: EndMandateInput,
      response: { 200: BodyDto, ...withConflict },
    },
    handler: async (req) => service.endMandate(await ctx(req), req.params.id, req.params.mandateId, req.body),
  });
  app.post(`${base}/bodies/:id/mandates/:mandateId/renew`, {
    schema: {
      tags,
      summary: "Renew a mandate: a new mandate pointing at the old one (renews), which is kept as it was",
      params: MandateParams,
      body: RenewMandateInput,
      response: { 201: BodyDto, ...withConflict },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await service.renewMandate(await ctx(req), req.params.id, req.params.mandateId, req.body)),
  });
  app.post(`${base}/renewals/remind`, {
    schema: {
      tags,
      summary: "Mail the coordination the mandates due for renewal; the same list is sent once a day",
      params: SlugParams,
      response: { 200: RemindersDto, ...errorResponses },
    },
    handler: async (req) => sendRenewalReminders(await ctx(req), mailer),
  });

  registerCollegeRoutes(fastify, { db });
}
