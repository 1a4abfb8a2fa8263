/**
 * A call event in Orbit's terms, whatever PBX sent it: each adapter (generic webhook, Mango Office,
 * Asterisk AMI) turns its own messages into these, and one service applies them.
 */
export interface CallEvent {
  /** The PBX's id of this event: a repeat is recognised and ignored. */
  eventId: string;
  /** The PBX's id of the call, stable across its events. */
  callId: string;
  type: "started" | "ringing" | "answered" | "ended" | "recording";
  at: Date;
  direction?: "in" | "out";
  /** The client's number as the PBX sent it. */
  number?: string;
  /** The dealership line dialled (incoming) or shown (outgoing). */
  line?: string;
  extension?: string;
  /** ended: why, when it was not answered. */
  reason?: "completed" | "no_answer" | "busy" | "cancelled" | "failed";
  recordingUrl?: string;
}
