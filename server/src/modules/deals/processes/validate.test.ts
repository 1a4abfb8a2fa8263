import { ProcessStep, type ProcessStepInput } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { SHIPPED_PROCESSES } from "./shipped";
import { validateProcess } from "./validate";

const parse = (steps: ProcessStepInput[]) => steps.map((s) => ProcessStep.parse(s));
const fields = (steps: ProcessStepInput[]) => validateProcess(parse(steps)).map((e) => e.field);

const step = (over: Partial<ProcessStepInput>): ProcessStepInput => ({
  code: "ss",
  title: { ru: "Шаг", en: "Step" },
  panel: "accessories",
  requires: [],
  roles: ["salesperson"],
  ...over,
});

describe("process definitions", () => {
  it("ships processes that pass their own checks", () => {
    expect(SHIPPED_PROCESSES.map((p) => p.code)).toEqual([
      "new_car",
      "used_car",
      "trade_in",
      "credit",
      "insurance",
      "accessories",
      "combined",
    ]);
    for (const p of SHIPPED_PROCESSES) expect(validateProcess(parse(p.steps)), p.code).toEqual([]);
  });

  it("needs one closing step, the last", () => {
    expect(fields([step({ code: "aa" }), step({ code: "bb" })])).toEqual(["body.steps.1.closes"]);
    expect(fields([step({ code: "aa", closes: true }), step({ code: "bb", closes: true })])).toEqual([
      "body.steps.0.closes",
    ]);
  });

  it("refuses two steps with one code", () => {
    expect(fields([step({ code: "aa" }), step({ code: "aa", closes: true })])).toEqual(["body.steps.1.code"]);
  });

  it("keeps a hand-off to its panel and to a queue someone of the step's roles works", () => {
    const wrongPanel = step({
      code: "aa",
      panel: "credit",
      roles: ["appraiser"],
      handoff: { kind: "appraisal", queue: "appraisal", slaHours: 2 },
      closes: true,
    });
    expect(fields([wrongPanel])).toEqual(["body.steps.0.handoff.kind"]);
    const nobody = step({
      code: "aa",
      panel: "trade_in",
      roles: ["salesperson"],
      handoff: { kind: "appraisal", queue: "appraisal", slaHours: 2 },
      closes: true,
    });
    expect(validateProcess(parse([nobody]))).toEqual([
      { field: "body.steps.0.roles", message: "nobody of these roles works the appraisal queue (appraiser)" },
    ]);
  });

  it("requires a field only once a step where it is filled in has come", () => {
    const early = [
      step({ code: "aa", requires: ["tradeIn.appraisal"] }),
      step({ code: "bb", panel: "trade_in", closes: true }),
    ];
    expect(fields(early)).toEqual(["body.steps.0.requires"]);
    // The client's data is filled in on the spot, at any step.
    expect(fields([step({ code: "aa", requires: ["client.passport"], closes: true })])).toEqual([]);
  });

  it("does not let a car be sold without the buyer's full data", () => {
    const sale = [
      step({ code: "car", panel: "vehicle", requires: ["vehicle.selected"] }),
      step({ code: "end", panel: "delivery", requires: ["client.fullName", "client.phone"], closes: true }),
    ];
    const errors = validateProcess(parse(sale));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe("body.steps.1.requires");
    expect(errors[0]!.message).toContain("client.passport");
    expect(errors[0]!.message).toContain("client.address");
  });
});
