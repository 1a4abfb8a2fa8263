import { describe, expect, it } from "vitest";
import { formattersFor } from "./format";

describe("formatters", () => {
  it("shows a calendar date the same in every time zone", () => {
    expect(formattersFor("ru").date("1979-03-02")).toBe("02.03.1979");
    expect(formattersFor("en").date("1979-03-02")).toBe("02/03/1979");
    expect(formattersFor("ru").date("not a date")).toBe("not a date");
  });

  it("rounds probabilities down, so an almost-certain match never reads as 100%", () => {
    const en = formattersFor("en");
    expect(en.probability(0.9999999)).toBe("99.9%");
    expect(en.probability(0.97203)).toBe("97.2%");
    expect(en.probability(1)).toBe("100%");
    expect(formattersFor("ru").probability(0.5)).toBe("50\u00a0%");
  });
});
