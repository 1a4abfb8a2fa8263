import type {
  Call,
  CallHandover,
  CallList,
  CallScript,
  EscalationChain,
  PointsRule,
  PointsStatement,
} from "@orbit/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";

export const callKeys = {
  live: ["calls", "live"] as const,
  missed: (status: string) => ["calls", "missed", status] as const,
  call: (id: number) => ["calls", id] as const,
  chains: ["telephony", "chains"] as const,
  scripts: ["telephony", "scripts"] as const,
  rules: ["points", "rules"] as const,
  statement: (userId: number | null, month: string) => ["points", "statement", userId, month] as const,
  leaderboard: (month: string) => ["points", "leaderboard", month] as const,
};

export function useLiveCalls() {
  return useQuery({
    queryKey: callKeys.live,
    queryFn: ({ signal }) => api<Call[]>("/api/calls/live", { signal }),
  });
}

export function useMissedCalls(status: "open" | "handled" | "all") {
  return useQuery({
    queryKey: callKeys.missed(status),
    queryFn: ({ signal }) => api<CallList>("/api/calls/missed", { signal, query: { status, limit: 100 } }),
  });
}

function useAfterCallWrite() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ["calls"] });
}

export function useTickStep(callId: number) {
  const after = useAfterCallWrite();
  return useMutation({
    mutationFn: (body: { step: string; done: boolean }) =>
      api<Call>(`/api/calls/${callId}/script`, { method: "POST", body }),
    onSuccess: after,
  });
}

export function useHandover(callId: number) {
  const after = useAfterCallWrite();
  return useMutation({
    mutationFn: (body: CallHandover) =>
      api<{ call: Call; points: number }>(`/api/calls/${callId}/handover`, { method: "POST", body }),
    onSuccess: after,
  });
}

export function useLinkClient() {
  return useMutation({
    mutationFn: ({ callId, clientId }: { callId: number; clientId: number }) =>
      api<Call>(`/api/calls/${callId}/client`, { method: "POST", body: { clientId } }),
  });
}

export function useSimulateCall() {
  return useMutation({
    mutationFn: (body: { from: string; extension: string }) =>
      api<{ callId: number }>("/api/telephony/simulate", { method: "POST", body }),
  });
}

export function useSimulateNext() {
  const after = useAfterCallWrite();
  return useMutation({
    mutationFn: ({ callId, action }: { callId: number; action: "answer" | "end" }) =>
      api<{ ok: boolean }>(`/api/telephony/simulate/${callId}/${action}`, { method: "POST" }),
    onSuccess: after,
  });
}

export function useChains() {
  return useQuery({
    queryKey: callKeys.chains,
    queryFn: ({ signal }) => api<EscalationChain[]>("/api/telephony/chains", { signal }),
  });
}

export type ChainInput = Omit<EscalationChain, "id" | "updatedAt">;
export function useSaveChain() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: ChainInput }) =>
      api<EscalationChain>(id ? `/api/telephony/chains/${id}` : "/api/telephony/chains", {
        method: id ? "PUT" : "POST",
        body,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: callKeys.chains }),
  });
}

export function useScripts() {
  return useQuery({
    queryKey: callKeys.scripts,
    queryFn: ({ signal }) => api<CallScript[]>("/api/telephony/scripts", { signal }),
  });
}

export function useSaveScript() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Omit<CallScript, "id" | "updatedAt"> }) =>
      api<CallScript>(`/api/telephony/scripts/${id}`, { method: "PUT", body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: callKeys.scripts }),
  });
}

export function useRules() {
  return useQuery({
    queryKey: callKeys.rules,
    queryFn: ({ signal }) => api<PointsRule[]>("/api/points/rules", { signal }),
  });
}

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Omit<PointsRule, "id"> }) =>
      api<PointsRule>(`/api/points/rules/${id}`, { method: "PUT", body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["points"] }),
  });
}

export function usePointsStatement(userId: number | null, month: string) {
  return useQuery({
    queryKey: callKeys.statement(userId, month),
    queryFn: ({ signal }) =>
      api<PointsStatement>("/api/points/statement", {
        signal,
        query: { month, ...(userId ? { userId } : {}) },
      }),
  });
}

export function useLeaderboard(month: string, enabled: boolean) {
  return useQuery({
    queryKey: callKeys.leaderboard(month),
    enabled,
    queryFn: ({ signal }) =>
      api<{ userId: number; userName: string; total: number }[]>("/api/points/leaderboard", {
        signal,
        query: { month },
      }),
  });
}
