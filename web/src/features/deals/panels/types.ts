import type { Deal, ProcessStep } from "@orbit/contracts";
import type { useDealRun } from "../useDealRun";

export interface PanelProps {
  deal: Deal;
  /** The step showing the panel: a panel shared by two steps shows each its own part. */
  step: ProcessStep;
  run: ReturnType<typeof useDealRun>["run"];
  busy: boolean;
  /** May change this panel's data. */
  editable: boolean;
  /** May enter the specialist's part (an appraisal, a bank's decision, an insurer's quote). */
  specialist: boolean;
}
