import { desc } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { OutboxMessageDto, PublicConfigDto } from "../../../shared/contracts/consortium.ts";
import type { Database } from "../../db/client.ts";
import { outboxMessages } from "../../db/schema/index.ts";
import { requireUser } from "../../http/auth.ts";
import { forbidden } from "../../http/errors.ts";
import { errorResponses, typed } from "../../http/route-helpers.ts";

/** Instance-level routes: health, public configuration, and the outbox for instance admins. */
export function registerAdminRoutes(
  fastify: FastifyInstance,
  deps: { database: Database; version: string; geocoder: boolean; mapTileUrl: string | null },
) {
  const { database, version } = deps;
  const app = typed(fastify);

  app.get("/api/health", {
    schema: {
      tags: ["instance"],
      response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), version: z.string() }) },
    },
    config: { rateLimit: false },
    handler: async () => {
      await database.db.execute("select 1");
      return { status: "ok" as const, database: database.engine, version };
    },
  });

  app.get("/api/config", {
    schema: { tags: ["instance"], response: { 200: PublicConfigDto } },
    handler: async () => ({ geocoder: deps.geocoder, mapTileUrl: deps.mapTileUrl, version }),
  });

  app.get("/api/admin/outbox", {
    schema: {
      tags: ["instance"],
      summary: "Every e-mail the instance sent or would have sent (instance admins only)",
      response: { 200: z.array(OutboxMessageDto), ...errorResponses },
    },
    handler: async (req) => {
      const user = await requireUser(req);
      if (!user.isAdmin) throw forbidden();
      const rows = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(200);
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    },
  });
}
