import type { Preview, Scenario } from "@orbit/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export const scenarioKeys = {
  all: ["scenarios"] as const,
  sources: ["eventSources"] as const,
};

/** POST /api/scenarios (contracts' ScenarioInput). */
export interface ScenarioCreate {
  kind: Scenario["kind"];
  name: string;
  params: Record<string, unknown>;
  queue: Scenario["queue"];
  priority: number;
  slaHours: number;
}

/** PATCH /api/scenarios/:id (contracts' ScenarioUpdate). */
export type ScenarioPatch = Partial<Omit<ScenarioCreate, "kind">> & { active?: boolean };

/** An event source (contracts' EventSource); `key` only in the answer that created it. */
export interface EventSource {
  id: number;
  name: string;
  source: "site" | "portal" | "app";
  active: boolean;
  createdAt: string;
}

export function useScenarios() {
  return useQuery({
    queryKey: scenarioKeys.all,
    queryFn: ({ signal }) => api<Scenario[]>("/api/scenarios", { signal }),
  });
}

function useAfterScenarioWrite() {
  const client = useQueryClient();
  return (saved: Scenario) => {
    client.setQueryData<Scenario[]>(scenarioKeys.all, (list) =>
      list
        ? list.some((s) => s.id === saved.id)
          ? list.map((s) => (s.id === saved.id ? saved : s))
          : [...list, saved]
        : list,
    );
    void client.invalidateQueries({ queryKey: scenarioKeys.all });
    void client.invalidateQueries({ queryKey: ["audit"] });
  };
}

export function useCreateScenario() {
  const after = useAfterScenarioWrite();
  return useMutation({
    mutationFn: (body: ScenarioCreate) => api<Scenario>("/api/scenarios", { method: "POST", body }),
    onSuccess: after,
  });
}

export function useUpdateScenario() {
  const after = useAfterScenarioWrite();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: ScenarioPatch }) =>
      api<Scenario>(`/api/scenarios/${id}`, { method: "PATCH", body: patch }),
    onSuccess: after,
  });
}

/** What the scenario would do now with these (unsaved) parameters; nothing is written. */
export function usePreviewScenario() {
  return useMutation({
    mutationFn: ({ id, params }: { id: number; params?: Record<string, unknown> }) =>
      api<Preview>(`/api/scenarios/${id}/preview`, { method: "POST", body: params ? { params } : {} }),
  });
}

export function useEventSources() {
  return useQuery({
    queryKey: scenarioKeys.sources,
    queryFn: ({ signal }) => api<EventSource[]>("/api/event-sources", { signal }),
  });
}

export function useCreateEventSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; source: EventSource["source"] }) =>
      api<EventSource & { key: string }>("/api/event-sources", { method: "POST", body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: scenarioKeys.sources });
      void client.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export function useSetEventSourceActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) =>
      api<EventSource>(`/api/event-sources/${id}`, { method: "PATCH", body: { active } }),
    onSuccess: (saved) => {
      client.setQueryData<EventSource[]>(scenarioKeys.sources, (list) =>
        list?.map((s) => (s.id === saved.id ? saved : s)),
      );
      void client.invalidateQueries({ queryKey: scenarioKeys.sources });
      void client.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}
