/**
 * The error vocabulary shared by the server and the web app. The server answers every failure with an
 * `ApiErrorBody`; the web app maps `fields` onto form inputs and shows `message` otherwise.
 */
export const ERROR_CODES = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Per-field messages, keyed by the dotted path of the field in the request body or query. */
  fields?: Record<string, string>;
  /** Structured context for some conflicts (the agenda's warnings, for instance). */
  details?: unknown;
}
