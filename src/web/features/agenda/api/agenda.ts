import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AgendaWarnings,
  AgendaWindowDto,
  AgendaWindowQuery,
  CheckEventInput,
  CreateEventInput,
  EventDto,
  PublicAgendaDto,
  UpdateEventInput,
} from "../../../../shared/contracts/agenda.ts";
import type { ApiErrorBody } from "../../../../shared/errors.ts";
import type { EDIT_SCOPES } from "../../../../shared/vocabulary.ts";
import i18n from "../../../i18n/index.ts";
import { ApiError, api } from "../../../lib/api-client.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

export type EditScope = (typeof EDIT_SCOPES)[number];

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/agenda`;
export const agendaKey = (slug: string) => [...consortiumKey(slug), "agenda"] as const;

export function useAgendaWindow(slug: string, query: AgendaWindowQuery) {
  return useQuery({
    queryKey: [...agendaKey(slug), "window", query],
    queryFn: ({ signal }) => api.get<AgendaWindowDto>(`${root(slug)}/events`, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(slug: string, id: string) {
  return useQuery({
    queryKey: [...agendaKey(slug), "event", id],
    queryFn: () => api.get<EventDto>(`${root(slug)}/events/${id}`),
  });
}

/**
 * A save refused because of the agenda's warnings (409 with `details`). The shared client drops the
 * details of an error body, so saves go through this small request of their own.
 */
export class AgendaConflict extends ApiError {
  readonly warnings: AgendaWarnings;
  constructor(message: string, warnings: AgendaWarnings) {
    super(409, "CONFLICT", message);
    this.name = "AgendaConflict";
    this.warnings = warnings;
  }
}

function isWarnings(value: unknown): value is AgendaWarnings {
  const v = value as Partial<AgendaWarnings> | null;
  return !!v && Array.isArray(v.space) && Array.isArray(v.audience) && Array.isArray(v.duplicates);
}

async function send<T>(method: "POST" | "PATCH", path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json", "Accept-Language": i18n.language },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "Network error");
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return data as T;
  const err = (data ?? {}) as Partial<ApiErrorBody>;
  if (response.status === 409 && isWarnings(err.details)) {
    throw new AgendaConflict(err.message ?? response.statusText, err.details);
  }
  throw new ApiError(response.status, err.code ?? `HTTP_${response.status}`, err.message ?? response.statusText, err.fields);
}

function useInvalidateAgenda(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: agendaKey(slug) });
}

export function useCreateEvent(slug: string) {
  const invalidate = useInvalidateAgenda(slug);
  return useMutation({
    mutationFn: (input: CreateEventInput) => send<EventDto>("POST", `${root(slug)}/events`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateEvent(slug: string, id: string) {
  const invalidate = useInvalidateAgenda(slug);
  return useMutation({
    mutationFn: (input: UpdateEventInput) => send<EventDto>("PATCH", `${root(slug)}/events/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteEvent(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (query: { scope: EditScope; occurrence?: string }) => {
      const params = new URLSearchParams({ scope: query.scope });
      if (query.occurrence) params.set("occurrence", query.occurrence);
      return api.delete(`${root(slug)}/events/${id}?${params}`);
    },
    onSuccess: (_data, query) => {
      const eventKey = [...agendaKey(slug), "event", id];
      // A deleted event is not fetched again (it would answer 404 while the page leaves).
      if (query.scope === "all") queryClient.removeQueries({ queryKey: eventKey });
      return queryClient.invalidateQueries({
        queryKey: agendaKey(slug),
        predicate: (q) => query.scope !== "all" || q.queryKey[3] !== "event" || q.queryKey[4] !== id,
      });
    },
  });
}

/** Runs the save checks on a draft; nothing is written. */
export function checkEvent(slug: string, input: CheckEventInput, signal?: AbortSignal): Promise<AgendaWarnings> {
  return send<AgendaWarnings>("POST", `${root(slug)}/check`, input, signal);
}

/** "Link as co-organised": the organisation joins the existing event instead of publishing a copy. */
export function useCoOrganize(slug: string) {
  const invalidate = useInvalidateAgenda(slug);
  return useMutation({
    mutationFn: ({ eventId, organizationId }: { eventId: string; organizationId: string }) =>
      api.post<EventDto>(`${root(slug)}/events/${eventId}/co-organizers`, { organizationId }),
    onSuccess: invalidate,
  });
}

export interface PublicAgendaQuery {
  from: string;
  to: string;
  placeId?: string;
  audience?: string;
  theme?: string;
}

export function usePublicAgenda(slug: string, query: PublicAgendaQuery) {
  return useQuery({
    queryKey: ["public-agenda", slug, query],
    queryFn: ({ signal }) => api.get<PublicAgendaDto>(`/api/public/${encodeURIComponent(slug)}/agenda`, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
