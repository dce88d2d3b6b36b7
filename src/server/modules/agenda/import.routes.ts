import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  ImportCommitInput,
  ImportPreviewDto,
  ImportResultDto,
  ImportSourceInput,
  SubscriptionDto,
} from "../../../shared/contracts/agenda.ts";
import { SlugIdParams, SlugParams } from "../../../shared/contracts/common.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import { commitImport, previewImport } from "./import.service.ts";
import { deleteSubscription, listSubscriptions, refreshNow } from "./subscriptions.ts";

/** Import of .ics files and addresses, and the subscriptions kept from them (module `agenda`, domain rules §8.3). */
export function registerImportRoutes(fastify: FastifyInstance, db: Db) {
  const app = typed(fastify);
  const tags = ["agenda import"];
  const base = "/api/consortia/:slug/agenda";

  app.post(`${base}/import/preview`, {
    schema: {
      tags,
      summary: "What importing a file or an address would create, update or skip; writes nothing",
      params: SlugParams,
      body: ImportSourceInput,
      response: { 200: ImportPreviewDto, ...errorResponses },
    },
    handler: async (req) => previewImport(await consortiumCtx(req, db, req.params.slug), req.body),
  });
  app.post(`${base}/import`, {
    schema: {
      tags,
      summary: "Import a file or an address in one transaction, optionally subscribing to the address",
      params: SlugParams,
      body: ImportCommitInput,
      response: { 200: ImportResultDto, ...errorResponses, 409: ApiErrorSchema },
    },
    handler: async (req) => commitImport(await consortiumCtx(req, db, req.params.slug), req.body),
  });
  app.get(`${base}/subscriptions`, {
    schema: { tags, params: SlugParams, response: { 200: z.array(SubscriptionDto), ...errorResponses } },
    handler: async (req) => listSubscriptions(await consortiumCtx(req, db, req.params.slug)),
  });
  app.post(`${base}/subscriptions/:id/refresh`, {
    schema: {
      tags,
      summary: "Read the subscribed address again now; the answer tells whether it worked",
      params: SlugIdParams,
      response: { 200: SubscriptionDto, ...errorResponses },
    },
    handler: async (req) => refreshNow(await consortiumCtx(req, db, req.params.slug), req.params.id),
  });
  app.delete(`${base}/subscriptions/:id`, {
    schema: {
      tags,
      summary: "Stop following an address; its events stay",
      params: SlugIdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await deleteSubscription(await consortiumCtx(req, db, req.params.slug), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
