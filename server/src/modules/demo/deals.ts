import { Needs } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { createDeal, updateDeal } from "../deals/deals.service";
import { addAppraisal, setTradeInVehicle } from "../deals/extras.service";
import { completeStep, handOff } from "../deals/steps.service";
import { type Actor, actingAs } from "../staff/actor";
import { matchStock } from "../stock/stock.service";

async function actorOf(db: Db, login: string): Promise<Actor | null> {
  const [u] = await execRows<{
    id: number;
    full_name: string;
    role: Actor["role"];
    dealership_id: number | null;
    department_id: number | null;
  }>(db, sql`SELECT id, full_name, role, dealership_id, department_id FROM users WHERE login = ${login}`);
  if (!u) return null;
  return {
    userId: u.id,
    login,
    fullName: u.full_name,
    role: u.role,
    dealershipId: u.dealership_id,
    departmentId: u.department_id,
    locale: "ru",
    sessionId: "demo",
    csrfToken: "",
  };
}

/**
 * The demo salesperson's deals in progress, made through the same services the screens use: a purchase with
 * trade-in on credit waiting for the appraiser, one waiting for F&I's banks, and a new-car sale stopped at the
 * buyer's missing data. The demo appraiser and F&I specialist find their tasks in the work list.
 */
export async function openDemoDeals(db: Db): Promise<number> {
  const sales = await actorOf(db, "sales");
  if (!sales?.dealershipId) return 0;
  const by = actingAs(sales);
  const clients = await execRows<{ id: number; car: number }>(
    db,
    sql`SELECT p.id, (SELECT o.vehicle_id FROM vehicle_ownerships o WHERE o.party_id = p.id AND o.valid_to IS NULL
                        ORDER BY o.vehicle_id LIMIT 1) AS car
          FROM parties p
         WHERE p.kind = 'person' AND p.status = 'active' AND p.home_dealership_id = ${sales.dealershipId}
           AND EXISTS (SELECT 1 FROM contact_points c WHERE c.party_id = p.id AND c.kind = 'phone' AND c.valid_to IS NULL)
           AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.party_id = p.id AND d.status = 'open')
           AND EXISTS (SELECT 1 FROM vehicle_ownerships o WHERE o.party_id = p.id AND o.valid_to IS NULL)
         ORDER BY p.id LIMIT 3`,
  );
  if (clients.length < 3) return 0;
  const [a, b, c] = clients as [
    { id: number; car: number },
    { id: number; car: number },
    { id: number; car: number },
  ];
  const family = Needs.parse({
    bodyTypes: ["crossover", "suv"],
    minSeats: 5,
    awd: true,
    minClearanceMm: 190,
    monthlyRub: 85_000,
    downPaymentRub: 400_000,
    tradeInRub: 900_000,
    city: "Москва",
    dealershipId: sales.dealershipId,
  });

  const start = async (clientId: number, process: string, needs: Needs) => {
    const { id } = await createDeal(db, sales, by, { clientId, processCode: process, source: "walk_in" });
    await updateDeal(db, sales, by, id, { needs });
    await completeStep(db, sales, by, id, "needs");
    const car = (await matchStock(db, needs, 1, id)).matches[0];
    if (!car) return null;
    await updateDeal(db, sales, by, id, { stockVehicleId: car.vehicle.id });
    await completeStep(db, sales, by, id, "vehicle");
    return id;
  };

  const waitingForAppraiser = await start(a.id, "combined", family);
  if (waitingForAppraiser) {
    await setTradeInVehicle(db, sales, by, waitingForAppraiser, { vehicleId: a.car });
    await handOff(
      db,
      sales,
      by,
      waitingForAppraiser,
      "appraisal",
      "Клиент ждёт в салоне, машина на парковке",
    );
  }
  const waitingForBanks = await start(b.id, "combined", { ...family, comfort: "comfort" });
  if (waitingForBanks) {
    await setTradeInVehicle(db, sales, by, waitingForBanks, { vehicleId: b.car });
    await handOff(db, sales, by, waitingForBanks, "appraisal", null);
    const appraiser = await actorOf(db, "appraiser");
    if (appraiser) {
      await addAppraisal(db, appraiser, actingAs(appraiser), waitingForBanks, {
        valueRub: 780_000,
        mileageKm: 96_000,
        condition: "good",
        notes: "Замена лобового стекла, остальное в порядке",
      });
      await completeStep(db, appraiser, actingAs(appraiser), waitingForBanks, "appraisal");
      await updateDeal(db, sales, by, waitingForBanks, { tradeInAcceptedRub: 760_000 });
      await completeStep(db, sales, by, waitingForBanks, "trade_in_offer");
    }
    // The credit covers what is left after the trade-in and the down payment.
    const [deal] = await execRows<{ price: number }>(
      db,
      sql`SELECT vehicle_price_kopecks AS price FROM deals WHERE id = ${waitingForBanks}`,
    );
    const rest = Math.max(100_000, Math.round(Number(deal?.price ?? 0) / 100) - 760_000 - 400_000);
    await updateDeal(db, sales, by, waitingForBanks, {
      downPaymentRub: 400_000,
      creditRequestedRub: rest,
      creditTermMonths: 60,
    });
    await handOff(db, sales, by, waitingForBanks, "credit", "Интересует минимальный платёж");
  }
  const missingData = await start(
    c.id,
    "new_car",
    Needs.parse({ bodyTypes: ["crossover"], budgetRub: 3_000_000, condition: "new" }),
  );
  if (missingData) await completeStep(db, sales, by, missingData, "accessories");
  return [waitingForAppraiser, waitingForBanks, missingData].filter(Boolean).length;
}
