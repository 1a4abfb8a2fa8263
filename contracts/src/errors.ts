import { z } from "zod";

/** Every error the API returns has this shape, whatever the status. */
export const FieldError = z.object({
  /** Where the bad value is, e.g. "body.phone" or "query.limit". */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(FieldError).optional(),
    requestId: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
