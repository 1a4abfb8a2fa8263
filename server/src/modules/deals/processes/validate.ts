import type { DealField, DealPanel, FieldError, HandoffKind, ProcessStep, Role } from "@orbit/contracts";

/** The panel where each field is filled in; client data can be filled in on the spot at any step. */
export const FIELD_PANELS: Record<DealField, readonly DealPanel[] | "anywhere"> = {
  "needs.profile": ["needs"],
  "vehicle.selected": ["vehicle"],
  "vehicle.price": ["vehicle"],
  "tradeIn.vehicle": ["trade_in"],
  "tradeIn.appraisal": ["trade_in"],
  "tradeIn.accepted": ["trade_in"],
  "credit.application": ["credit"],
  "credit.offers": ["credit"],
  "credit.chosen": ["credit"],
  "insurance.quotes": ["insurance"],
  "insurance.chosen": ["insurance"],
  "accessories.chosen": ["accessories"],
  "client.fullName": "anywhere",
  "client.birthDate": "anywhere",
  "client.passport": "anywhere",
  "client.address": "anywhere",
  "client.phone": "anywhere",
  "client.email": "anywhere",
  "documents.quote": ["documents", "delivery"],
  "documents.contract": ["documents", "delivery"],
  "documents.act": ["documents", "delivery"],
  "payment.received": ["payment"],
  "delivery.date": ["delivery"],
};

/** The panel a hand-off's specialist works in. */
export const HANDOFF_PANEL: Record<HandoffKind, DealPanel> = {
  appraisal: "trade_in",
  credit_application: "credit",
  insurance_quote: "insurance",
};

/** The roles that work each hand-off queue (administrators and directors see every queue). */
export const QUEUE_ROLES: Record<"appraisal" | "finance" | "sales", readonly Role[]> = {
  appraisal: ["appraiser"],
  finance: ["fi_specialist"],
  sales: ["salesperson", "sales_manager"],
};

/**
 * A car changes hands only with the buyer fully identified (the contract names them): a process that sells
 * a car must require these by its closing step.
 */
export const SALE_CLIENT_FIELDS: readonly DealField[] = [
  "client.fullName",
  "client.birthDate",
  "client.passport",
  "client.address",
  "client.phone",
];

/**
 * Checks a process an analyst saved: one closing step at the end, unique codes, hand-offs that fit their
 * step and reach someone who works the queue, every required field fillable by then, and the buyer's
 * full data required wherever a car is sold. Returns the problems, each at its field.
 */
export function validateProcess(steps: readonly ProcessStep[], path = "body.steps"): FieldError[] {
  const errors: FieldError[] = [];
  const at = (i: number, field: string, message: string) =>
    errors.push({ field: `${path}.${i}${field ? `.${field}` : ""}`, message });

  const seen = new Map<string, number>();
  steps.forEach((s, i) => {
    const first = seen.get(s.code);
    if (first !== undefined) at(i, "code", `the same code as step ${first + 1}`);
    else seen.set(s.code, i);
  });

  const closing = steps.flatMap((s, i) => (s.closes ? [i] : []));
  if (closing.length === 0 && steps.length > 0)
    at(steps.length - 1, "closes", "the last step must close the deal");
  for (const i of closing) if (i !== steps.length - 1) at(i, "closes", "only the last step closes the deal");

  const panelsSoFar = new Set<DealPanel>();
  const requiredSoFar = new Set<DealField>();
  steps.forEach((s, i) => {
    panelsSoFar.add(s.panel);
    const dupes = s.requires.filter((f, k) => s.requires.indexOf(f) !== k);
    if (dupes.length) at(i, "requires", `listed twice: ${[...new Set(dupes)].join(", ")}`);
    for (const f of s.requires) {
      requiredSoFar.add(f);
      const panels = FIELD_PANELS[f];
      if (panels !== "anywhere" && !panels.some((p) => panelsSoFar.has(p)))
        at(i, "requires", `${f} is filled in at a ${panels.join(" or ")} step, and none comes by this one`);
    }
    if (s.handoff) {
      const panel = HANDOFF_PANEL[s.handoff.kind];
      if (panel !== s.panel) at(i, "handoff.kind", `a ${s.handoff.kind} hand-off belongs to a ${panel} step`);
      const workers = QUEUE_ROLES[s.handoff.queue];
      const reachable = s.roles.some((r) => workers.includes(r) || r === "admin" || r === "director");
      if (!reachable)
        at(i, "roles", `nobody of these roles works the ${s.handoff.queue} queue (${workers.join(", ")})`);
    }
    const roles = new Set(s.roles);
    if (roles.size !== s.roles.length) at(i, "roles", "a role is listed twice");
  });

  const sellsCar = steps.some((s) => s.requires.includes("vehicle.selected"));
  const last = steps.length - 1;
  if (sellsCar && last >= 0) {
    const lacking = SALE_CLIENT_FIELDS.filter((f) => !requiredSoFar.has(f));
    if (lacking.length)
      at(last, "requires", `a car is sold: the client's ${lacking.join(", ")} must be required by this step`);
  }
  return errors;
}
