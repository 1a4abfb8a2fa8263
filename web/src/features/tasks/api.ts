import type { ContactStandard, Preview, Task, TaskOutcomeInput } from "@orbit/contracts";
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "../../api/client";

export type TaskScope = "mine" | "queue" | "all";
export type TaskStatus = Task["status"];

export interface TaskFilter {
  scope: TaskScope;
  status: TaskStatus;
  /** Only tasks due by the end of this dealer day (YYYY-MM-DD). */
  dueBy?: string;
  clientId?: number;
}

/** GET/PUT /api/contact-policy (contracts' ContactPolicy). */
export interface ContactPolicy {
  maxContactsPerWeek: number;
  callFromHour: number;
  callToHour: number;
}

/** PATCH /api/standards/:id (contracts' ContactStandardUpdate). */
export interface StandardPatch {
  name?: string | null;
  params?: Record<string, unknown>;
  queue?: ContactStandard["queue"];
  priority?: number;
  slaHours?: number;
  active?: boolean;
}

export interface TaskPage {
  total: number;
  tasks: Task[];
}

/** A page of the list: the API answers up to 200; fifty is a screenful and a quick answer. */
export const TASK_PAGE = 50;

export const taskKeys = {
  all: ["tasks"] as const,
  list: (filter: TaskFilter) => ["tasks", "list", filter] as const,
  count: (filter: TaskFilter) => ["tasks", "count", filter] as const,
};

export const standardKeys = {
  all: ["standards"] as const,
  policy: ["contactPolicy"] as const,
};

const query = (f: TaskFilter, limit: number, offset: number) => ({
  scope: f.scope,
  status: f.status,
  dueBy: f.dueBy,
  clientId: f.clientId,
  limit,
  offset,
});

/** The work list, most urgent first (the API's order), fifty at a time. */
export function useTaskList(filter: TaskFilter) {
  const list = useInfiniteQuery({
    queryKey: taskKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api<TaskPage>("/api/tasks", { query: query(filter, TASK_PAGE, pageParam), signal }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.tasks.length, 0);
      return loaded < last.total && last.tasks.length > 0 ? loaded : undefined;
    },
    // A salesperson's list changes as colleagues take tasks: fresher than the app's default.
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });
  const pages = list.data?.pages;
  // A task moved between pages while they loaded (a colleague took one) is shown once.
  const tasks = pages ? dedupe(pages.flatMap((p) => p.tasks)) : undefined;
  return { ...list, tasks, total: pages?.[0]?.total };
}

function dedupe(tasks: Task[]): Task[] {
  const seen = new Set<number>();
  return tasks.filter((t) => !seen.has(t.id) && seen.add(t.id));
}

/** How many tasks a tab holds: a one-row request, for the counters next to the tabs. */
export function useTaskCount(filter: TaskFilter, { enabled = true } = {}) {
  return useQuery({
    queryKey: taskKeys.count(filter),
    queryFn: ({ signal }) =>
      api<TaskPage>("/api/tasks", { query: query(filter, 1, 0), signal }).then((r) => r.total),
    staleTime: 10_000,
    enabled,
  });
}

/**
 * Everything a call changes: the lists and counters, the home summary, the client's card (its open
 * tasks, the timeline's new call, the lifecycle) and the action log. Not awaited, so the caller's own
 * success handler runs at once.
 */
export function invalidateAfterCall(client: QueryClient, clientId: number): void {
  void client.invalidateQueries({ queryKey: taskKeys.all });
  void client.invalidateQueries({ queryKey: ["home"] });
  void client.invalidateQueries({ queryKey: ["clients", clientId] });
  void client.invalidateQueries({ queryKey: ["audit"] });
}

export function useTakeTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (task: { id: number; clientId: number }) =>
      api<Task>(`/api/tasks/${task.id}/take`, { method: "POST" }),
    onSettled: (_data, _error, task) => invalidateAfterCall(client, task.clientId),
  });
}

export function useRecordOutcome() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; clientId: number; body: TaskOutcomeInput }) =>
      api<Task>(`/api/tasks/${id}/outcome`, { method: "POST", body }),
    onSuccess: (_task, { clientId }) => invalidateAfterCall(client, clientId),
  });
}

export function useRescheduleTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, dueAt }: { id: number; clientId: number; dueAt: string }) =>
      api<Task>(`/api/tasks/${id}`, { method: "PATCH", body: { dueAt } }),
    onSuccess: (_task, { clientId }) => invalidateAfterCall(client, clientId),
  });
}

export function useStandards() {
  return useQuery({
    queryKey: standardKeys.all,
    queryFn: ({ signal }) => api<ContactStandard[]>("/api/standards", { signal }),
  });
}

export function useUpdateStandard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: StandardPatch }) =>
      api<ContactStandard>(`/api/standards/${id}`, { method: "PATCH", body: patch }),
    onSuccess: (saved) => {
      client.setQueryData<ContactStandard[]>(standardKeys.all, (list) =>
        list?.map((s) => (s.id === saved.id ? saved : s)),
      );
      void client.invalidateQueries({ queryKey: standardKeys.all });
      void client.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

/** What the standard would do today with these (unsaved) parameters; nothing is written. */
export function usePreviewStandard() {
  return useMutation({
    mutationFn: ({ id, params }: { id: number; params?: Record<string, unknown> }) =>
      api<Preview>(`/api/standards/${id}/preview`, { method: "POST", body: params ? { params } : {} }),
  });
}

export function useContactPolicy() {
  return useQuery({
    queryKey: standardKeys.policy,
    queryFn: ({ signal }) => api<ContactPolicy>("/api/contact-policy", { signal }),
  });
}

export function useSaveContactPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (policy: ContactPolicy) =>
      api<ContactPolicy>("/api/contact-policy", { method: "PUT", body: policy }),
    onSuccess: (saved) => {
      client.setQueryData(standardKeys.policy, saved);
      void client.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}
