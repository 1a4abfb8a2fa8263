import type { ActionLogEntry } from "@orbit/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client";

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; each further page continues below the oldest entry already shown. */
export function useActionLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ["audit", filter],
    queryFn: ({ pageParam, signal }) =>
      api<ActionLogEntry[]>("/api/audit", {
        query: { ...filter, before: pageParam, limit: AUDIT_PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === AUDIT_PAGE_SIZE ? last.at(-1)?.id : undefined),
  });
}
