/** Great-circle distance in kilometres between two points (haversine), to offer the nearest centre first. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Centres nearest first when the client's position is known (those without a position last), else by name. */
export function nearestFirst<T extends { name: string; latitude: number | null; longitude: number | null }>(
  centres: readonly T[],
  from: { lat: number; lon: number } | null,
): (T & { distanceKm: number | null })[] {
  const withDistance = centres.map((c) => ({
    ...c,
    distanceKm:
      from && c.latitude !== null && c.longitude !== null
        ? Math.round(distanceKm(from, { lat: c.latitude, lon: c.longitude }) * 10) / 10
        : null,
  }));
  return withDistance.sort(
    (a, b) =>
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name, "ru"),
  );
}
