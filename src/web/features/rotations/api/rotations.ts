import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { PersonDto } from "../../../../shared/contracts/directory.ts";
import type {
  CancelTurnInput,
  CreateRotationInput,
  GenerateInput,
  PinTurnInput,
  RotationDto,
  RotationListDto,
  SwapAnswerInput,
  SwapRequestInput,
  UpdateRotationInput,
  WithdrawInput,
} from "../../../../shared/contracts/rotations.ts";
import type { ApiErrorBody } from "../../../../shared/errors.ts";
import i18n from "../../../i18n/index.ts";
import { ApiError } from "../../../lib/api-client.ts";
import { agendaKey } from "../../agenda/api/agenda.ts";
import { consortiumKey, type Paginated } from "../../consortium/api/consortium.ts";
import { peopleKey } from "../../directory/api/people.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/rotations`;
export const rotationsKey = (slug: string) => [...consortiumKey(slug), "rotations"] as const;
const rotationKey = (slug: string, id: string) => [...rotationsKey(slug), id] as const;

/**
 * A schedule the constraints make impossible (409): `message` already names the blocking constraint in French,
 * `report` is the solver's report as data. The shared client drops the report, so rotation writes go through
 * this small request of their own.
 */
export class RotationInfeasible extends ApiError {
  readonly report: Record<string, unknown> | null;
  constructor(message: string, report: Record<string, unknown> | null) {
    super(409, "CONFLICT", message);
    this.name = "RotationInfeasible";
    this.report = report;
  }
}

async function send<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "Accept-Language": i18n.language,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "Network error");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (response.ok) return data as T;
  const err = (data ?? {}) as Partial<ApiErrorBody> & { report?: unknown };
  if (response.status === 409) {
    // The contract answers { message, report }; an AppError conflict carries it as `details`.
    const report = (err.report ?? err.details ?? null) as Record<string, unknown> | null;
    throw new RotationInfeasible(err.message ?? response.statusText, report && typeof report === "object" ? report : null);
  }
  throw new ApiError(response.status, err.code ?? `HTTP_${response.status}`, err.message ?? response.statusText, err.fields);
}

export function useRotations(slug: string) {
  return useQuery({ queryKey: rotationsKey(slug), queryFn: () => send<RotationListDto>("GET", root(slug)) });
}

export function useRotation(slug: string, id: string) {
  return useQuery({ queryKey: rotationKey(slug, id), queryFn: () => send<RotationDto>("GET", `${root(slug)}/${id}`) });
}

/**
 * Every write answers the whole rotation: it replaces the cached one at once. The list (next turn, counts) and
 * the agenda (the turns are events there) are refreshed.
 */
function useRotationWrite<I>(slug: string, request: (input: I) => Promise<RotationDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (rotation) => {
      queryClient.setQueryData(rotationKey(slug, rotation.id), rotation);
      void queryClient.invalidateQueries({ queryKey: rotationsKey(slug), exact: true });
      void queryClient.invalidateQueries({ queryKey: agendaKey(slug) });
    },
  });
}

export function useCreateRotation(slug: string) {
  return useRotationWrite(slug, (input: z.input<typeof CreateRotationInput>) => send<RotationDto>("POST", root(slug), input));
}

export function useUpdateRotation(slug: string, id: string) {
  return useRotationWrite(slug, (input: z.input<typeof UpdateRotationInput>) =>
    send<RotationDto>("PUT", `${root(slug)}/${id}`, input),
  );
}

export function useDeleteRotation(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => send<void>("DELETE", `${root(slug)}/${id}`),
    onSuccess: () => {
      // Not fetched again: it would answer 404 while the page leaves.
      queryClient.removeQueries({ queryKey: rotationKey(slug, id) });
      void queryClient.invalidateQueries({ queryKey: rotationsKey(slug), exact: true });
      void queryClient.invalidateQueries({ queryKey: agendaKey(slug) });
    },
  });
}

export function useGenerateRotation(slug: string, id: string) {
  return useRotationWrite(slug, (input: z.input<typeof GenerateInput>) =>
    send<RotationDto>("POST", `${root(slug)}/${id}/generate`, input),
  );
}

export function usePinTurn(slug: string, id: string) {
  return useRotationWrite(slug, ({ turnId, ...input }: z.input<typeof PinTurnInput> & { turnId: string }) =>
    send<RotationDto>("POST", `${root(slug)}/${id}/turns/${turnId}/pin`, input),
  );
}

export function useWithdrawTurn(slug: string, id: string) {
  return useRotationWrite(slug, ({ turnId, ...input }: z.input<typeof WithdrawInput> & { turnId: string }) =>
    send<RotationDto>("POST", `${root(slug)}/${id}/turns/${turnId}/withdraw`, input),
  );
}

export function useRequestSwap(slug: string, id: string) {
  return useRotationWrite(slug, (input: z.input<typeof SwapRequestInput>) =>
    send<RotationDto>("POST", `${root(slug)}/${id}/swaps`, input),
  );
}

export function useAnswerSwap(slug: string, id: string) {
  return useRotationWrite(slug, ({ swapId, ...input }: z.input<typeof SwapAnswerInput> & { swapId: string }) =>
    send<RotationDto>("POST", `${root(slug)}/${id}/swaps/${swapId}/answer`, input),
  );
}

export function useCancelTurn(slug: string, id: string) {
  return useRotationWrite(slug, ({ turnId, ...input }: z.input<typeof CancelTurnInput> & { turnId: string }) =>
    send<RotationDto>("POST", `${root(slug)}/${id}/turns/${turnId}/cancel`, input),
  );
}

export function useRestoreTurn(slug: string, id: string) {
  return useRotationWrite(slug, ({ turnId }: { turnId: string }) =>
    send<RotationDto>("POST", `${root(slug)}/${id}/turns/${turnId}/restore`),
  );
}

/**
 * Every person of the consortium, for choosing a person host: the directory answers by pages of at most 100,
 * so the pages are read one after the other.
 */
export function useAllPeople(slug: string) {
  return useQuery({
    queryKey: [...peopleKey(slug), "all"],
    queryFn: async () => {
      const people: PersonDto[] = [];
      for (let page = 1; ; page++) {
        const got = await send<Paginated<PersonDto>>(
          "GET",
          `/api/consortia/${encodeURIComponent(slug)}/people?page=${page}&pageSize=100`,
        );
        people.push(...got.items);
        if (got.items.length === 0 || people.length >= got.total) return people;
      }
    },
  });
}
