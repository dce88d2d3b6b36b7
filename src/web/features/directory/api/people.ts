import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PersonDto, SearchHit } from "../../../../shared/contracts/directory.ts";
import { api } from "../../../lib/api-client.ts";
import { consortiumKey, type Paginated } from "../../consortium/api/consortium.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}`;
export const peopleKey = (slug: string) => [...consortiumKey(slug), "people"] as const;

export interface PeopleFilters {
  q?: string;
  organizationId?: string;
  role?: string;
  skill?: string;
  page?: number;
  pageSize?: number;
}

export function usePeople(slug: string, filters: PeopleFilters, enabled = true) {
  return useQuery({
    queryKey: [...peopleKey(slug), "list", filters],
    queryFn: () => api.get<Paginated<PersonDto>>(`${root(slug)}/people`, { ...filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(slug: string, id: string) {
  return useQuery({ queryKey: [...peopleKey(slug), id], queryFn: () => api.get<PersonDto>(`${root(slug)}/people/${id}`) });
}

function useInvalidate(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: consortiumKey(slug) });
}

export function useCreatePerson(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: (input: unknown) => api.post<PersonDto>(`${root(slug)}/people`, input),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson(slug: string, id: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: (input: unknown) => api.patch<PersonDto>(`${root(slug)}/people/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeletePerson(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${root(slug)}/people/${id}`),
    onSuccess: (_d, id) => {
      queryClient.removeQueries({ queryKey: [...peopleKey(slug), id] });
      return queryClient.invalidateQueries({ queryKey: consortiumKey(slug) });
    },
  });
}

export function useAddPersonRole(slug: string, id: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: (input: unknown) => api.post(`${root(slug)}/people/${id}/roles`, input),
    onSuccess: invalidate,
  });
}

export function useEndPersonRole(slug: string, id: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: (roleId: string) => api.post(`${root(slug)}/people/${id}/roles/${roleId}/end`, {}),
    onSuccess: invalidate,
  });
}

export function useSearch(slug: string, q: string) {
  return useQuery({
    queryKey: [...consortiumKey(slug), "search", q],
    queryFn: () => api.get<{ q: string; hits: SearchHit[] }>(`${root(slug)}/search`, { q }),
    enabled: q.trim().length >= 2,
  });
}
