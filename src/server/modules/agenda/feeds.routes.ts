import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { FeedLinksDto, PublicAgendaDto, PublicEventQuery } from "../../../shared/contracts/agenda.ts";
import { SlugParams } from "../../../shared/contracts/common.ts";
import type { Db } from "../../db/client.ts";
import { consortiumCtx } from "../../http/auth.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";
import type { CachedBody } from "./agenda.cache.ts";
import * as feeds from "./feeds.service.ts";

const Slug = z.string().min(1).max(80);
const notFoundOnly = { 404: ApiErrorSchema };

/**
 * Sends a cached feed with its validators: ETag and Last-Modified, and 304 when the client holds the current
 * text (If-None-Match first, If-Modified-Since otherwise, as RFC 9110 says). Clients revalidate every time, so
 * a change is seen at their next poll.
 */
export function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  cached: CachedBody,
  type: string,
  scope: "public" | "private",
) {
  const modified = new Date(Math.floor(cached.builtAt.getTime() / 1000) * 1000);
  reply.header("etag", cached.etag).header("last-modified", modified.toUTCString()).header("cache-control", `${scope}, no-cache`);
  const match = request.headers["if-none-match"];
  const since = request.headers["if-modified-since"];
  const fresh = match
    ? match.split(",").some((tag) => ["*", cached.etag, `W/${cached.etag}`].includes(tag.trim()))
    : since !== undefined && !Number.isNaN(Date.parse(since)) && Date.parse(since) >= modified.getTime();
  if (fresh) return reply.status(304).send();
  return reply.type(type).send(cached.body);
}

const CALENDAR = "text/calendar; charset=utf-8";
const EMBED_PATH = /^\/agenda\/[^/?#]+\/integration\/?$/;

/**
 * The embeddable agenda page is the one page other sites may frame: its answer (the web app's index.html,
 * from the not-found fallback) gets `frame-ancestors *` instead of helmet's 'self', and no X-Frame-Options.
 */
function allowFramingOfEmbed(app: FastifyInstance) {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD") return payload;
    if (!EMBED_PATH.test(request.url.split("?")[0])) return payload;
    const csp = String(reply.getHeader("content-security-policy") ?? "");
    const directives = csp
      .split(";")
      .map((d) => d.trim())
      .filter((d) => d !== "" && !d.startsWith("frame-ancestors"));
    reply.header("content-security-policy", [...directives, "frame-ancestors *"].join(";"));
    reply.removeHeader("x-frame-options");
    return payload;
  });
}

/** Calendar feeds, RSS, the public agenda and the feed addresses (module `agenda`, domain rules §8.3). */
export function registerFeedsRoutes(fastify: FastifyInstance, deps: { db: Db; publicUrl: string }) {
  const app = typed(fastify);
  const { db, publicUrl } = deps;
  const tags = ["agenda feeds"];
  allowFramingOfEmbed(fastify);

  // find-my-way routes a static suffix after a parameter: "reseau.ics" gives slug "reseau".
  app.get("/ics/:slug.ics", {
    schema: {
      tags,
      summary: "Public iCalendar feed of the consortium",
      params: z.object({ slug: Slug }),
      response: notFoundOnly,
    },
    handler: async (req, reply) =>
      sendFeed(req, reply, await feeds.publicFeed(db, req.params.slug, publicUrl), CALENDAR, "public"),
  });
  app.get("/ics/:slug/places/:placeSlug.ics", {
    schema: {
      tags,
      summary: "Public iCalendar feed of one member place",
      params: z.object({ slug: Slug, placeSlug: Slug }),
      response: notFoundOnly,
    },
    handler: async (req, reply) =>
      sendFeed(req, reply, await feeds.placeFeed(db, req.params.slug, req.params.placeSlug, publicUrl), CALENDAR, "public"),
  });
  app.get("/ics/private/:token.ics", {
    schema: {
      tags,
      summary: "A person's private iCalendar feed; 404 once revoked",
      params: z.object({ token: z.string().max(200) }),
      response: notFoundOnly,
    },
    handler: async (req, reply) =>
      sendFeed(req, reply, await feeds.privateFeed(db, req.params.token, publicUrl), CALENDAR, "private"),
  });
  app.get("/rss/:slug.xml", {
    schema: { tags, summary: "RSS 2.0 of the coming public events", params: z.object({ slug: Slug }), response: notFoundOnly },
    handler: async (req, reply) =>
      sendFeed(req, reply, await feeds.rssFeed(db, req.params.slug, publicUrl), "application/rss+xml; charset=utf-8", "public"),
  });
  app.get("/api/public/:slug/agenda", {
    schema: {
      tags,
      summary: "The public agenda of a consortium (public events only)",
      params: z.object({ slug: Slug }),
      querystring: PublicEventQuery,
      response: { 200: PublicAgendaDto, 304: z.null(), 404: ApiErrorSchema, 422: ApiErrorSchema },
    },
    handler: async (req, reply) =>
      sendFeed(
        req,
        reply,
        await feeds.publicAgenda(db, req.params.slug, req.query, publicUrl),
        "application/json; charset=utf-8",
        "public",
      ),
  });

  const base = "/api/consortia/:slug/agenda/feeds";
  app.get(base, {
    schema: {
      tags,
      summary: "Addresses of the agenda's feeds",
      params: SlugParams,
      response: { 200: FeedLinksDto, ...errorResponses },
    },
    handler: async (req) => feeds.feedLinks(await consortiumCtx(req, db, req.params.slug), publicUrl),
  });
  app.post(`${base}/private`, {
    schema: {
      tags,
      summary: "Create or renew the caller's private feed (the previous address stops working)",
      params: SlugParams,
      response: { 200: FeedLinksDto, ...errorResponses },
    },
    handler: async (req) => feeds.rotatePrivateFeed(await consortiumCtx(req, db, req.params.slug), publicUrl),
  });
  app.delete(`${base}/private`, {
    schema: {
      tags,
      summary: "Revoke the caller's private feed",
      params: SlugParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await feeds.revokePrivateFeed(await consortiumCtx(req, db, req.params.slug));
      return reply.status(204).send(null);
    },
  });
}
