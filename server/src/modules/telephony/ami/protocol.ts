/**
 * The Asterisk Manager Interface wire format: after a one-line banner ("Asterisk Call Manager/x.y"),
 * every message is "Key: Value" lines ended by CRLF, and a blank line ends the message. Actions carry
 * an ActionID that their Response repeats; Events arrive unasked.
 */
export type AmiMessage = Record<string, string>;

export class AmiParser {
  private buffer = "";
  private bannerSeen = false;
  banner: string | null = null;

  /** Feeds received text; returns the complete messages in it. */
  push(chunk: string): AmiMessage[] {
    this.buffer += chunk;
    const out: AmiMessage[] = [];
    if (!this.bannerSeen) {
      const eol = this.buffer.indexOf("\n");
      if (eol < 0) return out;
      const first = this.buffer.slice(0, eol).replace(/\r$/, "");
      if (!first.includes(": ")) {
        this.banner = first;
        this.buffer = this.buffer.slice(eol + 1);
      }
      this.bannerSeen = true;
    }
    for (;;) {
      const m = /\r?\n\r?\n/.exec(this.buffer);
      if (!m) break;
      const block = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      const message = parseBlock(block);
      if (message) out.push(message);
    }
    return out;
  }
}

function parseBlock(block: string): AmiMessage | null {
  const message: AmiMessage = {};
  let any = false;
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).replace(/^ /, "");
    // A key may repeat (ChanVariable); the first value is kept and later ones numbered.
    message[key in message ? `${key}#${Object.keys(message).length}` : key] = value;
    any = true;
  }
  return any ? message : null;
}

export function formatAction(fields: Record<string, string | number>): string {
  let text = "";
  for (const [k, v] of Object.entries(fields)) {
    const value = String(v);
    if (/[\r\n]/.test(value) || /[\r\n:]/.test(k))
      throw new Error(`AMI field ${k} may not contain line breaks`);
    text += `${k}: ${value}\r\n`;
  }
  return `${text}\r\n`;
}
