import type {
  PortalCar,
  PortalCentre,
  PortalHome,
  PortalReview,
  PortalSlots,
  PortalWorkOrder,
  WORK_KINDS,
} from "@orbit/contracts";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, invalid, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import { grantFirstReview, loyaltySummary, spendOnWorkOrder } from "../loyalty/ledger.service";
import { recordClientEvent } from "../scenarios/events.service";
import { book, searchSlots } from "../service/bookings.service";
import { getWorkshop } from "../service/workshop.service";
import { clientActing, type PortalClient } from "./auth.service";
import { nearestFirst } from "./centres";

type BookingInput = z.output<typeof import("@orbit/contracts").PortalBookingInput>;
type WorkKind = (typeof WORK_KINDS)[number];

/** The client's own cars (owned now), newest first. Every read here is by the session's client only. */
export async function clientCars(db: Db, partyId: number): Promise<PortalCar[]> {
  return execRows<PortalCar>(
    db,
    sql`SELECT id, make, model, year, plate, vin FROM (
          SELECT DISTINCT ON (v.id) v.id, v.make, v.model, v.year, v.plate, v.vin, o.valid_from
            FROM vehicle_ownerships o JOIN vehicles v ON v.id = o.vehicle_id
           WHERE o.party_id = ${partyId} AND o.valid_to IS NULL ORDER BY v.id, o.valid_from DESC NULLS LAST) cars
        ORDER BY valid_from DESC NULLS LAST, id DESC`,
  );
}

interface OrderRow {
  id: number;
  number: string;
  centre: string;
  vehicle_id: number;
  vehicle: string | null;
  kind: WorkKind;
  status: PortalWorkOrder["status"];
  summary: string;
  planned_start: Date | null;
  closed_at: Date | null;
  mileage_km: number | null;
  amount_kopecks: string;
  points: string;
  lines: { kind: "work" | "part"; name: string; quantity: number; amount_kopecks: number }[];
  review: PortalReview | null;
  has_photo: boolean;
}

/** The client's work orders (service history per car, with the live status), newest first. */
export async function clientOrders(db: Db, partyId: number, onlyId?: number): Promise<PortalWorkOrder[]> {
  const rows = await execRows<OrderRow>(
    db,
    sql`SELECT w.id, w.number, d.name AS centre, w.vehicle_id, nullif(concat_ws(' ', v.make, v.model, v.plate), '') AS vehicle,
               w.kind, w.status, w.summary, w.planned_start, w.closed_at, w.mileage_km, w.amount_kopecks,
               (SELECT coalesce(sum(CASE WHEN m.reason = 'spend' THEN m.points WHEN m.reason = 'refund' THEN -m.points ELSE 0 END), 0)
                  FROM loyalty_movements m WHERE m.work_order_id = w.id) AS points,
               coalesce((SELECT json_agg(json_build_object('kind', l.kind, 'name', l.name, 'quantity', l.quantity::float8,
                                 'amount_kopecks', l.amount_kopecks) ORDER BY l.kind DESC, l.id)
                           FROM work_order_lines l WHERE l.work_order_id = w.id), '[]') AS lines,
               (SELECT json_build_object('rating', r.rating, 'nps', r.nps, 'text', r.text) FROM portal_reviews r WHERE r.work_order_id = w.id) AS review,
               EXISTS (SELECT 1 FROM portal_booking_photos ph WHERE ph.work_order_id = w.id) AS has_photo
          FROM work_orders w JOIN dealerships d ON d.id = w.dealership_id JOIN vehicles v ON v.id = w.vehicle_id
         WHERE w.party_id = ${partyId} ${onlyId ? sql`AND w.id = ${onlyId}` : sql``}
         ORDER BY coalesce(w.planned_start, w.opened_at) DESC LIMIT 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    centre: r.centre,
    vehicleId: r.vehicle_id,
    vehicle: r.vehicle,
    kind: r.kind,
    status: r.status,
    summary: r.summary,
    plannedStart: r.planned_start ? new Date(r.planned_start).toISOString() : null,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    mileageKm: r.mileage_km,
    amountRub: Number(r.amount_kopecks) / 100,
    points: Number(r.points),
    lines: r.lines.map((l) => ({
      kind: l.kind,
      name: l.name,
      quantity: Number(l.quantity),
      amountRub: Number(l.amount_kopecks) / 100,
    })),
    review: r.review,
    hasPhoto: r.has_photo,
  }));
}

/** A work order of this client, or 404 (another client's order is reported as absent). */
export async function clientOrder(db: Db, partyId: number, id: number): Promise<PortalWorkOrder> {
  const [order] = await clientOrders(db, partyId, id);
  if (!order) throw notFound("Work order");
  return order;
}

export async function portalHome(db: Db, c: PortalClient): Promise<PortalHome> {
  const [cars, workOrders, loyalty] = await Promise.all([
    clientCars(db, c.partyId),
    clientOrders(db, c.partyId),
    loyaltySummary(db, c.partyId),
  ]);
  return { client: { id: c.partyId, name: c.name }, cars, workOrders, loyalty };
}

/** The group's service centres (those with a workshop), the nearest to the client first. */
export async function serviceCentres(
  db: Db,
  from: { lat: number; lon: number } | null,
): Promise<PortalCentre[]> {
  const rows = await execRows<{
    id: number;
    name: string;
    city: string;
    address: string;
    phone: string;
    latitude: number | null;
    longitude: number | null;
  }>(
    db,
    sql`SELECT d.id, d.name, d.city, d.address, d.phone, d.latitude, d.longitude FROM dealerships d
         WHERE EXISTS (SELECT 1 FROM service_posts p WHERE p.dealership_id = d.id)`,
  );
  return nearestFirst(rows, from).map(({ latitude: _, longitude: __, ...c }) => c);
}

async function ownCar(db: Db, partyId: number, vehicleId: number, field: string): Promise<void> {
  const [own] = await execRows<{ ok: boolean }>(
    db,
    sql`SELECT true AS ok FROM vehicle_ownerships WHERE vehicle_id = ${vehicleId} AND party_id = ${partyId} AND valid_to IS NULL`,
  );
  if (!own) throw invalid(field, "not one of your cars");
}

/** Free times for the client's car and kind of visit at a centre: the service module's own slot search. */
export async function portalSlots(
  db: Db,
  partyId: number,
  q: { dealershipId: number; vehicleId: number; kind: WorkKind; from?: string | undefined },
): Promise<PortalSlots> {
  await ownCar(db, partyId, q.vehicleId, "query.vehicleId");
  const answer = await searchSlots(db, {
    dealershipId: q.dealershipId,
    vehicleId: q.vehicleId,
    works: [],
    kind: q.kind,
    channel: "portal",
    limit: 9,
    ...(q.from ? { from: new Date(q.from) } : {}),
  });
  const { labourRateRub } = await getWorkshop(db, q.dealershipId);
  const hours = answer.works.reduce((s, w) => s + w.hours, 0);
  return {
    durationMinutes: answer.durationMinutes,
    works: answer.works.map((w) => ({ code: w.code, name: w.name })),
    estimateRub: Math.round(hours * labourRateRub),
    slots: answer.slots,
  };
}

/** The client opened the booking form: remembered as a portal event for the abandoned-booking scenario. */
export async function startBooking(
  db: Db,
  partyId: number,
  draft: { draftId: string; dealershipId?: number | undefined; kind?: WorkKind | undefined },
): Promise<void> {
  await recordClientEvent(db, partyId, {
    id: `${draft.draftId}:started`,
    type: "booking_started",
    payload: {
      draftId: draft.draftId,
      ...(draft.dealershipId ? { dealershipId: draft.dealershipId } : {}),
      ...(draft.kind ? { work: draft.kind } : {}),
    },
  });
}

const PHOTO_MAX_BYTES = 600 * 1024;

/**
 * Books the client's visit through the service module's booking (the same capacity, online share and
 * no-overlap guarantee as staff bookings), with the problem in the client's words, a photo, and points
 * put on the bill; marks the draft completed. One transaction.
 */
export async function portalBook(
  db: Db,
  c: PortalClient,
  input: BookingInput,
  requestId: string,
): Promise<PortalWorkOrder> {
  const photo = input.photo ? Buffer.from(input.photo.base64, "base64") : null;
  if (photo && (photo.length === 0 || photo.length > PHOTO_MAX_BYTES)) {
    throw invalid("body.photo.base64", `a photo of up to ${PHOTO_MAX_BYTES / 1024} KB`);
  }
  await ownCar(db, c.partyId, input.vehicleId, "body.vehicleId");
  const by = clientActing(c, requestId);
  const id = await db.transaction(async (tx) => {
    const booked = await book(tx, by, {
      dealershipId: input.dealershipId,
      partyId: c.partyId,
      vehicleId: input.vehicleId,
      works: [],
      kind: input.kind,
      channel: "portal",
      at: new Date(input.at),
      ...(input.postId ? { postId: input.postId } : {}),
      ...(input.technicianId ? { technicianId: input.technicianId } : {}),
      worksField: "body.kind",
    });
    if (input.problem) {
      await tx.execute(
        sql`UPDATE work_orders SET summary = left(summary || '. Со слов клиента: ' || ${input.problem}, 1000) WHERE id = ${booked.id}`,
      );
    }
    if (photo) {
      await tx.execute(
        sql`INSERT INTO portal_booking_photos (work_order_id, content_type, data) VALUES (${booked.id}, ${input.photo!.contentType}, ${photo})`,
      );
    }
    if (input.points > 0) {
      const [w] = await execRows<{ amount_kopecks: string }>(
        tx,
        sql`SELECT amount_kopecks FROM work_orders WHERE id = ${booked.id}`,
      );
      await spendOnWorkOrder(
        tx,
        by,
        {
          id: booked.id,
          number: booked.number,
          partyId: c.partyId,
          amountKopecks: Number(w!.amount_kopecks),
        },
        input.points,
      );
    }
    await recordClientEvent(tx, c.partyId, {
      id: `${input.draftId}:completed`,
      type: "booking_completed",
      payload: {
        draftId: input.draftId,
        workOrderId: booked.id,
        dealershipId: input.dealershipId,
        work: input.kind,
      },
    });
    return booked.id;
  });
  return clientOrder(db, c.partyId, id);
}

/** The client's review of a delivered visit with the NPS answer; the first review earns its points. */
export async function reviewVisit(
  db: Db,
  c: PortalClient,
  workOrderId: number,
  review: PortalReview,
  requestId: string,
): Promise<PortalWorkOrder> {
  const order = await clientOrder(db, c.partyId, workOrderId);
  if (order.status !== "delivered") throw conflict("only a delivered visit can be reviewed");
  const by = clientActing(c, requestId);
  await db.transaction(async (tx) => {
    const inserted = await execRows<{ id: number }>(
      tx,
      sql`INSERT INTO portal_reviews (party_id, work_order_id, rating, nps, text)
          VALUES (${c.partyId}, ${workOrderId}, ${review.rating}, ${review.nps}, ${review.text ?? ""})
          ON CONFLICT (work_order_id) DO NOTHING RETURNING id`,
    );
    if (inserted.length === 0) throw conflict("this visit is already reviewed");
    await recordAction(tx, by, {
      entityType: "work_order",
      entityId: workOrderId,
      action: "portal:review",
      processStep: "service.review",
      after: review,
    });
    await tx.execute(
      sql`INSERT INTO interactions (party_id, occurred_at, channel, direction, subject, body, ref_type, ref_id, payload)
          VALUES (${c.partyId}, now(), 'web', 'in', ${`Отзыв о визите ${order.number}: ${review.rating}/5, NPS ${review.nps}`},
                  ${review.text ?? ""}, 'work_order', ${workOrderId}, ${JSON.stringify({ kind: "review", ...review })}::jsonb)`,
    );
    await grantFirstReview(tx, by, c.partyId, { id: workOrderId, number: order.number });
  });
  return clientOrder(db, c.partyId, workOrderId);
}

export async function bookingPhoto(
  db: Db,
  partyId: number,
  workOrderId: number,
): Promise<{ contentType: string; data: Buffer }> {
  const [row] = await execRows<{ content_type: string; data: Buffer }>(
    db,
    sql`SELECT ph.content_type, ph.data FROM portal_booking_photos ph JOIN work_orders w ON w.id = ph.work_order_id
         WHERE ph.work_order_id = ${workOrderId} AND w.party_id = ${partyId} ORDER BY ph.id DESC LIMIT 1`,
  );
  if (!row) throw notFound("Photo");
  return { contentType: row.content_type, data: Buffer.from(row.data) };
}
