import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AttendanceInput,
  ItemsInput,
  MeetingDto,
  MeetingInput,
  MeetingListDto,
  MinutesInput,
} from "../../../../shared/contracts/meetings.ts";
import { api } from "../../../lib/api-client.ts";
import { agendaKey } from "../../agenda/api/agenda.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/governance/meetings`;
export const meetingsKey = (slug: string) => [...consortiumKey(slug), "meetings"] as const;
export const minutesUrl = (slug: string, id: string) => `${root(slug)}/${id}/minutes.odt`;

export function useMeetings(slug: string) {
  return useQuery({ queryKey: meetingsKey(slug), queryFn: () => api.get<MeetingListDto>(root(slug)) });
}

export function useMeeting(slug: string, id: string) {
  return useQuery({ queryKey: [...meetingsKey(slug), id], queryFn: () => api.get<MeetingDto>(`${root(slug)}/${id}`) });
}

/** A meeting's change may move its event in the agenda. */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingsKey(slug) }),
      queryClient.invalidateQueries({ queryKey: agendaKey(slug) }),
    ]);
}

export function useCreateMeeting(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: (input: MeetingInput) => api.post<MeetingDto>(root(slug), input), onSuccess: refresh });
}

export function useDeleteMeeting(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: (id: string) => api.delete<void>(`${root(slug)}/${id}`), onSuccess: refresh });
}

export function useSetItems(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: ItemsInput) => api.put<MeetingDto>(`${root(slug)}/${id}/items`, input),
    onSuccess: refresh,
  });
}

export function useSetAttendance(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: AttendanceInput) => api.put<MeetingDto>(`${root(slug)}/${id}/attendance`, input),
    onSuccess: refresh,
  });
}

export function useSetMinutes(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: MinutesInput) => api.put<MeetingDto>(`${root(slug)}/${id}/minutes`, input),
    onSuccess: refresh,
  });
}
