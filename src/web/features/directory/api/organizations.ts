import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OrganizationDto, OrganizationKind } from "../../../../shared/contracts/directory.ts";
import { api } from "../../../lib/api-client.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

const base = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/organizations`;
export const organizationsKey = (slug: string) => [...consortiumKey(slug), "organizations"] as const;

export function useOrganizations(slug: string, kind?: OrganizationKind) {
  return useQuery({
    queryKey: [...organizationsKey(slug), kind ?? "all"],
    queryFn: () => api.get<OrganizationDto[]>(base(slug), { kind }),
  });
}

/** Every change to an organisation may change counts, carrier, people and places: refresh the consortium. */
function useInvalidate(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: consortiumKey(slug) });
}

export function useCreateOrganization(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: (input: unknown) => api.post<OrganizationDto>(base(slug), input),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: unknown }) => api.patch<OrganizationDto>(`${base(slug)}/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useJoinOrganization(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: ({ id, joinedOn }: { id: string; joinedOn: string }) => api.post(`${base(slug)}/${id}/join`, { joinedOn }),
    onSuccess: invalidate,
  });
}

export function useLeaveOrganization(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: ({ id, leftOn }: { id: string; leftOn: string }) => api.post(`${base(slug)}/${id}/leave`, { leftOn }),
    onSuccess: invalidate,
  });
}

export function useAddRepresentative(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: ({ id, personId, since }: { id: string; personId: string; since?: string }) =>
      api.post(`${base(slug)}/${id}/representatives`, since ? { personId, since } : { personId }),
    onSuccess: invalidate,
  });
}

export function useEndRepresentative(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: ({ id, representativeId, until }: { id: string; representativeId: string; until?: string }) =>
      api.post(`${base(slug)}/${id}/representatives/${representativeId}/end`, until ? { until } : {}),
    onSuccess: invalidate,
  });
}
