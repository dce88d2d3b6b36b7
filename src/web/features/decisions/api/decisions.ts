import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { DecisionListDto, DecisionListQuery } from "../../../../shared/contracts/decisions.ts";
import { api } from "../../../lib/api-client.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/governance`;
export const decisionsKey = (slug: string) => [...consortiumKey(slug), "decisions"] as const;

export function useDecisions(
  slug: string,
  query: { q?: string; status?: DecisionListQuery["status"]; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: [...decisionsKey(slug), query],
    queryFn: () => api.get<DecisionListDto>(`${root(slug)}/decisions`, { ...query }),
    placeholderData: keepPreviousData,
  });
}
