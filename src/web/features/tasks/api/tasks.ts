import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateTaskInput,
  MyTasksDto,
  SuggestionsDto,
  TaskDto,
  TaskListDto,
  UpdateTaskInput,
  WorkloadDto,
  WorkloadSettingsInput,
} from "../../../../shared/contracts/tasks.ts";
import { api } from "../../../lib/api-client.ts";
import { consortiumKey } from "../../consortium/api/consortium.ts";

const root = (slug: string) => `/api/consortia/${encodeURIComponent(slug)}/governance`;
/** Tasks, « my tasks » and the workload share one key: every change to a task moves all three. */
export const tasksKey = (slug: string) => [...consortiumKey(slug), "governance-tasks"] as const;

export interface TaskFilters {
  status?: string;
  personId?: string;
  organizationId?: string;
  bodyId?: string;
  page?: number;
  pageSize?: number;
}

export function useTasks(slug: string, filters: TaskFilters) {
  return useQuery({
    queryKey: [...tasksKey(slug), "list", filters],
    queryFn: () => api.get<TaskListDto>(`${root(slug)}/tasks`, { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useMyTasks(slug: string) {
  return useQuery({ queryKey: [...tasksKey(slug), "mine"], queryFn: () => api.get<MyTasksDto>(`${root(slug)}/my-tasks`) });
}

export function useWorkload(slug: string) {
  return useQuery({ queryKey: [...tasksKey(slug), "workload"], queryFn: () => api.get<WorkloadDto>(`${root(slug)}/workload`) });
}

/** Who could take a task needing these skills, asked again as the skills change in the form. */
export function useSuggestions(slug: string, skills: string[], enabled: boolean) {
  const key = skills.join(",");
  return useQuery({
    queryKey: [...tasksKey(slug), "suggestions", key],
    queryFn: () => api.get<SuggestionsDto>(`${root(slug)}/workload/suggestions`, { skills: key, limit: 3 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useTaskWrite<I>(slug: string, request: (input: I) => Promise<TaskDto | WorkloadDto | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKey(slug) }),
  });
}

export function useCreateTask(slug: string) {
  return useTaskWrite(slug, (input: CreateTaskInput) => api.post<TaskDto>(`${root(slug)}/tasks`, input));
}

export function useUpdateTask(slug: string) {
  return useTaskWrite(slug, ({ id, ...input }: UpdateTaskInput & { id: string }) =>
    api.patch<TaskDto>(`${root(slug)}/tasks/${id}`, input),
  );
}

export type TaskAction = "done" | "reopen" | "cancel";

export function useTaskAction(slug: string) {
  return useTaskWrite(slug, ({ id, action }: { id: string; action: TaskAction }) =>
    api.post<TaskDto>(`${root(slug)}/tasks/${id}/${action}`),
  );
}

export function useDeleteTask(slug: string) {
  return useTaskWrite(slug, (id: string) => api.delete(`${root(slug)}/tasks/${id}`));
}

export function useUpdateWorkloadSettings(slug: string) {
  return useTaskWrite(slug, (input: WorkloadSettingsInput) => api.put<WorkloadDto>(`${root(slug)}/workload/settings`, input));
}
