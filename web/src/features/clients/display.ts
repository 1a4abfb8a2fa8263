/** Russian numbers as people read them: "+79031112233" -> "+7 903 111-22-33"; others as stored. */
export function formatPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : e164;
}

// The twelve letters Russian plates use: those Cyrillic shares with Latin.
const PLATE = /^([АВЕКМНОРСТУХ])(\d{3})([АВЕКМНОРСТУХ]{2})(\d{2,3})$/;

/** A private car's plate as it is painted: "К202РМ777" -> "К 202 РМ 777"; others as stored. */
export function formatPlate(plate: string): string {
  const m = PLATE.exec(plate);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : plate;
}

/** Passport and licence numbers as printed: series in two pairs, then the number. */
export function formatDocument(kind: string, number: string): string {
  if ((kind === "passport_rf" || kind === "driver_licence") && number.length === 10) {
    return `${number.slice(0, 2)} ${number.slice(2, 4)} ${number.slice(4)}`;
  }
  return number;
}

export function formatContact(kind: string, value: string): string {
  return kind === "phone" ? formatPhone(value) : value;
}

/** A source system id split into its kind and name: "dms:MSK-KIA" -> { kind: "dms", name: "MSK-KIA" }. */
export function parseSourceSystem(source: string): { kind: string; name: string } {
  const colon = source.indexOf(":");
  return colon < 0
    ? { kind: source, name: "" }
    : { kind: source.slice(0, colon), name: source.slice(colon + 1) };
}

/** The ISO moment a `datetime-local` input shows, in the browser's time zone, to the second. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A `datetime-local` value (local time, seconds optional) as an ISO moment; null when unreadable. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
