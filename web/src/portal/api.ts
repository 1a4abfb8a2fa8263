import type {
  LoyaltySummary,
  PortalBookingInput,
  PortalCentre,
  PortalHome,
  PortalReview,
  PortalSession,
  PortalSlots,
  PortalWorkOrder,
  WorkOrderStatus,
} from "@orbit/contracts";
import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "../api/client";

export const sessionQuery = queryOptions({
  queryKey: ["portal", "me"],
  queryFn: () => api<PortalSession>("/api/portal/me"),
  retry: false,
});

export const homeQuery = queryOptions({
  queryKey: ["portal", "home"],
  queryFn: () => api<PortalHome>("/api/portal/home"),
});

export const loyaltyQuery = queryOptions({
  queryKey: ["portal", "loyalty"],
  queryFn: () => api<LoyaltySummary>("/api/portal/loyalty"),
});

export const centresQuery = (at: { lat: number; lon: number } | null) =>
  queryOptions({
    queryKey: ["portal", "centres", at],
    queryFn: () => api<PortalCentre[]>("/api/portal/centres", { query: at ?? {} }),
  });

export const slotsQuery = (q: { dealershipId: number; vehicleId: number; kind: string } | null) =>
  queryOptions({
    queryKey: ["portal", "slots", q],
    queryFn: () => api<PortalSlots>("/api/portal/slots", { query: q! }),
    enabled: q !== null,
    staleTime: 0,
  });

export const requestCode = (phone: string) =>
  api<{ expiresIn: number; resendIn: number }>("/api/portal/auth/code", { method: "POST", body: { phone } });
export const signIn = (phone: string, code: string) =>
  api<PortalSession>("/api/portal/auth/sign-in", { method: "POST", body: { phone, code } });
export const signOut = () => api("/api/portal/auth/sign-out", { method: "POST" });
export const startBooking = (body: { draftId: string; dealershipId?: number; kind?: string }) =>
  api("/api/portal/bookings/start", { method: "POST", body });
export const bookVisit = (body: PortalBookingInput) =>
  api<PortalWorkOrder>("/api/portal/bookings", { method: "POST", body });
export const reviewVisit = (id: number, body: PortalReview) =>
  api<PortalWorkOrder>(`/api/portal/work-orders/${id}/review`, { method: "POST", body });

/**
 * The client's live events: a work order's new status refreshes the visits (and the points, which a
 * delivery earns). The stream is the client's own: the server sends only this client's events.
 */
export function usePortalStream(onStatus?: (e: { workOrderId: number; status: WorkOrderStatus }) => void) {
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/portal/stream");
    source.addEventListener("work_order.status", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as {
        workOrderId: number;
        status: WorkOrderStatus;
      };
      client.setQueryData<PortalHome>(homeQuery.queryKey, (home) =>
        home
          ? {
              ...home,
              workOrders: home.workOrders.map((w) =>
                w.id === event.workOrderId ? { ...w, status: event.status } : w,
              ),
            }
          : home,
      );
      void client.invalidateQueries({ queryKey: ["portal"] });
      onStatus?.(event);
    });
    return () => source.close();
  }, [client, onStatus]);
}
