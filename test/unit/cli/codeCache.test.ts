/**
 * The launcher's code cache (src/cli/launch/codeCache.ts) runs a file's text as it is, ASCII or
 * not: an ASCII file (the production bundle) is decoded as Latin-1, any other as UTF-8.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runWithCodeCache } from '../../../src/cli/launch/codeCache';

describe('cli launcher: code cache (codeCache.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-code-cache-'));
  });
  // The cache each run would write when the process exits goes with the folder (a failed write costs nothing).
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [name, text] of [
    ['ascii.cjs', 'plain ASCII \\u4e91 ~'],
    ['utf8.cjs', '云计算 – “quotes” é 😀'],
  ] as const) {
    it(`runs ${name} with its text as written`, () => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `module.exports = { text: ${JSON.stringify(text)} };\n`, 'utf8');
      const events: string[] = [];
      const ran = runWithCodeCache(file, { dir: path.join(dir, 'cache'), build: 'test', variant: 'test', trace: (e) => events.push(e.split(' ')[0]!) }) as { text: string };
      assert.equal(ran.text, text);
      assert.deepEqual(events, ['miss']);
    });
  }
});
