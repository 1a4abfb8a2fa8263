/** Stable keys for placeholder rows while a table loads (they have no data to key by). */
export function placeholderKeys(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `placeholder-${i}`);
}
