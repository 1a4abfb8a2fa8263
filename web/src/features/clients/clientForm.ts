import { ClientInput } from "@orbit/contracts";

type Channel = NonNullable<ClientInput["consents"]>[number]["channel"];

/** What the new-client inputs hold: text as typed (empty = not given), lists with one input per value. */
export interface NewClientValues {
  kind: "person" | "company";
  /** One "full name" field, or surname, first name and patronymic separately. */
  nameMode: "full" | "parts";
  fullName: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  birthDate: string;
  gender: "m" | "f" | null;
  companyName: string;
  inn: string;
  kpp: string;
  ogrn: string;
  phones: string[];
  emails: string[];
  passport: string;
  driverLicence: string;
  vins: string[];
  /** Channels the client agreed to receive offers through. */
  marketing: Channel[];
}

export function emptyClientForm(): NewClientValues {
  return {
    kind: "person",
    nameMode: "full",
    fullName: "",
    lastName: "",
    firstName: "",
    patronymic: "",
    birthDate: "",
    gender: null,
    companyName: "",
    inn: "",
    kpp: "",
    ogrn: "",
    phones: [""],
    emails: [""],
    passport: "",
    driverLicence: "",
    vins: [""],
    marketing: [],
  };
}

const given = (value: string) => (value.trim() === "" ? undefined : value.trim());
const list = (values: string[]) => values.map((v) => v.trim()).filter(Boolean);

/**
 * The request body, validated by the API's own schema. Values go as typed: the server normalises
 * them and keeps the typed form. Only the fields of the chosen kind (person or company) are sent.
 */
export function toClientInput(v: NewClientValues) {
  const person = v.kind === "person";
  const full = v.nameMode === "full";
  return ClientInput.safeParse({
    kind: v.kind,
    ...(person
      ? {
          fullName: full ? given(v.fullName) : undefined,
          lastName: full ? undefined : given(v.lastName),
          firstName: full ? undefined : given(v.firstName),
          patronymic: full ? undefined : given(v.patronymic),
          birthDate: given(v.birthDate),
          gender: v.gender ?? undefined,
          passport: given(v.passport),
          driverLicence: given(v.driverLicence),
          vins: list(v.vins),
        }
      : {
          companyName: given(v.companyName),
          inn: given(v.inn),
          kpp: given(v.kpp),
          ogrn: given(v.ogrn),
        }),
    phones: list(v.phones),
    emails: list(v.emails),
    consents: v.marketing.map((channel) => ({ channel, purpose: "marketing", granted: true })),
  });
}

/**
 * Where a schema or API error belongs on the form: "phones.0" stays with the first phone input, and
 * "a name is required" (reported at lastName) goes to the full-name field when that is the one shown.
 */
export function formField(path: readonly PropertyKey[], v: Pick<NewClientValues, "nameMode">): string {
  const field = path.map(String).join(".");
  if (field === "lastName" && v.nameMode === "full") return "fullName";
  return field;
}
