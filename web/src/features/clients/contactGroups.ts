import type { ContactPoint } from "@orbit/contracts";

/** One phone or address, however many sources reported it (a merge brings the other client's copy). */
export interface ContactGroup {
  kind: ContactPoint["kind"];
  value: string;
  isPrimary: boolean;
  points: ContactPoint[];
}

export function groupContacts(contacts: readonly ContactPoint[]): ContactGroup[] {
  const groups = new Map<string, ContactGroup>();
  for (const c of contacts) {
    const key = `${c.kind}:${c.value}`;
    const group = groups.get(key);
    if (group) {
      group.points.push(c);
      group.isPrimary ||= c.isPrimary;
    } else groups.set(key, { kind: c.kind, value: c.value, isPrimary: c.isPrimary, points: [c] });
  }
  return [...groups.values()];
}
