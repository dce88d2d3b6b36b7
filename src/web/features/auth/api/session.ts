import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MeDto, PublicConfigDto } from "../../../../shared/contracts/consortium.ts";
import { api } from "../../../lib/api-client.ts";

export const meKey = ["me"] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => api.get<MeDto>("/api/me"), staleTime: 60_000 });
}

export function useConfig() {
  return useQuery({
    queryKey: ["config"],
    queryFn: () => api.get<PublicConfigDto>("/api/config"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** After signing in or out every cached answer belongs to someone else: start afresh. */
function useResetAll() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "config" });
    await queryClient.fetchQuery({ queryKey: meKey, queryFn: () => api.get<MeDto>("/api/me") });
  };
}

export function useSignIn() {
  const reset = useResetAll();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post("/api/auth/sign-in/email", input),
    onSuccess: reset,
  });
}

export function useSignUp() {
  const reset = useResetAll();
  return useMutation({
    mutationFn: (input: { name: string; email: string; password: string }) => api.post("/api/auth/sign-up/email", input),
    onSuccess: reset,
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/api/auth/sign-out", {}),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "config" });
      queryClient.setQueryData<MeDto>(meKey, { user: null, isAdmin: false, consortia: [] });
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      api.post("/api/auth/request-password-reset", { email, redirectTo: "/reinitialiser-mot-de-passe" }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: { newPassword: string; token: string }) => api.post("/api/auth/reset-password", input),
  });
}
