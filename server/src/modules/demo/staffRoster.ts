import type { Role } from "@orbit/contracts";
import { DEMO_DEALERSHIPS, DEMO_LOGINS, type DemoStaffMember } from "./orgStructure";
import { generatePerson } from "./people";
import type { Rng } from "./random";

type Slot = { role: Role; short: string; department: DemoStaffMember["department"]; count: number };

// Headcount of a selling dealership and of the service centre, besides the printed demo logins.
const SELLING: Slot[] = [
  { role: "director", short: "director", department: "management", count: 1 },
  { role: "sales_manager", short: "salesmanager", department: "sales_new", count: 1 },
  { role: "salesperson", short: "sales", department: "sales_new", count: 4 },
  { role: "service_advisor", short: "service", department: "service", count: 3 },
  { role: "fi_specialist", short: "fi", department: "finance_insurance", count: 1 },
  { role: "appraiser", short: "appraiser", department: "sales_used", count: 1 },
  { role: "personal_manager", short: "pm", department: "sales_new", count: 2 },
];
const SERVICE_ONLY: Slot[] = [
  { role: "director", short: "director", department: "management", count: 1 },
  { role: "service_advisor", short: "service", department: "service", count: 3 },
];

/** The rest of the group's staff, with generated names and logins like "msk-kia.sales2". */
export function demoStaffRoster(rng: Rng): DemoStaffMember[] {
  const out: DemoStaffMember[] = [];
  let extension = 200;
  const taken = new Set(DEMO_LOGINS.map((l) => l.login));
  const name = () => {
    const p = generatePerson(rng);
    return `${p.firstName} ${p.patronymic ?? ""} ${p.lastName}`.replace(/\s+/g, " ").trim();
  };
  for (const d of DEMO_DEALERSHIPS) {
    for (const slot of d.sells ? SELLING : SERVICE_ONLY) {
      for (let n = 1; n <= slot.count; n++) {
        const login = `${d.code.toLowerCase()}.${slot.short}${n}`;
        if (taken.has(login)) continue;
        out.push({
          login,
          fullName: name(),
          role: slot.role,
          dealership: d.code,
          department: slot.department,
          extension: String(extension++),
        });
      }
    }
  }
  for (let n = 2; n <= 5; n++) {
    out.push({
      login: `operator${n}`,
      fullName: name(),
      role: "call_center_operator",
      dealership: null,
      department: null,
      extension: String(extension++),
    });
  }
  return out;
}
