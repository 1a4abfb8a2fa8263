import type { ru } from "./ru";

/**
 * Data from the server (actions, entity types, process steps, field names) is open-ended: known values
 * get a translation, unknown ones are shown as they are. These guards keep the t() keys type-checked.
 */
export function hasKey<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

type FieldErrorKey = keyof typeof ru.fieldErrors;

// The API's field messages are English prose (contracts/src/staff.ts and the services); map the known ones.
const FIELD_MESSAGES: Record<string, FieldErrorKey> = {
  required: "required",
  "at least 3 characters": "loginTooShort",
  "latin letters, digits, dot, dash and underscore only": "loginChars",
  "at least 10 characters": "passwordTooShort",
  "not an e-mail address": "email",
  "2-8 digits": "extension",
  taken: "taken",
  "no such dealership": "noSuchDealership",
  "no such department": "noSuchDepartment",
  "belongs to another dealership": "otherDealership",
  // Work lists (tasks.service.ts, standards.service.ts, contracts/src/tasks.ts).
  "must be in the future": "future",
  "after the end of the task's window": "afterWindow",
  "say when to call back": "callBackRequired",
  "say when the client comes (or link the booking)": "bookingRequired",
  "say which car comes in": "vehicleRequired",
  "must be after callFromHour": "callHours",
};

// Client field messages quote the value ('"12-34" is not a phone number (invalid length)').
const FIELD_PATTERNS: [RegExp, FieldErrorKey][] = [
  // zod's number bounds ("Too small: expected number to be >=1000"), before the text lengths below.
  [/^too (small|big): expected number/i, "outOfRange"],
  [/^too big/i, "tooLong"],
  [/is not a phone number/, "phone"],
  [/is not an e-mail address/, "email"],
  [/is not a calendar date|^expected YYYY-MM-DD$/, "date"],
  [/is not a plausible birth date/, "birthDate"],
  [/is not a valid INN/, "inn"],
  [/is not a valid KPP/, "kpp"],
  [/^a name is required$/, "nameRequired"],
  [/^a company name or INN is required$/, "companyRequired"],
];

export function fieldErrorKey(message: string): FieldErrorKey | null {
  if (hasKey(FIELD_MESSAGES, message)) return FIELD_MESSAGES[message] ?? null;
  return FIELD_PATTERNS.find(([re]) => re.test(message))?.[1] ?? null;
}
