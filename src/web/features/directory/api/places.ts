import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PlaceDto } from "../../../../shared/contracts/directory.ts";
import { api } from "../../../lib/api-client.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}`;
export const placesKey = (slug: string) => [...consortiumKey(slug), "places"] as const;

export function usePlaces(slug: string) {
  return useQuery({ queryKey: placesKey(slug), queryFn: () => api.get<PlaceDto[]>(`${root(slug)}/places`) });
}

export function usePlace(slug: string, id: string) {
  return useQuery({ queryKey: [...placesKey(slug), id], queryFn: () => api.get<PlaceDto>(`${root(slug)}/places/${id}`) });
}

function useInvalidate(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: consortiumKey(slug) });
}

export function useCreatePlace(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: (input: unknown) => api.post<PlaceDto>(`${root(slug)}/places`, input),
    onSuccess: invalidate,
  });
}

export function useUpdatePlace(slug: string, id: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: (input: unknown) => api.patch<PlaceDto>(`${root(slug)}/places/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeletePlace(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${root(slug)}/places/${id}`),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: [...placesKey(slug), id] });
      return queryClient.invalidateQueries({ queryKey: consortiumKey(slug) });
    },
  });
}

export function useCreateSpace(slug: string, placeId: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: (input: unknown) => api.post<PlaceDto>(`${root(slug)}/places/${placeId}/spaces`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateSpace(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: unknown }) => api.patch<PlaceDto>(`${root(slug)}/spaces/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteSpace(slug: string) {
  const invalidate = useInvalidate(slug);
  return useMutation({ mutationFn: (id: string) => api.delete(`${root(slug)}/spaces/${id}`), onSuccess: invalidate });
}

export interface GeocodeResult {
  label: string;
  latitude: number;
  longitude: number;
  postalCode: string | null;
  city: string | null;
  street: string | null;
}

export function useGeocode() {
  return useMutation({ mutationFn: (q: string) => api.get<GeocodeResult[]>("/api/geocode", { q }) });
}
