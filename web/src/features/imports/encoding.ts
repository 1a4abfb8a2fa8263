// The API reads imports as UTF-8; 1C and many DMS still export in Windows-1251. Converting in the
// browser spares the employee a trip through a text editor.

/** How much of the file is checked: enough for the header and thousands of rows. */
const CHECK_BYTES = 8 * 1024 * 1024;

/** True when the bytes are valid UTF-8 (a character cut at the end of the slice is fine). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The file as UTF-8: unchanged when it already is, otherwise read as Windows-1251 and re-encoded. */
export async function toUtf8(file: Blob): Promise<{ blob: Blob; converted: boolean }> {
  const head = new Uint8Array(await file.slice(0, CHECK_BYTES).arrayBuffer());
  if (isUtf8(head)) return { blob: file, converted: false };
  const text = new TextDecoder("windows-1251").decode(await file.arrayBuffer());
  return { blob: new Blob([text], { type: "text/csv" }), converted: true };
}
