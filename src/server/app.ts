import fs from "node:fs";
import path from "node:path";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { registerBenchFloor } from "./bench-floor.ts";
import { ChangeFeed } from "./db/changes.ts";
import type { Database } from "./db/client.ts";
import type { Env } from "./env.ts";
import { registerAuth } from "./http/auth.ts";
import { registerErrorHandler, registerNotFound } from "./http/errors.ts";
import { createMailer } from "./lib/mailer.ts";
import { loadOrCreateSecret } from "./lib/secret.ts";
import { registerAdminRoutes } from "./modules/admin/admin.routes.ts";
import { registerAgendaRoutes } from "./modules/agenda/agenda.routes.ts";
import { registerFeedsRoutes } from "./modules/agenda/feeds.routes.ts";
import { registerImportRoutes } from "./modules/agenda/import.routes.ts";
import { registerSubscriptionRefresher } from "./modules/agenda/subscriptions.ts";
import { createAuth } from "./modules/auth/auth.ts";
import { registerConsortiumRoutes } from "./modules/consortium/consortium.routes.ts";
import { registerDirectoryRoutes } from "./modules/directory/directory.routes.ts";
import { registerGeocodeRoutes } from "./modules/directory/geocode.routes.ts";
import { registerRenewalReminders } from "./modules/governance/bodies.reminders.ts";
import { registerGovernanceBodyRoutes } from "./modules/governance/bodies.routes.ts";
import { registerReviewReminders } from "./modules/governance/decisions.reminders.ts";
import { registerDecisionRoutes } from "./modules/governance/decisions.routes.ts";
import { registerMeetingRoutes } from "./modules/governance/meetings.routes.ts";
import { registerProposalRoutes } from "./modules/governance/proposals.routes.ts";
import { registerTaskRoutes } from "./modules/governance/tasks.routes.ts";
import { registerResidencyRoutes } from "./modules/residencies/residencies.routes.ts";
import { registerRotationRoutes } from "./modules/rotations/rotations.routes.ts";
import { registerTourRoutes } from "./modules/tours/tours.routes.ts";
import { projectRoot, webDist } from "./paths.ts";

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")).version;

export interface AppOptions {
  database: Database;
  env: Env;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
}

/** Builds the whole HTTP application: plugins first, then each module's routes, explicitly. */
export async function buildApp({ database, env, serveWeb = true, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: env.LOG_LEVEL } : false,
    // One line per request drowns the start-up message a coordinator reads; they appear at debug level.
    logController: new LogController({ disableRequestLogging: !["debug", "trace"].includes(env.LOG_LEVEL) }),
    trustProxy: true,
    ajv: undefined,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const tiles = env.MAP_TILE_URL ? new URL(env.MAP_TILE_URL.replace(/\{[a-z]\}/g, "a")).origin : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:", ...(tiles ? [tiles] : [])],
        // Leaflet positions markers and tiles with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    max: 600,
    timeWindow: "1 minute",
    allowList: env.NODE_ENV === "test" ? () => true : undefined,
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "Maillage API", version: VERSION, description: "The cooperation platform of a consortium of tiers-lieux." },
    },
    transform: jsonSchemaTransform,
  });

  const secret = env.AUTH_SECRET ?? (await loadOrCreateSecret(database.db));
  const origins = new Set([env.PUBLIC_URL, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`]);
  const mailer = createMailer(database.db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
  const auth = createAuth({
    db: database.db,
    mailer,
    baseURL: env.PUBLIC_URL,
    secret,
    trustedOrigins: [...origins],
    quiet: env.NODE_ENV === "test",
  });

  // Sessions, access and agenda versions are kept in memory while this feed hears every change (ADR 0021).
  const changes = await ChangeFeed.start(database);
  app.addHook("onClose", async () => changes.stop());
  // What a request changed must be heard before the next request reads memory (PostgreSQL only; PGlite
  // hears it within the commit): marked before the answer leaves, waited for by the next read.
  app.addHook("onSend", async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") changes.wrote();
  });
  registerAuth(app, auth, database.db, env.PUBLIC_URL);
  registerAdminRoutes(app, {
    database,
    version: VERSION,
    geocoder: Boolean(env.GEOCODER_URL),
    mapTileUrl: env.MAP_TILE_URL ?? null,
  });
  registerConsortiumRoutes(app, { db: database.db, mailer, publicUrl: env.PUBLIC_URL });
  registerDirectoryRoutes(app, database.db);
  registerAgendaRoutes(app, database.db);
  registerFeedsRoutes(app, { db: database.db, publicUrl: env.PUBLIC_URL });
  registerImportRoutes(app, database.db);
  registerRotationRoutes(app, { db: database.db, mailer });
  registerTourRoutes(app, { db: database.db, mailer, publicUrl: env.PUBLIC_URL });
  registerResidencyRoutes(app, { db: database.db });
  registerGovernanceBodyRoutes(app, { db: database.db, mailer });
  registerMeetingRoutes(app, { db: database.db });
  registerProposalRoutes(app, { db: database.db });
  registerDecisionRoutes(app, { db: database.db, mailer });
  registerTaskRoutes(app, { db: database.db });
  // Tests refresh subscriptions by calling refreshDue themselves, at the instants they choose.
  registerSubscriptionRefresher(app, database.db, { enabled: env.NODE_ENV !== "test" });
  // Likewise, tests call remindAllDueReviews at the instants they choose.
  registerReviewReminders(app, database.db, mailer, { enabled: env.NODE_ENV !== "test" });
  registerRenewalReminders(app, database.db, mailer, { enabled: env.NODE_ENV !== "test" });
  // Floors of `npm run bench agenda` (docs/performance.md); never registered in a normal start.
  if (process.env.BENCH_FLOOR === "1") registerBenchFloor(app, database.db);
  registerGeocodeRoutes(app, env.GEOCODER_URL);

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  let indexHtml: string | null = null;
  if (serveWeb && fs.existsSync(path.join(webDist, "index.html"))) {
    indexHtml = fs.readFileSync(path.join(webDist, "index.html"), "utf8");
    // Hashed asset names never change content: cache them for a year; index.html is never cached.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
    app.get("/", { schema: { hide: true } }, (_req, reply) =>
      reply.type("text/html").header("cache-control", "no-cache").send(indexHtml),
    );
  }
  registerNotFound(app, indexHtml);
  return app;
}
