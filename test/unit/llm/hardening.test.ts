/**
 * The LLM path under a faulty or hostile server (issue 12), against the real-HTTP fake server:
 * redirects, a huge answer, a slow drip, an empty answer, links that would carry the customer's
 * data out, an echoed key, malformed chunks, and a proxy that wants credentials.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerCap, streamCompletion } from '../../../src/core/llm/client';
import { isLoopback, type LlmConfig } from '../../../src/core/llm/config';
import { generateLlmReport } from '../../../src/core/llm/generateLlm';
import { isPlainHttps, stripUnsafeLinks } from '../../../src/core/llm/linkSafety';
import { proxyFetch } from '../../../src/core/llm/proxyFetch';
import { unmask } from '../../../src/core/llm/redact';
import { SecretScrubber } from '../../../src/core/llm/secretScrubber';
import { parseIntake } from '../../../src/core/parser';
import { PLANTED, readLlmFixture } from './responses';
import { failure } from './helpers';
import { FakeLlmServer } from './server';

const MESSAGES = [{ role: 'user' as const, content: '写报告。' }];
const pii = parseIntake(readLlmFixture('llm/pii.intake'));


describe('llm hardening (real HTTP)', function () {
  this.timeout(20_000);
  let server: FakeLlmServer;
  let config: LlmConfig;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
    config = { baseUrl: server.baseUrl, model: 'test', timeoutSeconds: 5, retry: { baseDelayMs: 20, maxAttempts: 2 } };
  });
  afterEach(async () => {
    await server.close();
  });

  describe('redirects are never followed', () => {
    for (const status of [301, 302, 307, 308]) {
      it(`HTTP ${status}: the error names the target; nothing reaches it, not the key, not the prompt`, async () => {
        const other = await FakeLlmServer.start();
        try {
          const target = `${other.baseUrl}/chat/completions?api_key=leaked`;
          server.script({ kind: 'redirect', status, location: target });
          const key = 'sk-test-redirect-0123456789';
          const e = await failure(streamCompletion({ ...config, apiKey: key, azure: true, extraHeaders: { 'x-gateway-key': '${apiKey}' } }, MESSAGES));
          assert.equal(e.kind, 'config');
          assert.equal(e.status, status);
          assert.match(e.message, new RegExp(`redirect \\(HTTP ${status}\\) to http://127\\.0\\.0\\.1:${other.port}/v1/chat/completions\\?api_key=\\*\\*\\*`));
          assert.match(e.message, /base URL/);
          assert.equal(other.requests.length, 0, 'the redirect target got no request');
          assert.equal(server.requests.length, 1, 'and the request is not retried');
          assert.ok(!e.message.includes(key));
        } finally {
          await other.close();
        }
      });
    }

    it('a loopback URL that redirects stays "local only": the redirect is an error, not followed', async () => {
      server.script({ kind: 'redirect', status: 302, location: 'https://api.example.com/v1/chat/completions' });
      const report = await generateLlmReport({ file: pii, config });
      assert.equal(report.local, true);
      assert.equal(report.error?.kind, 'config');
      assert.match(report.error!.message, /https:\/\/api\.example\.com\/v1\/chat\/completions/);
    });
  });

  it('*.localhost is not loopback (it could be resolved through DNS); localhost and 127.x are', () => {
    assert.equal(isLoopback('http://ollama.localhost:11434/v1'), false);
    assert.equal(isLoopback('http://localhost:11434/v1'), true);
    assert.equal(isLoopback('http://127.0.0.2:11434/v1'), true);
    assert.equal(isLoopback('http://[::1]:11434/v1'), true);
  });

  describe('answer size and time', () => {
    it('stops reading at the answer cap and marks the result truncated', async () => {
      server.script({ kind: 'huge', chunk: '长'.repeat(100), count: 100_000 });
      const deltas: string[] = [];
      const result = await streamCompletion({ ...config, maxTokens: 50 }, MESSAGES, { onDelta: (d) => deltas.push(d) });
      assert.equal(answerCap({ maxTokens: 50 }), 800);
      assert.equal(result.text.length, 800);
      assert.equal(deltas.join(''), result.text);
      assert.equal(result.truncated, true);
      assert.equal(result.capped, true);
      await server.requests[0]!.responseClosed;
      assert.ok(server.requests[0]!.chunksSent < 100_000, 'the server was stopped, not read to the end');
      assert.equal(answerCap({}), 16 * 4096);
      assert.equal(answerCap({ maxTokens: 1_000_000 }), 2_000_000);
    });

    it('reports a capped answer as truncated in the verification findings', async () => {
      server.script({ kind: 'huge', chunk: '## 业务需求分析\n'.repeat(10), count: 1000 });
      const report = await generateLlmReport({ file: pii, config: { ...config, maxAnswerChars: 500 } });
      assert.equal(report.error, undefined);
      assert.equal(report.truncated, true);
      assert.match(report.findings.find((f) => f.code === 'llm.truncated')!.message, /passed 500 characters/);
    });

    it('gives up after the total time even while data keeps trickling in', async () => {
      server.script({ kind: 'stream', chunks: Array.from({ length: 100 }, () => '字'), delayMs: 100 });
      const e = await failure(streamCompletion({ ...config, timeoutSeconds: 5, totalTimeoutSeconds: 1 }, MESSAGES));
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /took more than 1 s in all/);
      assert.ok(e.partialText.length > 0 && e.partialText.length < 100, 'the text so far is kept');
    });

    it('clamps a timeout too long for the timer instead of firing at once', async () => {
      server.script({ kind: 'stream', chunks: ['好'] });
      const result = await streamCompletion({ ...config, timeoutSeconds: 3_000_000 }, MESSAGES);
      assert.equal(result.text, '好');
    });
  });

  describe('what the stream may hold', () => {
    it('skips `data: null` and other non-chunks instead of calling it a lost connection', async () => {
      const chunk = (content: unknown) => JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'test', choices: [{ index: 0, delta: { content }, finish_reason: null }] });
      server.script({ kind: 'raw', events: [chunk('甲'), 'null', '42', chunk({ text: 'obj' }), chunk([{ type: 'text', text: '乙' }]), chunk(7), chunk('丙')] });
      const lines: string[] = [];
      const result = await streamCompletion(config, MESSAGES, { log: (l) => lines.push(l) });
      assert.equal(result.text, '甲乙丙', 'objects and numbers are never appended as text');
      assert.ok(!result.text.includes('[object Object]'));
      assert.ok(lines.some((l) => /not a chat completion chunk/.test(l)));
    });

    it('scrubs a key the server echoes back, even split across chunks', async () => {
      const key = 'sk-echo-abcdefghijklmnop';
      server.script({ kind: 'stream', chunks: ['你的密钥是 sk-echo-abc', 'defghijklmnop，请保管。'] });
      const deltas: string[] = [];
      const result = await streamCompletion({ ...config, apiKey: key }, MESSAGES, { onDelta: (d) => deltas.push(d) });
      assert.equal(result.text, '你的密钥是 ***，请保管。');
      assert.equal(deltas.join(''), result.text);
      assert.ok(!deltas.some((d) => d.includes('sk-echo')));
    });
  });

  describe('empty answers are failures', () => {
    for (const [label, behaviour] of [
      ['a content filter', { kind: 'empty', finishReason: 'content_filter' }],
      ['tool calls only', { kind: 'empty', finishReason: 'tool_calls' }],
      ['no choices at all', { kind: 'empty', noChoices: true }],
    ] as const) {
      it(`${label}: an error of kind bad-response, naming the finish reason`, async () => {
        server.script(behaviour);
        const report = await generateLlmReport({ file: pii, config });
        assert.equal(report.error?.kind, 'bad-response');
        assert.match(report.error!.message, /no text/);
        assert.equal(report.markdown, '');
      });
    }
  });

  describe('links and images in the answer', () => {
    it('keeps masks inside addresses, un-masks the text, and strips what is not plain https', async () => {
      server.script({ kind: 'hostile-link' });
      const report = await generateLlmReport({ file: pii, config });
      assert.equal(report.error, undefined);
      // The company is un-masked in the text…
      assert.match(report.markdown, new RegExp(`客户为(?:${PLANTED.company.join('|')})。`));
      // …the image, the http link and the raw <img> are gone, the https link stays.
      assert.ok(!report.markdown.includes('evil.example'), report.markdown);
      assert.ok(!/!\[|<img/i.test(report.markdown));
      assert.ok(report.markdown.includes('详情'), 'a removed link leaves its text');
      assert.ok(report.markdown.includes('[官网](https://example.com/about)'));
      // No original value appears in any address anywhere.
      for (const value of [...PLANTED.company, ...PLANTED.phone, ...PLANTED.id]) assert.ok(!/https?:\/\/\S*/.exec(report.markdown)?.[0].includes(value), value);
      const finding = report.findings.find((f) => f.code === 'llm.unsafe-link')!;
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /^Removed 3 link\(s\) or image\(s\) whose address is not a plain https URL: http:\/\/evil\.example\/p\.png\?m0=〔/);
    });

    it('un-masks in text only', () => {
      const replacements = [{ kind: 'company' as const, original: '明远保险', mask: '〔客户A〕', count: 1 }];
      const text = '〔客户A〕 ![x](http://e/?c=〔客户A〕) [y](<https://e/〔客户A〕>) <http://e/〔客户A〕> http://e/?q=〔客户A〕 〔客户A〕\n[r]: http://e/〔客户A〕\n<img src="http://e/〔客户A〕">';
      assert.equal(unmask(text, replacements), text.replace(/^〔客户A〕/, '明远保险').replace(/ 〔客户A〕\n/, ' 明远保险\n'));
    });

    it('strips in every form: inline, reference definitions, autolinks, raw tags', () => {
      const r = stripUnsafeLinks('a ![i](data:image/png;base64,AAAA) b [l](javascript:alert(1)) c <ftp://x/y> d [ok](https://ok.example/p "t")\n[ref]: http://x/r\n<a href="http://x/a">t</a>');
      assert.equal(r.removed.length, 5);
      assert.ok(r.markdown.startsWith('a i b l c `ftp://x/y` d [ok](https://ok.example/p "t")\n'));
      assert.ok(!r.markdown.includes('http://x/'));
      assert.ok(isPlainHttps('https://example.com/a?b=c'));
      assert.ok(!isPlainHttps('https://user:pw@example.com/'));
      assert.ok(!isPlainHttps('http://example.com/'));
    });
  });

  it('warns before sending a key over plain http to a non-loopback URL', async () => {
    const warnings: string[] = [];
    // An unroutable address: the run fails, but the warning comes first.
    const report = await generateLlmReport({ file: pii, config: { baseUrl: 'http://192.0.2.1:9/v1', model: 'm', apiKey: 'sk-warn-0123456789', timeoutSeconds: 1, retry: { maxAttempts: 1 } } }, { warn: (w) => warnings.push(w) });
    assert.ok(report.error);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /about to be sent over plain http to http:\/\/192\.0\.2\.1:9\/v1\/chat\/completions/);
    const none: string[] = [];
    server.script({ kind: 'stream', chunks: ['## 业务需求分析\n好'] });
    await generateLlmReport({ file: pii, config: { ...config, apiKey: 'sk-local-0123456789' } }, { warn: (w) => none.push(w) });
    assert.deepEqual(none, [], 'a loopback endpoint needs no warning');
  });

  it('names a proxy that asks for credentials (HTTP 407)', async () => {
    const proxy = http.createServer();
    proxy.on('connect', (_req, socket) => socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n'));
    proxy.on('request', (_req, res) => {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"' });
      res.end();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const via = await proxyFetch(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, { strictSSL: true });
    try {
      const e = await failure(streamCompletion({ baseUrl: 'https://api.example.com/v1', model: 'm', timeoutSeconds: 5, retry: { maxAttempts: 1 }, fetch: via.fetch, fetchOptions: via.fetchOptions }, MESSAGES));
      assert.equal(e.kind, 'connection');
      assert.equal(e.status, 407);
      assert.match(e.message, /proxy asks for authentication \(HTTP 407\)/);
    } finally {
      await via.close();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});

describe('SecretScrubber', () => {
  it('holds back a possible start of a secret, and lets everything else through', () => {
    const s = new SecretScrubber(['sk-abcdefgh1234']);
    assert.equal(s.push('a sk-ab'), 'a ');
    assert.equal(s.push('cdefgh1234 b sk'), '*** b ');
    assert.equal(s.flush(), 'sk');
    assert.equal(new SecretScrubber([undefined, 'short']).push('short'), 'short', 'secrets under 8 characters are not scrubbed');
  });
});
