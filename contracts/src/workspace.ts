import { z } from "zod";
import { ClientIdentity, Segment } from "./clients";
import { CardLoyalty } from "./loyalty";
import { Task } from "./tasks";

export const SearchMatch = z.enum(["phone", "email", "name", "vin", "plate", "inn", "document"]);

export const SearchResult = z.object({
  clientId: z.number().int(),
  kind: z.enum(["person", "company"]),
  displayName: z.string(),
  segment: Segment,
  blocked: z.boolean(),
  birthDate: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  homeDealershipId: z.number().int().nullable(),
  /** What the query matched, and the stored value it matched (a phone in E.164, a VIN, a plate...). */
  matchedOn: SearchMatch,
  matched: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchQuery = z.object({
  q: z.string().trim().min(2, "at least 2 characters").max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const SearchResponse = z.object({
  query: z.string(),
  /** How the query was read: what kinds of values were searched. */
  readAs: z.array(SearchMatch),
  results: z.array(SearchResult),
  /** More clients matched than were returned: the query could be more precise. */
  more: z.boolean(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const MileageEstimate = z.object({
  km: z.number().int(),
  kmPerYear: z.number().int(),
  /** readings: from the car's odometer history; default: too few readings, a typical rate assumed. */
  basis: z.enum(["readings", "default"]),
  lastReading: z.object({ date: z.string(), km: z.number().int() }).nullable(),
});
export type MileageEstimate = z.infer<typeof MileageEstimate>;

export const CardVehicle = z.object({
  id: z.number().int(),
  vin: z.string().nullable(),
  plate: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  year: z.number().int().nullable(),
  color: z.string().nullable(),
  role: z.string(),
  ownedFrom: z.string(),
  ownedTo: z.string().nullable(),
  warrantyUntil: z.string().nullable(),
  firstRegisteredOn: z.string().nullable(),
  mileage: MileageEstimate,
});
export type CardVehicle = z.infer<typeof CardVehicle>;

export const CardDeal = z.object({
  id: z.number().int(),
  dealershipId: z.number().int(),
  kind: z.string(),
  status: z.enum(["open", "won", "lost"]),
  source: z.string(),
  salesperson: z.string().nullable(),
  vehicle: z.string().nullable(),
  tradeIn: z.string().nullable(),
  amountRub: z.number().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  lostReason: z.string().nullable(),
});
export type CardDeal = z.infer<typeof CardDeal>;

export const CardWorkOrder = z.object({
  id: z.number().int(),
  number: z.string(),
  dealershipId: z.number().int(),
  vehicleId: z.number().int(),
  vehicle: z.string().nullable(),
  kind: z.string(),
  status: z.string(),
  bookingChannel: z.string(),
  summary: z.string(),
  advisor: z.string().nullable(),
  mileageKm: z.number().int().nullable(),
  amountRub: z.number(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CardWorkOrder = z.infer<typeof CardWorkOrder>;

export const CardPolicy = z.object({
  id: z.number().int(),
  kind: z.enum(["osago", "kasko"]),
  insurer: z.string(),
  number: z.string(),
  vehicle: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  premiumRub: z.number(),
  soldHere: z.boolean(),
});

export const CardCredit = z.object({
  id: z.number().int(),
  bank: z.string(),
  vehicle: z.string().nullable(),
  principalRub: z.number(),
  ratePct: z.number(),
  termMonths: z.number().int(),
  monthlyPaymentRub: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
});

export const TimelineEntry = z.object({
  /** "i123" for an interaction, "e<event id>" for a web, portal or app event. */
  id: z.string(),
  at: z.string(),
  channel: z.string(),
  direction: z.enum(["in", "out"]).nullable(),
  dealershipId: z.number().int().nullable(),
  employee: z.string().nullable(),
  vehicleId: z.number().int().nullable(),
  subject: z.string(),
  outcome: z.string().nullable(),
  durationS: z.number().int().nullable(),
  recordingUrl: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.number().int().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelinePage = z.object({
  entries: z.array(TimelineEntry),
  more: z.boolean(),
  /** Pass as `before` to get the next (older) page; null on the last page. */
  next: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

/** Orbit's offer families, and any a dealer adds (by code). */
export const OfferFamily = z.string().min(1).max(40);
export type OfferFamily = z.infer<typeof OfferFamily>;

export const OfferReason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/**
 * What to offer the client now and why. `reason.code` and its parameters are rendered in the
 * employee's language by the web app.
 */
export const Offer = z.object({
  family: OfferFamily,
  vehicleId: z.number().int().nullable(),
  reason: OfferReason,
  dueOn: z.string().nullable(),
  /** What the offer is worth if taken, and (model offers) times its probability. */
  valueRub: z.number().optional(),
  expectedValueRub: z.number(),
  /** Null for offers from the contact standards (rules); the predictive model sets it. */
  probability: z.number().nullable(),
  source: z.enum(["rules", "model"]),
  /** The model's top reasons, in order (model offers). */
  reasons: z.array(OfferReason).optional(),
  /** A dealer's own family's name. */
  familyName: z.string().nullable().optional(),
  /** False when the contact policy forbids calling about it (no consent to offers): offer it in person. */
  callable: z.boolean().optional(),
});
export type Offer = z.infer<typeof Offer>;

/** An open task on the card: what someone is due to do for this client. */
export const LifecyclePoint = z.object({
  id: z.number().int(),
  kind: z.enum([
    "delivery_follow_up",
    "maintenance",
    "osago",
    "kasko",
    "credit",
    "warranty",
    "tyres",
    "trade_in",
  ]),
  vehicleId: z.number().int().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(["due", "taken", "missed", "converted"]),
  taskId: z.number().int().nullable(),
  converted: z.object({ type: z.string(), id: z.number().int() }).nullable(),
});
export type LifecyclePoint = z.infer<typeof LifecyclePoint>;

export const CardTask = z.object({
  id: z.number().int(),
  kind: z.string(),
  reason: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) }),
  source: z.string(),
  queue: z.string(),
  priority: z.number().int(),
  dueAt: z.string(),
  windowEnd: z.string(),
  slaAt: z.string(),
  attempts: z.number().int(),
  vehicleId: z.number().int().nullable(),
  assigneeUserId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  dealershipId: z.number().int(),
});

export const ClientCard = z.object({
  identity: ClientIdentity,
  vehicles: z.array(CardVehicle),
  deals: z.array(CardDeal),
  workOrders: z.array(CardWorkOrder),
  insurance: z.array(CardPolicy),
  credits: z.array(CardCredit),
  timeline: TimelinePage,
  offers: z.array(Offer),
  /** Which families the model predicted (as of the last scoring day); the others come from the rules. */
  offerModels: z.object({ families: z.array(z.string()), scoredOn: z.string().nullable() }),
  tasks: z.array(CardTask),
  /** The client's lifecycle points of the last year and the coming ones, newest window first. */
  lifecycle: z.array(LifecyclePoint),
  /** The client's loyalty points: balance and latest movements. */
  loyalty: CardLoyalty,
  /** Revenue from this client over the years, in roubles: sales and service. */
  totals: z.object({ salesRub: z.number(), serviceRub: z.number(), visits: z.number().int() }),
});
export type ClientCard = z.infer<typeof ClientCard>;

export const HomeSummary = z.object({
  /** Today's work list: my tasks due by the end of today, most urgent first. */
  workList: z.object({ dueToday: z.number().int(), overdue: z.number().int(), tasks: z.array(Task) }),
  myClients: z.object({
    total: z.number().int(),
    clients: z.array(
      z.object({
        id: z.number().int(),
        displayName: z.string(),
        segment: z.string(),
        lastContactAt: z.string().nullable(),
      }),
    ),
  }),
  month: z.object({
    dealsWon: z.number().int(),
    salesRub: z.number(),
    workOrders: z.number().int(),
    serviceRub: z.number(),
    callsMade: z.number().int(),
  }),
});
export type HomeSummary = z.infer<typeof HomeSummary>;
