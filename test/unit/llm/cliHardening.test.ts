/** `intake generate --provider openai-compatible` against a faulty or hostile server (issue 12): the built CLI, spawned. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fixturesDir } from '../helpers/seeds';
import { runCli as cli } from './helpers';
import { FakeLlmServer } from './server';

const FIXTURE = path.join(fixturesDir(), 'analysis.intake');


describe('llm CLI hardening (spawned, real HTTP)', function () {
  this.timeout(20_000);
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await server.close();
  });
  const llm = (baseUrl = server.baseUrl) => ['generate', FIXTURE, '--provider', 'openai-compatible', '--base-url', baseUrl, '--model', 'test'];

  it('prints the base URL redacted: no query values, no credentials', async () => {
    server.script({ kind: 'stream', chunks: ['## 业务需求分析\n好'] });
    const r = await cli(llm(`${server.baseUrl}?api_key=sk-in-the-url-123456&api-version=2024-10-21`));
    assert.ok(!r.stderr.includes('sk-in-the-url'), r.stderr);
    assert.match(r.stderr, /Writing with test at http:\/\/127\.0\.0\.1:\d+\/v1\?api_key=\*\*\*&api-version=2024-10-21/);
    const creds = await cli(llm(`http://user:hunter2@127.0.0.1:${server.port}/v1`));
    assert.equal(creds.code, 2);
    assert.ok(!creds.stderr.includes('hunter2'), creds.stderr);
  });

  it('a malformed base URL is a usage error (exit 2), and nothing is sent', async () => {
    for (const url of ['localhost:11434', 'ftp://x/v1', 'http://']) {
      const r = await cli(llm(url));
      assert.equal(r.code, 2, `${url}: ${r.stderr}`);
      assert.match(r.stderr, /^intake: --base-url: Invalid base URL/);
    }
    assert.equal(server.requests.length, 0);
  });

  it('an out-of-range --timeout is a usage error (exit 2), not an instant timeout', async () => {
    for (const s of ['3000000', '3601', '0.5', 'NaN']) {
      const r = await cli([...llm(), '--timeout', s]);
      assert.equal(r.code, 2, s);
      assert.match(r.stderr, /--timeout takes a number of seconds from 1 to 3600/);
    }
    assert.equal(server.requests.length, 0);
  });

  it('an empty answer fails (exit 4), and --fallback offline prints the offline report', async () => {
    server.script({ kind: 'empty', finishReason: 'content_filter' }, { kind: 'empty', noChoices: true });
    const plain = await cli(llm());
    assert.equal(plain.code, 4);
    assert.equal(plain.stdout, '');
    assert.match(plain.stderr, /answered with no text \(finish reason: content_filter\)/);
    const fallback = await cli([...llm(), '--fallback', 'offline']);
    assert.equal(fallback.code, 4);
    assert.match(fallback.stdout, /^# 企业IT系统推荐报告/);
    assert.match(fallback.stderr, /Printed the offline report instead/);
  });

  it('names a redirect and does not follow it (exit 4)', async () => {
    server.script({ kind: 'redirect', status: 308, location: 'https://elsewhere.example/v1/chat/completions' });
    const r = await cli(llm(), { INTAKE_LLM_API_KEY: 'sk-redirect-test-0123456789' });
    assert.equal(r.code, 4);
    assert.match(r.stderr, /redirect \(HTTP 308\) to https:\/\/elsewhere\.example\/v1\/chat\/completions/);
    assert.equal(server.requests.length, 1);
  });

  it('strips hostile links from the printed report and says so (exit 3)', async () => {
    server.script({ kind: 'hostile-link' });
    const r = await cli(llm());
    assert.equal(r.code, 3, r.stderr);
    assert.ok(!r.stdout.includes('evil.example'), r.stdout);
    assert.match(r.stderr, /^llm\.unsafe-link: Removed 3 link\(s\) or image\(s\)/m);
  });

  it('shows escape sequences from a server error escaped, never raw', async () => {
    server.script({ kind: 'status', status: 400, message: 'bad \u001b]52;c;aGFjaw==\u0007 request \u001b[2J' });
    const r = await cli(llm());
    assert.equal(r.code, 4);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(r.stderr), JSON.stringify(r.stderr));
    assert.match(r.stderr, /bad \\x1B\]52;c;aGFjaw==\\x07 request \\x1B\[2J/);
  });
});
