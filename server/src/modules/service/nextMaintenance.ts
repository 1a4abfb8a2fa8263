/** The next maintenance after a visit: whichever comes first of the model's interval in months and km. */
export function nextMaintenance(
  visitDay: string,
  mileageKm: number | null,
  schedule: { intervalKm: number; intervalMonths: number },
): { on: string; km: number | null } {
  const d = new Date(`${visitDay}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + schedule.intervalMonths, 1));
  // The same day of the month, or the month's last day (31 January + 1 month is 28/29 February).
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return {
    on: target.toISOString().slice(0, 10),
    km: mileageKm === null ? null : mileageKm + schedule.intervalKm,
  };
}
