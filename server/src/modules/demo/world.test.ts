import { describe, expect, it } from "vitest";
import { DemoWorld, type WorldDealership } from "./world";

const dealership = { id: 1, code: "MSK-HAVAL", sells: true } as WorldDealership;
const personalManager = { id: 9, role: "personal_manager" as const, dealershipId: 1 };
const parts = [0, 1].map((part) => new DemoWorld(20_000, [dealership], [personalManager], part, 2));

describe("the demo's parts", () => {
  it("interleave ids and work order numbers, so two parts never collide", () => {
    const ids = parts.map((w) => [w.nextId("party"), w.nextId("party"), w.nextId("party")]);
    expect(ids).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
    const numbers = parts.map((w) => w.workOrderNumber(dealership, 20_000));
    expect(numbers[0]).toMatch(/-0000001$/);
    expect(numbers[1]).toMatch(/-0000002$/);
  });

  it("give out an e-mail address in one part only", () => {
    const addresses = Array.from({ length: 200 }, (_, i) => `ivanov${i}@mail.ru`);
    for (const a of addresses) expect(parts.filter((w) => !w.isEmailTaken(a))).toHaveLength(1);
    const [first] = parts;
    const mine = addresses.find((a) => !first!.isEmailTaken(a))!;
    first!.takeEmail(mine);
    expect(first!.isEmailTaken(mine)).toBe(true);
  });

  it("split a personal manager's clients between them", () => {
    const held = parts.map((w) => {
      let n = 0;
      while (w.personalManager(1) !== null) n++;
      return n;
    });
    expect(held[0]! + held[1]!).toBeGreaterThanOrEqual(380);
    expect(Math.abs(held[0]! - held[1]!)).toBeLessThanOrEqual(1);
  });

  it("are one world when there is one part", () => {
    const whole = new DemoWorld(20_000, [dealership], [personalManager]);
    expect([whole.nextId("vehicle"), whole.nextId("vehicle")]).toEqual([1, 2]);
    expect(whole.isEmailTaken("ivanov@mail.ru")).toBe(false);
  });
});
