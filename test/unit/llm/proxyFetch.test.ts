/**
 * proxyFetch: the undici fetch + ProxyAgent the extension hands the core when a proxy applies.
 * Against a real CONNECT proxy of our own on 127.0.0.1, in front of the fake OpenAI-compatible
 * server: the streamed report arrives through the tunnel, the proxy's credentials go only to the
 * proxy (Proxy-Authorization), the API key only to the endpoint, and cancel still closes the
 * endpoint's socket.
 */
import * as assert from 'node:assert/strict';
import { streamCompletion } from '../../../src/core/llm/client';
import { LlmError } from '../../../src/core/llm/errors';
import { proxyFetch } from '../../../src/core/llm/proxyFetch';
import { startProxy, type TestProxy } from './proxyServer';
import { FakeLlmServer } from './server';

const MESSAGES = [{ role: 'user' as const, content: '写报告。' }];
const KEY = 'sk-test-key-never-to-the-proxy-0123456789';

describe('llm requests through a proxy (undici ProxyAgent)', () => {
  let server: FakeLlmServer;
  let proxy: TestProxy | undefined;

  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await server.close();
  });

  it('streams the report through the tunnel, with the key only in the endpoint\'s Authorization header', async () => {
    proxy = await startProxy('alice:s3cret');
    server.script({ kind: 'stream', chunks: ['## 业务需求分析\n', '- 经由代理〔L1〕'] });
    const via = await proxyFetch(proxy.url.replace('http://', 'http://alice:s3cret@'), { strictSSL: true });
    try {
      const result = await streamCompletion({ baseUrl: server.baseUrl, model: 'test', apiKey: KEY, timeoutSeconds: 5, fetch: via.fetch, fetchOptions: via.fetchOptions }, MESSAGES);
      assert.equal(result.text, '## 业务需求分析\n- 经由代理〔L1〕');
    } finally {
      await via.close();
    }
    assert.equal(proxy.connects.length, 1, 'one CONNECT tunnel');
    assert.equal(proxy.connects[0]!.target, `127.0.0.1:${server.port}`);
    assert.ok(!JSON.stringify(proxy.connects[0]!.headers).includes(KEY), 'the proxy never saw the key');
    assert.equal(server.requests[0]!.headers.authorization, `Bearer ${KEY}`);
    assert.equal(server.requests[0]!.headers['proxy-authorization'], undefined, 'the proxy credentials stay with the proxy');
  });

  it('sends http.proxyAuthorization as the Proxy-Authorization header', async () => {
    proxy = await startProxy('bob:pw');
    const via = await proxyFetch(proxy.url, { strictSSL: true, authorization: `Basic ${Buffer.from('bob:pw').toString('base64')}` });
    try {
      const result = await streamCompletion({ baseUrl: server.baseUrl, model: 'test', timeoutSeconds: 5, fetch: via.fetch, fetchOptions: via.fetchOptions }, MESSAGES);
      assert.equal(result.text, '## 业务需求分析\n你好');
    } finally {
      await via.close();
    }
  });

  it('reports a proxy that refuses as a connection error', async () => {
    proxy = await startProxy('alice:s3cret');
    const via = await proxyFetch(proxy.url, { strictSSL: true });
    try {
      await assert.rejects(
        streamCompletion({ baseUrl: server.baseUrl, model: 'test', timeoutSeconds: 5, fetch: via.fetch, fetchOptions: via.fetchOptions, retry: { maxAttempts: 1 } }, MESSAGES),
        (e: unknown) => e instanceof LlmError && e.kind === 'connection',
      );
    } finally {
      await via.close();
    }
    assert.equal(server.requests.length, 0, 'nothing reached the endpoint');
  });

  it('cancel through the proxy still closes the endpoint\'s socket', async () => {
    proxy = await startProxy();
    server.script({ kind: 'stream', chunks: Array.from({ length: 200 }, (_, i) => `第${i}段。`), delayMs: 20 });
    const via = await proxyFetch(proxy.url, { strictSSL: true });
    const controller = new AbortController();
    let received = '';
    const run = streamCompletion({ baseUrl: server.baseUrl, model: 'test', timeoutSeconds: 5, fetch: via.fetch, fetchOptions: via.fetchOptions }, MESSAGES, {
      signal: controller.signal,
      onDelta: (d) => {
        received += d;
        if (received.length > 20) controller.abort();
      },
    });
    try {
      await assert.rejects(run, (e: unknown) => e instanceof LlmError && e.kind === 'cancelled' && e.partialText.length > 20);
      const request = await server.request(0);
      await request.socketClosed;
      assert.equal(request.completed, false, 'the server had not finished its answer');
    } finally {
      await via.close();
    }
  });
});
