import { useEffect, useRef } from "react";

export interface PushEvent {
  type: string;
  callId?: number;
  [key: string]: unknown;
}

const TYPES = ["call.ringing", "call.answered", "call.closed", "call.ended"];

/**
 * The employee's push stream (Server-Sent Events, authenticated by the session cookie). EventSource
 * reconnects by itself after a network drop; the server tells it to retry after two seconds.
 */
export function usePush(onEvent: (event: PushEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource("/api/push/stream");
    const listener = (e: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(e.data) as PushEvent);
      } catch {
        // A malformed event is dropped; the next one is independent of it.
      }
    };
    for (const type of TYPES) source.addEventListener(type, listener as EventListener);
    return () => source.close();
  }, []);
}
