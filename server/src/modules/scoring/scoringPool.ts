import type { Worker } from "node:worker_threads";
import { startWorker } from "../../platform/threads/startWorker";
import type { CarChunk } from "./offerChunk";
import type { FromScoringWorker, ScoringWorkerData, ToScoringWorker } from "./scoringWorker";

/**
 * A scoring thread's young generation, where its chunks' margins, explanations and CSV text live and
 * die. At V8's default (16 MB) each thread spent a sixth of its time collecting garbage; at 128 MB a
 * million-client run takes about 5 s less CPU and 5 s less time (docs/benchmarks.md).
 */
const SCORING_WORKER_LIMITS = { maxYoungGenerationSizeMb: 128 };

export interface ScoredChunk {
  csv: string;
  clients: number;
  offers: number;
}

/**
 * Worker threads that score chunks of cars, each chunk's typed arrays moved to a worker rather than
 * copied, the chunks taken in turn so every core is busy while PostgreSQL streams the next rows.
 */
export class ScoringPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve: (r: ScoredChunk) => void; reject: (e: Error) => void }
  >();
  private next = 0;

  constructor(threads: number, data: ScoringWorkerData) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = startWorker(
        new URL("./scoringWorker.ts", import.meta.url),
        "scoring-worker.mjs",
        data,
        SCORING_WORKER_LIMITS,
      );
      worker.on("message", (m: FromScoringWorker) => {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if ("error" in m) w?.reject(new Error(m.error));
        else w?.resolve({ csv: m.csv, clients: m.clients, offers: m.offers });
      });
      worker.on("error", (err) => this.failAll(err));
      return worker;
    });
  }

  score(chunk: CarChunk): Promise<ScoredChunk> {
    const id = this.next++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const buffers = [chunk.x, chunk.party, chunk.vehicle, chunk.dealership].map(
        (a) => a.buffer as ArrayBuffer,
      );
      worker.postMessage({ id, chunk } satisfies ToScoringWorker, buffers);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(err: Error) {
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }
}
