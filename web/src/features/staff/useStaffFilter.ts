import { ROLES, type Role } from "@orbit/contracts";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { patchedParams } from "../../ui/searchParams";
import type { StaffFilter } from "./api";

const isRole = (v: string | null): v is Role => v !== null && (ROLES as readonly string[]).includes(v);

/** Filters live in the URL, so a filtered list can be reloaded, bookmarked and sent to a colleague. */
export function useStaffFilter() {
  const [params, setParams] = useSearchParams();
  const dealership = Number(params.get("dealershipId"));
  const role = params.get("role");
  const q = params.get("q") ?? "";

  const filter = useMemo<StaffFilter>(
    () => ({
      dealershipId: Number.isInteger(dealership) && dealership > 0 ? dealership : undefined,
      role: isRole(role) ? role : undefined,
      q: q.trim() || undefined,
    }),
    [dealership, role, q],
  );

  const update = useCallback(
    (patch: Partial<Record<keyof StaffFilter, string | number | null>>) =>
      setParams((current) => patchedParams(current, patch), { replace: true }),
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const active = filter.dealershipId !== undefined || filter.role !== undefined || filter.q !== undefined;
  return { filter, update, reset, active };
}
