import type {
  MatchResponse,
  Needs,
  StockImportReport,
  StockList,
  StockStatus,
  StockVehicle,
} from "@orbit/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export interface StockFilter {
  status?: StockStatus | undefined;
  condition?: "new" | "used" | undefined;
  dealershipId?: number | undefined;
  bodyType?: string | undefined;
  q?: string | undefined;
}

export const stockKeys = {
  all: ["stock"] as const,
  list: (f: StockFilter) => ["stock", "list", f] as const,
};

export function useStockList(filter: StockFilter) {
  return useQuery({
    queryKey: stockKeys.list(filter),
    queryFn: ({ signal }) => api<StockList>("/api/stock", { query: { ...filter, limit: 200 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useImportStock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) =>
      api<StockImportReport>("/api/stock/import", { method: "POST", body: file, contentType: "text/csv" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stockKeys.all }),
  });
}

export function useUpdateStock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: StockStatus }) =>
      api<StockVehicle>(`/api/stock/${id}`, { method: "PATCH", body: { status } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: stockKeys.all }),
  });
}

/** Cars for the needs: a mutation, since the employee asks again as the client changes their mind. */
export function useMatchStock() {
  return useMutation({
    mutationFn: (body: { needs: Needs; limit?: number; dealId?: number }) =>
      api<MatchResponse>("/api/stock/match", { method: "POST", body: { limit: 10, ...body } }),
  });
}
