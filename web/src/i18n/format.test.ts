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

  it("shows roubles whole, with the symbol, in each language's grouping", () => {
    expect(formattersFor("ru").money(950000.4)).toBe("950\u00a0000\u00a0₽");
    expect(formattersFor("en").money(15000)).toBe("₽15,000");
  });

  it("says how long ago in calendar days, then months, then years", () => {
    const now = new Date(2026, 10, 26, 9, 0);
    const en = formattersFor("en");
    expect(en.ago(new Date(2026, 10, 26, 1, 0).toISOString(), now)).toBe("today");
    expect(en.ago(new Date(2026, 10, 25, 23, 0).toISOString(), now)).toBe("yesterday");
    expect(en.ago(new Date(2026, 10, 15).toISOString(), now)).toBe("11 days ago");
    expect(en.ago(new Date(2026, 7, 20).toISOString(), now)).toBe("3 months ago");
    expect(en.ago(new Date(2024, 9, 1).toISOString(), now)).toBe("2 years ago");
  });

  it("shows a call's length as minutes and seconds", () => {
    const f = formattersFor("ru");
    expect(f.duration(434)).toBe("7:14");
    expect(f.duration(59)).toBe("0:59");
    expect(f.duration(3723)).toBe("1:02:03");
  });
});
