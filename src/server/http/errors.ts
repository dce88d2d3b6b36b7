import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodType } from "zod";
import { setContractLocale } from "../../shared/contracts/messages.ts";
import type { ApiErrorBody, ErrorCode } from "../../shared/errors.ts";

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The one error type services throw; the handler below turns it into an `ApiErrorBody`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Structured context the client can act on, such as the events a new one clashes with. */
    readonly details?: unknown,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Connectez-vous pour continuer.");
export const forbidden = () => new AppError("FORBIDDEN", "Votre rôle ne permet pas cette action.");
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} introuvable.`);
export const conflict = (message: string, fields?: Record<string, string>, details?: unknown) =>
  new AppError("CONFLICT", message, fields, details);
export const invalid = (fields: Record<string, string>, message = "Certains champs sont invalides.") =>
  new AppError("VALIDATION", message, fields);

/** PostgreSQL error codes we translate instead of answering 500. */
function fromDatabase(error: unknown): AppError | null {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  const code = (cause as { code?: string }).code;
  if (code === "23505") return conflict("Cet élément existe déjà.");
  if (code === "23P01") return conflict("Cette période chevauche une période existante.");
  if (code === "23503") return conflict("Cet élément est encore utilisé ailleurs.");
  if (code === "23514") return invalid({}, "Ces valeurs sont incohérentes entre elles.");
  return null;
}

const prefersEnglish = (request: FastifyRequest) => /^\s*en\b/i.test(String(request.headers["accept-language"] ?? ""));

/**
 * Validation runs in French; for a client that asked for English, the failing part is parsed again with
 * English messages. Parsing is synchronous, so the locale switch cannot leak into another request.
 */
function englishFields(request: FastifyRequest, part: string | undefined): Record<string, string> | null {
  const schemas = request.routeOptions.schema as Record<string, unknown> | undefined;
  const schema = part ? schemas?.[part] : undefined;
  if (!(schema instanceof ZodType)) return null;
  const data = part === "body" ? request.body : part === "querystring" ? request.query : request.params;
  setContractLocale("en");
  try {
    const result = schema.safeParse(data);
    if (result.success) return null;
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) fields[issue.path.map(String).join(".") || "_"] ??= issue.message;
    return fields;
  } finally {
    setContractLocale("fr");
  }
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError | null = error instanceof AppError ? error : null;
    if (!appError && hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        // instancePath is "/role/organizationId"; the web app keys its inputs by "role.organizationId".
        const key = v.instancePath.split("/").filter(Boolean).join(".") || "_";
        fields[key] ??= v.message ?? "Valeur invalide";
      }
      appError = prefersEnglish(request)
        ? invalid(englishFields(request, error.validationContext) ?? fields, "Some fields are invalid.")
        : invalid(fields);
    }
    if (!appError && error.statusCode === 429)
      appError = new AppError("RATE_LIMITED", "Trop de requêtes : réessayez dans un instant.");
    if (!appError && error.code === "FST_ERR_CTP_INVALID_JSON_BODY") appError = invalid({ _: "JSON invalide" });
    if (!appError && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      appError = new AppError(error.statusCode === 404 ? "NOT_FOUND" : "VALIDATION", error.message);
    }
    appError ??= fromDatabase(error);
    if (!appError) {
      // Unknown failures are logged with the request and answered without internals.
      request.log.error({ err: error }, "unhandled error");
      appError = new AppError("INTERNAL", "Une erreur inattendue est survenue. Réessayez plus tard.");
    }
    const body: ApiErrorBody = { code: appError.code, message: appError.message };
    if (appError.fields) body.fields = appError.fields;
    if (appError.details !== undefined) body.details = appError.details;
    return reply.status(appError.status).send(body);
  });
}

/**
 * Unknown API routes get the error shape; with the web app built, any other GET answers its index.html,
 * because the web app routes on the client.
 */
export function registerNotFound(app: FastifyInstance, indexHtml: string | null) {
  app.setNotFoundHandler((request, reply) => {
    if (indexHtml && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.type("text/html").send(indexHtml);
    }
    const body: ApiErrorBody = { code: "NOT_FOUND", message: `Aucune route pour ${request.method} ${request.url}.` };
    return reply.status(404).send(body);
  });
}
