import { describe, expect, it } from "vitest";
import { fromMango } from "./mango";

const rec = (id: string) => `mango-recording:${id}`;
const ts = 1_790_000_000;

describe("Mango Office events in Orbit's terms", () => {
  it("an incoming call: in the IVR it starts, at an employee it rings, then connects", () => {
    const from = { number: "79161234567" };
    const ivr = fromMango(
      "call",
      {
        entry_id: "E1",
        call_id: "C1",
        seq: 1,
        timestamp: ts,
        call_state: "Appeared",
        location: "ivr",
        from,
        to: { number: "74951112233", line_number: "74951112233" },
      },
      rec,
    );
    expect(ivr).toMatchObject({
      type: "started",
      callId: "E1",
      direction: "in",
      number: "79161234567",
      line: "74951112233",
    });
    const ring = fromMango(
      "call",
      {
        entry_id: "E1",
        call_id: "C2",
        seq: 2,
        timestamp: ts + 3,
        call_state: "Appeared",
        location: "abonent",
        from,
        to: { extension: "130", number: "sip:op@x" },
      },
      rec,
    );
    expect(ring).toMatchObject({ type: "ringing", extension: "130", eventId: "call:C2:2:Appeared" });
    const connected = fromMango(
      "call",
      {
        entry_id: "E1",
        call_id: "C2",
        seq: 3,
        timestamp: ts + 9,
        call_state: "Connected",
        location: "abonent",
        from,
        to: { extension: "130" },
      },
      rec,
    );
    expect(connected).toMatchObject({ type: "answered", extension: "130", at: new Date((ts + 9) * 1000) });
    expect(
      fromMango(
        "call",
        {
          entry_id: "E1",
          call_id: "C2",
          seq: 4,
          timestamp: ts + 60,
          call_state: "OnHold",
          location: "abonent",
          from,
          to: { extension: "130" },
        },
        rec,
      ),
    ).toBeNull();
  });

  it("the summary ends the call, answered or not; internal calls are ignored", () => {
    const missed = fromMango(
      "summary",
      {
        entry_id: "E2",
        call_direction: 1,
        from: { number: "79161234567" },
        to: { extension: "130" },
        line_number: "74951112233",
        create_time: ts,
        forward_time: ts + 2,
        talk_time: 0,
        end_time: ts + 40,
        entry_result: 0,
        disconnect_reason: 1110,
      },
      rec,
    );
    expect(missed).toMatchObject({
      type: "ended",
      reason: "no_answer",
      eventId: "summary:E2",
      number: "79161234567",
    });
    expect(fromMango("summary", { entry_id: "E3", call_direction: 0, end_time: ts }, rec)).toBeNull();
    const out = fromMango(
      "summary",
      {
        entry_id: "E4",
        call_direction: 2,
        from: { extension: "130" },
        to: { number: "79161234567" },
        end_time: ts,
        entry_result: 1,
      },
      rec,
    );
    expect(out).toMatchObject({ direction: "out", number: "79161234567", reason: "completed" });
  });

  it("a completed recording points at Mango's recording query", () => {
    expect(
      fromMango(
        "recording",
        { entry_id: "E1", recording_id: "R9", recording_state: "Started", timestamp: ts },
        rec,
      ),
    ).toBeNull();
    expect(
      fromMango(
        "recording",
        { entry_id: "E1", recording_id: "R9", recording_state: "Completed", timestamp: ts },
        rec,
      ),
    ).toMatchObject({
      type: "recording",
      recordingUrl: "mango-recording:R9",
    });
  });

  it("says what is missing", () => {
    expect(() => fromMango("call", { call_state: "Appeared" }, rec)).toThrow("entry_id missing");
  });
});
