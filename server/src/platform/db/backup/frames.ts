// An Orbit backup is a gzip stream of frames: one byte saying what the frame is, four bytes of length
// (big-endian), then the payload. The header and each table's start are JSON; a table's rows are CSV,
// exactly as COPY writes and reads them, cut into frames of at most FRAME_BYTES.

export const FRAME_BYTES = 1 << 20;

export type FrameKind = "header" | "table" | "data" | "tableEnd" | "end";
const CODES: Record<FrameKind, number> = { header: 72, table: 84, data: 68, tableEnd: 69, end: 90 };
const KINDS = new Map(Object.entries(CODES).map(([kind, code]) => [code, kind as FrameKind]));

export interface Frame {
  kind: FrameKind;
  payload: Uint8Array;
}

export function encodeFrame(kind: FrameKind, payload: Uint8Array = new Uint8Array()): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = CODES[kind];
  new DataView(out.buffer).setUint32(1, payload.length);
  out.set(payload, 5);
  return out;
}

export const jsonFrame = (kind: FrameKind, value: unknown) =>
  encodeFrame(kind, new TextEncoder().encode(JSON.stringify(value)));

/** Cuts a chunk of rows into data frames no larger than FRAME_BYTES. */
export function* dataFrames(chunk: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < chunk.length; at += FRAME_BYTES) {
    yield encodeFrame("data", chunk.subarray(at, Math.min(chunk.length, at + FRAME_BYTES)));
  }
}

export class BackupFormatError extends Error {}

/** Reads frames back from the decompressed bytes, whatever sizes the chunks arrive in. */
export class FrameReader {
  private buffered: Uint8Array[] = [];
  private size = 0;
  private readonly source: AsyncIterator<Uint8Array>;

  constructor(chunks: AsyncIterable<Uint8Array>) {
    this.source = chunks[Symbol.asyncIterator]();
  }

  /** The next frame, or null at the end of the stream (which is only right after an "end" frame). */
  async next(): Promise<Frame | null> {
    if (!(await this.fill(5))) {
      if (this.size === 0) return null;
      throw new BackupFormatError("the backup ends in the middle of a frame: the file is cut short");
    }
    const head = this.take(5);
    const kind = KINDS.get(head[0]!);
    if (!kind) throw new BackupFormatError(`not an Orbit backup frame (byte ${head[0]})`);
    const length = new DataView(head.buffer, head.byteOffset, 5).getUint32(1);
    if (!(await this.fill(length))) {
      throw new BackupFormatError("the backup ends in the middle of a frame: the file is cut short");
    }
    return { kind, payload: this.take(length) };
  }

  async expect(kind: FrameKind): Promise<Frame> {
    const frame = await this.next();
    if (!frame) throw new BackupFormatError(`the backup ends where a ${kind} frame was expected`);
    if (frame.kind !== kind) throw new BackupFormatError(`expected a ${kind} frame, found ${frame.kind}`);
    return frame;
  }

  private async fill(n: number): Promise<boolean> {
    while (this.size < n) {
      const { value, done } = await this.source.next();
      if (done) return false;
      if (value.length) {
        this.buffered.push(value);
        this.size += value.length;
      }
    }
    return true;
  }

  private take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const first = this.buffered[0]!;
      const part = Math.min(first.length, n - filled);
      out.set(first.subarray(0, part), filled);
      filled += part;
      if (part === first.length) this.buffered.shift();
      else this.buffered[0] = first.subarray(part);
    }
    this.size -= n;
    return out;
  }
}

export const parseJson = <T>(frame: Frame): T => JSON.parse(new TextDecoder().decode(frame.payload)) as T;
