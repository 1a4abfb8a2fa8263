import { describe, expect, it } from "vitest";
import { generateAddress } from "./addresses";
import { createRng } from "./random";

describe("generateAddress", () => {
  it("keeps the address in the client's agglomeration, with some in the surrounding region", () => {
    const rng = createRng(1);
    const residences = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const a = generateAddress(rng, "Санкт-Петербург");
      expect(a.city).toBe("Санкт-Петербург");
      expect(a.line.startsWith(`${a.residence},`)).toBe(true);
      expect(["Санкт-Петербург", "Ленинградская область"]).toContain(a.residence);
      expect(a.line).toMatch(/, \d+(, корп\. \d)?, кв\. \d+$/);
      residences.add(a.residence);
    }
    expect(residences.size).toBe(2);
  });

  it("is deterministic", () => {
    expect(generateAddress(createRng(9), "Москва")).toEqual(generateAddress(createRng(9), "Москва"));
  });
});
