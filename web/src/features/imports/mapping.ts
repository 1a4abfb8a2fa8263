import { IMPORT_TARGET_NAMES } from "@orbit/contracts";

export type Target = (typeof IMPORT_TARGET_NAMES)[number];
export const TARGETS = IMPORT_TARGET_NAMES;

const NAMING: Target[] = ["fullName", "lastName", "firstName", "companyName", "inn"];
// Targets that take one column; phones, e-mails and VINs may come from several.
const SINGLE: Target[] = [
  "sourceKey",
  "kind",
  "fullName",
  "lastName",
  "firstName",
  "patronymic",
  "birthDate",
  "gender",
  "companyName",
  "inn",
  "kpp",
  "ogrn",
  "passport",
  "driverLicence",
  "consentMarketing",
];

export type MappingProblem =
  | { problem: "needsName" }
  | { problem: "onlyOne"; target: Target; columns: string[] };

/** The same rules the API applies on start, checked before sending so the problem shows at once. */
export function mappingProblems(mapping: Record<string, Target>): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const targets = Object.values(mapping);
  if (!NAMING.some((t) => targets.includes(t))) problems.push({ problem: "needsName" });
  for (const target of SINGLE) {
    const columns = Object.keys(mapping).filter((c) => mapping[c] === target);
    if (columns.length > 1) problems.push({ problem: "onlyOne", target, columns });
  }
  return problems;
}
