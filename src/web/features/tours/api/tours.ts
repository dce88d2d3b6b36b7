import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateTourInput,
  PublicTourDto,
  RegistrationInput,
  RegistrationListDto,
  RegistrationResultDto,
  TourDayInput,
  TourDto,
  TourListDto,
  TravelInput,
  UpdateTourInput,
} from "../../../../shared/contracts/tours.ts";
import { api } from "../../../lib/api-client.ts";
import { agendaKey } from "../../agenda/api/agenda.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/tours`;
export const toursKey = (slug: string) => [...consortiumKey(slug), "tours"] as const;
const tourKey = (slug: string, id: string) => [...toursKey(slug), id] as const;

export function useTours(slug: string) {
  return useQuery({ queryKey: toursKey(slug), queryFn: () => api.get<TourListDto>(root(slug)) });
}

export function useTour(slug: string, id: string) {
  return useQuery({ queryKey: tourKey(slug, id), queryFn: () => api.get<TourDto>(`${root(slug)}/${id}`) });
}

export function useRegistrations(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...tourKey(slug, id), "registrations"],
    queryFn: () => api.get<RegistrationListDto>(`${root(slug)}/${id}/registrations`),
    enabled,
  });
}

/** A tour's change moves its days in the agenda too. */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: toursKey(slug) }),
      queryClient.invalidateQueries({ queryKey: agendaKey(slug) }),
    ]);
}

export function useCreateTour(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: CreateTourInput) => api.post<TourDto>(root(slug), input),
    onSuccess: refresh,
  });
}

export function useUpdateTour(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: UpdateTourInput) => api.put<TourDto>(`${root(slug)}/${id}`, input),
    onSuccess: refresh,
  });
}

export function useDeleteTour(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${root(slug)}/${id}`),
    onSuccess: refresh,
  });
}

/** Adds a day (no id) or replaces one; the answer carries the new plan. */
export function useSaveDay(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ dayId, input }: { dayId: string | null; input: TourDayInput }) =>
      dayId ? api.put<TourDto>(`${root(slug)}/${id}/days/${dayId}`, input) : api.post<TourDto>(`${root(slug)}/${id}/days`, input),
    onSuccess: refresh,
  });
}

export function useDeleteDay(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (dayId: string) => api.delete<TourDto>(`${root(slug)}/${id}/days/${dayId}`),
    onSuccess: refresh,
  });
}

export function useUpdateTravel(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: TravelInput) => api.put<TourDto>(`${root(slug)}/${id}/travel`, input),
    onSuccess: refresh,
  });
}

export function useCancelRegistration(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (registrationId: string) =>
      api.delete<RegistrationListDto>(`${root(slug)}/${id}/registrations/${registrationId}`),
    onSuccess: refresh,
  });
}

// ---------------------------------------------------------------- public

const publicKey = (slug: string, id: string) => ["public-tour", slug, id] as const;

export function usePublicTour(slug: string, id: string) {
  return useQuery({
    queryKey: publicKey(slug, id),
    queryFn: () => api.get<PublicTourDto>(`/api/public/${encodeURIComponent(slug)}/tours/${id}`),
    retry: false,
  });
}

export function useRegister(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegistrationInput) =>
      api.post<RegistrationResultDto>(`/api/public/${encodeURIComponent(slug)}/tours/${id}/registrations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicKey(slug, id) }),
  });
}

export function useCancelByToken() {
  return useMutation({
    mutationFn: (token: string) =>
      api.post<{ tourName: string; alreadyCancelled: boolean }>("/api/public/tour-registrations/cancel", { token }),
  });
}
