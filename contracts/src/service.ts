import { z } from "zod";
import { RowId, TextRowId } from "./ids";

/** What a post is equipped for and what a technician can do; a job needs every skill of its works. */
export const SKILLS = [
  "maintenance",
  "diagnostics",
  "electrics",
  "repair",
  "tyres",
  "alignment",
  "bodywork",
  "painting",
] as const;
export const Skill = z.enum(SKILLS);
export type Skill = z.infer<typeof Skill>;

export const WORK_KINDS = ["maintenance", "repair", "tyres", "bodywork", "diagnostics", "warranty"] as const;
export const WorkKind = z.enum(WORK_KINDS);

export const WORK_ORDER_STATUSES = [
  "booked",
  "arrived",
  "in_work",
  "waiting_parts",
  "ready",
  "delivered",
  "cancelled",
  "no_show",
] as const;
export const WorkOrderStatus = z.enum(WORK_ORDER_STATUSES);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;

export const BOOKING_CHANNELS = ["call", "web", "portal", "app", "walk_in", "scenario"] as const;
export const BookingChannel = z.enum(BOOKING_CHANNELS);
export type BookingChannel = z.infer<typeof BookingChannel>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day, HH:MM");

/** Opening hours of a service centre, Monday first; null: closed that day. */
export const OpeningHours = z
  .array(z.object({ open: clock, close: clock }).nullable())
  .length(7)
  .refine((days) => days.every((d) => !d || d.open < d.close), "a day closes after it opens");
export type OpeningHours = z.infer<typeof OpeningHours>;

/**
 * A technician's shift pattern: the weekdays worked (1 Monday ... 7 Sunday), or two days on, two off
 * counted from an anchor day; working hours and a break.
 */
export const ShiftPattern = z
  .object({
    schedule: z.enum(["weekdays", "2/2"]),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([1, 2, 3, 4, 5]),
    anchor: z.iso.date().optional(),
    start: clock,
    end: clock,
    breakStart: clock.nullable().default(null),
    breakEnd: clock.nullable().default(null),
  })
  .refine((s) => s.start < s.end, { message: "the shift ends after it starts", path: ["end"] })
  .refine((s) => s.schedule !== "2/2" || s.anchor, {
    message: "a 2/2 shift needs its first day",
    path: ["anchor"],
  })
  .refine((s) => (s.breakStart === null) === (s.breakEnd === null), {
    message: "a break has a start and an end",
    path: ["breakEnd"],
  })
  .refine(
    (s) =>
      s.breakStart === null || (s.breakStart > s.start && s.breakEnd! <= s.end && s.breakStart < s.breakEnd!),
    {
      message: "the break lies within the shift",
      path: ["breakStart"],
    },
  );
export type ShiftPattern = z.infer<typeof ShiftPattern>;

/**
 * How a centre takes bookings. Posts and technicians are never double-booked (the database refuses
 * it); these say how full a day may be planned and by whom.
 */
export const BookingRules = z.object({
  /** Start times are offered on this grid. */
  stepMinutes: z.number().int().min(5).max(120).default(15),
  /** Kept free on a post after each job: handing the car over, cleaning the post. */
  bufferMinutes: z.number().int().min(0).max(120).default(0),
  /** The earliest booking from now (a client cannot be booked for a minute from now). */
  leadMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** How far ahead bookings are taken. */
  horizonDays: z.number().int().min(1).max(365).default(60),
  /** A job may run this long past closing time and the technician's shift (paid overtime). */
  overrunMinutes: z.number().int().min(0).max(240).default(0),
  /**
   * Share of a day's post hours that online channels (web, portal, app) may book; the rest is kept for
   * calls and walk-ins. 1: no reserve.
   */
  onlineShare: z.number().min(0).max(1).default(0.7),
});
export type BookingRules = z.infer<typeof BookingRules>;

export const Workshop = z.object({
  dealershipId: z.number().int(),
  openingHours: OpeningHours,
  rules: BookingRules,
  /** Price of one standard labour hour, roubles. */
  labourRateRub: z.number(),
  timezone: z.string(),
});
export type Workshop = z.infer<typeof Workshop>;

export const WorkshopUpdate = z.object({
  openingHours: OpeningHours.optional(),
  rules: BookingRules.partial().optional(),
  labourRateRub: z.number().min(0).max(1_000_000).optional(),
});

export const ServicePost = z.object({
  id: z.number().int(),
  dealershipId: z.number().int(),
  name: z.string(),
  skills: z.array(Skill),
  active: z.boolean(),
});
export type ServicePost = z.infer<typeof ServicePost>;

export const ServicePostInput = z.object({
  dealershipId: RowId,
  name: z.string().trim().min(1).max(60),
  skills: z.array(Skill).min(1),
  active: z.boolean().default(true),
});

export const Technician = z.object({
  id: z.number().int(),
  dealershipId: z.number().int(),
  fullName: z.string(),
  skills: z.array(Skill),
  shift: ShiftPattern,
  active: z.boolean(),
  absences: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
});
export type Technician = z.infer<typeof Technician>;

export const TechnicianInput = z.object({
  dealershipId: RowId,
  fullName: z.string().trim().min(3).max(120),
  skills: z.array(Skill).min(1),
  shift: ShiftPattern,
  active: z.boolean().default(true),
});

export const AbsenceInput = z
  .object({ from: z.iso.date(), to: z.iso.date(), reason: z.string().trim().max(200).default("") })
  .refine((a) => a.from <= a.to, { message: "ends on or after its first day", path: ["to"] });

/** A work of the catalog with its standard labour time, by model where the maker states one. */
export const CatalogWork = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: WorkKind,
  skill: Skill,
  /** Standard labour hours when the model has none of its own. */
  hours: z.number(),
  byModel: z.array(z.object({ make: z.string(), model: z.string(), hours: z.number() })),
});
export type CatalogWork = z.infer<typeof CatalogWork>;

export const CatalogWorkInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9.-]{1,30}$/, "letters A-Z, digits, dots and dashes"),
  name: z.string().trim().min(2).max(200),
  kind: WorkKind,
  skill: Skill,
  hours: z.number().min(0.1).max(200),
  byModel: z
    .array(
      z.object({
        make: z.string().trim().min(1).max(60),
        model: z.string().trim().min(1).max(60),
        hours: z.number().min(0.1).max(200),
      }),
    )
    .max(500)
    .default([]),
});

export const Part = z.object({
  id: z.number().int(),
  article: z.string(),
  name: z.string(),
  brand: z.string().nullable(),
  unit: z.string(),
  priceRub: z.number(),
  updatedAt: z.string(),
});
export type Part = z.infer<typeof Part>;

export const PartList = z.object({ total: z.number().int(), parts: z.array(Part) });
export const PartListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const PriceListImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type PriceListImportResult = z.infer<typeof PriceListImportResult>;

export const MaintenanceSchedule = z.object({
  id: z.number().int(),
  make: z.string(),
  model: z.string(),
  intervalKm: z.number().int(),
  intervalMonths: z.number().int(),
  works: z.array(z.string()),
  parts: z.array(z.object({ article: z.string(), quantity: z.number() })),
});
export type MaintenanceSchedule = z.infer<typeof MaintenanceSchedule>;

export const MaintenanceScheduleInput = z.object({
  make: z.string().trim().min(1).max(60),
  model: z.string().trim().min(1).max(60),
  intervalKm: z.number().int().min(1000).max(100_000),
  intervalMonths: z.number().int().min(1).max(48),
  works: z.array(z.string().trim().min(1)).min(1).max(30),
  parts: z
    .array(z.object({ article: z.string().trim().min(1), quantity: z.number().positive().max(1000) }))
    .max(50)
    .default([]),
});

export const SlotQuery = z.object({
  dealershipId: TextRowId,
  vehicleId: TextRowId,
  /** Work codes; none: the car's regular maintenance by its model's schedule. */
  works: z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((w) => (w === undefined ? [] : Array.isArray(w) ? w : w.split(",").filter(Boolean))),
  channel: BookingChannel.default("call"),
  /** Search from this moment (default: now). */
  from: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(8),
});

export const Slot = z.object({
  start: z.string(),
  end: z.string(),
  postId: z.number().int(),
  postName: z.string(),
  technicianId: z.number().int(),
  technicianName: z.string(),
});
export type Slot = z.infer<typeof Slot>;

export const SlotAnswer = z.object({
  durationMinutes: z.number().int(),
  skills: z.array(Skill),
  works: z.array(z.object({ code: z.string(), name: z.string(), hours: z.number() })),
  slots: z.array(Slot),
});
export type SlotAnswer = z.infer<typeof SlotAnswer>;

export const BookingInput = z.object({
  dealershipId: RowId,
  clientId: RowId,
  vehicleId: RowId,
  works: z.array(z.string().trim().min(1)).max(30).default([]),
  channel: BookingChannel.exclude(["walk_in"]).default("call"),
  /** The time the client asked for; without it, the earliest that fits. */
  at: z.iso.datetime({ offset: true }).optional(),
  /** Keep to this post and technician (a slot the client was offered). */
  postId: RowId.optional(),
  technicianId: RowId.optional(),
  note: z.string().trim().max(500).optional(),
});
export type BookingInput = z.infer<typeof BookingInput>;

export const RescheduleInput = z.object({
  at: z.iso.datetime({ offset: true }),
  postId: RowId.optional(),
  technicianId: RowId.optional(),
});

export const WalkInInput = z.object({
  dealershipId: RowId,
  clientId: RowId,
  vehicleId: RowId,
  works: z.array(z.string().trim().min(1)).max(30).default([]),
  mileageKm: z.number().int().min(0).max(3_000_000).optional(),
  note: z.string().trim().max(500).optional(),
});

export const WorkOrderLine = z.object({
  id: z.number().int(),
  kind: z.enum(["work", "part"]),
  code: z.string().nullable(),
  name: z.string(),
  quantity: z.number(),
  /** Labour hours of a work line. */
  hours: z.number().nullable(),
  priceRub: z.number(),
  amountRub: z.number(),
});

export const WorkOrder = z.object({
  id: z.number().int(),
  number: z.string(),
  dealershipId: z.number().int(),
  clientId: z.number().int(),
  clientName: z.string(),
  clientPhone: z.string().nullable(),
  vehicleId: z.number().int(),
  vehicle: z.string().nullable(),
  vin: z.string().nullable(),
  kind: WorkKind,
  status: WorkOrderStatus,
  bookingChannel: BookingChannel,
  summary: z.string(),
  advisorId: z.number().int().nullable(),
  advisor: z.string().nullable(),
  postId: z.number().int().nullable(),
  postName: z.string().nullable(),
  technicianId: z.number().int().nullable(),
  technicianName: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  openedAt: z.string(),
  arrivedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  mileageKm: z.number().int().nullable(),
  amountRub: z.number(),
  nextMaintenance: z.object({ on: z.string(), km: z.number().int().nullable() }).nullable(),
  lines: z.array(WorkOrderLine),
  /** The statuses it may move to now. */
  next: z.array(WorkOrderStatus),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

export const StatusChange = z.object({
  status: WorkOrderStatus,
  /** Read off the odometer when the car arrives or is delivered. */
  mileageKm: z.number().int().min(0).max(3_000_000).optional(),
  note: z.string().trim().max(500).optional(),
});

export const LinesInput = z.object({
  works: z.array(z.string().trim().min(1)).max(50).default([]),
  parts: z
    .array(z.object({ article: z.string().trim().min(1), quantity: z.number().positive().max(1000) }))
    .max(100)
    .default([]),
});

export const BoardQuery = z.object({
  dealershipId: TextRowId,
  day: z.iso.date(),
});

export const BoardItem = z.object({
  id: z.number().int(),
  number: z.string(),
  status: WorkOrderStatus,
  kind: WorkKind,
  summary: z.string(),
  clientName: z.string(),
  vehicle: z.string().nullable(),
  postId: z.number().int().nullable(),
  technicianId: z.number().int().nullable(),
  start: z.string(),
  end: z.string(),
  channel: BookingChannel,
});
export type BoardItem = z.infer<typeof BoardItem>;

export const Board = z.object({
  dealershipId: z.number().int(),
  day: z.string(),
  /** The centre's time zone: the board is drawn in its local time. */
  timezone: z.string(),
  open: z.string().nullable(),
  close: z.string().nullable(),
  posts: z.array(ServicePost),
  technicians: z.array(
    z.object({
      id: z.number().int(),
      fullName: z.string(),
      skills: z.array(Skill),
      shift: z.object({ start: z.string(), end: z.string() }).nullable(),
    }),
  ),
  items: z.array(BoardItem),
  /** Bookings of the day that hold no post yet (imported, or from before planning). */
  unplanned: z.array(BoardItem),
  /** Booked minutes over open post minutes, for this day and the next 13. */
  load: z.array(z.object({ day: z.string(), bookedMinutes: z.number(), capacityMinutes: z.number() })),
});
export type Board = z.infer<typeof Board>;

export const ShowUpQuery = z.object({
  dealershipId: TextRowId.optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});

export const ShowUpRates = z.array(
  z.object({
    channel: BookingChannel,
    booked: z.number().int(),
    arrived: z.number().int(),
    noShow: z.number().int(),
    rate: z.number().nullable(),
  }),
);
