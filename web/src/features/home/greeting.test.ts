import { describe, expect, it } from "vitest";
import { addressName, greetingKey } from "./greeting";

describe("greeting", () => {
  it("picks the part of the day", () => {
    expect(greetingKey(4)).toBe("home.greetingNight");
    expect(greetingKey(9)).toBe("home.greetingMorning");
    expect(greetingKey(13)).toBe("home.greetingDay");
    expect(greetingKey(20)).toBe("home.greetingEvening");
    expect(greetingKey(23)).toBe("home.greetingNight");
  });

  it("addresses by first name and patronymic in Russian, by first name in English", () => {
    expect(addressName("Андрей Викторович Соколов", "ru")).toBe("Андрей Викторович");
    expect(addressName("Андрей Викторович Соколов", "en")).toBe("Андрей");
    expect(addressName("Anna Smith", "ru")).toBe("Anna");
  });
});
