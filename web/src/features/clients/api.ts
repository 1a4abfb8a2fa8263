import type {
  ClientCard,
  ClientEdit,
  ClientIdentity,
  ClientInput,
  CreateClientResult,
  DuplicateCandidate,
  MergeEntry,
  PartyVersion,
  SourceRecord,
} from "@orbit/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export interface ClientHistory {
  versions: PartyVersion[];
  sourceRecords: SourceRecord[];
  merges: MergeEntry[];
}

export interface DuplicatePage {
  total: number;
  items: DuplicateCandidate[];
}

export const clientKeys = {
  all: ["clients"] as const,
  card: (id: number, asOf: string | null) => ["clients", id, "card", asOf] as const,
  history: (id: number) => ["clients", id, "history"] as const,
  /** The whole card (GET /card): identity, cars, deals, service, products, timeline, offers. */
  view: (id: number) => ["clients", id, "view"] as const,
  timeline: (id: number) => ["clients", id, "timeline"] as const,
};

export const duplicateKeys = {
  all: ["duplicates"] as const,
  page: (offset: number) => ["duplicates", "page", offset] as const,
  count: ["duplicates", "count"] as const,
};

/** The card now, or as it was at `asOf` (an ISO date-time). */
export function useClient(id: number, asOf: string | null, { enabled = true } = {}) {
  return useQuery({
    queryKey: clientKeys.card(id, asOf),
    queryFn: ({ signal }) => api<ClientIdentity>(`/api/clients/${id}`, { query: { asOf }, signal }),
    // The previous moment stays on screen while another one loads: the card does not blink.
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Versions, source records and merges: only for the history tabs, so only once one is opened. */
export function useClientHistory(id: number, { enabled = true } = {}) {
  return useQuery({
    queryKey: clientKeys.history(id),
    queryFn: ({ signal }) => api<ClientHistory>(`/api/clients/${id}/history`, { signal }),
    enabled,
  });
}

export function useCreateClient() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ClientInput) => api<CreateClientResult>("/api/clients", { method: "POST", body }),
    onSuccess: () => invalidateClients(client),
  });
}

export function useEditClient(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (edit: ClientEdit) =>
      api<ClientIdentity>(`/api/clients/${id}`, { method: "PATCH", body: edit }),
    onSuccess: (saved) => {
      // The answer is the card as saved: show it at once rather than the old one until the reload.
      client.setQueryData(clientKeys.card(saved.id, null), saved);
      client.setQueryData<ClientCard>(clientKeys.view(saved.id), (view) =>
        view ? { ...view, identity: saved } : view,
      );
      invalidateClients(client);
    },
  });
}

export function useUndoMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: number) =>
      api<{ survivorId: number; restoredId: number }>(`/api/merges/${mergeId}/undo`, { method: "POST" }),
    onSuccess: () => invalidateClients(client),
  });
}

/** One page of the review queue, most probable pairs first. */
export function useDuplicates(offset: number, limit: number) {
  return useQuery({
    queryKey: [...duplicateKeys.page(offset), limit],
    queryFn: ({ signal }) => api<DuplicatePage>("/api/duplicates", { query: { limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many pairs wait for review; for the navigation badge, so it is refreshed now and then. */
export function useDuplicateCount() {
  return useQuery({
    queryKey: duplicateKeys.count,
    queryFn: ({ signal }) =>
      api<DuplicatePage>("/api/duplicates", { query: { limit: 1 }, signal }).then((r) => r.total),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

export function useMergeDuplicate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, survivorId }: { id: number; survivorId: number }) =>
      api<{ mergeId: number; survivorId: number }>(`/api/duplicates/${id}/merge`, {
        method: "POST",
        body: { survivorId },
      }),
    onSuccess: () => invalidateClients(client),
  });
}

export function useNotDuplicate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ ok: true }>(`/api/duplicates/${id}/not-duplicate`, { method: "POST" }),
    onSuccess: () => invalidateClients(client),
  });
}

/**
 * A write to one client can merge or split others and changes the queue and the action log. The
 * reload is not awaited: the caller's own success handler must run even when the reload removes the
 * component that made the change (an undone merge's button, a decided pair).
 */
function invalidateClients(client: ReturnType<typeof useQueryClient>): void {
  void client.invalidateQueries({ queryKey: clientKeys.all });
  void client.invalidateQueries({ queryKey: duplicateKeys.all });
  void client.invalidateQueries({ queryKey: ["audit"] });
  // Names, phones and books of clients change with them.
  void client.invalidateQueries({ queryKey: ["search"] });
  void client.invalidateQueries({ queryKey: ["home"] });
}
