import { describe, expect, it } from "vitest";
import { AmiCallMapper, extensionOf } from "./mapping";
import { AmiParser, formatAction } from "./protocol";
import { AMI_ANSWERED, AMI_NOT_ANSWERED, AMI_RECORDED } from "./sequences.fixture";

const mapper = () =>
  new AmiCallMapper({ incomingContexts: ["from-trunk"], recordingsUrl: "http://pbx.local/monitor" });
const run = (events: Record<string, string>[]) => {
  const m = mapper();
  return events.flatMap((e) => m.map(e));
};

describe("AMI protocol", () => {
  it("reads the banner and blank-line-terminated messages split anywhere", () => {
    const p = new AmiParser();
    const text =
      "Asterisk Call Manager/7.0.3\r\nResponse: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\nEvent: FullyBooted\r\nPrivilege: system,all\r\n\r\n";
    const out = [...p.push(text.slice(0, 30)), ...p.push(text.slice(30, 77)), ...p.push(text.slice(77))];
    expect(p.banner).toBe("Asterisk Call Manager/7.0.3");
    expect(out).toEqual([
      { Response: "Success", ActionID: "1", Message: "Authentication accepted" },
      { Event: "FullyBooted", Privilege: "system,all" },
    ]);
  });
  it("writes actions and refuses line breaks in values", () => {
    expect(formatAction({ Action: "Ping", ActionID: "a1" })).toBe("Action: Ping\r\nActionID: a1\r\n\r\n");
    expect(() => formatAction({ Action: "Login", Secret: "x\r\nAction: Originate" })).toThrow();
  });
});

describe("AMI events in Orbit's terms", () => {
  it("finds the extension in a channel name", () => {
    expect(extensionOf("PJSIP/130-00000002")).toBe("130");
    expect(extensionOf("SIP/101-0000000a")).toBe("101");
    expect(extensionOf("PJSIP/trunk-mts-00000001")).toBeNull();
  });
  it("an incoming call answered: started, ringing, answered, ended", () => {
    expect(run(AMI_ANSWERED).map((e) => [e.type, e.extension ?? e.number ?? e.reason])).toEqual([
      ["started", "+79161234567"],
      ["ringing", "130"],
      ["answered", "130"],
      ["ended", "completed"],
    ]);
  });
  it("an incoming call not answered ends as no answer", () => {
    const events = run(AMI_NOT_ANSWERED);
    expect(events.map((e) => e.type)).toEqual(["started", "ringing", "ended"]);
    expect(events.at(-1)?.reason).toBe("no_answer");
  });
  it("a MixMonitor recording is announced when the call ends", () => {
    const events = run(AMI_RECORDED);
    expect(events.at(-1)).toMatchObject({
      type: "recording",
      recordingUrl: "http://pbx.local/monitor/in-79161234567-20261126-100000.wav",
    });
  });
  it("a replayed sequence gives the same event ids", () => {
    expect(run(AMI_ANSWERED).map((e) => e.eventId)).toEqual(run(AMI_ANSWERED).map((e) => e.eventId));
  });
});
