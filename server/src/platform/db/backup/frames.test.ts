import { describe, expect, it } from "vitest";
import { BackupFormatError, dataFrames, FRAME_BYTES, FrameReader, jsonFrame, parseJson } from "./frames";

async function* inPieces(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe("backup frames", () => {
  it("reads back what was written, however the bytes are cut", async () => {
    const rows = new TextEncoder().encode('1,"Иванов, Пётр","многострочный\nтекст"\n'.repeat(50));
    const bytes = concat([jsonFrame("header", { v: 1 }), ...dataFrames(rows), jsonFrame("end", {})]);
    for (const size of [1, 3, 7, 1000, bytes.length]) {
      const reader = new FrameReader(inPieces(bytes, size));
      expect(parseJson(await reader.expect("header"))).toEqual({ v: 1 });
      expect(new TextDecoder().decode((await reader.expect("data")).payload)).toBe(
        new TextDecoder().decode(rows),
      );
      await reader.expect("end");
      expect(await reader.next()).toBeNull();
    }
  });

  it("cuts large tables into frames of at most a megabyte", () => {
    const frames = [...dataFrames(new Uint8Array(FRAME_BYTES * 2 + 5))];
    expect(frames.map((f) => f.length - 5)).toEqual([FRAME_BYTES, FRAME_BYTES, 5]);
  });

  it("says so when a file is cut short or is not a backup", async () => {
    const whole = concat([jsonFrame("header", { v: 1 }), jsonFrame("end", {})]);
    const cut = new FrameReader(inPieces(whole.subarray(0, whole.length - 2), 4));
    await cut.next();
    await expect(cut.next()).rejects.toThrow(BackupFormatError);
    const other = new FrameReader(inPieces(new TextEncoder().encode("PGDMP custom dump"), 4));
    await expect(other.next()).rejects.toThrow(/not an Orbit backup/);
  });
});
