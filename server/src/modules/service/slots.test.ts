import { BookingRules, type OpeningHours, ShiftPattern } from "@orbit/contracts";
import { describe, expect, it } from "vitest";
import { localMoment } from "./localTime";
import { findSlots, type PlannedJob, type SlotRequest, type WorkshopPlan } from "./slots";

const TZ = "Europe/Moscow";
const at = (day: string, hhmm: string) =>
  localMoment(TZ, day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));
const show = (ms: number) => new Date(ms + 3 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

const weekdays9to20: OpeningHours = [
  { open: "09:00", close: "20:00" },
  { open: "09:00", close: "20:00" },
  { open: "09:00", close: "20:00" },
  { open: "09:00", close: "20:00" },
  { open: "09:00", close: "20:00" },
  { open: "10:00", close: "16:00" },
  null,
];
const dayShift = ShiftPattern.parse({
  schedule: "weekdays",
  weekdays: [1, 2, 3, 4, 5, 6],
  start: "09:00",
  end: "20:00",
  breakStart: "13:00",
  breakEnd: "14:00",
});

function plan(over: Partial<WorkshopPlan> = {}): WorkshopPlan {
  return {
    timezone: TZ,
    openingHours: weekdays9to20,
    rules: BookingRules.parse({ stepMinutes: 30, leadMinutes: 60, onlineShare: 1 }),
    posts: [{ id: 1, skills: ["maintenance", "diagnostics"] }],
    technicians: [{ id: 10, skills: ["maintenance", "diagnostics"], shift: dayShift, absences: [] }],
    jobs: [],
    ...over,
  };
}

// Sunday evening: the centre is closed, Monday 2026-12-07 is the next working day.
const sundayEvening = at("2026-12-06", "20:00");
const req = (over: Partial<SlotRequest> = {}): SlotRequest => ({
  durationMinutes: 120,
  skills: ["maintenance"],
  online: false,
  now: sundayEvening,
  limit: 3,
  ...over,
});
const job = (
  postId: number,
  technicianId: number,
  day: string,
  from: string,
  to: string,
  online = false,
): PlannedJob => ({
  postId,
  technicianId,
  start: at(day, from),
  end: at(day, to),
  online,
});

describe("slot search", () => {
  it("offers the opening of the next working day first, on the step grid", () => {
    const slots = findSlots(plan(), req());
    expect(slots.map((s) => show(s.start))).toEqual([
      "2026-12-07 09:00",
      "2026-12-07 09:30",
      "2026-12-07 10:00",
    ]);
    expect(slots[0]).toMatchObject({ postId: 1, technicianId: 10, end: at("2026-12-07", "11:00") });
  });

  it("keeps the lead time from now and rounds up to the grid", () => {
    const slots = findSlots(plan(), req({ now: at("2026-12-07", "09:10") }));
    expect(show(slots[0]!.start)).toBe("2026-12-07 10:30");
  });

  it("skips closed days and short Saturdays", () => {
    const saturday = at("2026-12-12", "13:00");
    const slots = findSlots(plan(), req({ now: saturday, durationMinutes: 240 }));
    // Saturday closes at 16:00 (no room for four hours after 14:00), Sunday is closed.
    expect(show(slots[0]!.start)).toBe("2026-12-14 09:00");
  });

  it("fits around the jobs already on the post, with the buffer after each", () => {
    const p = plan({
      rules: BookingRules.parse({ stepMinutes: 15, leadMinutes: 0, bufferMinutes: 15, onlineShare: 1 }),
      technicians: [
        { id: 10, skills: ["maintenance"], shift: dayShift, absences: [] },
        { id: 11, skills: ["maintenance"], shift: dayShift, absences: [] },
      ],
      jobs: [job(1, 11, "2026-12-07", "09:00", "10:00")],
    });
    const slots = findSlots(p, req({ durationMinutes: 60, limit: 1 }));
    expect(show(slots[0]!.start)).toBe("2026-12-07 10:15");
    // A job right before another keeps the buffer before the next one too.
    const next = { ...p, jobs: [job(1, 11, "2026-12-07", "10:00", "12:00")] };
    expect(show(findSlots(next, req({ durationMinutes: 45, limit: 1 }))[0]!.start)).toBe("2026-12-07 09:00");
    // An hour before 10:00 leaves no buffer; after the job, 12:15 would run into the 13:00 break.
    expect(show(findSlots(next, req({ durationMinutes: 60, limit: 1 }))[0]!.start)).toBe("2026-12-07 14:00");
  });

  it("needs a post and a technician with every skill of the job", () => {
    const p = plan({
      posts: [
        { id: 1, skills: ["maintenance"] },
        { id: 2, skills: ["maintenance", "alignment"] },
      ],
      technicians: [
        { id: 10, skills: ["maintenance"], shift: dayShift, absences: [] },
        { id: 11, skills: ["maintenance", "alignment"], shift: dayShift, absences: [] },
      ],
    });
    const slots = findSlots(p, req({ skills: ["maintenance", "alignment"], limit: 1 }));
    expect(slots[0]).toMatchObject({ postId: 2, technicianId: 11 });
    expect(findSlots(p, req({ skills: ["bodywork"] }))).toEqual([]);
  });

  it("does not run a job through the technician's break", () => {
    const p = plan({ jobs: [job(1, 10, "2026-12-07", "09:00", "12:00")] });
    const slots = findSlots(p, req({ durationMinutes: 120, limit: 1 }));
    expect(show(slots[0]!.start)).toBe("2026-12-07 14:00");
  });

  it("lets a job run past closing only by the rules' overrun", () => {
    const late = at("2026-12-07", "17:30");
    const strict = findSlots(
      plan(),
      req({ now: late, durationMinutes: 180, limit: 1, exactStart: at("2026-12-07", "18:30") }),
    );
    expect(strict).toEqual([]);
    const lenient = plan({
      rules: BookingRules.parse({ stepMinutes: 30, leadMinutes: 60, overrunMinutes: 60, onlineShare: 1 }),
    });
    expect(
      findSlots(
        lenient,
        req({ now: late, durationMinutes: 120, limit: 1, exactStart: at("2026-12-07", "18:30") }),
      ),
    ).toHaveLength(1);
    expect(
      findSlots(
        lenient,
        req({ now: late, durationMinutes: 180, limit: 1, exactStart: at("2026-12-07", "18:30") }),
      ),
    ).toEqual([]);
  });

  it("answers an exact time with the pair that is free then, or nothing", () => {
    const p = plan({
      posts: [
        { id: 1, skills: ["maintenance"] },
        { id: 2, skills: ["maintenance"] },
      ],
      technicians: [
        { id: 10, skills: ["maintenance"], shift: dayShift, absences: [] },
        { id: 11, skills: ["maintenance"], shift: dayShift, absences: [] },
      ],
      jobs: [job(1, 10, "2026-12-07", "10:00", "12:00")],
    });
    const asked = at("2026-12-07", "10:00");
    expect(findSlots(p, req({ exactStart: asked }))).toEqual([
      { start: asked, end: at("2026-12-07", "12:00"), postId: 2, technicianId: 11 },
    ]);
    const full = { ...p, jobs: [...p.jobs, job(2, 11, "2026-12-07", "11:00", "12:00")] };
    expect(findSlots(full, req({ exactStart: asked }))).toEqual([]);
    // Too soon: within the lead time.
    expect(findSlots(p, req({ exactStart: at("2026-12-06", "20:30") }))).toEqual([]);
  });

  it("keeps to a post or technician when asked", () => {
    const p = plan({
      posts: [
        { id: 1, skills: ["maintenance"] },
        { id: 2, skills: ["maintenance"] },
      ],
    });
    expect(findSlots(p, req({ postId: 2, limit: 1 }))[0]?.postId).toBe(2);
    expect(findSlots(p, req({ technicianId: 99 }))).toEqual([]);
  });

  it("skips a technician's absence", () => {
    const p = plan({
      technicians: [
        {
          id: 10,
          skills: ["maintenance"],
          shift: dayShift,
          absences: [{ from: "2026-12-07", to: "2026-12-08" }],
        },
      ],
    });
    expect(show(findSlots(p, req({ limit: 1 }))[0]!.start)).toBe("2026-12-09 09:00");
  });

  it("follows a 2/2 shift", () => {
    const twoTwo = ShiftPattern.parse({
      schedule: "2/2",
      anchor: "2026-12-09",
      start: "09:00",
      end: "20:00",
    });
    const p = plan({ technicians: [{ id: 10, skills: ["maintenance"], shift: twoTwo, absences: [] }] });
    // On duty the 9th and 10th, off the 7th-8th (two days before the anchor).
    expect(show(findSlots(p, req({ limit: 1 }))[0]!.start)).toBe("2026-12-09 09:00");
  });

  it("stops online bookings at the day's online share, not calls", () => {
    const p = plan({
      rules: BookingRules.parse({ stepMinutes: 30, leadMinutes: 60, onlineShare: 0.5 }),
      jobs: [job(1, 10, "2026-12-07", "09:00", "13:00", true)],
    });
    // 11 post hours on Monday; online already holds 4, so 1.5 more fit and 2 do not.
    expect(show(findSlots(p, req({ online: true, durationMinutes: 90, limit: 1 }))[0]!.start)).toBe(
      "2026-12-07 14:00",
    );
    expect(show(findSlots(p, req({ online: true, durationMinutes: 120, limit: 1 }))[0]!.start)).toBe(
      "2026-12-08 09:00",
    );
    expect(show(findSlots(p, req({ online: false, durationMinutes: 120, limit: 1 }))[0]!.start)).toBe(
      "2026-12-07 14:00",
    );
  });

  it("spreads options over days with perDay and stops at the horizon", () => {
    const slots = findSlots(plan(), req({ limit: 4, perDay: 2 }));
    expect(slots.map((s) => show(s.start))).toEqual([
      "2026-12-07 09:00",
      "2026-12-07 09:30",
      "2026-12-08 09:00",
      "2026-12-08 09:30",
    ]);
    const short = plan({ rules: BookingRules.parse({ horizonDays: 1, stepMinutes: 30, onlineShare: 1 }) });
    expect(findSlots(short, req({ limit: 10, perDay: 1 })).map((s) => show(s.start))).toEqual([
      "2026-12-07 09:00",
    ]);
  });

  it("prefers the tightest gap, leaving a free post for a longer job", () => {
    const p = plan({
      rules: BookingRules.parse({ stepMinutes: 30, leadMinutes: 0, onlineShare: 1 }),
      posts: [
        { id: 1, skills: ["maintenance"] },
        { id: 2, skills: ["maintenance"] },
      ],
      technicians: [
        { id: 10, skills: ["maintenance"], shift: dayShift, absences: [] },
        { id: 11, skills: ["maintenance"], shift: dayShift, absences: [] },
      ],
      jobs: [job(2, 11, "2026-12-07", "10:00", "13:00")],
    });
    const slots = findSlots(p, req({ durationMinutes: 60, limit: 1 }));
    expect(slots[0]).toMatchObject({ postId: 2, technicianId: 11, start: at("2026-12-07", "09:00") });
  });

  it("never overlaps a planned job on its post or technician (random workshops)", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let round = 0; round < 200; round++) {
      const posts = [1, 2, 3].map((id) => ({ id, skills: ["maintenance"] }));
      const technicians = [10, 11, 12].map((id) => ({
        id,
        skills: ["maintenance"],
        shift: dayShift,
        absences: [],
      }));
      const jobs: PlannedJob[] = [];
      for (let k = 0; k < 12; k++) {
        const start = at("2026-12-07", "09:00") + Math.floor(rand() * 40) * 15 * 60_000;
        jobs.push({
          postId: 1 + Math.floor(rand() * 3),
          technicianId: 10 + Math.floor(rand() * 3),
          start,
          end: start + (1 + Math.floor(rand() * 8)) * 15 * 60_000,
          online: false,
        });
      }
      const buffer = Math.floor(rand() * 3) * 15;
      const p = plan({
        posts,
        technicians,
        jobs,
        rules: BookingRules.parse({ stepMinutes: 15, bufferMinutes: buffer, onlineShare: 1 }),
      });
      const options = findSlots(p, req({ durationMinutes: 30 + Math.floor(rand() * 6) * 15, limit: 20 }));
      for (const o of options) {
        for (const j of jobs) {
          if (j.postId === o.postId) {
            expect(o.start < j.end + buffer * 60_000 && j.start < o.end + buffer * 60_000).toBe(false);
          }
          if (j.technicianId === o.technicianId) expect(o.start < j.end && j.start < o.end).toBe(false);
        }
        const breakStart = at("2026-12-07", "13:00");
        if (o.start < at("2026-12-08", "00:00")) {
          expect(o.start < breakStart + 3_600_000 && breakStart < o.end).toBe(false);
        }
      }
    }
  });
});

describe("long jobs and the technician's break", () => {
  it("pauses a job longer than two hours over the break, its end moving by the break", () => {
    const slots = findSlots(plan(), req({ durationMinutes: 300, limit: 3 }));
    // 09:00 + 5 h of work + the 13:00-14:00 break = 15:00.
    expect(slots[0]).toMatchObject({ start: at("2026-12-07", "09:00"), end: at("2026-12-07", "15:00") });
    // Never started within the break itself.
    expect(
      slots.some((s) => s.start >= at("2026-12-07", "13:00") && s.start < at("2026-12-07", "14:00")),
    ).toBe(false);
  });

  it("keeps the post through the paused hour: the next job on it waits", () => {
    const p = plan({ jobs: [job(1, 10, "2026-12-07", "15:30", "17:00")] });
    // A five-hour job from 09:00 would hold the post until 15:00; from 10:00 until 16:00, over the next job.
    const slots = findSlots(p, req({ durationMinutes: 300, limit: 2 }));
    expect(slots.map((s) => show(s.start))).toEqual(["2026-12-07 09:00", "2026-12-07 09:30"]);
  });
});
