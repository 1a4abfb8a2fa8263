// The generated Russian person set ("generated" in the output: no public Russian dedup set with ground
// truth exists). People come from the demo generators (server/src/modules/demo: people.ts, cars.ts,
// staffTyping.ts) and go through Orbit's own import path (typedToInput -> ClientInput -> normalizeClient)
// to the record matching.service.ts feeds the matcher. Added here, because the demo modules lack them:
//   - how many dealership records one person has (MULTIPLICITY);
//   - VINs of the person's cars on some records, a driving licence on some, city and address on some
//     (staffTyping types none of these);
//   - relatives: a household member with the family surname (in their gender's form), the same
//     address and sometimes the family phone, as hard non-matches.
import { ClientInput } from "@orbit/contracts";
import { generateCar } from "../../server/src/modules/demo/cars";
import { generateCompany } from "../../server/src/modules/demo/companies";
import namesData from "../../server/src/modules/demo/data/names-ru.json";
import { type GeneratedPerson, generatePerson } from "../../server/src/modules/demo/people";
import { createRng, type Rng } from "../../server/src/modules/demo/random";
import { typeAsStaff } from "../../server/src/modules/demo/staffTyping";
import { typedCompanyInput, typedPersonInput } from "../../server/src/modules/demo/typedToInput";
import type { ClientRecord } from "../../server/src/modules/identity/clientRecord";
import type { MatchRecord } from "../../server/src/modules/identity/matching";
import { normalizeClient } from "../../server/src/modules/identity/normalizeClient";

/** Records per person and their weights: most clients met one dealership, a few met five. */
const MULTIPLICITY = [1, 2, 3, 4, 5];
const MULTIPLICITY_WEIGHTS = [55, 25, 12, 5, 3];
const RELATIVE_SHARE = 0.08;
const SHARED_FAMILY_PHONE = 0.35;
const CAR_COUNTS = [0, 1, 2];
const CAR_COUNT_WEIGHTS = [30, 55, 15];
const VIN_ON_RECORD = 0.5;
const LICENCE_ON_RECORD = 0.25;
const CITY_ON_RECORD = 0.6;
const ADDRESS_ON_RECORD = 0.3;

export interface GeneratedSet {
  readonly records: MatchRecord[];
  readonly entity: string[];
  /** How many records each typing variation (and each addition made here) touched. */
  readonly variations: ReadonlyMap<string, number>;
  readonly people: number;
}

const otherForm = new Map<string, string>();
for (const [m, f] of (namesData as unknown as { surnames: [string, string, number][] }).surnames) {
  otherForm.set(m, f);
  otherForm.set(f, m);
}

interface Entity {
  readonly person: GeneratedPerson;
  readonly vins: string[];
}

function withCars(person: GeneratedPerson, rng: Rng, serial: number): Entity {
  const cars = rng.weighted(CAR_COUNTS, CAR_COUNT_WEIGHTS);
  const vins: string[] = [];
  for (let k = 0; k < cars; k++) {
    vins.push(generateCar(rng.fork(`car${k}`), { residence: person.residence, serial: serial * 3 + k }).vin);
  }
  return { person, vins };
}

function relativeOf(head: Entity, rng: Rng, index: number): Entity {
  const own = generatePerson(rng.fork("person"), { index });
  const family = head.person.lastName;
  const sameGender = own.gender === head.person.gender;
  const lastName = sameGender ? family : (otherForm.get(family) ?? family);
  const phones = rng.chance(SHARED_FAMILY_PHONE) ? [head.person.phones[0]!, ...own.phones] : own.phones;
  const person: GeneratedPerson = {
    ...own,
    lastName,
    phones,
    city: head.person.city,
    residence: head.person.residence,
    address: head.person.address,
  };
  return withCars(person, rng.fork("cars"), index);
}

function toMatchRecord(r: ClientRecord, extra: { city?: string; address?: string }): MatchRecord {
  // The same fields matching.service.ts loadMatchRecords builds from a stored client.
  return {
    lastName: r.lastName ?? null,
    firstName: r.firstName ?? null,
    patronymic: r.patronymic ?? null,
    birthDate: r.birthDate ?? null,
    phones: r.phones.map((p) => p.value),
    emails: r.emails.map((e) => e.value),
    documents: r.documents.map((d) => `${d.kind}:${d.value}`),
    vins: r.vins.map((v) => v.value),
    city: extra.city ?? null,
    address: extra.address ?? null,
  };
}

/** About `size` records (the last person is not split), deterministic for the seed. */
export function generateRussianPersons(size: number, seed: number): GeneratedSet {
  const root = createRng(`identity-bench/${seed}`);
  const records: MatchRecord[] = [];
  const entity: string[] = [];
  const variations = new Map<string, number>();
  const count = (v: string) => variations.set(v, (variations.get(v) ?? 0) + 1);
  let people = 0;

  const emit = (e: Entity, id: string, rng: Rng) => {
    people++;
    const copies = rng.weighted(MULTIPLICITY, MULTIPLICITY_WEIGHTS);
    for (let c = 0; c < copies && records.length < size; c++) {
      const r = rng.fork(`record${c}`);
      const typed = typeAsStaff(e.person, r.fork("typing"));
      for (const v of typed.variations) count(v);
      const input = typedPersonInput(typed.record);
      if (e.vins.length > 0 && r.chance(VIN_ON_RECORD)) {
        input.vins = [r.pick(e.vins)];
        count("vin_on_record (bench)");
      }
      if (e.person.driverLicence && r.chance(LICENCE_ON_RECORD)) {
        input.driverLicence = e.person.driverLicence.number;
        count("licence_on_record (bench)");
      }
      const extra: { city?: string; address?: string } = {};
      if (r.chance(CITY_ON_RECORD)) extra.city = e.person.city;
      if (r.chance(ADDRESS_ON_RECORD)) {
        extra.address = e.person.address;
        count("address_on_record (bench)");
      }
      const normalized = normalizeClient(ClientInput.parse(input)).record;
      records.push(toMatchRecord(normalized, extra));
      entity.push(id);
    }
  };

  for (let p = 0; records.length < size; p++) {
    const rng = root.fork(`p${p}`);
    const head = withCars(generatePerson(rng.fork("person"), { index: p }), rng.fork("cars"), p);
    emit(head, `p${p}`, rng.fork("records"));
    if (rng.chance(RELATIVE_SHARE) && records.length < size) {
      count("relative (bench)");
      emit(relativeOf(head, rng.fork("relative"), 5_000_000 + p), `p${p}r`, rng.fork("relative-records"));
    }
  }
  return { records, entity, variations, people };
}

/**
 * Generated companies (demo companies.ts), each typed one to three times by typedCompanyInput and
 * normalised like an import; the record matching.service.ts builds for a company.
 */
export function generateRussianCompanies(size: number, seed: number): GeneratedSet {
  const root = createRng(`identity-bench-companies/${seed}`);
  const records: MatchRecord[] = [];
  const entity: string[] = [];
  let people = 0;
  for (let c = 0; records.length < size; c++) {
    const rng = root.fork(`c${c}`);
    const company = generateCompany(rng.fork("company"));
    people++;
    const copies = rng.weighted([1, 2, 3], [50, 35, 15]);
    for (let k = 0; k < copies && records.length < size; k++) {
      const input = typedCompanyInput(company, rng.fork(`record${k}`));
      const r = normalizeClient(ClientInput.parse(input)).record;
      records.push({
        name: r.companyName ?? null,
        inn: r.inn ?? null,
        phones: r.phones.map((p) => p.value),
        emails: r.emails.map((e) => e.value),
      });
      entity.push(`c${c}`);
    }
  }
  return { records, entity, variations: new Map(), people };
}
