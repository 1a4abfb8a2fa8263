import { z } from "zod";

/** A row's id or version: PostgreSQL's integer, so a larger number is refused as bad input, not a crash. */
export const RowId = z.number().int().positive().max(2_147_483_647);
