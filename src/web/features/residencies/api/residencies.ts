import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AddChecklistItemInput,
  CreateStayInput,
  PublicResidencyDto,
  ResidencyDto,
  ResidencyFields,
  ResidencyListDto,
  UpdateChecklistItemInput,
  UpdateStayInput,
} from "../../../../shared/contracts/residencies.ts";
import { api, apiRequest } from "../../../lib/api-client.ts";
import { agendaKey } from "../../agenda/api/agenda.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/residencies`;
export const residenciesKey = (slug: string) => [...consortiumKey(slug), "residencies"] as const;
const residencyKey = (slug: string, id: string) => [...residenciesKey(slug), id] as const;

export function useResidencies(slug: string) {
  return useQuery({ queryKey: residenciesKey(slug), queryFn: () => api.get<ResidencyListDto>(root(slug)) });
}

export function useResidency(slug: string, id: string) {
  return useQuery({ queryKey: residencyKey(slug, id), queryFn: () => api.get<ResidencyDto>(`${root(slug)}/${id}`) });
}

/** The route as anyone sees it, signed in or not. */
export function usePublicResidency(slug: string, id: string) {
  return useQuery({
    queryKey: ["public-residency", slug, id],
    queryFn: () => api.get<PublicResidencyDto>(`/api/public/${encodeURIComponent(slug)}/residencies/${encodeURIComponent(id)}`),
    retry: false,
  });
}

/**
 * Every write answers the whole residency: it replaces the cached one at once. The list (spans, progress) and
 * the agenda (the stays are events there) are refreshed.
 */
function useResidencyWrite<I>(slug: string, request: (input: I) => Promise<ResidencyDto>, touchesAgenda = true) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (residency) => {
      queryClient.setQueryData(residencyKey(slug, residency.id), residency);
      void queryClient.invalidateQueries({ queryKey: residenciesKey(slug), exact: true });
      if (touchesAgenda) void queryClient.invalidateQueries({ queryKey: agendaKey(slug) });
    },
  });
}

export function useCreateResidency(slug: string) {
  return useResidencyWrite(slug, (input: ResidencyFields) => api.post<ResidencyDto>(root(slug), input), false);
}

export function useUpdateResidency(slug: string, id: string) {
  return useResidencyWrite(slug, (input: ResidencyFields) =>
    apiRequest<ResidencyDto>(`${root(slug)}/${id}`, { method: "PUT", body: input }),
  );
}

export function useDeleteResidency(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`${root(slug)}/${id}`),
    onSuccess: () => {
      // Not fetched again: it would answer 404 while the page leaves.
      queryClient.removeQueries({ queryKey: residencyKey(slug, id) });
      void queryClient.invalidateQueries({ queryKey: residenciesKey(slug), exact: true });
      void queryClient.invalidateQueries({ queryKey: agendaKey(slug) });
    },
  });
}

export function useAddStay(slug: string, id: string) {
  return useResidencyWrite(slug, (input: CreateStayInput) => api.post<ResidencyDto>(`${root(slug)}/${id}/stays`, input));
}

export function useUpdateStay(slug: string, id: string) {
  return useResidencyWrite(slug, ({ stayId, ...input }: UpdateStayInput & { stayId: string }) =>
    api.patch<ResidencyDto>(`${root(slug)}/${id}/stays/${stayId}`, input),
  );
}

export function useDeleteStay(slug: string, id: string) {
  return useResidencyWrite(slug, (stayId: string) => api.delete<ResidencyDto>(`${root(slug)}/${id}/stays/${stayId}`));
}

export function useAddChecklistItem(slug: string, id: string) {
  return useResidencyWrite(
    slug,
    ({ stayId, ...input }: AddChecklistItemInput & { stayId: string }) =>
      api.post<ResidencyDto>(`${root(slug)}/${id}/stays/${stayId}/checklist`, input),
    false,
  );
}

export function useUpdateChecklistItem(slug: string, id: string) {
  return useResidencyWrite(
    slug,
    ({ stayId, itemId, ...input }: UpdateChecklistItemInput & { stayId: string; itemId: string }) =>
      api.patch<ResidencyDto>(`${root(slug)}/${id}/stays/${stayId}/checklist/${itemId}`, input),
    false,
  );
}

export function useDeleteChecklistItem(slug: string, id: string) {
  return useResidencyWrite(
    slug,
    ({ stayId, itemId }: { stayId: string; itemId: string }) =>
      api.delete<ResidencyDto>(`${root(slug)}/${id}/stays/${stayId}/checklist/${itemId}`),
    false,
  );
}
