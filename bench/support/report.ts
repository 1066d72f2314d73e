import { describeRatios, median } from './stats';

/** One line of the summary printed at the end of `npm run bench`. */
export interface RatioRow {
  readonly workload: string;
  /** What is divided by what, e.g. "p99 ClassHub / bare Socket.IO". */
  readonly measure: string;
  readonly ratios: readonly number[];
  /** The issue 13 target for this ratio (lower is better), if there is one. */
  readonly target?: number;
}

const rows: RatioRow[] = [];
const notes: Array<{ workload: string; text: string }> = [];

export function report(row: RatioRow): void {
  rows.push(row);
  console.log(`  → ${row.measure}: ${describeRatios(row.ratios)}${targetText(row)}`);
}

/** A figure that is not a ratio (e.g. event-loop lag against an absolute target), printed now and in the summary. */
export function note(workload: string, text: string): void {
  notes.push({ workload, text });
  console.log(`  → ${text}`);
}

export function printSummary(): void {
  console.log('\nSummary: median ratio (spread over runs), same-run peers, lower is better');
  for (const row of rows)
    console.log(
      `  ${row.workload} — ${row.measure}: ${describeRatios(row.ratios)}${targetText(row)}`,
    );
  for (const { workload, text } of notes) console.log(`  ${workload} — ${text}`);
}

function targetText(row: RatioRow): string {
  if (row.target === undefined || row.ratios.length === 0) return '';
  const middle = median(row.ratios);
  return `  [target ≤ ${row.target}×: ${middle <= row.target ? 'met' : 'NOT met'}]`;
}
