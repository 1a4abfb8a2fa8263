import { describe, expect, it } from "vitest";
import { LinkBuffer } from "./links";

describe("LinkBuffer", () => {
  it("grows, trims and appends", () => {
    const a = new LinkBuffer();
    for (let i = 0; i < 3000; i++) a.push(i, i + 1, i / 10, 0.5);
    expect(a.length).toBe(3000);
    const t = a.trimmed();
    expect(t.a.length).toBe(3000);
    expect([t.a[2999], t.b[2999], t.weight[2999], t.probability[2999]]).toEqual([2999, 3000, 299.9, 0.5]);
    const b = new LinkBuffer();
    b.append(t);
    expect(b.length).toBe(3000);
    expect(b.b[10]).toBe(11);
  });
});
