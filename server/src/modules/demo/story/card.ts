import { ClientInput, type GoldenRecord } from "@orbit/contracts";
import type { ClientRecord } from "../../identity/clientRecord";
import type { MatchRecord } from "../../identity/matching";
import { type Matcher, matchRecordOf } from "../../identity/matching.service";
import { normalizeClient } from "../../identity/normalizeClient";
import { firstKeyOf, nameKeyOf, searchTermsOf } from "../../identity/searchTerms";
import { survive } from "../../identity/survivorship";
import type { DemoWorld } from "../world";
import { moment } from "../world";

export interface CardRequest {
  partyId: number;
  input: ClientInput;
  sourceSystem: string;
  sourceKey: string;
  dealershipId: number;
  day: number;
  consent: { calls: boolean; sms: boolean; email: boolean };
}

/** A client card whose source record, contacts and keys are written; the party row waits for the story. */
export interface PendingCard {
  req: CardRequest;
  golden: GoldenRecord;
  record: ClientRecord;
  match: MatchRecord;
  sourceRecordId: number;
}

/**
 * Writes what a dealership's DMS delivered about a client (read through Orbit's own normaliser, as an
 * import would), with its contacts, documents, consents and blocking keys.
 */
export function openCard(w: DemoWorld, matcher: Matcher, req: CardRequest): PendingCard {
  const { record } = normalizeClient(ClientInput.parse(req.input));
  const golden = survive([{ sourceSystem: req.sourceSystem, receivedAt: new Date(0), record }]);
  const sourceRecordId = w.nextId("sourceRecord");
  const at = moment(req.day, 600);
  w.add("source_records", [
    sourceRecordId,
    req.partyId,
    req.partyId,
    req.sourceSystem,
    req.sourceKey,
    req.dealershipId,
    JSON.stringify({ record, typed: req.input }),
    at,
  ]);
  const contacts = [
    ...record.phones.map((p, i) => ["phone", p.value, p.raw, i === 0] as const),
    ...record.emails.map((e, i) => ["email", e.value, e.raw, i === 0] as const),
  ];
  for (const [kind, value, raw, primary] of contacts) {
    w.add("contact_points", [req.partyId, kind, value, raw, primary, at, req.sourceSystem, sourceRecordId]);
  }
  for (const d of record.documents) {
    w.add("identity_documents", [
      req.partyId,
      d.kind,
      d.value,
      d.raw,
      null,
      at,
      req.sourceSystem,
      sourceRecordId,
    ]);
  }
  const consent = (channel: string, purpose: string, granted: boolean) =>
    w.add("consents", [req.partyId, channel, purpose, granted, at, null, req.sourceSystem]);
  consent("call", "service", req.consent.calls);
  // Who lets the group send offers by SMS lets it call with them too (no new draw: the same seed, the same data).
  consent("call", "marketing", req.consent.calls && req.consent.sms);
  consent("sms", "marketing", req.consent.sms);
  if (record.emails.length) consent("email", "marketing", req.consent.email);
  const match = matchRecordOf(record, golden);
  for (const key of new Set(matcher.keys(record.kind, match))) w.add("match_keys", [key, req.partyId]);
  return { req, golden, record, match, sourceRecordId };
}

/** The party row and its first version, once the story has decided segment, manager and blocking. */
export function closeCard(
  w: DemoWorld,
  card: PendingCard,
  attrs: { segment: string; blocked: boolean; personalManagerId: number | null; homeDealershipId: number },
): void {
  const g = card.golden;
  const at = moment(card.req.day, 600);
  w.add("parties", [
    card.req.partyId,
    g.kind,
    g.displayName,
    g.lastName,
    g.firstName,
    g.patronymic,
    g.birthDate,
    g.gender,
    g.companyName,
    g.inn,
    g.kpp,
    g.ogrn,
    attrs.segment,
    attrs.blocked,
    attrs.homeDealershipId,
    attrs.personalManagerId,
    at,
    at,
    searchTermsOf(g),
    nameKeyOf(g),
    firstKeyOf(g),
  ]);
  w.add("party_versions", [
    card.req.partyId,
    1,
    at,
    JSON.stringify({
      ...g,
      blocked: attrs.blocked,
      personalManagerId: attrs.personalManagerId,
      homeDealershipId: attrs.homeDealershipId,
    }),
    card.req.sourceSystem,
    card.sourceRecordId,
    "imported",
  ]);
}

export const dmsOf = (code: string) => `dms:${code}`;
