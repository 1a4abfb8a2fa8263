// Orbit's company model. Record fields: name, inn (tax id), phones, emails.
import type { ModelSpec } from "../types";

export const companySpec: ModelSpec = {
  name: "orbit-company",
  comparisons: [
    { name: "name", field: "name", kind: "orgName", termFrequency: true },
    { name: "inn", field: "inn", kind: "identifier" },
    { name: "phones", field: "phones", kind: "set", values: "phone" },
    { name: "emails", field: "emails", kind: "set", values: "email" },
  ],
  blocking: [
    { name: "inn", parts: [{ field: "inn", transform: "digits" }] },
    { name: "ph", parts: [{ field: "phones", transform: "phone" }] },
    { name: "em", parts: [{ field: "emails", transform: "email" }] },
    { name: "org", parts: [{ field: "name", transform: "orgName" }] },
  ],
  maxBlockSize: 300,
};
