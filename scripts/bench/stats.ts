/** The arithmetic of `npm run bench`: medians, ranges, rates and the order of the paired runs. Pure, unit-tested. */

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The smallest and largest value. */
export function range(values: readonly number[]): { min: number; max: number } {
  if (values.length === 0) throw new Error('range of no values');
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Things done per second; 0 when nothing was done (a kept rebuild), never a division by zero. */
export function perSecond(count: number, seconds: number): number {
  if (count === 0) return 0;
  if (!(seconds > 0)) throw new Error(`cannot take a rate over ${seconds} s`);
  return count / seconds;
}

export type Tool = 'ours' | 'theirs';

/** One step of the comparison: which tool runs, in which pair. */
export interface PairStep {
  pair: number;
  tool: Tool;
}

/**
 * The order of the comparison runs: ours, theirs, ours, theirs... `runs` times each.
 * Alternating puts both tools under the same slice of whatever else the machine is
 * doing, so a pair's ratio is fair even when the load drifts over the whole bench.
 */
export function alternatingSteps(runs: number): PairStep[] {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a whole number of 1 or more, not ${runs}`);
  return Array.from({ length: runs }, (_, pair): PairStep[] => [
    { pair, tool: 'ours' },
    { pair, tool: 'theirs' },
  ]).flat();
}

/** Seconds each tool took in one pair. */
export interface PairTiming {
  ours: number;
  theirs: number;
}

/** How many times faster ours was than theirs in each pair, then their median and range. */
export function speedUps(pairs: readonly PairTiming[]): { ratios: number[]; median: number; min: number; max: number } {
  const ratios = pairs.map(({ ours, theirs }) => {
    if (!(ours > 0) || !(theirs > 0))
      throw new Error(`a pair needs two positive times, got ours ${ours} s, theirs ${theirs} s`);
    return theirs / ours;
  });
  return { ratios, median: median(ratios), ...range(ratios) };
}
