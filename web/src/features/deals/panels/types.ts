import type { Deal } from "@orbit/contracts";
import type { useDealRun } from "../useDealRun";

export interface PanelProps {
  deal: Deal;
  run: ReturnType<typeof useDealRun>["run"];
  busy: boolean;
  /** May change this panel's data. */
  editable: boolean;
  /** May enter the specialist's part (an appraisal, a bank's decision, an insurer's quote). */
  specialist: boolean;
}
