import { sql } from "drizzle-orm";

/**
 * Which of a car's ownership rows (alias `o`) speaks for it on a day, as the ORDER BY of a
 * `DISTINCT ON (o.vehicle_id)`: the latest to start, and of rows that start on the same day (one client
 * recorded by two dealerships' systems and not merged yet) the latest recorded. Without that last key
 * PostgreSQL may pick either, and a parallel plan does not pick the same one every time: the car's
 * offers and calls would move between the two records from one night to the next.
 */
export const OWNER_OF_CAR_FIRST = sql.raw("o.vehicle_id, o.valid_from DESC, o.id DESC");
