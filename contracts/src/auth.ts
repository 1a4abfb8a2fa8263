import { z } from "zod";
import { Locale, Role } from "./roles";

export const LoginRequest = z.object({
  login: z.string().trim().min(1, "required").max(100),
  password: z.string().min(1, "required").max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const CurrentUser = z.object({
  id: z.number().int(),
  login: z.string(),
  fullName: z.string(),
  role: Role,
  dealershipId: z.number().int().nullable(),
  dealershipName: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  locale: Locale,
  permissions: z.array(z.string()),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** The CSRF token must be echoed in the X-CSRF-Token header of every unsafe request. */
export const SessionInfo = z.object({
  user: CurrentUser,
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
