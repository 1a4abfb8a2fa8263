// Worker thread that scores chunks of cars while the main thread reads the next ones from PostgreSQL.
import { parentPort, workerData } from "node:worker_threads";
import { type CarChunk, chooseOffersCsv, type Scorer } from "./offerChunk";

export interface ScoringWorkerData {
  runId: number;
  scorers: Scorer[];
}
export type ToScoringWorker = { id: number; chunk: CarChunk };
export type FromScoringWorker =
  | { id: number; csv: string; clients: number; offers: number }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("scoringWorker runs only as a worker thread");
const { runId, scorers } = workerData as ScoringWorkerData;

port.on("message", ({ id, chunk }: ToScoringWorker) => {
  try {
    port.postMessage({ id, ...chooseOffersCsv(runId, scorers, chunk) } satisfies FromScoringWorker);
  } catch (err) {
    port.postMessage({
      id,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    } satisfies FromScoringWorker);
  }
});
