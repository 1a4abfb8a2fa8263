import { describe, expect, it } from "vitest";
import { parseEventMessage } from "./eventBroker";

const event = {
  id: "evt-00000001",
  type: "car_view",
  occurredAt: "2026-12-01T10:00:00+03:00",
  visitorId: "v-1",
  payload: { model: "Haval Jolion", segment: "crossover" },
};

describe("an event message from the broker", () => {
  it("takes a batch or a single event, the sender from the subject", () => {
    const batch = parseEventMessage("orbit.events.site", "orbit.events", JSON.stringify({ events: [event] }));
    expect(batch).toMatchObject({ ok: true, source: "site", events: [{ id: "evt-00000001" }] });
    const one = parseEventMessage("orbit.events.app", "orbit.events", JSON.stringify(event));
    expect(one).toMatchObject({ ok: true, source: "app", events: [{ type: "car_view" }] });
  });

  it("refuses what can never be stored, saying why", () => {
    expect(parseEventMessage("orbit.events.fax", "orbit.events", JSON.stringify(event))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("names no sender"),
    });
    expect(parseEventMessage("orbit.events.site", "orbit.events", "{not json")).toEqual({
      ok: false,
      reason: "not JSON",
    });
    const bad = parseEventMessage(
      "orbit.events.site",
      "orbit.events",
      JSON.stringify({ events: [{ ...event, type: "Car View!" }] }),
    );
    expect(bad).toMatchObject({ ok: false, reason: expect.stringContaining("events.0.type") });
  });
});
