/**
 * A short recording made of tones, the same bytes for the same key: the demo group has no PBX, yet its
 * call history should have recordings to play. 8 kHz, 16-bit mono PCM WAV.
 */
export function demoRecording(key: string, seconds = 6): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  // A few notes of a pentatonic scale, chosen by the key's hash: a different tune per call.
  const scale = [392, 440, 523.25, 587.33, 659.25];
  const noteLen = rate / 2;
  for (let i = 0; i < samples; i++) {
    const note = Math.floor(i / noteLen);
    const f = scale[(h >>> (note % 16)) % scale.length] as number;
    const t = (i % noteLen) / rate;
    const envelope = Math.min(1, t * 40) * Math.max(0, 1 - t * 1.8);
    data.writeInt16LE(Math.round(Math.sin(2 * Math.PI * f * (i / rate)) * 9000 * envelope), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** How the demo history names its recordings (interactions.recording_url). */
export const DEMO_RECORDING = "orbit-demo:";
