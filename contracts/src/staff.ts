import { z } from "zod";
import { RowId } from "./ids";
import { Locale, Role } from "./roles";

export const Dealership = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  city: z.string(),
  brands: z.array(z.string()),
  address: z.string(),
  phone: z.string(),
  timezone: z.string(),
});
export type Dealership = z.infer<typeof Dealership>;

export const DEPARTMENT_KINDS = [
  "management",
  "sales_new",
  "sales_used",
  "service",
  "parts",
  "finance_insurance",
  "call_center",
  "marketing",
] as const;
export const DepartmentKind = z.enum(DEPARTMENT_KINDS);
export type DepartmentKind = z.infer<typeof DepartmentKind>;

export const Department = z.object({
  id: z.number().int(),
  dealershipId: z.number().int(),
  kind: DepartmentKind,
  name: z.string(),
});
export type Department = z.infer<typeof Department>;

export const StaffUser = z.object({
  id: z.number().int(),
  login: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: Role,
  dealershipId: z.number().int().nullable(),
  departmentId: z.number().int().nullable(),
  extension: z.string().nullable(),
  locale: Locale,
  active: z.boolean(),
});
export type StaffUser = z.infer<typeof StaffUser>;

const login = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "at least 3 characters")
  .max(64)
  .regex(/^[a-z0-9._-]+$/, "latin letters, digits, dot, dash and underscore only");
// Length alone is the rule for passwords (NIST SP 800-63B): composition rules make them weaker in practice.
const password = z.string().min(10, "at least 10 characters").max(200);

export const CreateStaffUser = z.object({
  login,
  fullName: z.string().trim().min(1, "required").max(200),
  email: z.email("not an e-mail address").nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  role: Role,
  dealershipId: RowId.nullable(),
  departmentId: RowId.nullable().optional(),
  extension: z
    .string()
    .trim()
    .regex(/^\d{2,8}$/, "2-8 digits")
    .nullable()
    .optional(),
  locale: Locale.default("ru"),
  password,
});
export type CreateStaffUser = z.infer<typeof CreateStaffUser>;

// Every field optional and without defaults: an update changes only what it names.
export const UpdateStaffUser = z.object({
  fullName: z.string().trim().min(1, "required").max(200).optional(),
  email: z.email("not an e-mail address").nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  role: Role.optional(),
  dealershipId: RowId.nullable().optional(),
  departmentId: RowId.nullable().optional(),
  extension: z
    .string()
    .trim()
    .regex(/^\d{2,8}$/, "2-8 digits")
    .nullable()
    .optional(),
  locale: Locale.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});
export type UpdateStaffUser = z.infer<typeof UpdateStaffUser>;

export const ChangeOwnSettings = z.object({ locale: Locale });
