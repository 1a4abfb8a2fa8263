import { createHash } from "node:crypto";

/** The unit's place in the draw: the first 8 hex digits of md5("seed:id"), the same in SQL (armSql). */
export function drawKey(seed: string, unitId: number): string {
  return createHash("md5").update(`${seed}:${unitId}`).digest("hex").slice(0, 8);
}

/** How many of n units go to the pilot: the share rounded, at least one in each group when n >= 2. */
export function pilotCount(n: number, pilotShare: number): number {
  if (n < 2) return n;
  return Math.min(n - 1, Math.max(1, Math.round(n * pilotShare)));
}

/**
 * A deterministic random split: units ordered by a hash of the experiment's seed and their id, the first
 * pilotCount of them in the pilot. The same seed always gives the same groups, so the split can be
 * checked and repeated, and nobody chooses which dealership gets the pilot.
 */
export function assignArms(
  unitIds: readonly number[],
  seed: string,
  pilotShare: number,
): { unitId: number; arm: "pilot" | "control" }[] {
  const ordered = [...new Set(unitIds)]
    .map((unitId) => ({ unitId, key: drawKey(seed, unitId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.unitId - b.unitId));
  const pilots = pilotCount(ordered.length, pilotShare);
  return ordered.map((u, i) => ({ unitId: u.unitId, arm: i < pilots ? "pilot" : "control" }));
}
