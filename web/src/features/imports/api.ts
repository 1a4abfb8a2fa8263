import type { ImportBatch, ImportPreview, ImportRowNote } from "@orbit/contracts";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export const importKeys = {
  all: ["imports"] as const,
  list: ["imports", "list"] as const,
  one: (id: number) => ["imports", id] as const,
  preview: (id: number) => ["imports", id, "preview"] as const,
  rows: (id: number, kind: ImportRowNote["kind"]) => ["imports", id, "rows", kind] as const,
};

/** Statuses in which a worker is (or soon will be) busy with the import: worth watching. */
export const isActive = (status: ImportBatch["status"]) => status === "uploaded" || status === "running";

export function useImports() {
  return useQuery({
    queryKey: importKeys.list,
    queryFn: ({ signal }) => api<ImportBatch[]>("/api/imports", { signal }),
    refetchInterval: (query) => (query.state.data?.some((b) => isActive(b.status)) ? 2000 : false),
  });
}

/** One import; polled every second while it runs, so the counters move as rows are committed. */
export function useImport(id: number) {
  return useQuery({
    queryKey: importKeys.one(id),
    queryFn: ({ signal }) => api<ImportBatch>(`/api/imports/${id}`, { signal }),
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? 1000 : false),
    staleTime: 0,
  });
}

export interface Upload {
  file: Blob;
  fileName: string;
  sourceSystem: string;
  dealershipId?: number;
}

export function useUpload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...query }: Upload) =>
      api<ImportPreview>("/api/imports", {
        method: "POST",
        query: { ...query },
        body: file,
        contentType: "text/csv",
      }),
    onSuccess: (preview) => {
      // The columns and sample rows exist only in this answer: keep them for the mapping step.
      client.setQueryData(importKeys.preview(preview.batch.id), preview);
      client.setQueryData(importKeys.one(preview.batch.id), preview.batch);
      return client.invalidateQueries({ queryKey: importKeys.list });
    },
  });
}

export function useStartImport(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mapping: Record<string, string>) =>
      api<ImportBatch>(`/api/imports/${id}/start`, { method: "POST", body: { mapping } }),
    onSuccess: (batch) => {
      client.setQueryData(importKeys.one(id), batch);
      return client.invalidateQueries({ queryKey: importKeys.list });
    },
  });
}

export const ROWS_PAGE_SIZE = 20;

/** Rejected (or skipped, or warned about) rows in file order; each page continues after the last row shown. */
export function useRowNotes(id: number, kind: ImportRowNote["kind"]) {
  return useInfiniteQuery({
    queryKey: importKeys.rows(id, kind),
    queryFn: ({ pageParam, signal }) =>
      api<ImportRowNote[]>(`/api/imports/${id}/rows`, {
        query: { kind, afterRow: pageParam, limit: ROWS_PAGE_SIZE },
        signal,
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.length === ROWS_PAGE_SIZE ? last.at(-1)?.rowNumber : undefined),
  });
}
