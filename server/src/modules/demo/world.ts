import type { Role } from "@orbit/contracts";
import { CopyBuffer, type CsvValue } from "./copyBuffer";
import { dayToIso } from "./dates";
import type { DemoDealership } from "./orgStructure";

// Columns written per table, in dependency order (a table's rows reference only earlier tables).
// biome-ignore format: a table's columns on a few lines read better than one per line
const TABLES = {
  parties: [
    "id", "kind", "display_name", "last_name", "first_name", "patronymic", "birth_date", "gender", "company_name",
    "inn", "kpp", "ogrn", "segment", "blocked", "home_dealership_id", "personal_manager_id", "created_at", "updated_at",
    "search_terms", "name_key", "first_key",
  ],
  source_records: ["id", "party_id", "original_party_id", "source_system", "source_key", "dealership_id", "data", "received_at"],
  party_versions: ["party_id", "version", "valid_from", "data", "source_system", "source_record_id", "reason"],
  contact_points: ["party_id", "kind", "value", "raw", "is_primary", "valid_from", "source_system", "source_record_id"],
  identity_documents: ["party_id", "kind", "number", "raw", "issued_on", "valid_from", "source_system", "source_record_id"],
  consents: ["party_id", "channel", "purpose", "granted", "valid_from", "valid_to", "source_system"],
  party_roles: ["party_id", "role", "dealership_id", "valid_from"],
  party_relationships: ["party_id", "related_party_id", "kind", "title", "valid_from", "source_system"],
  match_keys: ["key", "party_id"],
  vehicles: [
    "id", "vin", "make", "model", "year", "body_type", "fuel", "drive", "color", "plate", "first_registered_on", "warranty_until",
  ],
  vehicle_ownerships: ["vehicle_id", "party_id", "role", "valid_from", "valid_to", "source_system"],
  mileage_readings: ["vehicle_id", "read_on", "km", "source"],
  deals: [
    "id", "dealership_id", "party_id", "kind", "status", "source", "salesperson_id", "vehicle_id", "trade_in_vehicle_id",
    "amount_kopecks", "opened_at", "closed_at", "delivered_on", "lost_reason",
  ],
  insurance_policies: [
    "party_id", "vehicle_id", "dealership_id", "deal_id", "kind", "insurer", "number", "starts_on", "ends_on",
    "premium_kopecks", "sold_by_id",
  ],
  credits: [
    "party_id", "vehicle_id", "dealership_id", "deal_id", "bank", "principal_kopecks", "rate_pct", "term_months",
    "monthly_payment_kopecks", "starts_on", "ends_on",
  ],
  work_orders: [
    "id", "number", "dealership_id", "party_id", "vehicle_id", "advisor_id", "kind", "status", "booking_channel", "summary",
    "mileage_km", "amount_kopecks", "opened_at", "promised_at", "closed_at",
  ],
  visitors: ["visitor_id", "party_id", "first_seen_at", "linked_at"],
  web_events: ["id", "source", "type", "occurred_at", "visitor_id", "party_id", "payload"],
  interactions: [
    "party_id", "occurred_at", "channel", "direction", "dealership_id", "user_id", "vehicle_id", "subject", "outcome",
    "duration_s", "recording_url", "ref_type", "ref_id",
  ],
} as const;

export const PERSONAL_MANAGER_CAPACITY = 380;

export type TableName = keyof typeof TABLES;
/** One flush of the world: CSV text per table, in the order the tables must be written. */
export type CopyBatch = { table: TableName; columns: readonly string[]; csv: Uint8Array }[];
export const WORLD_TABLES = Object.keys(TABLES) as TableName[];

export interface StaffMember {
  id: number;
  role: Role;
  dealershipId: number | null;
}

export interface WorldDealership extends DemoDealership {
  id: number;
}

/** Everything the story generators share: ids, staff to attribute records to, and the output buffers. */
export class DemoWorld {
  private readonly buffers: Record<TableName, CopyBuffer>;
  private readonly counters = { party: 0, sourceRecord: 0, vehicle: 0, deal: 0, workOrder: 0 };
  private readonly staffBy = new Map<string, StaffMember[]>();
  private readonly workOrderSeq = new Map<number, number>();
  private readonly managerLoad = new Map<number, number>();
  /** E-mail addresses given out so far: two clients never share one by accident. */
  private readonly emails = new Set<string>();

  /**
   * A world is one part of the demo (`part` of `parts`): the parts are generated independently, in
   * parallel where there are cores for it, so everything unique across the group is drawn from the
   * part's own share: ids and work order numbers interleave, each personal manager's capacity is split.
   */
  constructor(
    readonly today: number,
    readonly dealerships: readonly WorldDealership[],
    staff: readonly StaffMember[],
    readonly part = 0,
    readonly parts = 1,
  ) {
    this.buffers = Object.fromEntries(
      Object.entries(TABLES).map(([name, columns]) => [name, new CopyBuffer(name, columns)]),
    ) as Record<TableName, CopyBuffer>;
    for (const s of staff) {
      const key = `${s.dealershipId ?? "group"}:${s.role}`;
      this.staffBy.set(key, [...(this.staffBy.get(key) ?? []), s]);
    }
  }

  nextId(kind: keyof DemoWorld["counters"]): number {
    return this.interleaved(++this.counters[kind]);
  }

  /** The n-th (from 1) of this part's numbers, in a sequence the parts share without colliding. */
  private interleaved(n: number): number {
    return (n - 1) * this.parts + this.part + 1;
  }

  /** Staff of a role at a dealership (or group-wide), picked by a number the caller draws. */
  staff(dealershipId: number | null, role: Role, pick: number): number | null {
    const list = this.staffBy.get(`${dealershipId ?? "group"}:${role}`);
    if (!list?.length) return null;
    return list[Math.floor(pick * list.length) % list.length]!.id;
  }

  staffOf(dealershipId: number | null, role: Role): readonly StaffMember[] {
    return this.staffBy.get(`${dealershipId ?? "group"}:${role}`) ?? [];
  }

  /** A personal manager of the dealership with room left (they hold 300-400 clients each), or null. */
  personalManager(dealershipId: number): number | null {
    for (const pm of this.staffOf(dealershipId, "personal_manager")) {
      const load = this.managerLoad.get(pm.id) ?? 0;
      if (load < Math.ceil(PERSONAL_MANAGER_CAPACITY / this.parts)) {
        this.managerLoad.set(pm.id, load + 1);
        return pm.id;
      }
    }
    return null;
  }

  workOrderNumber(dealership: WorldDealership, day: number): string {
    const n = (this.workOrderSeq.get(dealership.id) ?? 0) + 1;
    this.workOrderSeq.set(dealership.id, n);
    const number = this.interleaved(n);
    return `${dealership.code.split("-")[1]}-${dayToIso(day).slice(2, 4)}-${String(number).padStart(7, "0")}`;
  }

  /**
   * Whether an address is already someone's. Each part may only give out the addresses that hash to
   * it, so two parts, not seeing each other's clients, never hand out the same one.
   */
  isEmailTaken(email: string): boolean {
    return this.emails.has(email) || (this.parts > 1 && fnv1a(email) % this.parts !== this.part);
  }

  takeEmail(email: string): void {
    this.emails.add(email);
  }

  add(table: TableName, values: readonly CsvValue[]): void {
    this.buffers[table].add(values);
  }

  rows(table: TableName): number {
    return this.buffers[table].rows;
  }

  counts(): Record<TableName, number> {
    return Object.fromEntries(Object.entries(this.buffers).map(([k, b]) => [k, b.rows])) as Record<
      TableName,
      number
    >;
  }

  /** Hands over the rows gathered so far as CSV per table, parents before children. */
  take(): CopyBatch {
    return (Object.keys(TABLES) as TableName[])
      .map((table) => ({ table, columns: TABLES[table], csv: this.buffers[table].take() }))
      .filter((part) => part.csv.length > 0);
  }
}

/** FNV-1a over the UTF-16 code units: a cheap, stable hash to share strings out among parts. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A timestamp on a day at a minute of the day, Moscow time, as PostgreSQL reads it. */
export function moment(day: number, minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60) % 24;
  const m = Math.floor(minuteOfDay % 60);
  return `${dayToIso(day)} ${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}:00+03`;
}
