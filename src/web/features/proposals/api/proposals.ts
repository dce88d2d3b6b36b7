import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AdviceEventInput,
  CastBallotInput,
  ConsentEventInput,
  CreateProposalInput,
  ElectionEventInput,
  ProposalDto,
  ProposalListDto,
  ProxyInput,
  RecountDto,
} from "../../../../shared/contracts/proposals.ts";
import { api } from "../../../lib/api-client.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";
import { decisionsKey } from "../../decisions/api/decisions.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/governance`;
export const proposalsKey = (slug: string) => [...consortiumKey(slug), "proposals"] as const;
const proposalKey = (slug: string, id: string) => [...proposalsKey(slug), id] as const;

export function useProposals(slug: string) {
  return useQuery({ queryKey: proposalsKey(slug), queryFn: () => api.get<ProposalListDto>(`${root(slug)}/proposals`) });
}

export function useProposal(slug: string, id: string) {
  return useQuery({
    queryKey: proposalKey(slug, id),
    queryFn: () => api.get<ProposalDto>(`${root(slug)}/proposals/${id}`),
  });
}

export function useCreateProposal(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProposalInput) => api.post<ProposalDto>(`${root(slug)}/proposals`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: proposalsKey(slug) }),
  });
}

type Action =
  | { kind: "open" | "close" | "withdraw" }
  | { kind: "ballot"; input: CastBallotInput }
  | { kind: "proxy"; input: ProxyInput }
  | { kind: "consent"; input: ConsentEventInput }
  | { kind: "election"; input: ElectionEventInput }
  | { kind: "advice"; input: AdviceEventInput };

const PATHS = {
  open: "open",
  close: "close",
  withdraw: "withdraw",
  ballot: "ballots",
  proxy: "proxies",
  consent: "consent",
  election: "election",
  advice: "advice",
};

/** Every write on one proposal answers the proposal as it now stands: the page shows it at once. */
export function useProposalAction(slug: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: Action) =>
      api.post<ProposalDto>(`${root(slug)}/proposals/${id}/${PATHS[a.kind]}`, "input" in a ? a.input : {}),
    onSuccess: (data) => {
      qc.setQueryData(proposalKey(slug, id), data);
      void qc.invalidateQueries({ queryKey: proposalsKey(slug), exact: true });
      if (data.status === "decided") void qc.invalidateQueries({ queryKey: decisionsKey(slug) });
    },
  });
}

export function useRecount(slug: string, id: string) {
  return useMutation({ mutationFn: () => api.get<RecountDto>(`${root(slug)}/proposals/${id}/recount`) });
}
