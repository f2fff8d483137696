// Builds a workspace folder from the repository's own examples: every examples/*.intake, plus
// the seed file with its four intakes in one file (test/fixtures/seed/seed.intake) as seeds.intake.
// Plain Node, no `vscode`: the e2e harness and the @vscode/test-electron launcher both use it.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The seed's four intakes, as examples/ holds them. */
const SEED_INTAKES = ['blank-simple.intake', 'insurance.intake', 'blank-structured.intake', 'aviation.intake'] as const;

/** Copies the examples into `dir` (created if needed) and returns the folder. */
export function writeExampleWorkspace(dir: string, repo: string): string {
  const examples = path.join(repo, 'examples');
  const seed = path.join(repo, 'test', 'fixtures', 'seed', 'seed.intake');
  for (const f of [...SEED_INTAKES.map((n) => path.join(examples, n)), seed]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing from the repository`);
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(examples).filter((f) => f.endsWith('.intake'))) fs.copyFileSync(path.join(examples, name), path.join(dir, name));
  fs.copyFileSync(seed, path.join(dir, 'seeds.intake'));
  return dir;
}

/**
 * The integration suite's workspace: the examples in `parent/workspace`, beside an empty
 * `parent/.intake/` folder. The workspace is in no repository, so the search for a file's
 * `.intake/` goes on above it: the folder config test writes a config there, into a folder that
 * existed (and so was watched) from the start.
 */
export function writeIntegrationWorkspace(parent: string, repo: string): string {
  fs.mkdirSync(path.join(parent, '.intake'), { recursive: true });
  return writeExampleWorkspace(path.join(parent, 'workspace'), repo);
}
