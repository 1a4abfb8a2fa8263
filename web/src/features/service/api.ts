import type {
  Board,
  CatalogWork,
  MaintenanceSchedule,
  Part,
  PriceListImportResult,
  ServicePost,
  SlotAnswer,
  Technician,
  WorkOrder,
  Workshop,
} from "@orbit/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export const serviceKeys = {
  all: ["service"] as const,
  board: (dealershipId: number, day: string) => ["service", "board", dealershipId, day] as const,
  workOrder: (id: number) => ["service", "workOrder", id] as const,
  slots: (q: SlotRequest) => ["service", "slots", q] as const,
  works: ["service", "works"] as const,
  parts: (q: string, offset: number) => ["service", "parts", q, offset] as const,
  schedules: ["service", "schedules"] as const,
  posts: (dealershipId: number) => ["service", "posts", dealershipId] as const,
  technicians: (dealershipId: number) => ["service", "technicians", dealershipId] as const,
  workshop: (dealershipId: number) => ["service", "workshop", dealershipId] as const,
};

export function useBoard(dealershipId: number | null, day: string) {
  return useQuery({
    queryKey: serviceKeys.board(dealershipId ?? 0, day),
    queryFn: ({ signal }) => api<Board>("/api/service/board", { query: { dealershipId, day }, signal }),
    enabled: dealershipId !== null,
    placeholderData: keepPreviousData,
    // The board changes as colleagues book and move cars: refreshed every half minute.
    refetchInterval: 30_000,
  });
}

export interface SlotRequest {
  dealershipId: number;
  vehicleId: number;
  works: string[];
  channel: string;
}

export function useSlots(q: SlotRequest | null) {
  return useQuery({
    queryKey: serviceKeys.slots(q ?? { dealershipId: 0, vehicleId: 0, works: [], channel: "call" }),
    queryFn: ({ signal }) =>
      api<SlotAnswer>("/api/service/slots", {
        query: {
          dealershipId: q!.dealershipId,
          vehicleId: q!.vehicleId,
          works: q!.works.join(","),
          channel: q!.channel,
        },
        signal,
      }),
    enabled: q !== null,
    retry: false,
    staleTime: 0,
  });
}

function useAfterWrite() {
  const client = useQueryClient();
  return (order?: WorkOrder) => {
    if (order) client.setQueryData(serviceKeys.workOrder(order.id), order);
    void client.invalidateQueries({ queryKey: ["service", "board"] });
    void client.invalidateQueries({ queryKey: ["service", "slots"] });
    void client.invalidateQueries({ queryKey: ["clients"] });
  };
}

export interface BookingBody {
  dealershipId: number;
  clientId: number;
  vehicleId: number;
  works: string[];
  channel: string;
  at?: string;
  postId?: number;
  technicianId?: number;
}

export function useBook() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (body: BookingBody) => api<WorkOrder>("/api/service/bookings", { method: "POST", body }),
    onSuccess: after,
  });
}

export interface WalkInBody {
  dealershipId: number;
  clientId: number;
  vehicleId: number;
  works: string[];
  mileageKm?: number;
}

export function useWalkIn() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (body: WalkInBody) => api<WorkOrder>("/api/service/work-orders", { method: "POST", body }),
    onSuccess: after,
  });
}

export function useWorkOrder(id: number) {
  return useQuery({
    queryKey: serviceKeys.workOrder(id),
    queryFn: ({ signal }) => api<WorkOrder>(`/api/service/work-orders/${id}`, { signal }),
    refetchInterval: 30_000,
  });
}

export function useChangeStatus(id: number) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (body: { status: WorkOrder["status"]; mileageKm?: number }) =>
      api<WorkOrder>(`/api/service/work-orders/${id}/status`, { method: "POST", body }),
    onSuccess: after,
  });
}

export function useMove() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; at: string; postId?: number; technicianId?: number }) =>
      api<WorkOrder>(`/api/service/work-orders/${id}/plan`, { method: "PATCH", body }),
    onSuccess: after,
  });
}

export function useAddLines(id: number) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (body: { works?: string[]; parts?: { article: string; quantity: number }[] }) =>
      api<WorkOrder>(`/api/service/work-orders/${id}/lines`, { method: "POST", body }),
    onSuccess: after,
  });
}

export function useRemoveLine(id: number) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (lineId: number) =>
      api<WorkOrder>(`/api/service/work-orders/${id}/lines/${lineId}`, { method: "DELETE" }),
    onSuccess: after,
  });
}

export function useWorks() {
  return useQuery({
    queryKey: serviceKeys.works,
    queryFn: ({ signal }) => api<CatalogWork[]>("/api/service/works", { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useParts(q: string, offset = 0, limit = 50) {
  return useQuery({
    queryKey: serviceKeys.parts(q, offset),
    queryFn: ({ signal }) =>
      api<{ total: number; parts: Part[] }>("/api/service/parts", { query: { q, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSchedules() {
  return useQuery({
    queryKey: serviceKeys.schedules,
    queryFn: ({ signal }) => api<MaintenanceSchedule[]>("/api/service/schedules", { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useImportPriceList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, source }: { file: Blob; source: string }) =>
      api<PriceListImportResult>("/api/service/parts/import", {
        method: "POST",
        body: file,
        contentType: "text/csv",
        query: { source },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["service", "parts"] }),
  });
}

export function usePosts(dealershipId: number | null) {
  return useQuery({
    queryKey: serviceKeys.posts(dealershipId ?? 0),
    queryFn: ({ signal }) => api<ServicePost[]>("/api/service/posts", { query: { dealershipId }, signal }),
    enabled: dealershipId !== null,
  });
}

export function useTechnicians(dealershipId: number | null) {
  return useQuery({
    queryKey: serviceKeys.technicians(dealershipId ?? 0),
    queryFn: ({ signal }) =>
      api<Technician[]>("/api/service/technicians", { query: { dealershipId }, signal }),
    enabled: dealershipId !== null,
  });
}

export function useWorkshop(dealershipId: number | null) {
  return useQuery({
    queryKey: serviceKeys.workshop(dealershipId ?? 0),
    queryFn: ({ signal }) => api<Workshop>(`/api/service/workshops/${dealershipId}`, { signal }),
    enabled: dealershipId !== null,
  });
}

export function useSavePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { dealershipId: number; name: string; skills: string[] }) =>
      api<ServicePost>("/api/service/posts", { method: "POST", body }),
    onSuccess: (p) => void client.invalidateQueries({ queryKey: serviceKeys.posts(p.dealershipId) }),
  });
}

export function useSaveTechnician() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      dealershipId: number;
      fullName: string;
      skills: string[];
      shift: Technician["shift"];
    }) => api<Technician>("/api/service/technicians", { method: "POST", body }),
    onSuccess: (t) => void client.invalidateQueries({ queryKey: serviceKeys.technicians(t.dealershipId) }),
  });
}

export interface ShowUpRate {
  channel: string;
  booked: number;
  arrived: number;
  noShow: number;
  rate: number | null;
}

/** Of the bookings due in the period, the share whose car came, by channel. */
export function useShowUp(dealershipId: number | null, from: string, to: string) {
  return useQuery({
    queryKey: ["service", "showUp", dealershipId, from, to],
    queryFn: ({ signal }) =>
      api<ShowUpRate[]>("/api/service/show-up", { query: { dealershipId, from, to }, signal }),
    enabled: dealershipId !== null,
    staleTime: 5 * 60_000,
  });
}

export function useUpdateWorkshop(dealershipId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<Workshop, "openingHours" | "rules" | "labourRateRub">) =>
      api<Workshop>(`/api/service/workshops/${dealershipId}`, { method: "PUT", body }),
    onSuccess: (w) => {
      client.setQueryData(serviceKeys.workshop(dealershipId), w);
      void client.invalidateQueries({ queryKey: ["service", "board"] });
    },
  });
}
