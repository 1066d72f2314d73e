// Usage: node .ci/count-results.mjs <vitest|playwright> <report.json> <exit status>
// Prints "<passed> <failed>" for one test suite, for .ci/run to add up.
// A suite that exited non-zero always counts at least one failure, even when
// its report is missing, unreadable or shows none (a crash, a failed import,
// an unhandled error outside any test).
import { readFileSync } from 'node:fs';

const [kind, file, statusArg = '0'] = process.argv.slice(2);
const exitStatus = Number(statusArg);

/** Vitest's json reporter (Jest-compatible). Files that failed to load have no tests; count each as one failure. */
function countVitest(report) {
  const brokenFiles = (report.testResults ?? []).filter(
    (result) =>
      result.status === 'failed' &&
      !(result.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles };
}

/** Playwright's json reporter: `expected` passed, `unexpected` failed, `flaky` passed on retry; plus global errors. */
function countPlaywright(report) {
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors ?? []).length,
  };
}

const counters = { vitest: countVitest, playwright: countPlaywright };

function count() {
  const counter = counters[kind];
  if (!counter) throw new Error(`unknown report kind "${kind}"`);
  try {
    return counter(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    console.error(`count-results: no usable ${kind} report at ${file} (${error.message})`);
    return { passed: 0, failed: 0 };
  }
}

const { passed, failed } = count();
const failedAtLeastOnce = exitStatus !== 0 && failed === 0 ? 1 : failed;
console.log(`${passed} ${failedAtLeastOnce}`);
