// npm run test:vscode: the integration suite in VS Code desktop through @vscode/test-electron.
// It downloads VS Code (VSCODE_TEST_VERSION, default stable) unless VSCODE_EXECUTABLE names an
// installed one. This machine cannot download it; here the suite runs in code-server instead
// (npm run test:e2e).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO } from '../e2e/paths';
import { writeIntegrationWorkspace } from './seeds';

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-vscode-test-'));
  const workspace = writeIntegrationWorkspace(root, REPO);
  try {
    await runTests({
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : { version: process.env.VSCODE_TEST_VERSION ?? 'stable' }),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(root, 'user-data')}`],
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
