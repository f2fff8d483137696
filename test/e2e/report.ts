// Prints the integration suite's results the way mocha's spec reporter would.
import type { SuiteResults, TestResult } from '../vscode-runner/results';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function ms(n: number | undefined): string {
  return n !== undefined && n >= 75 ? ` (${n}ms)` : '';
}

export function printSuiteResults(results: SuiteResults): Counts {
  const failures: TestResult[] = [];
  let shownPath: string[] = [];
  console.log('');
  for (const t of results.tests) {
    const suites = t.titlePath.slice(0, -1);
    // Print the suite headers that differ from the previous test's.
    let common = 0;
    while (common < suites.length && suites[common] === shownPath[common]) common++;
    for (let i = common; i < suites.length; i++) console.log(`${'  '.repeat(i + 1)}${suites[i]}`);
    shownPath = suites;
    const indent = '  '.repeat(suites.length + 1);
    const title = t.titlePath[t.titlePath.length - 1];
    if (t.state === 'passed') console.log(`${indent}✔ ${title}${ms(t.durationMs)}`);
    else if (t.state === 'pending') console.log(`${indent}- ${title}`);
    else {
      failures.push(t);
      console.log(`${indent}${failures.length}) ${title}`);
    }
  }
  const { passes, failures: failed, pending, durationMs } = results.stats;
  console.log('');
  console.log(`  ${passes} passing (${Math.round(durationMs / 100) / 10}s)`);
  if (pending > 0) console.log(`  ${pending} pending`);
  if (failed > 0) console.log(`  ${failed} failing`);
  failures.forEach((t, i) => {
    console.log('');
    console.log(`  ${i + 1}) ${t.titlePath.join('\n       ')}:`);
    console.log(`     ${(t.error?.stack ?? t.error?.message ?? '').split('\n').join('\n     ')}`);
  });
  console.log('');
  return { passed: passes, failed, skipped: pending };
}
