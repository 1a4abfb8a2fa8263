import type { Database } from "../../platform/db/database";
import { CAR_MODELS_BY_ID, generateCar } from "./cars";
import { CopyBuffer } from "./copyBuffer";
import { dayToIso } from "./dates";
import type { Rng } from "./random";
import type { WorldDealership } from "./world";

const STATUSES = ["in_transit", "in_stock", "reserved", "sold"] as const;
const STATUS_WEIGHTS = [15, 65, 10, 10];
// Stock VINs are numbered far above client cars so the two never collide.
const STOCK_SERIAL_BASE = 9_000_000;

/** New cars of each dealership's brands and used cars of any brand, in every state of the stock cycle. */
export async function seedStock(
  database: Database,
  dealerships: readonly WorldDealership[],
  rng: Rng,
  today: number,
) {
  const buffer = new CopyBuffer("stock_vehicles", [
    "dealership_id",
    "vin",
    "make",
    "model",
    "trim",
    "year",
    "condition",
    "status",
    "body_type",
    "seats",
    "drive",
    "fuel",
    "ground_clearance_mm",
    "comfort_class",
    "color",
    "mileage_km",
    "price_kopecks",
    "arrived_on",
    "sold_on",
  ]);
  let serial = STOCK_SERIAL_BASE;
  for (const d of dealerships.filter((x) => x.sells)) {
    const units = [
      ...d.brands.flatMap(() => Array.from({ length: rng.int(18, 30) }, () => "new" as const)),
      ...Array.from({ length: rng.int(20, 35) }, () => "used" as const),
    ];
    for (const condition of units) {
      const used = condition === "used";
      const car = generateCar(rng, {
        asOf: dayToIso(today - (used ? rng.int(1, 7) * 365 : 0)),
        residence: d.city,
        ...(used ? {} : { brands: d.brands }),
        serial: serial++,
      });
      const model = CAR_MODELS_BY_ID.get(car.modelId)!;
      const status = rng.weighted(STATUSES, STATUS_WEIGHTS);
      const arrived = today - rng.int(status === "in_transit" ? -30 : 1, 120);
      const price = used
        ? Math.round((car.priceRub * rng.int(55, 85)) / 100 / 10_000) * 10_000
        : car.priceRub;
      buffer.add([
        d.id,
        car.vin,
        car.brand,
        car.model,
        `${car.engine.displacement ? `${car.engine.displacement} ` : ""}${car.engine.powerHp} л.с.`,
        used ? car.modelYear : Math.max(car.modelYear, Number(dayToIso(today).slice(0, 4)) - 1),
        condition,
        status,
        model.body,
        model.seats,
        car.drive.toLowerCase(),
        car.engine.fuel,
        model.groundClearanceMm,
        model.comfort,
        car.colour,
        used ? rng.int(15_000, 140_000) : rng.int(0, 30),
        price * 100,
        status === "in_transit" ? null : dayToIso(Math.min(arrived, today)),
        status === "sold" ? dayToIso(today - rng.int(0, 20)) : null,
      ]);
    }
  }
  await database.copyCsv(buffer.table, buffer.columns, [buffer.take()]);
  return buffer.rows;
}
