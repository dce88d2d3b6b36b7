import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AssociateDto,
  AssociateInput,
  AssociateListDto,
  CollegeStatuteInput,
  CollegesDto,
  SharesDto,
  UpdateAssociateInput,
} from "../../../../shared/contracts/governance.ts";
import { api } from "../../../lib/api-client.ts";
import { governanceKey } from "./bodies.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/governance`;
const collegesKey = (slug: string) => [...governanceKey(slug), "colleges"] as const;

export function useColleges(slug: string) {
  return useQuery({ queryKey: [...collegesKey(slug), "statute"], queryFn: () => api.get<CollegesDto>(`${root(slug)}/colleges`) });
}

export function useShares(slug: string) {
  return useQuery({ queryKey: [...collegesKey(slug), "shares"], queryFn: () => api.get<SharesDto>(`${root(slug)}/shares`) });
}

export function useAssociates(slug: string) {
  return useQuery({
    queryKey: [...collegesKey(slug), "associates"],
    queryFn: () => api.get<AssociateListDto>(`${root(slug)}/associates`),
  });
}

/** The statute, the register and the shares depend on one another: any write reloads the three. */
function useCollegesWrite<I, O>(slug: string, request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: collegesKey(slug) }),
  });
}

export function useReplaceColleges(slug: string) {
  return useCollegesWrite(slug, (input: CollegeStatuteInput) => api.put<CollegesDto>(`${root(slug)}/colleges`, input));
}

export function useUpdateAssociate(slug: string) {
  return useCollegesWrite(slug, ({ id, ...input }: UpdateAssociateInput & { id: string }) =>
    api.put<AssociateDto>(`${root(slug)}/associates/${id}`, input),
  );
}

export function useAddAssociate(slug: string) {
  return useCollegesWrite(slug, (input: AssociateInput) => api.post<AssociateDto>(`${root(slug)}/associates`, input));
}

export function useRemoveAssociate(slug: string) {
  return useCollegesWrite(slug, (id: string) => api.delete(`${root(slug)}/associates/${id}`));
}
