// Usage: node .ci/count-results.mjs <vitest|playwright> <report.json> <exit status>
// Prints "<passed> <failed>" for one test suite, for .ci/run to add up, and
// writes the names of the failed tests to <report.json>.failed (one a line, with
// the start of each one's error), so the run can end by naming them and saying
// why: CI keeps only the tail of its output.
// A suite that exited non-zero always counts at least one failure, even when
// its report is missing, unreadable or shows none (a crash, a failed import,
// an unhandled error outside any test).
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const [kind, file, statusArg = '0'] = process.argv.slice(2);
const exitStatus = Number(statusArg);

/** The start of an error message on one line, colours stripped: enough to tell a timeout from a wrong value. */
function why(message) {
  const plain = stripVTControlCharacters(String(message ?? ''))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '))
    .slice(0, 6)
    .join(' | ');
  return plain ? ` — ${plain.slice(0, 400)}` : '';
}

/** Vitest's json reporter (Jest-compatible). Files that failed to load have no tests; count each as one failure. */
function countVitest(report) {
  const names = [];
  for (const result of report.testResults ?? []) {
    const file = relative(process.cwd(), result.name ?? '');
    const failedTests = (result.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests)
      names.push(`${file} > ${test.fullName ?? test.title}${why(test.failureMessages?.[0])}`);
    if (result.status === 'failed' && failedTests.length === 0)
      names.push(`${file} (did not load or run)`);
  }
  const brokenFiles = names.filter((name) => name.endsWith('(did not load or run)')).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    names,
  };
}

/** Every test of a Playwright suite, with the titles of the describe blocks around it. */
function* playwrightTests(suite, titles = []) {
  const here = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? [])
    for (const test of spec.tests ?? []) yield { name: [...here, spec.title].join(' > '), test };
  for (const child of suite.suites ?? []) yield* playwrightTests(child, here);
}

/** Playwright's json reporter: `expected` passed, `unexpected` failed, `flaky` passed on retry; plus global errors. */
function countPlaywright(report) {
  const stats = report.stats ?? {};
  const names = [];
  for (const suite of report.suites ?? [])
    for (const { name, test } of playwrightTests(suite))
      if (test.status === 'unexpected')
        names.push(`${name}${why(test.results?.find((result) => result.error)?.error?.message)}`);
  for (const error of report.errors ?? [])
    names.push(`error outside a test: ${error.message ?? ''}`.trim());
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors ?? []).length,
    names,
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
    return { passed: 0, failed: 0, names: [] };
  }
}

const { passed, failed, names } = count();
writeFileSync(`${file}.failed`, names.map((name) => `${name.replaceAll('\n', ' ')}\n`).join(''));
const failedAtLeastOnce = exitStatus !== 0 && failed === 0 ? 1 : failed;
console.log(`${passed} ${failedAtLeastOnce}`);
