import { describe, expect, it } from "vitest";
import { isUtf8, toUtf8 } from "./encoding";

// "ФИО;Телефон" in Windows-1251.
const CP1251 = new Uint8Array([0xd4, 0xc8, 0xce, 0x3b, 0xd2, 0xe5, 0xeb, 0xe5, 0xf4, 0xee, 0xed]);

describe("import file encoding", () => {
  it("leaves a UTF-8 file as it is, even when the check cuts a character in half", async () => {
    const utf8 = new TextEncoder().encode("ФИО;Телефон");
    expect(isUtf8(utf8.slice(0, 3))).toBe(true);
    const file = new Blob([utf8]);
    const result = await toUtf8(file);
    expect(result).toEqual({ blob: file, converted: false });
  });

  it("re-encodes a Windows-1251 export as UTF-8", async () => {
    expect(isUtf8(CP1251)).toBe(false);
    const result = await toUtf8(new Blob([CP1251]));
    expect(result.converted).toBe(true);
    expect(await result.blob.text()).toBe("ФИО;Телефон");
  });
});
