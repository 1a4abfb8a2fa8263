import { describe, expect, it } from "vitest";
import { formatDocument, formatPhone, fromLocalInput, parseSourceSystem, toLocalInput } from "./display";

describe("client display", () => {
  it("groups Russian phone numbers and leaves others alone", () => {
    expect(formatPhone("+79031112233")).toBe("+7 903 111-22-33");
    expect(formatPhone("+4930123456")).toBe("+4930123456");
  });

  it("prints passport and licence numbers with the series split", () => {
    expect(formatDocument("passport_rf", "4509123456")).toBe("45 09 123456");
    expect(formatDocument("driver_licence", "77АВ123456")).toBe("77 АВ 123456");
    expect(formatDocument("snils", "12345678901")).toBe("12345678901");
  });

  it("splits a source system into kind and name", () => {
    expect(parseSourceSystem("dms:MSK-KIA")).toEqual({ kind: "dms", name: "MSK-KIA" });
    expect(parseSourceSystem("orbit")).toEqual({ kind: "orbit", name: "" });
  });

  it("round-trips a moment through a datetime-local value, to the second", () => {
    const iso = "2026-03-05T09:07:03.000Z";
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput("2026-03-05T09:07")).toBe(new Date("2026-03-05T09:07").toISOString());
    expect(fromLocalInput("")).toBeNull();
    expect(toLocalInput("nonsense")).toBe("");
  });
});
