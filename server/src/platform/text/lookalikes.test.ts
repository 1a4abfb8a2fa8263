import { describe, expect, it } from "vitest";
import { toCyrillicLookalikes, toLatinLookalikes } from "./lookalikes";

describe("look-alike letters", () => {
  it("turns a plate typed on the Latin layout Cyrillic and a VIN typed on the Cyrillic layout Latin", () => {
    expect(toCyrillicLookalikes("A123BC77")).toBe("А123ВС77");
    expect(toLatinLookalikes("ХТА21099")).toBe("XTA21099");
  });
  it("leaves letters without a twin alone", () => {
    expect(toCyrillicLookalikes("Z9D")).toBe("Z9D");
    expect(toLatinLookalikes("ЖЩ7")).toBe("ЖЩ7");
  });
});
