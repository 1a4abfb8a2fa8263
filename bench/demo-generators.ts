// Throughput of the pure demo generators (no database): `npm run bench -- demo-generators [clients]`.
// The demo must write a million clients in under ten minutes including the database, so generating a
// client with their cars has to stay well under 100 µs.

import { CAR_MODELS_BY_ID } from "../server/src/modules/demo/carCatalog";
import { generateCar } from "../server/src/modules/demo/cars";
import { generateCompany } from "../server/src/modules/demo/companies";
import { generateDrivingProfile, generateServiceReadings } from "../server/src/modules/demo/mileage";
import { generatePerson } from "../server/src/modules/demo/people";
import { createRng } from "../server/src/modules/demo/random";
import { typeAsStaff } from "../server/src/modules/demo/staffTyping";

const AS_OF = "2026-11-01";

function time(label: string, count: number, unit: string, run: () => void): void {
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  const perSecond = Math.round((count / ms) * 1000);
  const micros = ((ms * 1000) / count).toFixed(1);
  console.log(
    `${label.padEnd(44)} ${String(perSecond).padStart(9)} ${unit}/s  ${micros.padStart(6)} µs each`,
  );
}

export default async function demoGenerators(args: string[]): Promise<void> {
  const clients = Number(args[0] ?? 200_000);
  if (!Number.isInteger(clients) || clients <= 0)
    throw new Error(`usage: demo-generators [clients], got ${args[0]}`);
  const root = createRng("bench");
  console.log(`demo generators, ${clients.toLocaleString("en")} clients, Node ${process.version}`);

  // Warm up the JIT so the first measurement is not mostly compilation.
  for (let i = 0; i < 5_000; i++) {
    generatePerson(root, { asOf: AS_OF });
    generateCar(root, { asOf: AS_OF });
  }

  const emails = new Set<string>();
  let emailCount = 0;
  time("persons", clients, "persons", () => {
    const rng = root.fork("persons");
    for (let i = 0; i < clients; i++) {
      const p = generatePerson(rng, { asOf: AS_OF, index: i });
      if (p.email) {
        emailCount++;
        emails.add(p.email);
      }
    }
  });
  const duplicates = emailCount - emails.size;
  console.log(
    `  e-mails: ${emailCount.toLocaleString("en")}, ${duplicates.toLocaleString("en")} ` +
      `(${((100 * duplicates) / Math.max(1, emailCount)).toFixed(2)}%) repeat another person's`,
  );

  const taken = new Set<string>();
  time("persons with unique e-mails (isEmailTaken)", clients, "persons", () => {
    const rng = root.fork("persons");
    const isEmailTaken = (e: string) => taken.has(e);
    for (let i = 0; i < clients; i++) {
      const p = generatePerson(rng, { asOf: AS_OF, index: i, isEmailTaken });
      if (p.email) taken.add(p.email);
    }
  });

  let cars = 0;
  let readings = 0;
  time("clients with cars and service readings", clients, "clients", () => {
    const rng = root.fork("clients");
    for (let i = 0; i < clients; i++) {
      const person = generatePerson(rng, { asOf: AS_OF, index: i });
      const owned = rng.chance(0.25) ? 2 : 1;
      for (let k = 0; k < owned; k++) {
        const car = generateCar(rng, { asOf: AS_OF, residence: person.residence, serial: cars++ });
        const model = CAR_MODELS_BY_ID.get(car.modelId)!;
        const profile = generateDrivingProfile(rng, {
          annualKm: model.annualKm,
          startDate: car.firstRegistered,
          startKm: car.odometerAtRegistration,
        });
        readings += generateServiceReadings(profile, rng, {
          maintenance: model.maintenance,
          until: AS_OF,
        }).length;
      }
    }
  });
  console.log(`  ${cars.toLocaleString("en")} cars, ${readings.toLocaleString("en")} odometer readings`);

  time("staff-typed records (typeAsStaff)", clients, "records", () => {
    const rng = root.fork("typing");
    const person = generatePerson(rng, { asOf: AS_OF });
    for (let i = 0; i < clients; i++) typeAsStaff(person, rng);
  });

  const companies = Math.max(1, Math.floor(clients / 20));
  time("companies with contacts", companies, "companies", () => {
    const rng = root.fork("companies");
    for (let i = 0; i < companies; i++) generateCompany(rng, { asOf: AS_OF });
  });
}
