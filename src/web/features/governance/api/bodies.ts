import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  BodyDto,
  BodyInput,
  BodyListDto,
  EndMandateInput,
  MandateInput,
  RemindersDto,
  RenewMandateInput,
  UpdateBodyInput,
} from "../../../../shared/contracts/governance.ts";
import { api } from "../../../lib/api-client.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/governance`;
export const governanceKey = (slug: string) => [...consortiumKey(slug), "governance"] as const;
const bodiesKey = (slug: string) => [...governanceKey(slug), "bodies"] as const;
const bodyKey = (slug: string, id: string) => [...bodiesKey(slug), id] as const;

export function useBodies(slug: string) {
  return useQuery({ queryKey: bodiesKey(slug), queryFn: () => api.get<BodyListDto>(`${root(slug)}/bodies`) });
}

export function useBody(slug: string, id: string) {
  return useQuery({ queryKey: bodyKey(slug, id), queryFn: () => api.get<BodyDto>(`${root(slug)}/bodies/${id}`) });
}

/** Every body write answers the whole body: it replaces the cached one, and the list (counts, renewals) reloads. */
function useBodyWrite<I>(slug: string, request: (input: I) => Promise<BodyDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (body) => {
      queryClient.setQueryData(bodyKey(slug, body.id), body);
      void queryClient.invalidateQueries({ queryKey: bodiesKey(slug), exact: true });
    },
  });
}

export function useCreateBody(slug: string) {
  return useBodyWrite(slug, (input: BodyInput) => api.post<BodyDto>(`${root(slug)}/bodies`, input));
}

export function useUpdateBody(slug: string, id: string) {
  return useBodyWrite(slug, (input: UpdateBodyInput) => api.put<BodyDto>(`${root(slug)}/bodies/${id}`, input));
}

export function useArchiveBody(slug: string, id: string) {
  return useBodyWrite(slug, (_: undefined) => api.post<BodyDto>(`${root(slug)}/bodies/${id}/archive`));
}

export function useAddMandate(slug: string, bodyId: string) {
  return useBodyWrite(slug, (input: MandateInput) => api.post<BodyDto>(`${root(slug)}/bodies/${bodyId}/mandates`, input));
}

export function useEndMandate(slug: string, bodyId: string) {
  return useBodyWrite(slug, ({ mandateId, ...input }: EndMandateInput & { mandateId: string }) =>
    api.post<BodyDto>(`${root(slug)}/bodies/${bodyId}/mandates/${mandateId}/end`, input),
  );
}

export function useRenewMandate(slug: string, bodyId: string) {
  return useBodyWrite(slug, ({ mandateId, ...input }: RenewMandateInput & { mandateId: string }) =>
    api.post<BodyDto>(`${root(slug)}/bodies/${bodyId}/mandates/${mandateId}/renew`, input),
  );
}

export function useSendReminders(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RemindersDto>(`${root(slug)}/renewals/remind`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: bodiesKey(slug), exact: true }),
  });
}
