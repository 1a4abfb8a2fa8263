import type { LifecyclePoint } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";

/** The client's open tasks, most urgent first, in the shape of the work list's rows. */
export function openTasksSection(partyId: number): SQL {
  return sql`coalesce((SELECT json_agg(x ORDER BY x.priority, x.due_at) FROM (
      SELECT t.id, t.kind, t.reason_code, t.reason_params, t.source, t.queue, t.priority, t.due_at, t.window_end,
             t.sla_at, t.attempts, t.vehicle_id, u.full_name AS assignee_name, t.assignee_user_id, t.dealership_id
        FROM tasks t LEFT JOIN users u ON u.id = t.assignee_user_id
       WHERE t.party_id = ${partyId} AND t.status = 'open') x), '[]')`;
}

export interface OpenTaskJson {
  id: number;
  kind: string;
  reason_code: string;
  reason_params: Record<string, unknown>;
  source: string;
  queue: string;
  priority: number;
  due_at: string;
  window_end: string;
  sla_at: string;
  attempts: number;
  vehicle_id: number | null;
  assignee_name: string | null;
  assignee_user_id: number | null;
  dealership_id: number;
}

export function toOpenTasks(rows: OpenTaskJson[]) {
  return rows.map((t) => ({
    id: t.id,
    kind: t.kind,
    reason: { code: t.reason_code, params: t.reason_params },
    source: t.source,
    queue: t.queue,
    priority: t.priority,
    dueAt: new Date(t.due_at).toISOString(),
    windowEnd: new Date(t.window_end).toISOString(),
    slaAt: new Date(t.sla_at).toISOString(),
    attempts: t.attempts,
    vehicleId: t.vehicle_id,
    assigneeUserId: t.assignee_user_id,
    assigneeName: t.assignee_name,
    dealershipId: t.dealership_id,
  }));
}

/** The client's lifecycle points whose window ended in the last year or is still to come. */
export function lifecycleSection(partyId: number): SQL {
  return sql`coalesce((SELECT json_agg(x ORDER BY x.window_start DESC, x.id DESC) FROM (
      SELECT lp.id, lp.kind, lp.vehicle_id, lp.window_start, lp.window_end, lp.status, lp.task_id,
             lp.converted_type, lp.converted_id
        FROM lifecycle_points lp
       WHERE lp.party_id = ${partyId} AND lp.window_end >= current_date - 365
       ORDER BY lp.window_start DESC LIMIT 60) x), '[]')`;
}

export interface LifecyclePointJson {
  id: number;
  kind: LifecyclePoint["kind"];
  vehicle_id: number | null;
  window_start: string;
  window_end: string;
  status: LifecyclePoint["status"];
  task_id: number | null;
  converted_type: string | null;
  converted_id: number | null;
}

export function toLifecycle(rows: LifecyclePointJson[]): LifecyclePoint[] {
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    vehicleId: p.vehicle_id,
    windowStart: p.window_start,
    windowEnd: p.window_end,
    status: p.status,
    taskId: p.task_id,
    converted: p.converted_type && p.converted_id ? { type: p.converted_type, id: p.converted_id } : null,
  }));
}
