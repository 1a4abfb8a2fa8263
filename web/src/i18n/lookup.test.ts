import { describe, expect, it } from "vitest";
import { fieldErrorKey } from "./lookup";

describe("field error messages", () => {
  it("recognises the API's messages, exact and with the value quoted", () => {
    expect(fieldErrorKey("taken")).toBe("taken");
    expect(fieldErrorKey('"12-34" is not a phone number (invalid length)')).toBe("phone");
    expect(fieldErrorKey("2090-01-01 is not a plausible birth date for a client")).toBe("birthDate");
    expect(fieldErrorKey("a name is required")).toBe("nameRequired");
    expect(fieldErrorKey("Too big: expected string to have <=100 characters")).toBe("tooLong");
    expect(fieldErrorKey("something new")).toBeNull();
  });
});
