import { z } from "zod";

/** A row's id or version: PostgreSQL's integer, so a larger number is refused as bad input, not a crash. */
export const RowId = z.number().int().positive().max(2_147_483_647);

/** A row's id as a path or query string carries it (text), within PostgreSQL's integer. */
export const TextRowId = z.coerce.number().int().positive().max(2_147_483_647);

/** The `:id` of a route's path. */
export const IdParam = z.object({ id: TextRowId });
