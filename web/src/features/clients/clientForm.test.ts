import { describe, expect, it } from "vitest";
import { emptyClientForm, formField, toClientInput } from "./clientForm";

describe("new client form", () => {
  it("sends a person's values as typed, without blanks or the company fields", () => {
    const result = toClientInput({
      ...emptyClientForm(),
      fullName: " VOROBEV ALEKSEI ",
      birthDate: "1979-03-02",
      phones: ["8 (903) 111-22-33", " "],
      emails: [""],
      companyName: "left over from switching kinds",
      marketing: ["sms"],
    });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      kind: "person",
      fullName: "VOROBEV ALEKSEI",
      birthDate: "1979-03-02",
      phones: ["8 (903) 111-22-33"],
      emails: [],
      vins: [],
      messengers: [],
      consents: [{ channel: "sms", purpose: "marketing", granted: true }],
    });
  });

  it("sends the name parts when they are typed separately", () => {
    const result = toClientInput({
      ...emptyClientForm(),
      nameMode: "parts",
      fullName: "ignored",
      lastName: "Лебедев",
      firstName: "Роман",
    });
    expect(result.data).toMatchObject({ lastName: "Лебедев", firstName: "Роман" });
    expect(result.data?.fullName).toBeUndefined();
  });

  it("requires a name, reported at the field that is shown", () => {
    const values = emptyClientForm();
    const issue = toClientInput(values).error?.issues[0];
    expect(issue?.path).toEqual(["lastName"]);
    expect(formField(issue?.path ?? [], values)).toBe("fullName");
    expect(formField(["lastName"], { nameMode: "parts" })).toBe("lastName");
    expect(formField(["phones", 1], values)).toBe("phones.1");
  });

  it("sends a company by name or INN", () => {
    const company = toClientInput({
      ...emptyClientForm(),
      kind: "company",
      inn: "7707083893",
      fullName: "x",
    });
    expect(company.data).toMatchObject({ kind: "company", inn: "7707083893" });
    expect(company.data?.fullName).toBeUndefined();
    const nameless = toClientInput({ ...emptyClientForm(), kind: "company" });
    expect(nameless.error?.issues[0]?.path).toEqual(["companyName"]);
  });
});
