import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  DecisionDetailDto,
  DecisionListDto,
  DecisionListQuery,
  ReviewRemindersDto,
  UpdateDecisionInput,
} from "../../../../shared/contracts/decisions.ts";
import { api } from "../../../lib/api-client.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/governance`;
export const decisionsKey = (slug: string) => [...consortiumKey(slug), "decisions"] as const;

export function useDecisions(
  slug: string,
  query: { q?: string; status?: DecisionListQuery["status"]; page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    queryKey: [...decisionsKey(slug), query],
    queryFn: () => api.get<DecisionListDto>(`${root(slug)}/decisions`, { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A change of one decision moves the list, its counts and the decisions linked to it: refresh them all. */
export function useUpdateDecision(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateDecisionInput) => api.patch<DecisionDetailDto>(`${root(slug)}/decisions/${id}`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: decisionsKey(slug) }),
  });
}

export function useSendReviewReminders(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ReviewRemindersDto>(`${root(slug)}/decisions/review-reminders`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: decisionsKey(slug) }),
  });
}
