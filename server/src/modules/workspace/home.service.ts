import type { HomeSummary } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { dealerDay, dealerMonthStart } from "../../platform/time/dealerCalendar";
import type { Actor } from "../staff/actor";
import { listTasks } from "../tasks/tasks.service";

/**
 * The employee's own clients: a personal manager's assigned book, a salesperson's buyers, a service
 * advisor's service clients; everyone's numbers for the month so far.
 */
export async function homeSummary(db: Db, actor: Actor): Promise<HomeSummary> {
  const me = actor.userId;
  const mine =
    actor.role === "personal_manager"
      ? sql`SELECT p.id FROM parties p WHERE p.personal_manager_id = ${me} AND p.status = 'active'`
      : actor.role === "salesperson" || actor.role === "sales_manager"
        ? sql`SELECT DISTINCT d.party_id AS id FROM deals d WHERE d.salesperson_id = ${me}`
        : actor.role === "service_advisor"
          ? sql`SELECT DISTINCT w.party_id AS id FROM work_orders w WHERE w.advisor_id = ${me} AND w.opened_at > now() - interval '2 years'`
          : null;
  let myClients: HomeSummary["myClients"] = { total: 0, clients: [] };
  if (mine) {
    const [count] = await execRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${mine}) m`);
    const clients = await execRows<{
      id: number;
      display_name: string;
      segment: string;
      last_contact_at: Date | null;
    }>(
      db,
      sql`SELECT p.id, p.display_name, p.segment,
                 (SELECT max(i.occurred_at) FROM interactions i WHERE i.party_id = p.id) AS last_contact_at
            FROM parties p JOIN (${mine}) m ON m.id = p.id
           WHERE p.status = 'active'
           ORDER BY p.display_name LIMIT 50`,
    );
    myClients = {
      total: count?.n ?? 0,
      clients: clients.map((c) => ({
        id: c.id,
        displayName: c.display_name,
        segment: c.segment,
        lastContactAt: c.last_contact_at ? new Date(c.last_contact_at).toISOString() : null,
      })),
    };
  }
  const today = dealerDay();
  const due = await listTasks(db, actor, {
    scope: "mine",
    status: "open",
    dueBy: today,
    limit: 10,
    offset: 0,
  });
  const [late] = await execRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM tasks WHERE assignee_user_id = ${me} AND status = 'open' AND sla_at < now()`,
  );
  const since = dealerMonthStart().toISOString();
  const [month] = await execRows<{
    deals: number;
    sales: string;
    orders: number;
    service: string;
    calls: number;
  }>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM deals WHERE salesperson_id = ${me} AND status = 'won' AND closed_at >= ${since}) AS deals,
          (SELECT coalesce(sum(amount_kopecks), 0) FROM deals WHERE salesperson_id = ${me} AND status = 'won' AND closed_at >= ${since}) AS sales,
          (SELECT count(*)::int FROM work_orders WHERE advisor_id = ${me} AND status = 'delivered' AND opened_at >= ${since}) AS orders,
          (SELECT coalesce(sum(amount_kopecks), 0) FROM work_orders WHERE advisor_id = ${me} AND status = 'delivered' AND opened_at >= ${since}) AS service,
          (SELECT count(*)::int FROM interactions WHERE user_id = ${me} AND channel = 'call' AND direction = 'out' AND occurred_at >= ${since}) AS calls`,
  );
  return {
    workList: { dueToday: due.total, overdue: late?.n ?? 0, tasks: due.tasks },
    myClients,
    month: {
      dealsWon: month?.deals ?? 0,
      salesRub: Number(month?.sales ?? 0) / 100,
      workOrders: month?.orders ?? 0,
      serviceRub: Number(month?.service ?? 0) / 100,
      callsMade: month?.calls ?? 0,
    },
  };
}
