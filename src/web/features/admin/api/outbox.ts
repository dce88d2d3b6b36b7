import { useQuery } from "@tanstack/react-query";
import type { OutboxMessageDto } from "../../../../shared/contracts/consortium.ts";
import { api } from "../../../lib/api-client.ts";

export function useOutbox() {
  return useQuery({
    queryKey: ["admin", "outbox"],
    queryFn: () => api.get<OutboxMessageDto[]>("/api/admin/outbox"),
    staleTime: 0,
  });
}
