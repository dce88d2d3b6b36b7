import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  BalanceDto,
  FeedLinksDto,
  HealthDto,
  ImportCommitInput,
  ImportPreviewDto,
  ImportResultDto,
  ImportSourceInput,
  ReviewInput,
  SubscriptionDto,
  SuggestDto,
  SuggestInput,
} from "../../../../shared/contracts/agenda.ts";
import type { BALANCE_DIMENSIONS } from "../../../../shared/vocabulary.ts";
import { api } from "../../../lib/api-client.ts";
import { agendaKey } from "../../agenda/api/agenda.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

export type BalanceDimension = (typeof BALANCE_DIMENSIONS)[number];

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/agenda`;
// Under the agenda's key: whatever changes events there (a new event, an edit) refreshes health and balance too.
const toolsKey = (slug: string) => [...agendaKey(slug), "tools"] as const;

/**
 * Merging, reviewing and importing change events that the calendar, the health page and the balance all show:
 * refresh everything cached for the consortium rather than guess which views an event appears in.
 */
function useInvalidateConsortium(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: consortiumKey(slug) });
}

// ---------------------------------------------------------------- health

export function useHealth(slug: string, months: number) {
  return useQuery({
    queryKey: [...toolsKey(slug), "health", months],
    queryFn: () => api.get<HealthDto>(`${root(slug)}/health`, { months }),
    placeholderData: keepPreviousData,
  });
}

export function useMergeDuplicate(slug: string) {
  const invalidate = useInvalidateConsortium(slug);
  return useMutation({
    mutationFn: ({ keepId, duplicateId }: { keepId: string; duplicateId: string }) =>
      api.post(`${root(slug)}/events/${keepId}/merge`, { duplicateId }),
    onSuccess: invalidate,
  });
}

export function useReview(slug: string) {
  const invalidate = useInvalidateConsortium(slug);
  return useMutation({
    mutationFn: (input: z.input<typeof ReviewInput>) => api.post<void>(`${root(slug)}/reviews`, input),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------- balance and suggestions

export function useBalance(slug: string, query: { from: string; to: string; dimension: BalanceDimension }) {
  return useQuery({
    queryKey: [...toolsKey(slug), "balance", query],
    queryFn: () => api.get<BalanceDto>(`${root(slug)}/balance`, query),
    placeholderData: keepPreviousData,
  });
}

export function useSuggest(slug: string) {
  return useMutation({
    mutationFn: (input: SuggestInput) => api.post<z.infer<typeof SuggestDto>>(`${root(slug)}/suggest`, input),
  });
}

// ---------------------------------------------------------------- feeds

export type FeedLinks = z.infer<typeof FeedLinksDto>;
const feedsKey = (slug: string) => [...toolsKey(slug), "feeds"] as const;

export function useFeeds(slug: string) {
  return useQuery({ queryKey: feedsKey(slug), queryFn: () => api.get<FeedLinks>(`${root(slug)}/feeds`) });
}

/** Creates the private feed, or replaces its address (the old one stops working). */
export function useRotatePrivateFeed(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FeedLinks>(`${root(slug)}/feeds/private`, {}),
    onSuccess: (data) => queryClient.setQueryData(feedsKey(slug), data),
  });
}

export function useRevokePrivateFeed(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`${root(slug)}/feeds/private`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey(slug) }),
  });
}

// ---------------------------------------------------------------- import and subscriptions

export type ImportResult = z.infer<typeof ImportResultDto>;
const subscriptionsKey = (slug: string) => [...toolsKey(slug), "subscriptions"] as const;

export function useImportPreview(slug: string) {
  return useMutation({
    mutationFn: (input: ImportSourceInput) => api.post<ImportPreviewDto>(`${root(slug)}/import/preview`, input),
  });
}

export function useImportCommit(slug: string) {
  const invalidate = useInvalidateConsortium(slug);
  return useMutation({
    mutationFn: (input: z.input<typeof ImportCommitInput>) => api.post<ImportResult>(`${root(slug)}/import`, input),
    onSuccess: invalidate,
  });
}

export function useSubscriptions(slug: string) {
  return useQuery({
    queryKey: subscriptionsKey(slug),
    queryFn: () => api.get<SubscriptionDto[]>(`${root(slug)}/subscriptions`),
  });
}

export function useRefreshSubscription(slug: string) {
  const invalidate = useInvalidateConsortium(slug);
  return useMutation({
    mutationFn: (id: string) => api.post<SubscriptionDto>(`${root(slug)}/subscriptions/${id}/refresh`, {}),
    onSuccess: invalidate,
  });
}

export function useDeleteSubscription(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${root(slug)}/subscriptions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: subscriptionsKey(slug) }),
  });
}
