// Orbit's person model. Record fields (all optional): lastName, firstName, patronymic, birthDate
// (YYYY-MM-DD), phones (E.164, several), emails, documents ("passport:4510123456",
// "licence:77AB123456"), vins, city, address.
import type { ModelSpec } from "../types";

export const PERSON_FIELDS = [
  "lastName",
  "firstName",
  "patronymic",
  "birthDate",
  "phones",
  "emails",
  "documents",
  "vins",
  "city",
  "address",
] as const;

export const personSpec: ModelSpec = {
  name: "orbit-person",
  comparisons: [
    { name: "lastName", field: "lastName", household: true, kind: "name", termFrequency: true },
    { name: "firstName", field: "firstName", kind: "name", termFrequency: true },
    { name: "patronymic", field: "patronymic", kind: "name", termFrequency: true, initials: true },
    { name: "birthDate", field: "birthDate", kind: "date" },
    { name: "phones", field: "phones", household: true, kind: "set", values: "phone" },
    { name: "emails", field: "emails", kind: "set", values: "email" },
    { name: "documents", field: "documents", kind: "set", values: "identifier" },
    { name: "vins", field: "vins", household: true, kind: "set", values: "identifier" },
    { name: "city", field: "city", household: true, kind: "text", termFrequency: true },
    { name: "address", field: "address", household: true, kind: "text" },
  ],
  // A salesperson copying "Иван Петров" from a form into last-name-first fields.
  swappable: [["lastName", "firstName"]],
  blocking: [
    { name: "ph", parts: [{ field: "phones", transform: "phone" }] },
    { name: "em", parts: [{ field: "emails", transform: "email" }] },
    { name: "doc", parts: [{ field: "documents", transform: "identifier" }] },
    { name: "vin", parts: [{ field: "vins", transform: "identifier" }] },
    // Name skeletons in either order, so Cyrillic/Latin, ё/е and swapped fields share the key.
    {
      name: "nm",
      parts: [
        { field: ["lastName", "firstName"], transform: "skeleton" },
        { field: "birthDate", transform: "year" },
      ],
    },
    // One name part plus the full birth date: survives a typo or a changed surname in the other part.
    {
      name: "lnd",
      parts: [
        { field: "lastName", transform: "skeleton" },
        { field: "birthDate", transform: "date" },
      ],
    },
    {
      name: "fnd",
      parts: [
        { field: "firstName", transform: "skeleton" },
        { field: "birthDate", transform: "date" },
      ],
    },
    // Full name with patronymic for records without a birth date.
    {
      name: "fio",
      parts: [
        { field: ["lastName", "firstName"], transform: "skeleton" },
        { field: "patronymic", transform: "skeleton" },
      ],
    },
  ],
  maxBlockSize: 300,
};
