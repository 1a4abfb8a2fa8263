import { z } from "zod";
import { RowId, TextRowId } from "./ids";
import { positiveRub } from "./money";
import { Role } from "./roles";
import { Needs, StockVehicle } from "./stock";

export const DEAL_KINDS = [
  "new_car",
  "used_car",
  "trade_in",
  "credit",
  "insurance",
  "accessories",
  "combined",
  "extended_warranty",
] as const;
export const DealKind = z.enum(DEAL_KINDS);
export type DealKind = z.infer<typeof DealKind>;
export const DealStatus = z.enum(["open", "won", "lost"]);

/** The parts of the deal screen a step shows; a process arranges them, the screen follows. */
export const DEAL_PANELS = [
  "needs",
  "vehicle",
  "trade_in",
  "credit",
  "insurance",
  "accessories",
  "client",
  "documents",
  "payment",
  "delivery",
] as const;
export const DealPanel = z.enum(DEAL_PANELS);
export type DealPanel = z.infer<typeof DealPanel>;

/** Everything a step can require; each is checked against the deal and the client's golden record. */
export const DEAL_FIELDS = [
  "needs.profile",
  "vehicle.selected",
  "vehicle.price",
  "tradeIn.vehicle",
  "tradeIn.appraisal",
  "tradeIn.accepted",
  "credit.application",
  "credit.offers",
  "credit.chosen",
  "insurance.quotes",
  "insurance.chosen",
  "accessories.chosen",
  "client.fullName",
  "client.birthDate",
  "client.passport",
  "client.address",
  "client.phone",
  "client.email",
  "documents.quote",
  "documents.contract",
  "documents.act",
  "payment.received",
  "delivery.date",
] as const;
export const DealField = z.enum(DEAL_FIELDS);
export type DealField = z.infer<typeof DealField>;

/** Work passed to a specialist as a task of their queue, which comes back into the deal when done. */
export const HANDOFF_KINDS = ["appraisal", "credit_application", "insurance_quote"] as const;
export const HandoffKind = z.enum(HANDOFF_KINDS);
export type HandoffKind = z.infer<typeof HandoffKind>;

const Title = z.object({ ru: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) });

export const ProcessStep = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, "latin lower case, digits and _, 2 to 40 characters"),
  title: Title,
  panel: DealPanel,
  requires: z.array(DealField).max(DEAL_FIELDS.length).default([]),
  /** Who may complete the step (administrators always may). */
  roles: z.array(Role).min(1, "at least one role").max(20),
  handoff: z
    .object({
      kind: HandoffKind,
      queue: z.enum(["appraisal", "finance", "sales"]),
      slaHours: z.number().int().min(1).max(720),
    })
    .nullable()
    .default(null),
  /** Completing this step closes the deal as won; it must be the last step. */
  closes: z.boolean().default(false),
});
export type ProcessStep = z.infer<typeof ProcessStep>;
export type ProcessStepInput = z.input<typeof ProcessStep>;

export const ProcessDefinition = z.object({ steps: z.array(ProcessStep).min(1).max(20) });
export type ProcessDefinition = z.infer<typeof ProcessDefinition>;

export const DealProcess = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  dealKind: DealKind,
  name: Title,
  steps: z.array(ProcessStep),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type DealProcess = z.infer<typeof DealProcess>;

export const ProcessSave = z.object({
  name: Title,
  steps: z.array(ProcessStep).min(1, "at least one step").max(20),
  /** The version the analyst edited; a newer one saved meanwhile is not overwritten silently. */
  baseVersion: RowId,
});
export type ProcessSave = z.infer<typeof ProcessSave>;

export const StepStatus = z.enum(["todo", "waiting", "done"]);

export const DealStepState = z.object({
  code: z.string(),
  status: StepStatus,
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
  /** What the step still requires. */
  missing: z.array(DealField),
  /** The hand-off task, while the specialist works on it and after. */
  task: z
    .object({
      id: z.number().int(),
      status: z.string(),
      assigneeName: z.string().nullable(),
      slaAt: z.string(),
      completedAt: z.string().nullable(),
    })
    .nullable(),
  /** The signed-in employee may complete it. */
  mayComplete: z.boolean(),
  /** From when the step started (the previous step's completion or the deal's opening) to its completion or now. */
  seconds: z.number().int(),
});
export type DealStepState = z.infer<typeof DealStepState>;

export const CreditOffer = z.object({
  id: z.number().int(),
  bank: z.string(),
  principalRub: z.number(),
  ratePct: z.number(),
  termMonths: z.number().int(),
  monthlyRub: z.number(),
  totalRub: z.number(),
  overpaymentRub: z.number(),
  status: z.enum(["offered", "approved", "declined"]),
  chosen: z.boolean(),
  enteredBy: z.string().nullable(),
});
export type CreditOffer = z.infer<typeof CreditOffer>;

export const InsuranceQuote = z.object({
  id: z.number().int(),
  kind: z.enum(["osago", "kasko"]),
  insurer: z.string(),
  premiumRub: z.number(),
  chosen: z.boolean(),
  enteredBy: z.string().nullable(),
});
export type InsuranceQuote = z.infer<typeof InsuranceQuote>;

export const DEAL_DOCUMENT_KINDS = ["quote", "contract", "act"] as const;
export const DealDocumentKind = z.enum(DEAL_DOCUMENT_KINDS);
export type DealDocumentKind = z.infer<typeof DealDocumentKind>;

export const ClientEssentials = z.object({
  version: z.number().int(),
  kind: z.enum(["person", "company"]),
  companyName: z.string().nullable(),
  inn: z.string().nullable(),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  passport: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ClientEssentials = z.infer<typeof ClientEssentials>;

export const Deal = z.object({
  id: z.number().int(),
  dealershipId: z.number().int(),
  dealershipName: z.string(),
  kind: DealKind,
  status: DealStatus,
  source: z.string(),
  clientId: z.number().int(),
  clientName: z.string(),
  client: ClientEssentials,
  salespersonId: z.number().int().nullable(),
  salespersonName: z.string().nullable(),
  process: DealProcess.nullable(),
  steps: z.array(DealStepState),
  currentStep: z.string().nullable(),
  needs: Needs.nullable(),
  vehicle: StockVehicle.nullable(),
  /** The client's own car the deal is about (insurance or credit without a car from stock). */
  clientVehicleId: z.number().int().nullable(),
  /** The cars the client owns now, to pick from. */
  clientCars: z.array(z.object({ id: z.number().int(), label: z.string() })),
  vehiclePriceRub: z.number().nullable(),
  tradeIn: z.object({
    vehicle: z
      .object({
        id: z.number().int(),
        vin: z.string().nullable(),
        make: z.string().nullable(),
        model: z.string().nullable(),
        year: z.number().int().nullable(),
        plate: z.string().nullable(),
      })
      .nullable(),
    appraisals: z.array(
      z.object({
        id: z.number().int(),
        valueRub: z.number(),
        mileageKm: z.number().int(),
        condition: z.enum(["excellent", "good", "fair", "poor"]),
        notes: z.string().nullable(),
        appraisedBy: z.string().nullable(),
        appraisedAt: z.string(),
      }),
    ),
    acceptedRub: z.number().nullable(),
  }),
  credit: z.object({
    requestedRub: z.number().nullable(),
    termMonths: z.number().int().nullable(),
    appliedAt: z.string().nullable(),
    offers: z.array(CreditOffer),
  }),
  insurance: z.array(InsuranceQuote),
  accessories: z.array(
    z.object({ id: z.number().int(), name: z.string(), priceRub: z.number(), quantity: z.number().int() }),
  ),
  documents: z.array(
    z.object({
      id: z.number().int(),
      kind: DealDocumentKind,
      number: z.string(),
      createdAt: z.string(),
      createdBy: z.string().nullable(),
    }),
  ),
  payment: z.object({ receivedAt: z.string().nullable(), method: z.string().nullable() }),
  deliveryPlannedOn: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  totals: z.object({
    vehicleRub: z.number(),
    accessoriesRub: z.number(),
    tradeInRub: z.number(),
    downPaymentRub: z.number(),
    /** What the client owes for the car and accessories after the trade-in. */
    toPayRub: z.number(),
    creditRub: z.number(),
    insuranceRub: z.number(),
  }),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** From opening to closing (or now). */
  cycleSeconds: z.number().int(),
  lostReason: z.string().nullable(),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      action: z.string(),
      processStep: z.string().nullable(),
      actorName: z.string().nullable(),
    }),
  ),
  /** The signed-in employee may change the deal. */
  mayEdit: z.boolean(),
});
export type Deal = z.infer<typeof Deal>;

export const DealListQuery = z.object({
  scope: z.enum(["mine", "dealership", "handoffs"]).default("mine"),
  status: DealStatus.default("open"),
  clientId: TextRowId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const DealListItem = z.object({
  id: z.number().int(),
  kind: DealKind,
  status: DealStatus,
  clientId: z.number().int(),
  clientName: z.string(),
  processName: z.object({ ru: z.string(), en: z.string() }).nullable(),
  currentStep: z.object({ code: z.string(), title: z.object({ ru: z.string(), en: z.string() }) }).nullable(),
  /** Hand-offs still with a specialist. */
  waiting: z.number().int(),
  vehicle: z.string().nullable(),
  salespersonName: z.string().nullable(),
  amountRub: z.number().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  cycleSeconds: z.number().int(),
});
export type DealListItem = z.infer<typeof DealListItem>;
export const DealList = z.object({ total: z.number().int(), deals: z.array(DealListItem) });
export type DealList = z.infer<typeof DealList>;

export const DealCreate = z.object({
  clientId: RowId,
  processCode: z.string().trim().min(1).max(40),
  source: z.enum(["walk_in", "call", "web", "portal", "referral", "scenario"]).default("walk_in"),
});
export type DealCreate = z.infer<typeof DealCreate>;

const rub = z.number().min(0).max(1_000_000_000);

export const DealUpdate = z.object({
  needs: Needs.nullable().optional(),
  /** The stock unit chosen: it is reserved for the deal; null releases it. */
  stockVehicleId: RowId.nullable().optional(),
  vehiclePriceRub: positiveRub(1_000_000_000).optional(),
  /** One of the client's own cars, for a deal that sells none from stock (insurance, credit). */
  clientVehicleId: RowId.nullable().optional(),
  tradeInAcceptedRub: rub.nullable().optional(),
  downPaymentRub: rub.optional(),
  creditRequestedRub: rub.nullable().optional(),
  creditTermMonths: z.number().int().min(6).max(96).nullable().optional(),
  deliveryPlannedOn: z.iso.date().nullable().optional(),
  payment: z
    .object({ method: z.enum(["cash", "card", "transfer", "credit"]) })
    .nullable()
    .optional(),
});
export type DealUpdate = z.infer<typeof DealUpdate>;

export const TradeInVehicleInput = z.union([
  z.object({ vehicleId: RowId }),
  z.object({
    vin: z.string().trim().min(11).max(20),
    make: z.string().trim().min(1).max(60),
    model: z.string().trim().min(1).max(60),
    year: z.number().int().min(1950).max(2100),
    plate: z.string().trim().max(20).optional(),
  }),
]);
export type TradeInVehicleInput = z.infer<typeof TradeInVehicleInput>;

export const AppraisalInput = z.object({
  valueRub: positiveRub(1_000_000_000),
  mileageKm: z.number().int().min(0).max(2_000_000),
  condition: z.enum(["excellent", "good", "fair", "poor"]),
  notes: z.string().trim().max(1000).optional(),
});
export type AppraisalInput = z.infer<typeof AppraisalInput>;

export const CreditOfferInput = z.object({
  bank: z.string().trim().min(1).max(80),
  principalRub: positiveRub(1_000_000_000),
  ratePct: z.number().min(0).max(60),
  termMonths: z.number().int().min(6).max(96),
  status: z.enum(["offered", "approved", "declined"]).default("approved"),
});
export type CreditOfferInput = z.input<typeof CreditOfferInput>;

export const InsuranceQuoteInput = z.object({
  kind: z.enum(["osago", "kasko"]),
  insurer: z.string().trim().min(1).max(80),
  premiumRub: positiveRub(100_000_000),
});
export type InsuranceQuoteInput = z.infer<typeof InsuranceQuoteInput>;

export const AccessoryInput = z.object({
  name: z.string().trim().min(1).max(120),
  priceRub: z.number().min(0).max(100_000_000),
  quantity: z.number().int().min(1).max(100).default(1),
});
export type AccessoryInput = z.input<typeof AccessoryInput>;

/** The client's required data filled in on the spot; goes to the golden record as an employee's correction. */
export const ClientDataInput = z.object({
  version: RowId,
  lastName: z.string().trim().min(1).max(100).optional(),
  firstName: z.string().trim().min(1).max(100).optional(),
  patronymic: z.string().trim().max(100).optional(),
  birthDate: z.iso.date().optional(),
  passport: z.string().trim().min(1).max(40).optional(),
  address: z.string().trim().min(5).max(300).optional(),
  phone: z.string().trim().min(1).max(60).optional(),
  email: z.string().trim().min(1).max(200).optional(),
});
export type ClientDataInput = z.infer<typeof ClientDataInput>;

export const HandoffInput = z.object({ note: z.string().trim().max(1000).optional() });
export const DealLose = z.object({ reason: z.string().trim().min(1).max(300) });
export const DocumentCreate = z.object({ kind: DealDocumentKind });

/** What a step still lacks, returned with 409 when completing it too early. */
export const MissingFields = z.object({ step: z.string(), missing: z.array(DealField) });
