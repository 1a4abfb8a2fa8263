import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

/** One kind's (or the total's) counts: contracts' LifecycleUtilisation. */
export interface LifecycleCounts {
  due: number;
  open: number;
  taken: number;
  missed: number;
  converted: number;
  /** converted / due; null when there were none. */
  utilisation: number | null;
}

export interface LifecycleUtilisation {
  from: string;
  to: string;
  dealershipId: number | null;
  total: LifecycleCounts;
  byKind: (LifecycleCounts & { kind: string })[];
}

export interface UtilisationQuery {
  from: string;
  to: string;
  dealershipId?: number;
}

export function useLifecycleUtilisation(q: UtilisationQuery, { enabled = true } = {}) {
  return useQuery({
    queryKey: ["lifecycle", "utilisation", q],
    queryFn: ({ signal }) =>
      api<LifecycleUtilisation>("/api/lifecycle/utilisation", { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
