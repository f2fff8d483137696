/**
 * Shared test helpers: the seed file (a verbatim copy in test/fixtures/seed/, with its odd
 * separators and trailing spaces), its four intakes as the repository ships them in examples/,
 * the other examples, and the `.intake` fixtures under test/fixtures/. Everything is read from
 * the repository itself. Plain Node, no `vscode`; used by the unit, fuzz and bench bundles.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIntake } from '../../../src/core/parser';

/** Names for the seed's four intakes, in file order: examples/<name>.intake. */
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

/** The seed file: four intakes in one file, as the intake format's authors wrote it. */
export function seedPath(): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'seed', 'seed.intake');
}

function examplesDir(): string {
  return path.join(repoRoot(), 'examples');
}

/** The names (with extension) of every `*.intake` file in examples/, sorted. */
export function listExamples(): string[] {
  return fs
    .readdirSync(examplesDir())
    .filter((f) => f.endsWith('.intake'))
    .sort();
}

/** An example's exact text. `name` may omit the `.intake` extension. */
export function readExample(name: string): string {
  return fs.readFileSync(path.join(examplesDir(), name.endsWith('.intake') ? name : `${name}.intake`), 'utf8');
}

let cachedSeed: string | undefined;

/** The whole seed file, as stored (LF line endings). */
export function readSeed(): string {
  if (cachedSeed !== undefined) return cachedSeed;
  const file = seedPath();
  if (!fs.existsSync(file)) throw new Error(`seed file not found: ${file}`);
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

let cachedIntakes: Record<SeedName, string> | undefined;

/**
 * The seed's four intakes, read from examples/ (a unit test checks they are exactly the
 * seed file cut at the parser's intake ranges).
 */
export function seedIntakes(): Record<SeedName, string> {
  return (cachedIntakes ??= Object.fromEntries(SEED_NAMES.map((name) => [name, readExample(name)])) as Record<SeedName, string>);
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
