import { describe, expect, it } from "vitest";
import { parseWarning } from "./warnings";

describe("create warnings", () => {
  it("finds the field and the dropped value", () => {
    expect(
      parseWarning({ field: "phones.0", message: '"12-34" is not a phone number (invalid length)' }),
    ).toEqual({ field: "phones", value: "12-34" });
    expect(parseWarning({ field: "birthDate", message: "2090-01-01 is not a plausible birth date" })).toEqual(
      {
        field: "birthDate",
        value: "2090-01-01",
      },
    );
    expect(parseWarning({ field: "inn", message: "something else" })).toEqual({ field: "inn", value: null });
  });
});
