import type { OfferFamilyConfig, PropensityOverview } from "@orbit/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export const propensityKeys = { overview: ["propensity"] as const };

/** POST /api/offer-families (contracts' OfferFamilyInput). */
export interface FamilyCreate {
  code: string;
  name: string;
  target: OfferFamilyConfig["target"];
  horizonDays: number;
  valueRub: number;
  purpose: OfferFamilyConfig["purpose"];
  queue: OfferFamilyConfig["queue"];
}

/** Families, versions and the last scoring; polled while a training or scoring is under way. */
export function usePropensity() {
  return useQuery({
    queryKey: propensityKeys.overview,
    queryFn: ({ signal }) => api<PropensityOverview>("/api/propensity", { signal }),
    refetchInterval: (q) => (q.state.data?.pending.training || q.state.data?.pending.scoring ? 3000 : false),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: propensityKeys.overview });
    void client.invalidateQueries({ queryKey: ["audit"] });
  };
}

export function useTrainNow() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<{ jobId: number }>("/api/propensity/train", { method: "POST", body: {} }),
    onSuccess: refresh,
  });
}

export function useCreateFamily() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: FamilyCreate) =>
      api<OfferFamilyConfig>("/api/offer-families", { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useSetFamilyActive() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) =>
      api<OfferFamilyConfig>(`/api/offer-families/${id}`, { method: "PATCH", body: { active } }),
    onSuccess: refresh,
  });
}
