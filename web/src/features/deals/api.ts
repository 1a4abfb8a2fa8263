import type { Deal, DealList, DealProcess, ProcessSave } from "@orbit/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type RequestOptions } from "../../api/client";
import { clientKeys } from "../clients/api";

export const dealKeys = {
  all: ["deals"] as const,
  one: (id: number) => ["deals", "one", id] as const,
  list: (f: DealFilter) => ["deals", "list", f] as const,
  processes: ["dealProcesses"] as const,
};

export interface DealFilter {
  scope: "mine" | "dealership" | "handoffs";
  status: "open" | "won" | "lost";
  clientId?: number;
}

export function useDeal(id: number) {
  return useQuery({
    queryKey: dealKeys.one(id),
    queryFn: ({ signal }) => api<Deal>(`/api/deals/${id}`, { signal }),
    // A specialist may be finishing their step while the salesperson looks: keep the deal fresh.
    refetchInterval: 15_000,
  });
}

export function useDealList(filter: DealFilter) {
  return useQuery({
    queryKey: dealKeys.list(filter),
    queryFn: ({ signal }) => api<DealList>("/api/deals", { query: { ...filter, limit: 100 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProcesses({ enabled = true } = {}) {
  return useQuery({
    queryKey: dealKeys.processes,
    queryFn: ({ signal }) => api<DealProcess[]>("/api/deal-processes", { signal }),
    staleTime: 60_000,
    enabled,
  });
}

export function useProcessVersions(code: string | null) {
  return useQuery({
    queryKey: [...dealKeys.processes, code],
    queryFn: ({ signal }) => api<DealProcess[]>(`/api/deal-processes/${code}/versions`, { signal }),
    enabled: code !== null,
  });
}

export function useSaveProcess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: ProcessSave }) =>
      api<DealProcess>(`/api/deal-processes/${code}`, { method: "PUT", body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: dealKeys.processes });
      void client.invalidateQueries({ queryKey: ["audit"] });
    },
  });
}

export function useCreateDeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { clientId: number; processCode: string }) =>
      api<Deal>("/api/deals", { method: "POST", body }),
    onSuccess: (deal) => {
      client.setQueryData(dealKeys.one(deal.id), deal);
      void client.invalidateQueries({ queryKey: dealKeys.all });
      void client.invalidateQueries({ queryKey: clientKeys.view(deal.clientId) });
    },
  });
}

/**
 * Any change to a deal: every deal endpoint answers with the whole deal as it now is, which replaces the
 * cached one; lists, the client's card, the work lists and the stock hear of it too.
 */
export function useDealAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      path,
      method = "POST",
      body,
    }: {
      path: string;
      method?: RequestOptions["method"];
      body?: unknown;
    }) => api<Deal>(`/api/deals/${id}${path}`, { method, body: body ?? {} }),
    onSuccess: (deal) => {
      client.setQueryData(dealKeys.one(id), deal);
      void client.invalidateQueries({ queryKey: ["deals", "list"] });
      void client.invalidateQueries({ queryKey: clientKeys.view(deal.clientId) });
      void client.invalidateQueries({ queryKey: ["tasks"] });
      void client.invalidateQueries({ queryKey: ["stock"] });
    },
  });
}

export const documentUrl = (dealId: number, documentId: number) =>
  `/api/deals/${dealId}/documents/${documentId}/pdf`;
