/**
 * Every regular expression the product runs, found without a list to keep up to date:
 * - the literals in src/ (`/…/g`), read with the TypeScript parser;
 * - the patterns built at run time (`new RegExp(…)`: names, aliases, vendor lists…), recorded by
 *   watching `RegExp.prototype.exec` while the whole product runs on the seed intakes, the test
 *   fixtures and an LLM answer (only those created by code under src/, not by libraries);
 * - the knowledge base's patterns: rule matchers, level patterns and aliases, in the form the
 *   code builds from them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../unit/helpers/seeds';

export interface PatternInfo {
  source: string;
  flags: string;
  /** Where it was found: `src/core/llm/verify.ts:81`, `rules.yaml: load-test-acceptance`… */
  origin: string;
}

export function key(source: string, flags: string): string {
  return `/${source}/${[...flags].sort().join('')}`;
}

/** The regex literals in the TypeScript files under src/. */
export function sourceLiterals(): PatternInfo[] {
  // typescript is a dev dependency, loaded only by this test (it is external to the bundle).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const root = path.join(repoRoot(), 'src');
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, f));
  const out: PatternInfo[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: import('typescript').Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        out.push({ source: text.slice(1, end), flags: text.slice(end + 1), origin: `${path.relative(repoRoot(), file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/**
 * Runs `tour` while recording the patterns code under src/ executes. The first time a pattern is
 * seen, the stack (source-mapped: mocha runs with --enable-source-maps) tells whose it is.
 */
export function recordRuntimePatterns(tour: () => void): PatternInfo[] {
  const seen = new Map<string, PatternInfo | null>();
  const original = RegExp.prototype.exec;
  const srcDir = `${path.sep}src${path.sep}`;
  let busy = false;
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    if (busy) return original.call(this, text);
    const k = key(this.source, this.flags);
    if (!seen.has(k)) {
      busy = true; // the bookkeeping below runs regular expressions too
      const frames = (new Error().stack ?? '').split('\n').slice(2);
      const caller = frames.find((f) => !f.includes('node:internal') && !f.includes('<anonymous>') && !f.includes('native'));
      const origin = caller?.match(/\(?([^()\s]+):(\d+):\d+\)?$/);
      const file = origin?.[1] ?? '';
      seen.set(k, file.includes(srcDir) && !file.includes('node_modules') ? { source: this.source, flags: this.flags, origin: `${path.relative(repoRoot(), file)}:${origin![2]} (built at run time)` } : null);
      busy = false;
    }
    return original.call(this, text);
  };
  try {
    tour();
  } finally {
    RegExp.prototype.exec = original;
  }
  return [...seen.values()].filter((p): p is PatternInfo => p !== null);
}
