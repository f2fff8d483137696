/** streamCompletion against a real HTTP server speaking the OpenAI wire format: streaming, failures, retries, cancel. */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { continueMessages, joinContinuation } from '../../../src/core/llm/messages';
import { streamCompletion, type RetryInfo } from '../../../src/core/llm/client';
import type { LlmConfig } from '../../../src/core/llm/config';
import { retryAfterMs } from '../../../src/core/llm/retry';
import { failure } from './helpers';
import { FakeLlmServer } from './server';

const MESSAGES = [
  { role: 'system' as const, content: '你是顾问。' },
  { role: 'user' as const, content: '写报告。' },
];


describe('llm client (real HTTP)', () => {
  let server: FakeLlmServer;
  let config: LlmConfig;

  beforeEach(async () => {
    server = await FakeLlmServer.start();
    config = { baseUrl: server.baseUrl, model: 'test', timeoutSeconds: 5, retry: { baseDelayMs: 20, maxAttempts: 3 } };
  });
  afterEach(async () => {
    await server.close();
  });

  it('assembles the streamed deltas and reports the finish reason', async () => {
    server.script({ kind: 'stream', chunks: ['## 业务', '需求分析\n', '- 内容〔L1〕'] });
    const deltas: string[] = [];
    const result = await streamCompletion(config, MESSAGES, { onDelta: (d) => deltas.push(d) });
    assert.deepEqual(deltas, ['## 业务', '需求分析\n', '- 内容〔L1〕']);
    assert.equal(result.text, '## 业务需求分析\n- 内容〔L1〕');
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.truncated, false);
    assert.equal(result.attempts, 1);
    const req = server.requests[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/v1/chat/completions');
    assert.equal(req.json?.model, 'test');
    assert.equal(req.json?.stream, true);
    assert.deepEqual(req.json?.messages, MESSAGES);
    assert.equal(req.json?.max_tokens, 4096);
    assert.equal(req.json?.temperature, undefined, 'temperature is only sent when configured');
    assert.equal(req.json?.stream_options, undefined, 'usage is only requested from hosts known to accept it');
    assert.equal(req.headers['x-stainless-retry-count'], '0');
  });

  it('sends temperature and max tokens, and reads usage when asked for it', async () => {
    server.script({ kind: 'stream', chunks: ['a', 'b'] });
    const result = await streamCompletion({ ...config, temperature: 0.2, maxTokens: 900, includeUsage: true }, MESSAGES);
    assert.equal(server.requests[0]!.json?.temperature, 0.2);
    assert.equal(server.requests[0]!.json?.max_tokens, 900);
    assert.deepEqual(result.usage, { promptTokens: 100, completionTokens: 2, totalTokens: 102 });
  });

  for (const status of [401, 403]) {
    it(`maps HTTP ${status} to auth`, async () => {
      server.script({ kind: 'status', status, message: 'Incorrect API key provided' });
      const e = await failure(streamCompletion({ ...config, apiKey: 'sk-test-0123456789' }, MESSAGES));
      assert.equal(e.kind, 'auth');
      assert.equal(e.status, status);
      assert.match(e.message, new RegExp(`HTTP ${status}`));
      assert.match(e.message, /Incorrect API key provided/);
      assert.equal(server.requests.length, 1, 'auth failures are not retried');
    });
  }

  it('says no key was set when a keyless request gets 401', async () => {
    server.script({ kind: 'status', status: 401 });
    const e = await failure(streamCompletion(config, MESSAGES));
    assert.equal(e.kind, 'auth');
    assert.match(e.message, /none was set/);
  });

  it('maps 404 to not-found and names the URL tried and the model', async () => {
    server.script({ kind: 'status', status: 404, message: 'model "test" not found' });
    const e = await failure(streamCompletion(config, MESSAGES));
    assert.equal(e.kind, 'not-found');
    assert.equal(e.url, `${server.baseUrl}/chat/completions`);
    assert.ok(e.message.includes(`${server.baseUrl}/chat/completions`), e.message);
    assert.ok(e.message.includes('"test"'), e.message);
  });

  it('maps another 4xx to bad-request with the server message', async () => {
    server.script({ kind: 'status', status: 400, message: "This model's maximum context length is 8192 tokens" });
    const e = await failure(streamCompletion(config, MESSAGES));
    assert.equal(e.kind, 'bad-request');
    assert.match(e.message, /maximum context length/);
    assert.equal(server.requests.length, 1);
  });

  it('honours Retry-After on 429, then succeeds', async function () {
    this.timeout(5000);
    server.script({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }, { kind: 'stream', chunks: ['ok'] });
    const retries: RetryInfo[] = [];
    const result = await streamCompletion(config, MESSAGES, { onRetry: (r) => retries.push(r) });
    assert.equal(result.text, 'ok');
    assert.equal(result.attempts, 2);
    assert.equal(retries.length, 1);
    assert.equal(retries[0]!.kind, 'rate-limit');
    assert.equal(retries[0]!.retryAfterSeconds, 1);
    assert.ok(retries[0]!.delayMs >= 1000);
    const [first, second] = server.requests;
    // Timestamps taken by the server: the 429 was sent, then the retry arrived at least 1 s later.
    assert.ok(second!.at - first!.respondedAt! >= 1000, `retried after ${second!.at - first!.respondedAt!} ms`);
  });

  it('gives up at once when Retry-After is longer than it waits', async () => {
    server.script({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const e = await failure(streamCompletion(config, MESSAGES));
    assert.equal(e.kind, 'rate-limit');
    assert.equal(e.retryAfterSeconds, 3600);
    assert.match(e.message, /3600 s/);
    assert.equal(server.requests.length, 1);
  });

  it('stops retrying 429 after the bounded attempts', async () => {
    server.setDefault({ kind: 'status', status: 429 });
    const e = await failure(streamCompletion(config, MESSAGES));
    assert.equal(e.kind, 'rate-limit');
    assert.equal(e.attempts, 3);
    assert.equal(server.requests.length, 3);
    assert.match(e.message, /3 attempts/);
  });

  it('retries a 500 with backoff, then succeeds', async () => {
    server.script({ kind: 'status', status: 500, message: 'boom' }, { kind: 'stream', chunks: ['fine'] });
    const retries: RetryInfo[] = [];
    const result = await streamCompletion(config, MESSAGES, { onRetry: (r) => retries.push(r) });
    assert.equal(result.text, 'fine');
    assert.deepEqual(
      retries.map((r) => [r.kind, r.status, r.attempt]),
      [['server', 500, 1]],
    );
  });

  it('fails with server after the bounded retries of a 503', async () => {
    server.setDefault({ kind: 'status', status: 503, message: 'overloaded' });
    const e = await failure(streamCompletion(config, MESSAGES));
    assert.equal(e.kind, 'server');
    assert.equal(e.status, 503);
    assert.equal(server.requests.length, 3);
    assert.equal(e.message, 'The endpoint failed with HTTP 503 after 3 attempts: overloaded');
    assert.equal(e.serverMessage, 'overloaded');
  });

  it('times out when the server never answers', async () => {
    server.script({ kind: 'hang' });
    const e = await failure(streamCompletion({ ...config, timeoutSeconds: 0.3 }, MESSAGES));
    assert.equal(e.kind, 'timeout');
    assert.equal(e.partialText, '');
    assert.equal(server.requests.length, 1, 'a timeout is not retried');
    await server.requests[0]!.socketClosed;
  });

  it('times out when the stream stalls, keeping the partial text', async () => {
    server.script({ kind: 'stall', chunks: ['第一段', '第二段', '第三段'], after: 2 });
    const e = await failure(streamCompletion({ ...config, timeoutSeconds: 0.3 }, MESSAGES));
    assert.equal(e.kind, 'timeout');
    assert.equal(e.partialText, '第一段第二段');
    assert.match(e.message, /6 characters/);
  });

  it('reports a mid-stream disconnect, keeping the partial text, without retrying', async () => {
    server.script({ kind: 'disconnect', chunks: ['甲', '乙', '丙', '丁'], after: 2 });
    const e = await failure(streamCompletion(config, MESSAGES));
    assert.equal(e.kind, 'disconnected');
    assert.equal(e.partialText, '甲乙');
    assert.equal(server.requests.length, 1);
  });

  it('marks finish_reason "length" as truncated and continues with continueMessages', async () => {
    server.script({ kind: 'stream', chunks: ['## 业务需求分析\n', '- 第一'], finishReason: 'length' }, { kind: 'stream', chunks: ['- 第一条\n', '## 推荐系统方案\n'] });
    const first = await streamCompletion(config, MESSAGES);
    assert.equal(first.finishReason, 'length');
    assert.equal(first.truncated, true);
    const next = continueMessages(MESSAGES, first.text);
    const second = await streamCompletion(config, next);
    const sent = server.requests[1]!.json!.messages!;
    assert.equal(sent.length, 4);
    assert.deepEqual(sent[2], { role: 'assistant', content: '## 业务需求分析\n- 第一' });
    assert.equal(sent[3]!.role, 'user');
    assert.match(sent[3]!.content, /截断/);
    assert.equal(joinContinuation(first.text, second.text), '## 业务需求分析\n- 第一- 第一条\n## 推荐系统方案\n');
    assert.equal(joinContinuation('abc 第一条内容是这样', '第一条内容是这样的。'), 'abc 第一条内容是这样的。');
  });

  it('cancel aborts the HTTP request: the server sees the socket close', async () => {
    const chunks = Array.from({ length: 200 }, (_, i) => `段${i}`);
    server.script({ kind: 'stream', chunks, delayMs: 20 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const run = streamCompletion(config, MESSAGES, {
      signal: controller.signal,
      onDelta: (d) => {
        deltas.push(d);
        if (deltas.length === 3) controller.abort();
      },
    });
    const e = await failure(run);
    assert.equal(e.kind, 'cancelled');
    assert.equal(e.partialText, '段0段1段2');
    const req = server.requests[0]!;
    await Promise.all([req.socketClosed, req.responseClosed]);
    assert.equal(req.completed, false, 'the response was cut short');
    assert.ok(req.chunksSent < chunks.length, `the server sent ${req.chunksSent} chunks`);
  });

  it('cancel while waiting to retry stops at once', async () => {
    server.script({ kind: 'status', status: 429, headers: { 'retry-after': '30' } });
    const controller = new AbortController();
    const e = await failure(streamCompletion({ ...config, retry: { maxRetryAfterSeconds: 60 } }, MESSAGES, { signal: controller.signal, onRetry: () => controller.abort() }));
    assert.equal(e.kind, 'cancelled');
    assert.equal(server.requests.length, 1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const e = await failure(streamCompletion(config, MESSAGES, { signal: AbortSignal.abort() }));
    assert.equal(e.kind, 'cancelled');
    assert.equal(server.requests.length, 0);
  });

  it('maps a refused connection (a closed port) to connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const e = await failure(streamCompletion({ ...config, baseUrl: `http://127.0.0.1:${port}/v1` }, MESSAGES));
    assert.equal(e.kind, 'connection');
    assert.equal(e.code, 'ECONNREFUSED');
    assert.match(e.message, /refused/);
    assert.ok(e.message.includes(`127.0.0.1:${port}`));
  });

  it('maps a 200 that is not an event stream to bad-response', async () => {
    server.script({ kind: 'html' });
    const e = await failure(streamCompletion(config, MESSAGES));
    assert.equal(e.kind, 'bad-response');
  });

  it('rejects a bad configuration before sending anything', async () => {
    assert.equal((await failure(streamCompletion({ ...config, baseUrl: 'localhost:11434' }, MESSAGES))).kind, 'config');
    assert.equal((await failure(streamCompletion({ ...config, baseUrl: 'ftp://x/v1' }, MESSAGES))).kind, 'config');
    assert.equal((await failure(streamCompletion({ ...config, model: ' ' }, MESSAGES))).kind, 'config');
    assert.equal(server.requests.length, 0);
  });

  it('uses an injected fetch (how the extension routes through VS Code\'s proxy settings)', async () => {
    server.script({ kind: 'stream', chunks: ['via', ' proxy'] });
    const seen: string[] = [];
    const viaProxy: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const result = await streamCompletion({ ...config, fetch: viaProxy }, MESSAGES);
    assert.equal(result.text, 'via proxy');
    assert.deepEqual(seen, [`${server.baseUrl}/chat/completions`]);
  });

  it('the fake server also answers non-streaming requests in the wire format', async () => {
    server.script({ kind: 'stream', chunks: ['整段', '回答'] });
    const res = await fetch(`${server.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'test', messages: MESSAGES }) });
    const body = (await res.json()) as { object: string; choices: Array<{ message: { content: string }; finish_reason: string }> };
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.choices[0]!.message.content, '整段回答');
    assert.equal(body.choices[0]!.finish_reason, 'stop');
  });

  describe('the API key', () => {
    const KEY = 'sk-test-SECRET-a1b2c3d4e5f6';

    it('goes only in the Authorization header: not in the body, the URL, other headers, logs or retry notices', async function () {
      this.timeout(5000);
      server.script({ kind: 'status', status: 500 }, { kind: 'stream', chunks: ['ok'] });
      const lines: string[] = [];
      const retries: RetryInfo[] = [];
      await streamCompletion({ ...config, apiKey: KEY }, MESSAGES, { log: (l) => lines.push(l), onRetry: (r) => retries.push(r) });
      for (const req of server.requests) {
        assert.equal(req.headers.authorization, `Bearer ${KEY}`);
        const others = Object.entries(req.headers).filter(([name, v]) => name !== 'authorization' && String(v).includes(KEY));
        assert.deepEqual(others, []);
        assert.ok(!req.body.includes(KEY));
        assert.ok(!req.url.includes(KEY));
      }
      assert.ok(lines.length > 0);
      assert.ok(!JSON.stringify([lines, retries]).includes(KEY));
    });

    it('is scrubbed from a server message that echoes it', async () => {
      server.script({ kind: 'status', status: 401, message: `Incorrect API key provided: ${KEY}` });
      const e = await failure(streamCompletion({ ...config, apiKey: KEY }, MESSAGES));
      assert.ok(!e.message.includes(KEY), e.message);
      assert.ok(!JSON.stringify(e.toJSON()).includes(KEY));
      assert.match(e.message, /\*\*\*/);
    });

    it('is not needed: no key sends no Authorization header', async () => {
      server.script({ kind: 'stream', chunks: ['ok'] });
      await streamCompletion(config, MESSAGES);
      assert.equal(server.requests[0]!.headers.authorization, undefined);
      assert.equal(server.requests[0]!.headers['api-key'], undefined);
    });

    it('goes in api-key for Azure, with api-version in the query', async () => {
      server.script({ kind: 'stream', chunks: ['ok'] });
      await streamCompletion({ ...config, azure: true, apiKey: KEY }, MESSAGES);
      const req = server.requests[0]!;
      assert.equal(req.headers['api-key'], KEY);
      assert.equal(req.headers.authorization, undefined);
      assert.equal(req.url, '/v1/chat/completions?api-version=2024-10-21');
    });

    it('fills ${apiKey} in extra headers, so gateways get it without a setting holding it', async () => {
      server.script({ kind: 'stream', chunks: ['ok'] });
      await streamCompletion({ ...config, apiKey: KEY, extraHeaders: { 'x-gateway-key': '${apiKey}', 'x-tenant': 'acme' } }, MESSAGES);
      const req = server.requests[0]!;
      assert.equal(req.headers['x-gateway-key'], KEY);
      assert.equal(req.headers['x-tenant'], 'acme');
    });
  });

  it('reads Retry-After as seconds, an HTTP date, or retry-after-ms', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    assert.equal(retryAfterMs(h({ 'retry-after': '2' })), 2000);
    assert.equal(retryAfterMs(h({ 'retry-after-ms': '150' })), 150);
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(retryAfterMs(h({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now), 3000);
    assert.equal(retryAfterMs(h({ 'retry-after': 'soon' })), undefined);
    assert.equal(retryAfterMs(h({})), undefined);
  });
});
