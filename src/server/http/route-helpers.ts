import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

/** The zod-typed view of the app that every module registers its routes on. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export const ApiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  details: z.unknown().optional(),
});

/** Error responses documented on every consortium route. */
export const errorResponses = {
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
  422: ApiErrorSchema,
};
