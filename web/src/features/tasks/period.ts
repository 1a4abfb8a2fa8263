/** Quick periods for reports, as dealer calendar dates (YYYY-MM-DD), both ends included. */
export const PERIOD_PRESETS = ["thisMonth", "lastMonth", "last90", "thisYear"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const day = (d: Date) => d.toISOString().slice(0, 10);

export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const t = new Date(`${today}T00:00:00Z`);
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth();
  switch (preset) {
    case "thisMonth":
      return { from: day(new Date(Date.UTC(y, m, 1))), to: today };
    case "lastMonth":
      return { from: day(new Date(Date.UTC(y, m - 1, 1))), to: day(new Date(Date.UTC(y, m, 0))) };
    case "last90":
      return { from: day(new Date(t.getTime() - 89 * 86_400_000)), to: today };
    case "thisYear":
      return { from: `${y}-01-01`, to: today };
  }
}
