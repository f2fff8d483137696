// Shared by the package tests (npm run test:package), which check what we ship: the .vsix that
// `npm run package` just wrote, and the CLI's npm package. Plain Node.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../unit/helpers/seeds';
import { unzip } from '../unit/helpers/zip';

export { repoRoot };

const VSIX = 'intake-studio.vsix';

export type Json = Record<string, unknown>;

export function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(repoRoot(), file), 'utf8')) as Json;
}

export function manifest(): Json {
  return readJson('package.json');
}

let vsix: Map<string, Buffer> | undefined;

/** The .vsix's files under extension/, by path relative to the extension's folder. */
export function vsixFiles(): Map<string, Buffer> {
  if (vsix) return vsix;
  const file = path.join(repoRoot(), VSIX);
  if (!fs.existsSync(file)) throw new Error(`${VSIX} is missing: run npm run test:package (or npm run package first)`);
  const entries = unzip(fs.readFileSync(file));
  vsix = new Map([...entries].filter(([name]) => name.startsWith('extension/')).map(([name, bytes]) => [name.slice('extension/'.length), bytes]));
  return vsix;
}

/** vsce gives these their marketplace names inside the package. */
export const VSCE_RENAMES: Record<string, string> = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };

/** Runs a command in the repository; throws with its output when it fails. */
export function run(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(cmd, args, { cwd: options.cwd ?? repoRoot(), env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

/** The manifest's `%key%` strings resolved in every language: one manifest per package.nls*.json. */
export function localisedManifests(): { language: string; manifest: Json }[] {
  const root = repoRoot();
  const raw = manifest();
  return fs
    .readdirSync(root)
    .filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f))
    .sort()
    .map((f) => {
      const nls = readJson(f) as Record<string, string>;
      const resolve = (v: unknown): unknown => {
        if (typeof v === 'string') {
          const m = /^%([^%]+)%$/.exec(v);
          return m && typeof nls[m[1]!] === 'string' ? nls[m[1]!] : v;
        }
        if (Array.isArray(v)) return v.map(resolve);
        if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
        return v;
      };
      return { language: f.replace(/^package\.nls\.?|\.?json$/g, '').replace(/\.$/, '') || 'en', manifest: resolve(raw) as Json };
    });
}
