import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import type { AuditFilter } from "./api";

/** Filters live in the URL: "the history of this record" is a link one can send. */
export function useAuditFilter() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get("entityType") ?? undefined;
  const entityId = params.get("entityId") ?? undefined;
  const actor = Number(params.get("actorUserId"));

  const filter = useMemo<AuditFilter>(
    () => ({
      entityType,
      entityId: entityType ? entityId : undefined,
      actorUserId: Number.isInteger(actor) && actor > 0 ? actor : undefined,
    }),
    [entityType, entityId, actor],
  );

  const set = useCallback(
    (patch: Record<string, string | number | undefined>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      }),
    [setParams],
  );

  return {
    filter,
    byActor: (actorUserId: number) => set({ actorUserId }),
    byEntity: (type: string, id: string) => set({ entityType: type, entityId: id }),
    clearActor: () => set({ actorUserId: undefined }),
    clearEntity: () => set({ entityType: undefined, entityId: undefined }),
    clearAll: () => setParams(new URLSearchParams()),
  };
}
