import { z } from "zod";
import { TextRowId } from "./ids";

export const ActionLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  dealershipId: z.number().int().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  processStep: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** The API request that made the change, as in the server's logs. */
  requestId: z.string().nullable(),
});
export type ActionLogEntry = z.infer<typeof ActionLogEntry>;

export const ActionLogQuery = z.object({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorUserId: TextRowId.optional(),
  before: TextRowId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActionLogQuery = z.infer<typeof ActionLogQuery>;
