// Builds Intake Studio and installs it, plus the test-runner extension, into code-server's
// --extensions-dir as publisher.name-version/ folders (code-server rejects --extensionDevelopmentPath).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from './proc';
import { OUT, REPO } from './paths';

export const EXTENSION_ID = 'intake-studio.intake-studio';
const RUNNER_DIR = path.join(REPO, 'test', 'vscode-runner');

/** What a .vsix would hold, give or take: never src/, test/, node_modules/ (the bundle has its dependencies). */
const ALWAYS = ['package.json', 'dist', 'syntaxes', 'snippets', 'media', 'l10n', 'images', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md'];
const ROOT_FILE = /^(package\.nls(\.[\w-]+)?\.json|language-configuration.*\.json)$/;

/** Top-level entries package.json points at ("./icon.png", "./language-configuration.json", …). */
function referencedEntries(value: unknown, found: Set<string>): Set<string> {
  if (typeof value === 'string' && value.startsWith('./')) found.add(value.slice(2).split('/')[0]!);
  else if (Array.isArray(value)) value.forEach((v) => referencedEntries(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => referencedEntries(v, found));
  return found;
}

export async function buildExtension(): Promise<void> {
  await run(process.execPath, ['esbuild.js'], 'build', { cwd: REPO });
  const main = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { main: string }).main;
  if (!fs.existsSync(path.join(REPO, main))) throw new Error(`node esbuild.js did not produce ${main}`);
}

/** Copies the built extension into extensionsDir; returns its folder. */
export function installExtension(extensionsDir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const target = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  const entries = new Set([...ALWAYS, ...fs.readdirSync(REPO).filter((f) => ROOT_FILE.test(f)), ...referencedEntries(pkg, new Set())]);
  fs.rmSync(target, { recursive: true, force: true });
  for (const entry of entries) {
    const from = path.join(REPO, entry);
    if (entry === '' || entry === '..' || !fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
  return target;
}

/** Installs the runner with the bundled integration suite inside it; returns the suite folder. */
export function installRunner(extensionsDir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(RUNNER_DIR, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const target = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(path.join(RUNNER_DIR, 'package.json'), path.join(target, 'package.json'));
  for (const f of ['extension.js', 'extension.js.map']) fs.copyFileSync(path.join(OUT, 'runner', f), path.join(target, f));
  // The suites live inside the runner's folder, so the extension host knows whose `vscode` they require.
  const suites = path.join(target, 'suites');
  fs.mkdirSync(suites);
  for (const f of fs.readdirSync(path.join(OUT, 'integration'))) {
    if (/\.test\.js(\.map)?$/.test(f)) fs.copyFileSync(path.join(OUT, 'integration', f), path.join(suites, f));
  }
  return suites;
}
