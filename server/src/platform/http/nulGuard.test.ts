import { describe, expect, it } from "vitest";
import { nulCharacterAt } from "./nulGuard";

describe("nulCharacterAt", () => {
  it("finds the NUL character in a string, a nested field, an array item or a key", () => {
    expect(nulCharacterAt("a\u0000b", "query")).toBe("query");
    expect(nulCharacterAt({ q: "ok", name: { last: "Ив\u0000анов" } }, "body")).toBe("body.name.last");
    expect(nulCharacterAt({ phones: ["+7 999", "\u0000"] }, "body")).toBe("body.phones.1");
    expect(nulCharacterAt({ "k\u0000": 1 }, "body")).toBe("body.k\u0000");
    // Fastify's parsed query string is an object whose prototype is a prototype-less object.
    const query = Object.assign(Object.create(Object.create(null)), { q: "%\u0000" });
    expect(nulCharacterAt(query, "query")).toBe("query.q");
  });

  it("passes text without it, numbers, nulls and buffers", () => {
    expect(nulCharacterAt({ q: "Иванов", n: 1, x: null, list: [1, "a"] }, "query")).toBeNull();
    expect(nulCharacterAt(Buffer.from([0, 0, 0]), "body")).toBeNull();
    expect(nulCharacterAt(undefined, "body")).toBeNull();
  });
});
