import { describe, expect, it } from "vitest";
import type { SetComparisonSpec } from "../types";
import { setKind, splitTypedIdentifier } from "./set";

function label(values: SetComparisonSpec["values"], a: string[], b: string[]) {
  const spec: SetComparisonSpec = { name: "s", field: "s", kind: "set", values };
  const level = setKind.prepare(spec, [{ s: a }, { s: b }], new Map()).level(0, 1);
  return level === 0 ? "missing" : setKind.levels(spec).labels[level - 1];
}

describe("multi-valued comparison", () => {
  it("takes the best-agreeing pair of phones", () => {
    expect(label("phone", ["+79161234567", "+79030000000"], ["8 (903) 000-00-00"])).toBe("exact");
    expect(label("phone", ["+79161234567"], ["+79161234568"])).toBe("one typo");
    expect(label("phone", ["+79161234567"], ["+79169999999"])).toBe("different");
    expect(label("phone", [], ["+79169999999"])).toBe("missing");
  });

  it("knows a mailbox name at another domain from a typo", () => {
    expect(label("email", ["Ivan.Petrov@mail.ru"], ["ivan.petrov@mail.ru"])).toBe("exact");
    expect(label("email", ["ivan.petrov@mail.ru"], ["ivan.petrov@yandex.ru"])).toBe("same mailbox name");
    expect(label("email", ["ivan.petrov@mail.ru"], ["ivan.petorv@mail.ru"])).toBe("two typos or fewer");
    expect(label("email", ["ivan.petrov@mail.ru"], ["olga@gmail.com"])).toBe("different");
  });

  it("compares documents only with documents of the same type", () => {
    expect(label("identifier", ["passport_rf:4510 123456"], ["passport_rf:4510123456"])).toBe("exact");
    expect(label("identifier", ["passport_rf:4510123456"], ["passport_rf:4510123465"])).toBe("one typo");
    expect(label("identifier", ["passport_rf:4510123456"], ["driver_licence:4510123456"])).toBe("missing");
    expect(
      label(
        "identifier",
        ["passport_rf:4510123456", "driver_licence:7701123456"],
        ["driver_licence:9900111111"],
      ),
    ).toBe("different");
  });

  it("splits typed identifiers", () => {
    expect(splitTypedIdentifier(" Passport_RF : 45 10 123456")).toEqual({
      type: "passport_rf",
      value: "4510123456",
    });
    expect(splitTypedIdentifier("xta21099043123456")).toEqual({ type: "", value: "XTA21099043123456" });
  });
});
