import type { ClientIdentity } from "@orbit/contracts";
import { type SQL, sql } from "drizzle-orm";

/**
 * The client's identity as one JSON value, for the card's single statement: the golden record, live
 * contacts, documents and consents, current cars, and the personal manager's name.
 */
export function identitySection(partyId: number): SQL {
  return sql`(SELECT json_build_object(
      'party', (SELECT row_to_json(x) FROM (
          SELECT id, status, merged_into_id, version, kind, display_name, last_name, first_name, patronymic,
                 birth_date, gender, company_name, inn, kpp, ogrn, segment, blocked, home_dealership_id,
                 personal_manager_id
            FROM parties WHERE id = p.id) x),
      'manager', (SELECT u.full_name FROM users u WHERE u.id = p.personal_manager_id),
      'contacts', coalesce((SELECT json_agg(c ORDER BY c.is_primary DESC, c.id) FROM (
          SELECT id, kind, value, raw, is_primary, valid_from, valid_to, source_system
            FROM contact_points WHERE party_id = p.id AND valid_to IS NULL) c), '[]'),
      'documents', coalesce((SELECT json_agg(d ORDER BY d.id) FROM (
          SELECT id, kind, number, raw, valid_from, valid_to, source_system
            FROM identity_documents WHERE party_id = p.id AND valid_to IS NULL) d), '[]'),
      'consents', coalesce((SELECT json_agg(k ORDER BY k.channel) FROM (
          SELECT cs.channel, cs.purpose, cs.granted, cs.valid_from, cs.valid_to, cs.source_system,
                 u.full_name AS changed_by
            FROM consents cs LEFT JOIN users u ON u.id = cs.changed_by_user_id
           WHERE cs.party_id = p.id AND cs.valid_to IS NULL) k), '[]'),
      'cars', coalesce((SELECT json_agg(v) FROM (
          SELECT DISTINCT ON (ve.id) ve.id, ve.vin, ve.plate, ve.make, ve.model, ve.year, o.role
            FROM vehicle_ownerships o JOIN vehicles ve ON ve.id = o.vehicle_id
           WHERE o.party_id = p.id AND (o.valid_to IS NULL OR o.valid_to > current_date)) v), '[]'))
    FROM parties p WHERE p.id = ${partyId})`;
}

interface IdentityJson {
  party: {
    id: number;
    status: ClientIdentity["status"];
    merged_into_id: number | null;
    version: number;
    kind: "person" | "company";
    display_name: string;
    last_name: string | null;
    first_name: string | null;
    patronymic: string | null;
    birth_date: string | null;
    gender: "m" | "f" | null;
    company_name: string | null;
    inn: string | null;
    kpp: string | null;
    ogrn: string | null;
    segment: ClientIdentity["segment"];
    blocked: boolean;
    home_dealership_id: number | null;
    personal_manager_id: number | null;
  };
  manager: string | null;
  contacts: {
    id: number;
    kind: ClientIdentity["contacts"][number]["kind"];
    value: string;
    raw: string;
    is_primary: boolean;
    valid_from: string;
    valid_to: string | null;
    source_system: string;
  }[];
  documents: {
    id: number;
    kind: ClientIdentity["documents"][number]["kind"];
    number: string;
    raw: string;
    valid_from: string;
    valid_to: string | null;
    source_system: string;
  }[];
  consents: {
    channel: ClientIdentity["consents"][number]["channel"];
    purpose: "marketing" | "service";
    granted: boolean;
    valid_from: string;
    valid_to: string | null;
    source_system: string;
    changed_by: string | null;
  }[];
  cars: ClientIdentity["vehicles"];
}

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

export function toIdentity(json: IdentityJson): ClientIdentity {
  const p = json.party;
  return {
    id: p.id,
    status: p.status,
    mergedIntoId: p.merged_into_id,
    version: p.version,
    golden: {
      kind: p.kind,
      displayName: p.display_name,
      lastName: p.last_name,
      firstName: p.first_name,
      patronymic: p.patronymic,
      birthDate: p.birth_date,
      gender: p.gender,
      companyName: p.company_name,
      inn: p.inn,
      kpp: p.kpp,
      ogrn: p.ogrn,
    },
    segment: p.segment,
    blocked: p.blocked,
    homeDealershipId: p.home_dealership_id,
    personalManagerId: p.personal_manager_id,
    personalManagerName: json.manager,
    contacts: json.contacts.map((c) => ({
      id: c.id,
      kind: c.kind,
      value: c.value,
      raw: c.raw,
      isPrimary: c.is_primary,
      validFrom: iso(c.valid_from)!,
      validTo: iso(c.valid_to),
      sourceSystem: c.source_system,
    })),
    documents: json.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      raw: d.raw,
      validFrom: iso(d.valid_from)!,
      validTo: iso(d.valid_to),
      sourceSystem: d.source_system,
    })),
    consents: json.consents.map((c) => ({
      channel: c.channel,
      purpose: c.purpose,
      granted: c.granted,
      validFrom: iso(c.valid_from)!,
      validTo: iso(c.valid_to),
      sourceSystem: c.source_system,
      changedBy: c.changed_by,
    })),
    vehicles: json.cars,
    asOf: null,
  };
}
