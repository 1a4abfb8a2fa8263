import type { ClientIdentity } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { goldenFormOf, toClientEdit } from "./clientEdit";

const client: ClientIdentity = {
  id: 5,
  status: "active",
  mergedIntoId: null,
  version: 3,
  golden: {
    kind: "person",
    displayName: "Зайцев Олег",
    lastName: "Зайцев",
    firstName: "Олег",
    patronymic: "Петрович",
    birthDate: null,
    gender: "m",
    companyName: null,
    inn: null,
    kpp: null,
    ogrn: null,
  },
  segment: "new",
  blocked: false,
  homeDealershipId: 1,
  personalManagerId: null,
  personalManagerName: null,
  vehicles: [],
  contacts: [],
  documents: [],
  consents: [],
  asOf: null,
};

describe("client edit", () => {
  it("sends nothing when nothing changed", () => {
    expect(toClientEdit(client, goldenFormOf(client))).toBeNull();
  });

  it("sends only the changed fields with the version seen; an emptied field as null", () => {
    const edit = toClientEdit(client, { ...goldenFormOf(client), birthDate: "1979-03-02", blocked: true });
    expect(edit?.data).toEqual({ version: 3, birthDate: "1979-03-02", blocked: true });
    const cleared = toClientEdit(client, { ...goldenFormOf(client), gender: null });
    expect(cleared?.data).toEqual({ version: 3, gender: null });
  });

  it("sends the whole name when a part of it changes", () => {
    const edit = toClientEdit(client, {
      ...goldenFormOf(client),
      lastName: " Зайцев-Орлов ",
      patronymic: "",
    });
    expect(edit?.data).toEqual({ version: 3, lastName: "Зайцев-Орлов", firstName: "Олег", patronymic: null });
  });

  it("reports a malformed date at the field", () => {
    const edit = toClientEdit(client, { ...goldenFormOf(client), birthDate: "02.03.1979" });
    expect(edit?.error?.issues[0]?.path).toEqual(["birthDate"]);
  });
});
