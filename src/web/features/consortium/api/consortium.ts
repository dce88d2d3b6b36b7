import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AccountDto,
  ActivityDto,
  ConsortiumDto,
  ConsortiumRole,
  InvitationDto,
  UpdateConsortiumInput,
} from "../../../../shared/contracts/consortium.ts";
import { api } from "../../../lib/api-client.ts";
import { meKey } from "../../auth/api/session.ts";

export const consortiumKey = (slug: string) => ["consortium", slug] as const;
const base = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}`;

export function useConsortium(slug: string) {
  return useQuery({ queryKey: consortiumKey(slug), queryFn: () => api.get<ConsortiumDto>(base(slug)) });
}

export function useCreateConsortium() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api.post<{ slug: string }>("/api/consortia", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

export function useUpdateConsortium(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateConsortiumInput) => api.patch<ConsortiumDto>(base(slug), input),
    onSuccess: (data) => {
      queryClient.setQueryData(consortiumKey(slug), data);
      void queryClient.invalidateQueries({ queryKey: consortiumKey(slug) });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function useActivity(slug: string, page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...consortiumKey(slug), "activity", page, pageSize],
    queryFn: () => api.get<Paginated<ActivityDto>>(`${base(slug)}/activity`, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useAccounts(slug: string) {
  return useQuery({
    queryKey: [...consortiumKey(slug), "accounts"],
    queryFn: () => api.get<AccountDto[]>(`${base(slug)}/accounts`),
  });
}

export function useUpdateAccount(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...input }: { userId: string; role: ConsortiumRole; organizationId?: string | null }) =>
      api.patch<AccountDto>(`${base(slug)}/accounts/${encodeURIComponent(userId)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consortiumKey(slug) }),
  });
}

export function useRemoveAccount(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`${base(slug)}/accounts/${encodeURIComponent(userId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consortiumKey(slug) }),
  });
}

export function useInvitations(slug: string) {
  return useQuery({
    queryKey: [...consortiumKey(slug), "invitations"],
    queryFn: () => api.get<InvitationDto[]>(`${base(slug)}/invitations`),
  });
}

export function useInvite(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api.post<InvitationDto>(`${base(slug)}/invitations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...consortiumKey(slug), "invitations"] }),
  });
}

export function useRevokeInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${base(slug)}/invitations/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...consortiumKey(slug), "invitations"] }),
  });
}

export interface InvitationPreview {
  consortiumName: string;
  consortiumSlug: string;
  email: string;
  role: ConsortiumRole;
  status: "pending" | "accepted" | "revoked" | "expired";
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: () => api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ slug: string }>(`/api/invitations/${encodeURIComponent(token)}/accept`, {}),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meKey });
      await queryClient.invalidateQueries({ queryKey: ["invitation", token] });
    },
  });
}
