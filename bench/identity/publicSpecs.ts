// Model specs for the public sets: same engine, their field names. Chosen from the field meanings, not
// from the labels; the thresholds are the engine's fixed ones.
import type { ModelSpec } from "../../server/src/modules/identity/matching";

export const febrlSpec: ModelSpec = {
  name: "febrl",
  comparisons: [
    { name: "given_name", field: "given_name", kind: "name", termFrequency: true },
    { name: "surname", field: "surname", kind: "name", termFrequency: true },
    { name: "date_of_birth", field: "date_of_birth", kind: "date" },
    { name: "soc_sec_id", field: "soc_sec_id", kind: "identifier" },
    { name: "street_number", field: "street_number", kind: "exact", termFrequency: true },
    { name: "address_1", field: "address_1", kind: "text" },
    { name: "address_2", field: "address_2", kind: "text" },
    { name: "suburb", field: "suburb", kind: "text", termFrequency: true },
    { name: "postcode", field: "postcode", kind: "exact", termFrequency: true },
    { name: "state", field: "state", kind: "exact", termFrequency: true },
  ],
  swappable: [["given_name", "surname"]],
  blocking: [
    { name: "ssid", parts: [{ field: "soc_sec_id", transform: "identifier" }] },
    { name: "nm", parts: [{ field: ["given_name", "surname"], transform: "skeleton" }] },
    {
      name: "snd",
      parts: [
        { field: "surname", transform: "skeleton" },
        { field: "date_of_birth", transform: "date" },
      ],
    },
    {
      name: "gnd",
      parts: [
        { field: "given_name", transform: "skeleton" },
        { field: "date_of_birth", transform: "date" },
      ],
    },
    {
      name: "dpc",
      parts: [
        { field: "date_of_birth", transform: "date" },
        { field: "postcode", transform: "exact" },
      ],
    },
    {
      name: "snpc",
      parts: [
        { field: "surname", transform: "skeleton" },
        { field: "postcode", transform: "exact" },
      ],
    },
    {
      name: "gnpc",
      parts: [
        { field: "given_name", transform: "skeleton" },
        { field: "postcode", transform: "exact" },
      ],
    },
    { name: "dob", parts: [{ field: "date_of_birth", transform: "date" }] },
    {
      name: "st",
      parts: [
        { field: "address_1", transform: "skeleton" },
        { field: "street_number", transform: "exact" },
      ],
    },
  ],
  maxBlockSize: 200,
};

export const febrlDsgenSpec: ModelSpec = {
  ...febrlSpec,
  name: "febrl-dsgen",
  comparisons: [
    ...febrlSpec.comparisons,
    { name: "phone_number", field: "phone_number", kind: "set", values: "phone" },
  ],
  blocking: [...febrlSpec.blocking, { name: "ph", parts: [{ field: "phone_number", transform: "phone" }] }],
};

export const splinkFakeSpec: ModelSpec = {
  name: "splink-fake",
  comparisons: [
    { name: "first_name", field: "first_name", kind: "name", termFrequency: true },
    { name: "surname", field: "surname", kind: "name", termFrequency: true },
    { name: "dob", field: "dob", kind: "date" },
    { name: "city", field: "city", kind: "text", termFrequency: true },
    { name: "email", field: "email", kind: "set", values: "email" },
  ],
  swappable: [["first_name", "surname"]],
  blocking: [
    { name: "nm", parts: [{ field: ["first_name", "surname"], transform: "skeleton" }] },
    {
      name: "snd",
      parts: [
        { field: "surname", transform: "skeleton" },
        { field: "dob", transform: "date" },
      ],
    },
    {
      name: "fnd",
      parts: [
        { field: "first_name", transform: "skeleton" },
        { field: "dob", transform: "date" },
      ],
    },
    { name: "em", parts: [{ field: "email", transform: "email" }] },
    {
      name: "dc",
      parts: [
        { field: "dob", transform: "date" },
        { field: "city", transform: "skeleton" },
      ],
    },
    {
      name: "snc",
      parts: [
        { field: "surname", transform: "skeleton" },
        { field: "city", transform: "skeleton" },
      ],
    },
    {
      name: "fnc",
      parts: [
        { field: "first_name", transform: "skeleton" },
        { field: "city", transform: "skeleton" },
      ],
    },
    { name: "dob", parts: [{ field: "dob", transform: "date" }] },
    {
      name: "sny",
      parts: [
        { field: "surname", transform: "skeleton" },
        { field: "dob", transform: "year" },
      ],
    },
    {
      name: "fny",
      parts: [
        { field: "first_name", transform: "skeleton" },
        { field: "dob", transform: "year" },
      ],
    },
  ],
  maxBlockSize: 200,
};

/** The spec with every comparison and blocking rule on `field` removed. */
export function withoutField(spec: ModelSpec, field: string): ModelSpec {
  const uses = (f: string | readonly string[]) => (typeof f === "string" ? f === field : f.includes(field));
  return {
    ...spec,
    name: `${spec.name} without ${field}`,
    comparisons: spec.comparisons.filter((c) => c.field !== field),
    swappable: spec.swappable?.filter(([a, b]) => a !== field && b !== field),
    blocking: spec.blocking.filter((r) => !r.parts.some((p) => uses(p.field))),
  };
}
