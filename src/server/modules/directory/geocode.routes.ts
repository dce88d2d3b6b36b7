import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireUser } from "../../http/auth.ts";
import { AppError } from "../../http/errors.ts";
import { ApiErrorSchema, errorResponses, typed } from "../../http/route-helpers.ts";

const GeocodeResult = z.object({
  label: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  street: z.string().nullable(),
});

interface BanFeature {
  geometry: { coordinates: [number, number] };
  properties: { label: string; postcode?: string; city?: string; name?: string };
}

/**
 * Address search through the national address API (BAN format), only when GEOCODER_URL is set: the
 * platform makes no outside call unless its operator asks for one.
 */
export function registerGeocodeRoutes(fastify: FastifyInstance, geocoderUrl: string | undefined) {
  typed(fastify).get("/api/geocode", {
    schema: {
      tags: ["directory"],
      querystring: z.object({ q: z.string().trim().min(3, { message: "Au moins 3 caractères" }).max(200) }),
      response: { 200: z.array(GeocodeResult), ...errorResponses, 503: ApiErrorSchema },
    },
    handler: async (req) => {
      await requireUser(req);
      if (!geocoderUrl) throw new AppError("UNAVAILABLE", "Aucun service de géocodage n'est configuré (GEOCODER_URL).");
      const url = new URL("search/", geocoderUrl.endsWith("/") ? geocoderUrl : `${geocoderUrl}/`);
      url.searchParams.set("q", req.query.q);
      url.searchParams.set("limit", "5");
      let body: { features?: BanFeature[] };
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`status ${res.status}`);
        body = (await res.json()) as { features?: BanFeature[] };
      } catch (error) {
        req.log.warn({ err: error }, "geocoder failed");
        throw new AppError("UNAVAILABLE", "Le service de géocodage ne répond pas. Placez le lieu sur la carte.");
      }
      return (body.features ?? []).map((f) => ({
        label: f.properties.label,
        longitude: f.geometry.coordinates[0],
        latitude: f.geometry.coordinates[1],
        postalCode: f.properties.postcode ?? null,
        city: f.properties.city ?? null,
        street: f.properties.name ?? null,
      }));
    },
  });
}
