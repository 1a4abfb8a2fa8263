// Builds the matching models Orbit ships with (person.json, company.json): generated Russian clients,
// each typed one to three times the way dealership staff type them, read through Orbit's own
// normaliser, then trained WITHOUT labels exactly as a dealer's data would be. Run:
//   node --import tsx server/src/modules/identity/models/build.ts
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ClientInput } from "@orbit/contracts";
import { generateCar } from "../../demo/cars";
import { generateCompany } from "../../demo/companies";
import { generatePerson } from "../../demo/people";
import { createRng } from "../../demo/random";
import { typeAsStaff } from "../../demo/staffTyping";
import { typedCompanyInput, typedPersonInput } from "../../demo/typedToInput";
import { companySpec, type MatchRecord, personSpec, trainModel } from "../matching";
import { matchRecordOf } from "../matching.service";
import { normalizeClient } from "../normalizeClient";
import { survive } from "../survivorship";

const here = dirname(fileURLToPath(import.meta.url));

function toMatchRecord(input: ClientInput): MatchRecord {
  const { record } = normalizeClient(ClientInput.parse(input));
  return matchRecordOf(record, survive([{ sourceSystem: "dms:demo", receivedAt: new Date(0), record }]));
}

/**
 * Persons typed one to three times. Most records carry the VIN of the client's car, as a service
 * dealership's record does; one in a hundred shares a VIN with a stranger, as a resold car does.
 */
function people(n: number): MatchRecord[] {
  const rng = createRng("shipped-model/persons");
  const out: MatchRecord[] = [];
  let previousVin = "";
  for (let i = 0; i < n; i++) {
    const person = generatePerson(rng, { index: i });
    const vin = generateCar(rng, { serial: i }).vin;
    const copies = rng.weighted([1, 2, 3], [80, 16, 4]);
    for (let c = 0; c < copies; c++) {
      const input = typedPersonInput(typeAsStaff(person, rng).record);
      if (rng.chance(0.6)) input.vins = [rng.chance(0.01) && previousVin ? previousVin : vin];
      out.push(toMatchRecord(input));
    }
    previousVin = vin;
  }
  return out;
}

function companies(n: number): MatchRecord[] {
  const rng = createRng("shipped-model/companies");
  const out: MatchRecord[] = [];
  for (let i = 0; i < n; i++) {
    const company = generateCompany(rng);
    const copies = rng.weighted([1, 2, 3], [80, 16, 4]);
    for (let c = 0; c < copies; c++) out.push(toMatchRecord(typedCompanyInput(company, rng)));
  }
  return out;
}

const started = Date.now();
const person = trainModel(people(40_000), personSpec, { seed: 1 });
const company = trainModel(companies(8_000), companySpec, { seed: 1 });
writeFileSync(join(here, "person.json"), `${JSON.stringify(person)}\n`);
writeFileSync(join(here, "company.json"), `${JSON.stringify(company)}\n`);
console.log(`shipped models trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
