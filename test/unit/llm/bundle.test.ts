/**
 * Activation stays light: dist/extension.js (what VS Code loads to activate) holds neither the
 * `openai` client nor `undici`; both are in dist/report.js, the bundle required on the first
 * report, and there only as lazily initialised modules (evaluated on the first LLM request).
 * `npm run test:unit` builds dist/ before running this.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/seeds';

function bundle(name: string): string {
  const file = path.join(repoRoot(), 'dist', name);
  assert.ok(fs.existsSync(file), `${name} is missing: run node esbuild.js`);
  return fs.readFileSync(file, 'utf8');
}

/** Code only the two packages have (class names and messages of their own). */
const OPENAI = ['APIConnectionTimeoutError', 'OpenAI-Organization', 'dangerouslyAllowBrowser'];
const UNDICI = ['ProxyAgent', 'UND_ERR_CONNECT_TIMEOUT', 'kProxyHeaders'];

describe('the extension bundles', () => {
  it('dist/extension.js contains no openai and no undici code', () => {
    const text = bundle('extension.js');
    for (const marker of [...OPENAI, ...UNDICI]) assert.ok(!text.includes(marker), `dist/extension.js contains "${marker}"`);
    assert.ok(!/node_modules[\\/]+(openai|undici)[\\/]/.test(text), 'dist/extension.js includes a module of openai or undici');
  });

  it('dist/report.js has them, initialised only on first use', () => {
    const text = bundle('report.js');
    for (const marker of ['APIConnectionTimeoutError', 'ProxyAgent']) assert.ok(text.includes(marker), `dist/report.js lacks "${marker}"`);
    // esbuild wraps a dynamically imported module in an initialiser that runs on the import().
    assert.match(text, /var require_undici = __commonJS\(/);
    assert.match(text, /var init_openai = __esm\(/);
    assert.ok(!/^init_openai\(\);$/m.test(text) && !/^var \w+ = require_undici\(\);$/m.test(text), 'openai or undici initialised at load time');
  });
});
