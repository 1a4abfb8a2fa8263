import { useState } from "react";
import { useCurrentUser } from "../auth/session";
import { useDealerships } from "../staff/api";

/**
 * The service centre a page works on: the employee's own, or for group-wide staff the one they pick
 * (the first one by default).
 */
export function useServiceDealership() {
  const user = useCurrentUser();
  const dealerships = useDealerships();
  const [picked, setPicked] = useState<number | null>(null);
  const own = user.dealershipId ?? null;
  const id = own ?? picked ?? dealerships.data?.[0]?.id ?? null;
  return {
    id,
    choosable: own === null,
    options: (dealerships.data ?? []).map((d) => ({ value: String(d.id), label: d.name })),
    choose: (value: string | null) => setPicked(value ? Number(value) : null),
  };
}
