import { describe, expect, it } from "vitest";
import { parseReason } from "./importReasons";

describe("import row reasons", () => {
  it("recognises the reasons the importer gives", () => {
    expect(parseReason("lastName: a name is required")).toEqual([{ reason: "nameRequired", values: {} }]);
    expect(parseReason('repeats the key "K-1" of row 2')).toEqual([
      { reason: "repeatsKey", values: { key: "K-1", row: "2" } },
    ]);
    expect(parseReason("already imported as client 17")).toEqual([
      { reason: "alreadyImported", values: { id: "17" } },
    ]);
    expect(parseReason('Дата рождения: "31.02.1990" is not a date')).toEqual([
      { reason: "notADate", values: { column: "Дата рождения", value: "31.02.1990" } },
    ]);
    expect(parseReason('phones.0: "12-34" is not a phone number (invalid length)')).toEqual([
      { warning: "phones", value: "12-34" },
    ]);
  });

  it("keeps unknown reasons as written, part by part", () => {
    expect(parseReason("fullName: Too big; lastName: a name is required")).toEqual([
      { text: "fullName: Too big" },
      { reason: "nameRequired", values: {} },
    ]);
  });
});
