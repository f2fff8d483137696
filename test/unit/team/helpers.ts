/**
 * A team's `.intake/` folder in a temporary directory, for the overlay and branding tests: files
 * written as given, a `.git` marker so that the search for the workspace stops there.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/seeds';

export interface TempWorkspace {
  root: string;
  intakeDir: string;
  write(relative: string, text: string | Uint8Array): string;
  remove(): void;
}

export function tempWorkspace(files: Record<string, string | Uint8Array> = {}): TempWorkspace {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'intake-team-')));
  fs.mkdirSync(path.join(root, '.git'));
  const intakeDir = path.join(root, '.intake');
  fs.mkdirSync(path.join(intakeDir, 'knowledge'), { recursive: true });
  const write = (relative: string, text: string | Uint8Array): string => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { root, intakeDir, write, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The example team workspace of the repository (examples/team/). */
export function exampleTeam(): { dir: string; intakeDir: string; intake: string } {
  const dir = path.join(repoRoot(), 'examples', 'team');
  return { dir, intakeDir: path.join(dir, '.intake'), intake: path.join(dir, 'customers', 'acme-retail.intake') };
}

/** A YAML "billion laughs": nine levels of ten aliases each. */
export function billionLaughs(): string {
  const lines = ['a0: &a0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  lines.push('products: *a9');
  return lines.join('\n') + '\n';
}
