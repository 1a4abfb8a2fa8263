/**
 * Event sequences as Asterisk 16+ sends them over AMI (fields as in the Asterisk documentation's
 * AMI events: Newchannel, Newstate, DialBegin, DialEnd, BridgeEnter, VarSet, Hangup), for an incoming
 * call from a trunk to extension 130: answered, not answered, and answered with MixMonitor recording.
 */
type Ev = Record<string, string>;

const trunk = (linkedid: string, extra: Ev): Ev => ({
  Privilege: "call,all",
  Channel: `PJSIP/trunk-mts-0000000${linkedid.slice(-1)}`,
  ChannelState: "0",
  ChannelStateDesc: "Down",
  CallerIDNum: "+79161234567",
  CallerIDName: "<unknown>",
  ConnectedLineNum: "<unknown>",
  ConnectedLineName: "<unknown>",
  Language: "ru",
  AccountCode: "",
  Context: "from-trunk",
  Exten: "74951112233",
  Priority: "1",
  Uniqueid: linkedid,
  Linkedid: linkedid,
  ...extra,
});
const phone = (linkedid: string, extra: Ev): Ev => ({
  Privilege: "call,all",
  Channel: `PJSIP/130-0000000${linkedid.slice(-1)}`,
  ChannelState: "0",
  ChannelStateDesc: "Down",
  CallerIDNum: "130",
  CallerIDName: "Operator",
  ConnectedLineNum: "+79161234567",
  ConnectedLineName: "<unknown>",
  Language: "ru",
  AccountCode: "",
  Context: "from-internal",
  Exten: "74951112233",
  Priority: "1",
  Uniqueid: `${linkedid}1`,
  Linkedid: linkedid,
  ...extra,
});
const dial = (linkedid: string, extra: Ev): Ev => ({
  Privilege: "call,all",
  Channel: `PJSIP/trunk-mts-0000000${linkedid.slice(-1)}`,
  ChannelState: "4",
  ChannelStateDesc: "Ring",
  CallerIDNum: "+79161234567",
  Context: "from-trunk",
  Exten: "74951112233",
  Uniqueid: linkedid,
  Linkedid: linkedid,
  DestChannel: `PJSIP/130-0000000${linkedid.slice(-1)}`,
  DestChannelState: "5",
  DestChannelStateDesc: "Ringing",
  DestCallerIDNum: "130",
  DestContext: "from-internal",
  DestExten: "130",
  DestUniqueid: `${linkedid}1`,
  DestLinkedid: linkedid,
  ...extra,
});

function answered(linkedid: string, ts: number, record: boolean): Ev[] {
  const at = (s: number) => ({ Timestamp: (ts + s).toFixed(6) });
  return [
    { Event: "Newchannel", ...trunk(linkedid, at(0)) },
    { Event: "Newstate", ...trunk(linkedid, { ChannelState: "4", ChannelStateDesc: "Ring", ...at(0) }) },
    ...(record
      ? [
          {
            Event: "VarSet",
            ...trunk(linkedid, {
              Variable: "MIXMONITOR_FILENAME",
              Value: "/var/spool/asterisk/monitor/in-79161234567-20261126-100000.wav",
              ...at(1),
            }),
          },
        ]
      : []),
    { Event: "Newchannel", ...phone(linkedid, at(1)) },
    { Event: "DialBegin", ...dial(linkedid, { DialString: "130", ...at(1) }) },
    { Event: "Newstate", ...phone(linkedid, { ChannelState: "5", ChannelStateDesc: "Ringing", ...at(1) }) },
    { Event: "Newstate", ...phone(linkedid, { ChannelState: "6", ChannelStateDesc: "Up", ...at(6) }) },
    { Event: "DialEnd", ...dial(linkedid, { DialStatus: "ANSWER", ...at(6) }) },
    {
      Event: "BridgeEnter",
      ...trunk(linkedid, {
        BridgeUniqueid: `b-${linkedid}`,
        BridgeType: "basic",
        BridgeNumChannels: "1",
        ...at(6),
      }),
    },
    {
      Event: "BridgeEnter",
      ...phone(linkedid, {
        BridgeUniqueid: `b-${linkedid}`,
        BridgeType: "basic",
        BridgeNumChannels: "2",
        ...at(6),
      }),
    },
    { Event: "Hangup", ...phone(linkedid, { Cause: "16", "Cause-txt": "Normal Clearing", ...at(190) }) },
    { Event: "Hangup", ...trunk(linkedid, { Cause: "16", "Cause-txt": "Normal Clearing", ...at(190) }) },
  ];
}

export const AMI_ANSWERED = answered("1790000000.1", 1_790_000_000, false);
export const AMI_RECORDED = answered("1790000300.3", 1_790_000_300, true);
export const AMI_NOT_ANSWERED: Ev[] = [
  { Event: "Newchannel", ...trunk("1790000100.2", { Timestamp: "1790000100.000000" }) },
  { Event: "Newchannel", ...phone("1790000100.2", { Timestamp: "1790000101.000000" }) },
  { Event: "DialBegin", ...dial("1790000100.2", { DialString: "130", Timestamp: "1790000101.000000" }) },
  { Event: "DialEnd", ...dial("1790000100.2", { DialStatus: "NOANSWER", Timestamp: "1790000131.000000" }) },
  {
    Event: "Hangup",
    ...phone("1790000100.2", { Cause: "19", "Cause-txt": "No answer", Timestamp: "1790000131.000000" }),
  },
  {
    Event: "Hangup",
    ...trunk("1790000100.2", { Cause: "19", "Cause-txt": "No answer", Timestamp: "1790000131.000000" }),
  },
];
