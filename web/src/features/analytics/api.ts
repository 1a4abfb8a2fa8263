import type {
  AnalyticsReport,
  AnalyticsReportName,
  Experiment,
  ExperimentInput,
  TargetListPreview,
} from "@orbit/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, buildUrl } from "../../api/client";

export interface ReportFilter {
  from: string;
  to: string;
  dealershipId?: number;
  by?: "kind" | "dealership" | "employee" | "month";
  process?: "deal" | "work_order";
}

export function reportPath(report: AnalyticsReportName, f: ReportFilter, csv = false): string {
  return buildUrl(`/api/analytics/reports/${report}${csv ? "/csv" : ""}`, { ...f });
}

export function useReport(report: AnalyticsReportName, f: ReportFilter, enabled = true) {
  return useQuery({
    queryKey: ["analytics", report, f],
    queryFn: ({ signal }) => api<AnalyticsReport>(reportPath(report, f), { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useExperiments() {
  return useQuery({
    queryKey: ["experiments"],
    queryFn: ({ signal }) => api<Experiment[]>("/api/experiments", { signal }),
  });
}

export function useCreateExperiment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExperimentInput) => api<Experiment>("/api/experiments", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["experiments"] }),
  });
}

export interface TargetFilter {
  segments: string[];
  dealershipId?: number;
  inactiveDays?: number;
}

/** The filter as a query string: a segment per `segments=` (the API takes one or many). */
export function targetQuery(f: TargetFilter): string {
  const params = new URLSearchParams();
  for (const s of f.segments) params.append("segments", s);
  if (f.dealershipId) params.set("dealershipId", String(f.dealershipId));
  if (f.inactiveDays) params.set("inactiveDays", String(f.inactiveDays));
  return params.toString();
}

export function useTargetPreview(f: TargetFilter) {
  return useQuery({
    queryKey: ["targetList", f],
    queryFn: ({ signal }) =>
      api<TargetListPreview>(`/api/target-lists/preview?${targetQuery(f)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignTasks() {
  return useMutation({
    mutationFn: (body: {
      filter: TargetFilter;
      campaign: string;
      dueOn: string;
      queue: "sales" | "service" | "call_center";
    }) => api<{ created: number }>("/api/target-lists/tasks", { method: "POST", body }),
  });
}
