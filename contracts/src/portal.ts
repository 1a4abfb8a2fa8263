import { z } from "zod";
import { TextRowId } from "./ids";
import { LoyaltySummary } from "./loyalty";
import { Slot, WorkKind, WorkOrderStatus } from "./service";

const Phone = z
  .string()
  .trim()
  .min(5)
  .max(30)
  .regex(/^[+\d\s()-]+$/, "a phone number");

export const PortalCodeRequest = z.object({ phone: Phone });
export const PortalCodeSent = z.object({
  /** Seconds until the code stops working. */
  expiresIn: z.number().int(),
  /** Seconds before another code may be asked for. */
  resendIn: z.number().int(),
});
export const PortalSignIn = z.object({
  phone: Phone,
  code: z
    .string()
    .trim()
    .regex(/^\d{4,8}$/, "the digits of the code"),
});

export const PortalSession = z.object({
  csrfToken: z.string(),
  client: z.object({ id: z.number().int(), name: z.string(), phone: z.string() }),
});
export type PortalSession = z.infer<typeof PortalSession>;

export const PortalCar = z.object({
  id: z.number().int(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  year: z.number().int().nullable(),
  plate: z.string().nullable(),
  vin: z.string().nullable(),
});
export type PortalCar = z.infer<typeof PortalCar>;

export const PortalReview = z.object({
  rating: z.number().int().min(1).max(5),
  nps: z.number().int().min(0).max(10),
  text: z.string().trim().max(2000).default(""),
});
export type PortalReview = z.infer<typeof PortalReview>;

export const PortalWorkOrder = z.object({
  id: z.number().int(),
  number: z.string(),
  centre: z.string(),
  vehicleId: z.number().int(),
  vehicle: z.string().nullable(),
  kind: WorkKind,
  status: WorkOrderStatus,
  summary: z.string(),
  plannedStart: z.string().nullable(),
  closedAt: z.string().nullable(),
  mileageKm: z.number().int().nullable(),
  amountRub: z.number(),
  /** Points put on the bill. */
  points: z.number().int(),
  lines: z.array(
    z.object({
      kind: z.enum(["work", "part"]),
      name: z.string(),
      quantity: z.number(),
      amountRub: z.number(),
    }),
  ),
  review: PortalReview.nullable(),
  hasPhoto: z.boolean(),
});
export type PortalWorkOrder = z.infer<typeof PortalWorkOrder>;

export const PortalCentre = z.object({
  id: z.number().int(),
  name: z.string(),
  city: z.string(),
  address: z.string(),
  phone: z.string(),
  /** From where the client is, when the browser told; null otherwise. */
  distanceKm: z.number().nullable(),
});
export type PortalCentre = z.infer<typeof PortalCentre>;

export const PortalSlotQuery = z.object({
  dealershipId: TextRowId,
  vehicleId: TextRowId,
  kind: WorkKind,
  from: z.iso.datetime({ offset: true }).optional(),
});

export const PortalSlots = z.object({
  durationMinutes: z.number().int(),
  works: z.array(z.object({ code: z.string(), name: z.string() })),
  /** What the job costs at the centre's prices before points. */
  estimateRub: z.number(),
  slots: z.array(Slot),
});
export type PortalSlots = z.infer<typeof PortalSlots>;

/** The client opened the booking form: the abandoned-booking scenario watches for a booking that never came. */
export const PortalBookingStarted = z.object({
  draftId: z.uuid(),
  dealershipId: z.number().int().positive().optional(),
  kind: WorkKind.optional(),
});

export const PortalBookingInput = z.object({
  draftId: z.uuid(),
  dealershipId: z.number().int().positive(),
  vehicleId: z.number().int().positive(),
  kind: WorkKind,
  at: z.iso.datetime({ offset: true }),
  postId: z.number().int().positive().optional(),
  technicianId: z.number().int().positive().optional(),
  problem: z.string().trim().max(1000).default(""),
  /** A photo of the problem: JPEG, PNG or WebP, base64, up to about 600 KB. */
  photo: z
    .object({
      contentType: z.enum(["image/jpeg", "image/png", "image/webp"]),
      base64: z.string().max(800_000),
    })
    .optional(),
  /** Points to put on the bill (up to the programme's share of it). */
  points: z.number().int().min(0).max(10_000_000).default(0),
});
export type PortalBookingInput = z.input<typeof PortalBookingInput>;

export const PortalHome = z.object({
  client: z.object({ id: z.number().int(), name: z.string() }),
  cars: z.array(PortalCar),
  workOrders: z.array(PortalWorkOrder),
  loyalty: LoyaltySummary,
});
export type PortalHome = z.infer<typeof PortalHome>;
