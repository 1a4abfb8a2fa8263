import { describe, expect, it } from "vitest";
import { reportCsv } from "./csv";

describe("reportCsv", () => {
  it("writes the columns in order, quotes commas and leaves nulls empty", () => {
    const csv = reportCsv({
      columns: ["key", "label", "due", "utilisation"],
      rows: [
        { key: "1", label: "Орбита, Алтуфьево", due: 10, utilisation: 0.25 },
        { key: null, label: null, due: 3, utilisation: null },
      ],
    });
    expect(csv).toBe('\uFEFFkey,label,due,utilisation\n1,"Орбита, Алтуфьево",10,0.25\n,,3,\n');
  });
});
