import { CreateStaffUser, type Locale, type Role, type StaffUser, UpdateStaffUser } from "@orbit/contracts";

/** What the inputs hold: text fields as strings (empty = not given), pickers as value or null. */
export interface StaffFormValues {
  fullName: string;
  login: string;
  password: string;
  role: Role | null;
  dealershipId: number | null;
  departmentId: number | null;
  email: string;
  phone: string;
  extension: string;
  locale: Locale;
  active: boolean;
}

export function emptyStaffForm(dealershipId: number | null): StaffFormValues {
  return {
    fullName: "",
    login: "",
    password: "",
    role: null,
    dealershipId,
    departmentId: null,
    email: "",
    phone: "",
    extension: "",
    locale: "ru",
    active: true,
  };
}

export function staffFormOf(user: StaffUser): StaffFormValues {
  return {
    fullName: user.fullName,
    login: user.login,
    password: "",
    role: user.role,
    dealershipId: user.dealershipId,
    departmentId: user.departmentId,
    email: user.email ?? "",
    phone: user.phone ?? "",
    extension: user.extension ?? "",
    locale: user.locale,
    active: user.active,
  };
}

const blankToNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** The request body, validated by the same schema as the API's; errors keyed by form field. */
export function toCreateRequest(v: StaffFormValues) {
  return CreateStaffUser.safeParse({
    login: v.login,
    fullName: v.fullName,
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
    role: v.role ?? undefined,
    dealershipId: v.dealershipId,
    departmentId: v.departmentId,
    extension: blankToNull(v.extension),
    locale: v.locale,
    password: v.password,
  });
}

/**
 * A missing enum value fails in the schema as "invalid option", which reads oddly next to an empty
 * picker; these are reported as "required" and take precedence over the schema's issues.
 */
export function missingPicks(v: StaffFormValues): { path: string[]; message: string }[] {
  return v.role === null ? [{ path: ["role"], message: "required" }] : [];
}

/**
 * Only what changed, so the action log shows exactly what the editor did; null when nothing did.
 * The locale is always sent: the API's update schema inherits `locale.default("ru")`, so a PATCH
 * without it would silently switch the employee's interface to Russian.
 */
export function toUpdateRequest(original: StaffUser, v: StaffFormValues) {
  const next: Record<string, unknown> = {
    fullName: v.fullName.trim(),
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
    role: v.role ?? undefined,
    dealershipId: v.dealershipId,
    departmentId: v.departmentId,
    extension: blankToNull(v.extension),
    locale: v.locale,
    active: v.active,
  };
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (value !== original[key as keyof StaffUser]) patch[key] = value;
  }
  if (v.password !== "") patch.password = v.password;
  if (Object.keys(patch).length === 0) return null;
  return UpdateStaffUser.safeParse({ ...patch, locale: v.locale });
}
