const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export interface TrainingPlan {
  /** Snapshot days the model learns from: their outcomes were all known before the holdout starts. */
  trainDays: string[];
  /** Snapshot days of the holdout: the latest year whose outcomes are known by today. */
  holdoutDays: string[];
  trainFrom: string | null;
  trainTo: string | null;
  holdoutFrom: string;
  holdoutTo: string;
}

/**
 * The time-based split: snapshots every `everyDays` back from the last day whose outcomes are known
 * (today minus the longest horizon); the last `holdoutDays` of them test, the ones whose horizon ends
 * before the test starts train. Nothing a training row learns from happened in the holdout, so the
 * holdout figures are what the model would have scored had it been trained a year ago.
 */
export function trainingPlan(o: {
  today: string;
  firstDay: string;
  horizonDays: number;
  holdoutDays?: number;
  everyDays?: number;
  /** Clients need this much history before a snapshot says anything about them. */
  warmUpDays?: number;
}): TrainingPlan {
  const every = o.everyDays ?? 30;
  const holdout = o.holdoutDays ?? 365;
  const holdoutTo = addDays(o.today, -o.horizonDays);
  const holdoutFrom = addDays(holdoutTo, -(holdout - 1));
  const trainLimit = addDays(holdoutFrom, -(o.horizonDays + 1));
  const earliest = addDays(o.firstDay, o.warmUpDays ?? 90);
  const holdoutDays: string[] = [];
  const trainDays: string[] = [];
  for (let day = holdoutTo; day >= earliest; day = addDays(day, -every)) {
    if (day >= holdoutFrom) holdoutDays.push(day);
    else if (day <= trainLimit) trainDays.push(day);
  }
  trainDays.reverse();
  holdoutDays.reverse();
  return {
    trainDays,
    holdoutDays,
    trainFrom: trainDays[0] ?? null,
    trainTo: trainDays.at(-1) ?? null,
    holdoutFrom,
    holdoutTo,
  };
}
