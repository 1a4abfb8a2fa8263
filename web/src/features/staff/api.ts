import type {
  CreateStaffUser,
  Dealership,
  Department,
  Role,
  StaffUser,
  UpdateStaffUser,
} from "@orbit/contracts";
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export interface StaffFilter {
  dealershipId?: number;
  role?: Role;
  q?: string;
}

export const staffKeys = {
  all: ["staff"] as const,
  list: (filter: StaffFilter) => ["staff", "list", filter] as const,
};

export function useStaffList(filter: StaffFilter) {
  return useQuery({
    queryKey: staffKeys.list(filter),
    queryFn: ({ signal }) => api<StaffUser[]>("/api/staff/users", { query: { ...filter }, signal }),
    // Keep showing the previous rows while a new filter loads: the table does not jump.
    placeholderData: keepPreviousData,
  });
}

// The group's structure changes rarely; one load per visit is plenty.
const ORG_STALE_MS = 10 * 60_000;

export const dealershipsQuery = queryOptions({
  queryKey: ["dealerships"],
  queryFn: ({ signal }) => api<Dealership[]>("/api/dealerships", { signal }),
  staleTime: ORG_STALE_MS,
});

export function useDealerships() {
  return useQuery(dealershipsQuery);
}

export function useDepartments() {
  return useQuery({
    queryKey: ["departments"],
    queryFn: ({ signal }) => api<Department[]>("/api/departments", { signal }),
    staleTime: ORG_STALE_MS,
  });
}

export function useCreateStaffUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStaffUser) => api<StaffUser>("/api/staff/users", { method: "POST", body }),
    onSuccess: () => invalidateAfterWrite(client),
  });
}

export function useUpdateStaffUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: UpdateStaffUser }) =>
      api<StaffUser>(`/api/staff/users/${id}`, { method: "PATCH", body: patch }),
    onSuccess: () => invalidateAfterWrite(client),
  });
}

// Every write is in the action log too, so that list is stale as well.
function invalidateAfterWrite(client: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    client.invalidateQueries({ queryKey: staffKeys.all }),
    client.invalidateQueries({ queryKey: ["audit"] }),
  ]);
}
