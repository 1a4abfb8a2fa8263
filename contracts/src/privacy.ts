import { z } from "zod";

/** Everything Orbit holds about one client: rows by table, and the action log's entries about them. */
export const ClientExport = z.object({
  format: z.literal("orbit.client-export/1"),
  exportedAt: z.string(),
  clientId: z.number().int(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  actionLog: z.array(z.record(z.string(), z.unknown())),
});
export type ClientExport = z.infer<typeof ClientExport>;

/** An anonymisation on the client's request; the reason (e.g. the request's number) goes to the action log. */
export const AnonymiseRequest = z.object({
  reason: z.string().trim().min(1, "say why (e.g. the request's number)").max(500),
});
export type AnonymiseRequest = z.infer<typeof AnonymiseRequest>;

export const AnonymiseResult = z.object({
  clientId: z.number().int(),
  removed: z.object({
    contactPoints: z.number().int(),
    documents: z.number().int(),
    addresses: z.number().int(),
    portalSessions: z.number().int(),
    photos: z.number().int(),
  }),
  redactedRows: z.number().int(),
});
export type AnonymiseResult = z.infer<typeof AnonymiseResult>;
