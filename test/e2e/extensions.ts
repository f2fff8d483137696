// The extension under test is the .vsix users install: `npm run package` builds it (production
// bundles, .vscodeignore applied) and code-server installs it with --install-extension, together
// with the test-runner extension (never shipped), packaged here with the integration suite inside.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './proc';
import { CODE_SERVER_ENTRY, NODE24_BIN, OUT, REPO } from './paths';
import { node24Env } from './setup';

export const EXTENSION_ID = 'intake-studio.intake-studio';
export const RUNNER_ID = 'intake-studio.intake-test-runner';
const RUNNER_DIR = path.join(REPO, 'test', 'vscode-runner');

/** Runs the README's `npm run package`; returns the .vsix it wrote. */
export async function packageExtension(): Promise<string> {
  const vsix = path.join(REPO, 'intake-studio.vsix');
  fs.rmSync(vsix, { force: true });
  await run('npm', ['run', 'package'], 'package', { cwd: REPO });
  if (!fs.existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}`);
  return vsix;
}

/** `code-server --install-extension` for each .vsix, into extensionsDir; returns each extension's folder by id. */
export async function installVsixes(vsixes: string[], extensionsDir: string, userDataDir: string): Promise<Map<string, string>> {
  fs.mkdirSync(extensionsDir, { recursive: true });
  await run(
    path.join(NODE24_BIN, 'node'),
    [CODE_SERVER_ENTRY, ...vsixes.flatMap((v) => ['--install-extension', v]), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--force'],
    'install-extension',
    { env: node24Env() },
  );
  const folders = new Map<string, string>();
  for (const id of [EXTENSION_ID, RUNNER_ID]) {
    const found = fs.readdirSync(extensionsDir).filter((d) => d.toLowerCase().startsWith(`${id}-`));
    if (found.length !== 1) throw new Error(`expected one ${id} folder in ${extensionsDir} after --install-extension, found: ${found.join(', ') || 'none'}`);
    folders.set(id, path.join(extensionsDir, found[0]!));
  }
  return folders;
}

/**
 * Packages the test-runner extension with the bundled integration suite inside it (suites/), so
 * that code-server installs it the same way: an extension folder it did not install is removed
 * at start-up once extensions.json exists.
 */
export async function packageRunner(workDir: string): Promise<string> {
  const dir = path.join(workDir, 'runner-package');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'suites'), { recursive: true });
  fs.copyFileSync(path.join(RUNNER_DIR, 'package.json'), path.join(dir, 'package.json'));
  fs.writeFileSync(path.join(dir, 'README.md'), '# Intake Studio test runner\n\nRuns the integration suite inside the extension host during npm run test:e2e. Never shipped.\n');
  for (const f of ['extension.js', 'extension.js.map']) fs.copyFileSync(path.join(OUT, 'runner', f), path.join(dir, f));
  // The suites live inside the runner's folder, so the extension host knows whose `vscode` they require.
  for (const f of fs.readdirSync(path.join(OUT, 'integration'))) {
    if (/\.test\.js(\.map)?$/.test(f)) fs.copyFileSync(path.join(OUT, 'integration', f), path.join(dir, 'suites', f));
  }
  const vsix = path.join(workDir, 'intake-test-runner.vsix');
  const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
  await run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], 'package-runner', { cwd: dir });
  return vsix;
}
