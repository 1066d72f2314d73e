/** Small statistics for the benchmarks: quantiles of samples, and how a ratio varied between runs. */

export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The middle value; with an even count, the mean of the two middle values. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** "1.23× (1.10–1.40, 5 runs)": the median ratio and its spread, lowest to highest run. */
export function describeRatios(ratios: readonly number[]): string {
  if (ratios.length === 0) return 'no runs';
  const low = Math.min(...ratios);
  const high = Math.max(...ratios);
  return `${median(ratios).toFixed(2)}× (${low.toFixed(2)}–${high.toFixed(2)}, ${ratios.length} run${ratios.length === 1 ? '' : 's'})`;
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
