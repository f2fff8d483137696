// Builds a workspace folder from the seed intakes (../shared/seeds beside the repo).
// Plain Node, no `vscode`: the e2e harness and the @vscode/test-electron launcher both use it.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SEED_FILE = '000_1804876d9fb08497.txt';

/** The four intakes of the seed file, in order, and the names their copies get. */
const SEED_INTAKES = ['blank-simple.intake', 'insurance.intake', 'blank-structured.intake', 'aviation.intake'] as const;

/** Separator lines between intakes: only `=`, `!` or `-`, three or more, blanks around allowed. */
const SEPARATOR = /^\s*[=!-]{3,}\s*$/;

function splitSeed(text: string): string[] {
  const chunks: string[][] = [[]];
  for (const line of text.split(/\r?\n/)) {
    if (SEPARATOR.test(line)) chunks.push([]);
    else chunks[chunks.length - 1]!.push(line);
  }
  return chunks
    .map((lines) => {
      while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
      while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
      return lines.join('\n') + '\n';
    })
    .filter((chunk) => chunk.trim() !== '');
}

/** Writes the seed intakes into `dir` (created if needed) and returns the folder. */
export function writeSeedWorkspace(dir: string, seedsDir: string): string {
  const seedPath = path.join(seedsDir, SEED_FILE);
  if (!fs.existsSync(seedPath)) throw new Error(`seed file not found: ${seedPath} (shared/ must sit beside the repo)`);
  const text = fs.readFileSync(seedPath, 'utf8');
  const intakes = splitSeed(text);
  if (intakes.length !== SEED_INTAKES.length) throw new Error(`expected ${SEED_INTAKES.length} intakes in ${seedPath}, found ${intakes.length}`);
  fs.mkdirSync(dir, { recursive: true });
  SEED_INTAKES.forEach((name, i) => fs.writeFileSync(path.join(dir, name), intakes[i]!));
  fs.writeFileSync(path.join(dir, 'seeds.intake'), text);
  return dir;
}
