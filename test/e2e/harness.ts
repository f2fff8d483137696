// npm run test:e2e: sets everything up, builds the .vsix (npm run package) and installs it into
// code-server with --install-extension, starts code-server, then runs
//   1. the integration suite inside code-server's extension host (through the runner extension),
//   2. the browser suite (test/e2e/*.e2e.ts) with playwright-core and Chromium,
// prints one line per test, the mocha summaries, the two measurements and `N passed, N failed`.
// Flags: --setup-only (install and exit), --keep (leave the temp run folder for inspection),
// --suite=integration or --suite=browser (run one stage only, while working on it).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';
import { activationTimes, type ActivationTime } from './activationLog';
import { launchBrowser, openWorkbench } from './browser';
import { killAllServersNow, startCodeServer, type CodeServer } from './codeServer';
import { EXTENSION_ID, RUNNER_ID, installVsixes, packageExtension, packageRunner } from './extensions';
import { OUT, REPO, RESULTS } from './paths';
import { step } from './proc';
import { printSuiteResults, type Counts } from './report';
import { ensureSetup } from './setup';
import { waitForResults } from './waitForResults';
import { writeExampleWorkspace, writeIntegrationWorkspace } from '../integration/seeds';

// Bounds only a crashed or hung extension host: every test has its own 30 s mocha timeout.
const INTEGRATION_TIMEOUT_MS = 5 * 60_000;

async function integrationStage(server: CodeServer, workspace: string, resultsFile: string): Promise<Counts> {
  step('integration suite: opening the workbench; the runner extension runs the suite in the extension host');
  const browser = await launchBrowser();
  try {
    const page = await openWorkbench(browser, server.url, workspace);
    const results = await waitForResults(resultsFile, INTEGRATION_TIMEOUT_MS, () => server.userDataDir);
    await page.screenshot({ path: path.join(RESULTS, 'integration-workbench.png') });
    if (results.error) {
      console.log(`\nThe integration suite could not run:\n${results.error}\n`);
      return { passed: 0, failed: 1, skipped: 0 };
    }
    return printSuiteResults(results);
  } finally {
    await browser.close();
  }
}

async function browserStage(server: CodeServer, workspace: string, extensionDir: string): Promise<Counts> {
  step('browser suite: playwright-core + Chromium against the workbench');
  // The suite reads its context from the environment; it is bundled apart from this file.
  process.env.INTAKE_E2E_URL = server.url;
  process.env.INTAKE_E2E_WORKSPACE = workspace;
  process.env.INTAKE_E2E_ARTIFACTS = RESULTS;
  process.env.INTAKE_E2E_EXTENSION_DIR = extensionDir;
  process.env.INTAKE_E2E_USER_SETTINGS = path.join(server.userDataDir, 'User', 'settings.json');
  const mocha = new Mocha({ ui: 'tdd', timeout: 120_000, reporter: 'spec', color: false });
  const dir = path.join(OUT, 'e2e');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.e2e.js')).sort()) mocha.addFile(path.join(dir, f));
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 } as Mocha.Stats));
  });
  return { passed: stats.passes, failed: stats.failures, skipped: stats.pending };
}

function readMetric(name: string): number | undefined {
  const file = path.join(RESULTS, 'metrics.json');
  if (!fs.existsSync(file)) return undefined;
  const value = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : undefined;
}

function readMetrics(prefix: string): [string, number][] {
  const file = path.join(RESULTS, 'metrics.json');
  if (!fs.existsSync(file)) return [];
  return Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>).filter((e): e is [string, number] => e[0].startsWith(prefix) && typeof e[1] === 'number');
}

/** `ms` as a ratio to the reference measured in the same run. */
function ratio(ms: number | undefined, reference: number | undefined): string {
  return ms !== undefined && reference !== undefined && reference > 0 ? `${(ms / reference).toFixed(2)}×` : 'n/a';
}

function printMeasurements(activations: ActivationTime[]): void {
  console.log('Measurements:');
  for (const [name, ms] of readMetrics('commandToReportPaintMs.')) {
    console.log(`  Generate Recommendation (F1, Enter) -> report headings painted, ${name.slice('commandToReportPaintMs.'.length)}: ${ms} ms`);
  }
  const mdFirst = readMetric('markdownPreviewPaintMs.first');
  if (mdFirst !== undefined) {
    const kb = ((readMetric('markdownReferenceBytes') ?? 0) / 1024).toFixed(0);
    const cold = readMetric('commandToReportPaintMs.insurance (first, cold)');
    console.log(`  reference: Markdown: Open Preview to the Side on the same report as Markdown (${kb} KB) -> headings painted, first open: ${mdFirst} ms (ours, first report of the session, which also boots the workbench's first webview: ${cold ?? '?'} ms, ${ratio(cold, mdFirst)})`);
    const ratios: number[] = [];
    for (let r = 0; ; r++) {
      const mine = readMetric(`paired.${r}.generateMs`);
      const md = readMetric(`paired.${r}.markdownMs`);
      if (mine === undefined || md === undefined) break;
      ratios.push(mine / md);
    }
    if (ratios.length > 0) {
      const sorted = [...ratios].sort((a, b) => a - b);
      const median = sorted.length % 2 ? sorted[sorted.length >> 1]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
      console.log(`  Generate Recommendation vs the Markdown preview, paired in the same run: median ratio ${median.toFixed(2)}× over ${ratios.length} rounds (${ratios.map((x) => x.toFixed(2)).join(', ')}) (target <= 1.0x)`);
    }
  }
  const update = readMetric('editToReportUpdateMs');
  if (update !== undefined) console.log(`  typing in the intake -> the report shows the edit (debounce 300 ms included): ${update} ms from the first key, ${readMetric('lastKeyToReportUpdateMs') ?? '?'} ms from the last (target <= 600 ms)`);
  const squiggle = readMetric('openToFirstSquiggleMs');
  console.log(`  open the first intake (Explorer click) -> first warning squiggle: ${squiggle !== undefined ? `${squiggle} ms` : 'not measured'}`);
  const warm = readMetric('warmOpenToFirstSquiggleMs');
  if (warm !== undefined) console.log(`  open a second intake (extension already active) -> first warning squiggle: ${warm} ms`);
  const problems = readMetric('openToProblemsCountMs');
  if (problems !== undefined) console.log(`  open intake (Explorer click) -> Problems count shown: ${problems} ms`);
  if (activations.length === 0) console.log(`  ${EXTENSION_ID} activation: not found in the extension host log`);
  for (const a of activations) console.log(`  activation, extension host log ${a.log}: ${a.describe}`);
  const running = readMetric('runningExtensionsActivationMs');
  if (running !== undefined) console.log(`  activation as Developer: Show Running Extensions reports it (code loading + activate()): ${running} ms`);
}

const keep = process.argv.includes('--keep');
/** The temp folder of this run (workspaces, user data, extensions); removed at the end unless --keep. */
let runRoot: string | undefined;

function removeRunRoot(): void {
  if (runRoot && !keep) fs.rmSync(runRoot, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const started = Date.now();
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  let server: CodeServer | undefined;
  let activations: ActivationTime[] = [];
  try {
    step('set-up: Debian packages, Node 24, code-server (cached after the first run)');
    await ensureSetup();
    if (process.argv.includes('--setup-only')) return 0;
    const only = process.argv.find((a) => a.startsWith('--suite='))?.slice('--suite='.length);
    if (only !== undefined && only !== 'integration' && only !== 'browser') throw new Error(`--suite takes integration or browser, not ${only}`);
    step('packaging the extension (npm run package)');
    const vsix = await packageExtension();
    fs.rmSync(RESULTS, { recursive: true, force: true });
    fs.mkdirSync(RESULTS, { recursive: true });
    runRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-e2e-'));
    const integrationWs = writeIntegrationWorkspace(path.join(runRoot, 'integration'), REPO);
    const browserWs = writeExampleWorkspace(path.join(runRoot, 'ws-browser'), REPO);
    const extensionsDir = path.join(runRoot, 'extensions');
    const userDataDir = path.join(runRoot, 'user-data');
    const runnerVsix = await packageRunner(runRoot);
    step(`installing ${path.relative(REPO, vsix)} and the test runner (code-server --install-extension)`);
    const installed = await installVsixes([vsix, runnerVsix], extensionsDir, userDataDir);
    const extensionDir = installed.get(EXTENSION_ID)!;
    const suites = path.join(installed.get(RUNNER_ID)!, 'suites');
    const resultsFile = path.join(runRoot, 'integration-results.json');
    step('starting code-server');
    server = await startCodeServer({
      userDataDir,
      extensionsDir,
      logFile: path.join(runRoot, 'code-server.log'),
      // INTAKE_STUDIO_TEST_API makes Intake Studio's activate() return its test hooks (code-server has no test mode).
      // Without the runner's variables (--suite=browser) the runner does nothing: it would otherwise
      // run the integration suite in the browser suite's window.
      env: {
        ...(only === 'browser' ? {} : { INTAKE_TEST_SUITE: suites, INTAKE_TEST_RESULTS: resultsFile, INTAKE_TEST_MOCHA: require.resolve('mocha') }),
        INTAKE_STUDIO_TEST_API: '1',
      },
    });
    step(`code-server is up at ${server.url}`);
    const stages = [
      ['integration', () => integrationStage(server!, integrationWs, resultsFile)],
      ['browser', () => browserStage(server!, browserWs, extensionDir)],
    ] as const;
    for (const [, stage] of stages.filter(([name]) => !only || name === only)) {
      try {
        const c = await stage();
        total.passed += c.passed;
        total.failed += c.failed;
        total.skipped += c.skipped;
      } catch (e) {
        console.error(`\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        total.failed += 1;
      }
    }
  } catch (e) {
    console.error(`\ne2e set-up failed: ${e instanceof Error ? e.message : String(e)}\n`);
    total.failed += 1;
  } finally {
    if (server) {
      await server.stop();
      step('code-server stopped (whole process group)');
      activations = activationTimes(server.userDataDir, EXTENSION_ID);
      // The logs are artifacts too: the extension host log has the activation lines.
      fs.cpSync(path.join(server.userDataDir, 'logs'), path.join(RESULTS, 'logs'), { recursive: true });
      fs.copyFileSync(server.logFile, path.join(RESULTS, 'code-server.log'));
    }
    removeRunRoot();
    if (runRoot && keep) step(`kept ${runRoot}`);
  }
  if (server) printMeasurements(activations);
  console.log(`e2e stage took ${Math.round((Date.now() - started) / 1000)} s; screenshots and logs in ${path.relative(process.cwd(), RESULTS) || RESULTS}/`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`);
  return total.failed > 0 ? 1 : 0;
}

// A Ctrl+C or a CI kill must not leave code-server and its children running.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAllServersNow();
    removeRunRoot();
    process.exit(130);
  });
}
process.on('exit', killAllServersNow);

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    killAllServersNow();
    process.exit(1);
  },
);
