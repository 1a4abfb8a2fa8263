import type { Skill } from "@orbit/contracts";

export interface CatalogEntry {
  id: number;
  code: string;
  name: string;
  skill: Skill;
  /** Standard labour minutes of the work. */
  minutes: number;
  /** The maker's time for particular models, keyed "make|model" (lower case). */
  byModel: ReadonlyMap<string, number>;
}

export interface JobPlan {
  minutes: number;
  skills: Skill[];
  works: { id: number; code: string; name: string; minutes: number }[];
}

export const modelKey = (make: string | null, model: string | null) =>
  `${(make ?? "").trim().toLowerCase()}|${(model ?? "").trim().toLowerCase()}`;

/**
 * How long a job takes and what it needs: the sum of its works' labour time for the car's model (the
 * model's own time where the catalog has one, else the work's standard), rounded up to the booking
 * grid, and every skill its works need.
 */
export function planJob(
  works: readonly CatalogEntry[],
  car: { make: string | null; model: string | null },
  stepMinutes: number,
): JobPlan {
  const key = modelKey(car.make, car.model);
  const lines = works.map((w) => ({
    id: w.id,
    code: w.code,
    name: w.name,
    minutes: w.byModel.get(key) ?? w.minutes,
  }));
  const total = lines.reduce((n, w) => n + w.minutes, 0);
  const step = Math.max(1, stepMinutes);
  return {
    minutes: Math.max(step, Math.ceil(total / step) * step),
    skills: [...new Set(works.map((w) => w.skill))].sort(),
    works: lines,
  };
}
