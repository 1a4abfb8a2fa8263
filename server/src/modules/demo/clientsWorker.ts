// Worker thread that generates the demo clients, so that the main thread is free to stream each
// batch to the database while the next is generated: on two cores, both stay busy.
import { parentPort, workerData } from "node:worker_threads";
import { type ClientsJob, generateClients } from "./clients";
import type { CopyBatch } from "./world";

export type FromWorker =
  | { kind: "batch"; seq: number; parts: { table: string; columns: readonly string[]; bytes: Uint8Array }[] }
  | { kind: "progress"; done: number }
  | { kind: "done"; counts: Record<string, number> }
  | { kind: "error"; message: string; stack?: string };

export type ToWorker = { kind: "ack"; seq: number };

const port = parentPort;
if (!port) throw new Error("clientsWorker runs only as a worker thread");

const waiting = new Map<number, () => void>();
port.on("message", (m: ToWorker) => {
  waiting.get(m.seq)?.();
  waiting.delete(m.seq);
});

let seq = 0;
const sink = (batch: CopyBatch) =>
  new Promise<void>((resolve) => {
    const n = seq++;
    waiting.set(n, resolve);
    // Transferred, not copied: the main thread only forwards the bytes to the database.
    const parts = batch.map((p) => ({ table: p.table, columns: p.columns, bytes: p.csv }));
    port.postMessage(
      { kind: "batch", seq: n, parts } satisfies FromWorker,
      parts.map((p) => p.bytes.buffer as ArrayBuffer),
    );
  });

generateClients(workerData as ClientsJob, sink, (done) =>
  port.postMessage({ kind: "progress", done } satisfies FromWorker),
)
  .then((counts) => port.postMessage({ kind: "done", counts } satisfies FromWorker))
  .catch((err: Error) =>
    port.postMessage({ kind: "error", message: err.message, stack: err.stack } satisfies FromWorker),
  );
