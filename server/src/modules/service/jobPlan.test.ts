import { describe, expect, it } from "vitest";
import { type CatalogEntry, modelKey, planJob } from "./jobPlan";

const oil: CatalogEntry = {
  id: 1,
  code: "TO-OIL",
  name: "Замена масла",
  skill: "maintenance",
  minutes: 48,
  byModel: new Map([[modelKey("Toyota", "Land Cruiser 300"), 72]]),
};
const wheels: CatalogEntry = {
  id: 2,
  code: "ALIGN",
  name: "Развал-схождение",
  skill: "alignment",
  minutes: 60,
  byModel: new Map(),
};

describe("planning a job", () => {
  it("sums the labour time for the model and rounds up to the grid", () => {
    const job = planJob([oil, wheels], { make: "Kia", model: "Rio" }, 15);
    expect(job.minutes).toBe(120);
    expect(job.skills).toEqual(["alignment", "maintenance"]);
    expect(job.works.map((w) => w.minutes)).toEqual([48, 60]);
  });

  it("takes the model's own time where the catalog has it, whatever the case", () => {
    expect(planJob([oil], { make: "TOYOTA", model: "land cruiser 300 " }, 15).minutes).toBe(75);
  });

  it("books at least one step", () => {
    expect(planJob([], { make: null, model: null }, 30)).toEqual({ minutes: 30, skills: [], works: [] });
  });
});
