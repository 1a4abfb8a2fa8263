/** Standard normal quantile for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson's score interval for a proportion: sane at 0 and n (unlike the normal one) and for small n. */
export function wilson(successes: number, n: number, z = Z95): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Arm {
  n: number;
  successes: number;
}

export interface Uplift {
  pilotRate: number | null;
  controlRate: number | null;
  /** pilot rate minus control rate, in shares (0.05 = five points). */
  uplift: number | null;
  /** 95% interval of the difference by Newcombe's hybrid score method (his method 10). */
  low: number | null;
  high: number | null;
  /** The interval leaves out zero: the change made a difference either way. */
  significant: boolean;
}

/**
 * The uplift of the pilot over the control group with its 95% confidence interval: the difference of
 * two proportions by Newcombe (1998) from the two Wilson intervals, which keeps its coverage when the
 * rates are near 0 or 1 and the groups are small, as a dealership's pilot often is.
 */
export function uplift(pilot: Arm, control: Arm): Uplift {
  if (pilot.n === 0 || control.n === 0) {
    return {
      pilotRate: pilot.n ? pilot.successes / pilot.n : null,
      controlRate: control.n ? control.successes / control.n : null,
      uplift: null,
      low: null,
      high: null,
      significant: false,
    };
  }
  const p1 = pilot.successes / pilot.n;
  const p2 = control.successes / control.n;
  const w1 = wilson(pilot.successes, pilot.n);
  const w2 = wilson(control.successes, control.n);
  const d = p1 - p2;
  const low = d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2);
  const high = d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2);
  return { pilotRate: p1, controlRate: p2, uplift: d, low, high, significant: low > 0 || high < 0 };
}
