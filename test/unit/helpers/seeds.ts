/**
 * Shared test helpers: the seed file (../shared/seeds beside the repository), its four
 * intakes split by the parser's own intake ranges, and the `.intake` fixtures under
 * test/fixtures/. Plain Node, no `vscode`; used by the unit, fuzz and bench bundles.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIntake } from '../../../src/core/parser';

const SEED_FILE = '000_1804876d9fb08497.txt';

/** Names for the seed's four intakes, in file order. */
export const SEED_NAMES = ['blank-simple', 'insurance', 'blank-structured', 'aviation'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

let cachedRoot: string | undefined;

/** The repository root: the nearest folder at or above process.cwd() whose package.json is named intake-studio. */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = path.resolve(process.cwd());
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        const name = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: unknown }).name;
        if (name === 'intake-studio') return (cachedRoot = dir);
      } catch {
        // Not JSON: keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json named "intake-studio" at or above ${process.cwd()}`);
    dir = parent;
  }
}

export function seedPath(): string {
  return path.resolve(repoRoot(), '..', 'shared', 'seeds', SEED_FILE);
}

let cachedSeed: string | undefined;

/** The whole seed file, as stored (LF line endings). */
export function readSeed(): string {
  if (cachedSeed !== undefined) return cachedSeed;
  const file = seedPath();
  if (!fs.existsSync(file)) throw new Error(`seed file not found: ${file} (../shared/seeds must sit beside the repository)`);
  return (cachedSeed = fs.readFileSync(file, 'utf8'));
}

/**
 * The texts of the intakes in `text`, cut at the parser's intake ranges: from the first line
 * of each intake's range to its last line, whole lines, joined with `eol` and ending with one.
 * Separator lines and surrounding blank lines are left out.
 */
export function splitIntakes(text: string, eol = '\n'): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return parseIntake(text).intakes.map((intake) => lines.slice(intake.range.start.line, intake.range.end.line + 1).join(eol) + eol);
}

/** The seed's four intakes (throws if the parser does not find exactly four). */
export function seedIntakes(): Record<SeedName, string> {
  const parts = splitIntakes(readSeed());
  if (parts.length !== SEED_NAMES.length) throw new Error(`expected ${SEED_NAMES.length} intakes in the seed, the parser found ${parts.length}`);
  return Object.fromEntries(SEED_NAMES.map((name, i) => [name, parts[i]!])) as Record<SeedName, string>;
}

/** The seed's intakes as an array, in file order. */
export function seedIntakeList(): string[] {
  const intakes = seedIntakes();
  return SEED_NAMES.map((n) => intakes[n]);
}

export function withCrlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

export function withCr(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r');
}

export function fixturesDir(): string {
  return path.join(repoRoot(), 'test', 'fixtures');
}

/** The names (with extension) of every `*.intake` fixture, sorted. */
export function listFixtures(): string[] {
  const dir = fixturesDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.intake'))
    .sort();
}

/** A fixture's exact text (line endings untouched). `name` may omit the `.intake` extension. */
export function readFixture(name: string): string {
  const file = path.join(fixturesDir(), name.endsWith('.intake') ? name : `${name}.intake`);
  return fs.readFileSync(file, 'utf8');
}
