import type { FastifyInstance } from "fastify";
import { allDayRange, parisWallToInstant } from "../shared/agenda/time.ts";
import { CreateEventInput } from "../shared/contracts/agenda.ts";
import type { Db } from "./db/client.ts";
import { insertEvent } from "./modules/agenda/events.store.ts";

// Floors for `npm run bench agenda` (docs/performance.md): the cheapest answers this same server can give,
// measured in the same run as the real routes, so that figures are ratios and survive a noisy machine.
// Registered only when BENCH_FLOOR=1; never in a normal start.

/**
 * `POST /__bench/floor/:name` keeps the bytes posted (with their content type) and `GET /__bench/floor/:name`
 * serves them from memory: no session, no database, no cache lookup. `POST /__bench/insert/:consortiumId`
 * writes an event from the body of the create route (same contract) with `insertEvent` in one transaction,
 * without any of the checks the create route makes (references, space, audience clash, duplicates).
 */
export function registerBenchFloor(app: FastifyInstance, db: Db) {
  const bodies = new Map<string, { type: string; bytes: Buffer }>();
  app.register(async (scope) => {
    // Encapsulated: the raw-bytes parser applies to these routes only.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post<{ Params: { name: string } }>("/__bench/floor/:name", { schema: { hide: true } }, async (req, reply) => {
      bodies.set(req.params.name, {
        type: String(req.headers["content-type"] ?? "application/octet-stream"),
        bytes: req.body as Buffer,
      });
      return reply.status(204).send();
    });
  });
  app.get<{ Params: { name: string } }>("/__bench/floor/:name", { schema: { hide: true } }, (req, reply) => {
    const body = bodies.get(req.params.name);
    if (!body) return reply.status(404).send();
    return reply.type(body.type).send(body.bytes);
  });
  app.post<{ Params: { consortiumId: string } }>(
    "/__bench/insert/:consortiumId",
    { schema: { hide: true } },
    async (req, reply) => {
      const input = CreateEventInput.parse(req.body);
      const { startsAt, endsAt } = input.allDay
        ? allDayRange(input.start, input.end)
        : { startsAt: parisWallToInstant(input.start) as Date, endsAt: parisWallToInstant(input.end) as Date };
      const id = await db.transaction((tx) =>
        insertEvent(
          tx,
          req.params.consortiumId,
          {
            title: input.title,
            description: input.description ?? null,
            venue: input.venue,
            placeId: input.placeId ?? null,
            spaceId: input.spaceId ?? null,
            partnerId: input.partnerId ?? null,
            venueName: input.venueName ?? null,
            onlineUrl: input.onlineUrl ?? null,
            allDay: input.allDay,
            startsAt,
            endsAt,
            rrule: null,
            audiences: input.audiences,
            themes: input.themes,
            price: input.price ?? null,
            accessibility: input.accessibility,
            capacity: input.capacity ?? null,
            visibility: input.visibility,
            status: input.status,
          },
          input.organizerIds,
        ),
      );
      return reply.status(201).send({ id });
    },
  );
}
