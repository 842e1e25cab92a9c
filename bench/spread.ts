// Min / median / max of a bench's rounds, and how the report prints and judges them.

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)! };
}

export const fixed = (value: number, digits = 0) => value.toFixed(digits);
export const range = (s: Spread, digits = 0) =>
  `${fixed(s.min, digits)} / ${fixed(s.median, digits)} / ${fixed(s.max, digits)}`;
export const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
