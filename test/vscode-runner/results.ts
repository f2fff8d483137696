// The JSON the runner writes and the harness reads.
export interface TestResult {
  /** Titles from the outermost suite down to the test (or hook). */
  titlePath: string[];
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export interface SuiteResults {
  tests: TestResult[];
  stats: { passes: number; failures: number; pending: number; durationMs: number };
  /** Set when the suite could not run at all (mocha or a test file failed to load). */
  error?: string;
}
