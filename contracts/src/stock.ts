import { z } from "zod";
import { RowId, TextRowId } from "./ids";
import { positiveRub } from "./money";

export const BODY_TYPES = [
  "sedan",
  "hatchback",
  "liftback",
  "wagon",
  "crossover",
  "suv",
  "minivan",
  "pickup",
  "van",
  "coupe",
] as const;
export const BodyType = z.enum(BODY_TYPES);
export type BodyType = z.infer<typeof BodyType>;
export const Drive = z.enum(["fwd", "rwd", "awd"]);
export const Fuel = z.enum(["petrol", "diesel", "hybrid", "electric", "lpg"]);
export const StockStatus = z.enum(["in_transit", "in_stock", "reserved", "sold"]);
export type StockStatus = z.infer<typeof StockStatus>;
/** From the plainest to the most luxurious; matching treats them as ordered. */
export const COMFORT_CLASSES = ["economy", "comfort", "business", "premium"] as const;
export const ComfortClass = z.enum(COMFORT_CLASSES);
export type ComfortClass = z.infer<typeof ComfortClass>;
export const Condition = z.enum(["new", "used"]);

export const StockVehicle = z.object({
  id: z.number().int(),
  dealershipId: z.number().int(),
  dealershipName: z.string(),
  city: z.string().nullable(),
  vin: z.string(),
  make: z.string(),
  model: z.string(),
  trim: z.string().nullable(),
  year: z.number().int(),
  condition: Condition,
  status: StockStatus,
  bodyType: BodyType,
  seats: z.number().int(),
  drive: Drive,
  fuel: Fuel,
  groundClearanceMm: z.number().int(),
  comfortClass: ComfortClass,
  color: z.string().nullable(),
  mileageKm: z.number().int(),
  priceRub: z.number(),
  arrivedOn: z.string().nullable(),
  soldOn: z.string().nullable(),
  /** The open deal holding the car, when reserved through Orbit. */
  reservedByDealId: z.number().int().nullable(),
});
export type StockVehicle = z.infer<typeof StockVehicle>;

export const StockListQuery = z.object({
  status: StockStatus.optional(),
  condition: Condition.optional(),
  dealershipId: TextRowId.optional(),
  bodyType: BodyType.optional(),
  /** Make, model or the end of the VIN. */
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type StockListQuery = z.infer<typeof StockListQuery>;

export const StockList = z.object({
  total: z.number().int(),
  /** How many cars of the filtered set are in each status, whatever the status filter. */
  byStatus: z.record(StockStatus, z.number().int()),
  vehicles: z.array(StockVehicle),
});
export type StockList = z.infer<typeof StockList>;

export const StockUpdate = z
  .object({
    status: StockStatus.optional(),
    priceRub: positiveRub(1_000_000_000).optional(),
  })
  .refine((v) => v.status !== undefined || v.priceRub !== undefined, {
    message: "say what to change",
    path: ["status"],
  });
export type StockUpdate = z.infer<typeof StockUpdate>;

export const StockImportReport = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Each refused value: its row and column, a code for the screen, the value as it came, a message in English. */
  rejected: z.array(
    z.object({
      row: z.number().int(),
      field: z.string(),
      code: z.string(),
      value: z.string(),
      message: z.string(),
    }),
  ),
});
export type StockImportReport = z.infer<typeof StockImportReport>;

/**
 * What the client needs, in their words rather than a model name: "a five-seat four-wheel-drive crossover
 * with some clearance, comfortable, for about 60,000 a month after my old car".
 */
export const Needs = z.object({
  bodyTypes: z.array(BodyType).max(10).default([]),
  minSeats: z.number().int().min(2).max(9).optional(),
  awd: z.boolean().default(false),
  minClearanceMm: z.number().int().min(100).max(400).optional(),
  comfort: ComfortClass.optional(),
  condition: z.enum(["new", "used", "any"]).default("any"),
  /** The most the client pays for the car from their own money, after the trade-in. */
  budgetRub: positiveRub(1_000_000_000).optional(),
  /** Or the monthly payment they can carry, on credit after the trade-in and a down payment. */
  monthlyRub: positiveRub(10_000_000).optional(),
  downPaymentRub: z.number().min(0).max(1_000_000_000).default(0),
  termMonths: z.number().int().min(6).max(96).default(60),
  ratePct: z.number().min(0).max(60).default(16),
  tradeInRub: z.number().min(0).max(1_000_000_000).default(0),
  /** Where the client wants to take the car: their city, or a dealership they prefer. */
  city: z.string().trim().max(60).optional(),
  dealershipId: RowId.optional(),
  maxMileageKm: z.number().int().min(0).max(1_000_000).optional(),
  note: z.string().trim().max(500).optional(),
});
export type Needs = z.infer<typeof Needs>;
export type NeedsInput = z.input<typeof Needs>;

/** Why a car fits (or where it falls short), rendered in the employee's language from the code. */
export const MatchReason = z.object({
  code: z.string(),
  fits: z.boolean(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type MatchReason = z.infer<typeof MatchReason>;

export const StockMatch = z.object({
  vehicle: StockVehicle,
  /** 0 to 100. */
  score: z.number(),
  /** Monthly payment on the needs' credit terms, after the trade-in and the down payment. */
  monthlyRub: z.number(),
  reasons: z.array(MatchReason),
});
export type StockMatch = z.infer<typeof StockMatch>;

export const MatchRequest = z.object({
  needs: Needs,
  limit: z.number().int().min(1).max(50).default(10),
  /** A deal matching for itself sees the car it holds. */
  dealId: RowId.optional(),
});

export const MatchResponse = z.object({
  considered: z.number().int(),
  matches: z.array(StockMatch),
});
export type MatchResponse = z.infer<typeof MatchResponse>;
