import { describe, expect, it } from "vitest";
import { DATE_LEVELS, dateDigits, dateLevel } from "./dates";

const label = (a: string, b: string) => DATE_LEVELS[dateLevel(a, b) - 1];

describe("dateDigits", () => {
  it("reads ISO, compact and Russian day-first forms", () => {
    expect(dateDigits("1985-03-07")).toBe("19850307");
    expect(dateDigits("1985-03-07T00:00:00Z")).toBe("19850307");
    expect(dateDigits("19850307")).toBe("19850307");
    expect(dateDigits("7.3.1985")).toBe("19850307");
    expect(dateDigits("07/03/1985")).toBe("19850307");
  });

  it("keeps impossible but typed dates and rejects text", () => {
    expect(dateDigits("19162429")).toBe("19162429");
    expect(dateDigits("March 1985")).toBeNull();
    expect(dateDigits("")).toBeNull();
  });
});

describe("dateLevel", () => {
  it("tells apart the date-specific levels", () => {
    expect(label("19850307", "19850307")).toBe("exact");
    expect(label("19850307", "19850703")).toBe("day and month swapped");
    expect(label("19850307", "19850308")).toBe("one typo");
    expect(label("19850307", "19580307")).toBe("one typo"); // transposed digits
    expect(label("19790307", "19800307")).toBe("year off by one");
    expect(label("19850307", "19850418")).toBe("different");
    expect(label("19850307", "19860308")).toBe("two typos");
  });

  it("does not call equal day and month a swap", () => {
    expect(label("19850505", "19850505")).toBe("exact");
    expect(label("19850505", "19840505")).toBe("one typo");
  });
});
