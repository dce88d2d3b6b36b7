import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { Page, paginated, SlugParams } from "../../../shared/contracts/common.ts";
import {
  AccountDto,
  ActivityDto,
  ConsortiumDto,
  CreateConsortiumInput,
  InvitationDto,
  InvitationPreviewDto,
  InviteInput,
  MeDto,
  UpdateAccountInput,
  UpdateConsortiumInput,
} from "../../../shared/contracts/consortium.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx, currentUser, requireUser } from "../../http/auth.ts";
import { errorResponses, typed } from "../../http/route-helpers.ts";
import type { Mailer } from "../../lib/mailer.ts";
import * as service from "./consortium.service.ts";
import * as inv from "./invitations.service.ts";

const base = "/api/consortia/:slug";
const TokenParams = z.object({ token: z.string().min(10).max(100) });
const UserParams = SlugParams.extend({ userId: z.string().min(1).max(100) });

/** The tenant itself: who I am, creating and configuring a consortium, accounts, invitations, activity. */
export function registerConsortiumRoutes(fastify: FastifyInstance, deps: { db: Db; mailer: Mailer; publicUrl: string }) {
  const { db, mailer, publicUrl } = deps;
  const app = typed(fastify);
  const tags = ["consortium"];

  app.get("/api/me", {
    schema: { tags, summary: "The signed-in user and their consortia (user is null when signed out)", response: { 200: MeDto } },
    handler: async (req) => service.getMe(db, await currentUser(req)),
  });

  app.post("/api/consortia", {
    schema: { tags, body: CreateConsortiumInput, response: { 201: z.object({ slug: z.string() }), ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await service.createConsortium(db, await requireUser(req), req.body)),
  });
  app.get(base, {
    schema: { tags, params: SlugParams, response: { 200: ConsortiumDto, ...errorResponses } },
    handler: async (req) => service.getConsortium(await consortiumCtx(req, db, req.params.slug)),
  });
  app.patch(base, {
    schema: { tags, params: SlugParams, body: UpdateConsortiumInput, response: { 200: ConsortiumDto, ...errorResponses } },
    handler: async (req) => service.updateConsortium(await consortiumCtx(req, db, req.params.slug), req.body),
  });
  app.get(`${base}/activity`, {
    schema: { tags, params: SlugParams, querystring: Page, response: { 200: paginated(ActivityDto), ...errorResponses } },
    handler: async (req) =>
      service.listActivity(await consortiumCtx(req, db, req.params.slug), req.query.page, req.query.pageSize),
  });

  app.get(`${base}/accounts`, {
    schema: { tags, params: SlugParams, response: { 200: z.array(AccountDto), ...errorResponses } },
    handler: async (req) => inv.listAccounts(await consortiumCtx(req, db, req.params.slug)),
  });
  app.patch(`${base}/accounts/:userId`, {
    schema: { tags, params: UserParams, body: UpdateAccountInput, response: { 200: AccountDto, ...errorResponses } },
    handler: async (req) => inv.updateAccount(await consortiumCtx(req, db, req.params.slug), req.params.userId, req.body),
  });
  app.delete(`${base}/accounts/:userId`, {
    schema: { tags, params: UserParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await inv.removeAccount(await consortiumCtx(req, db, req.params.slug), req.params.userId);
      return reply.status(204).send(null);
    },
  });

  app.get(`${base}/invitations`, {
    schema: { tags, params: SlugParams, response: { 200: z.array(InvitationDto), ...errorResponses } },
    handler: async (req) => inv.listInvitations(await consortiumCtx(req, db, req.params.slug)),
  });
  app.post(`${base}/invitations`, {
    schema: { tags, params: SlugParams, body: InviteInput, response: { 201: InvitationDto, ...errorResponses } },
    config: { rateLimit: { max: 60, timeWindow: "1 hour" } },
    handler: async (req, reply) =>
      reply.status(201).send(await inv.invite(await consortiumCtx(req, db, req.params.slug), mailer, publicUrl, req.body)),
  });
  app.delete(`${base}/invitations/:id`, {
    schema: { tags, params: SlugParams.extend({ id: z.uuid() }), response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await inv.revokeInvitation(await consortiumCtx(req, db, req.params.slug), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get("/api/invitations/:token", {
    schema: {
      tags,
      summary: "Public preview of an invitation link",
      params: TokenParams,
      response: { 200: InvitationPreviewDto, 404: errorResponses[404] },
    },
    handler: async (req) => inv.previewInvitation(db, req.params.token),
  });
  app.post("/api/invitations/:token/accept", {
    schema: { tags, params: TokenParams, response: { 200: z.object({ slug: z.string() }), ...errorResponses } },
    handler: async (req) => inv.acceptInvitation(db, await requireUser(req), req.params.token),
  });
}
