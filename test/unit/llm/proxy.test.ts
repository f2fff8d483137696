/**
 * The proxy decision for the LLM endpoint: VS Code's http.proxy first, then HTTPS_PROXY /
 * HTTP_PROXY by scheme; http.noProxy and NO_PROXY exempt hosts (curl's conventions); loopback
 * endpoints never go through a proxy; credentials never show in what is logged.
 */
import * as assert from 'node:assert/strict';
import { bypassesProxy, normaliseProxyUrl, proxyFor, redactProxyUrl } from '../../../src/core/llm/proxy';

const OPENAI = 'https://api.openai.com/v1';

describe('LLM proxy decision', () => {
  it('uses http.proxy for a remote endpoint', () => {
    assert.deepEqual(proxyFor(OPENAI, { proxy: 'http://proxy.corp:8080', env: {} }), { kind: 'proxy', url: 'http://proxy.corp:8080/', source: 'setting' });
  });

  it('adds http:// to a proxy given as host:port', () => {
    assert.deepEqual(proxyFor(OPENAI, { proxy: 'proxy.corp:3128', env: {} }), { kind: 'proxy', url: 'http://proxy.corp:3128/', source: 'setting' });
  });

  it('goes direct when nothing is configured', () => {
    assert.deepEqual(proxyFor(OPENAI, { env: {} }), { kind: 'direct', reason: 'none' });
    assert.deepEqual(proxyFor(OPENAI, { proxy: '  ', env: {} }), { kind: 'direct', reason: 'none' });
  });

  it('falls back to HTTPS_PROXY / HTTP_PROXY by the endpoint\'s scheme, the setting winning', () => {
    const env = { HTTPS_PROXY: 'http://secure-proxy:8443', HTTP_PROXY: 'http://plain-proxy:8080' };
    assert.deepEqual(proxyFor(OPENAI, { env }), { kind: 'proxy', url: 'http://secure-proxy:8443/', source: 'env' });
    assert.deepEqual(proxyFor('http://llm.intranet/v1', { env }), { kind: 'proxy', url: 'http://plain-proxy:8080/', source: 'env' });
    assert.deepEqual(proxyFor(OPENAI, { env: { https_proxy: 'http://lower:1' } }), { kind: 'proxy', url: 'http://lower:1/', source: 'env' });
    assert.deepEqual(proxyFor(OPENAI, { proxy: 'http://setting:1', env }), { kind: 'proxy', url: 'http://setting:1/', source: 'setting' });
  });

  it('never proxies a loopback endpoint (a local Ollama, LM Studio…)', () => {
    for (const url of ['http://localhost:11434/v1', 'http://127.0.0.1:1234/v1', 'http://[::1]:8000/v1']) {
      assert.deepEqual(proxyFor(url, { proxy: 'http://proxy.corp:8080', env: { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1' } }), { kind: 'direct', reason: 'loopback' }, url);
    }
    // *.localhost may be resolved through DNS: not loopback, so the proxy rules apply.
    assert.equal(proxyFor('http://ollama.localhost/v1', { proxy: 'http://proxy.corp:8080' }).kind, 'proxy');
  });

  it('honours http.noProxy and NO_PROXY', () => {
    const proxy = 'http://proxy.corp:8080';
    assert.equal(proxyFor('https://llm.corp.example/v1', { proxy, noProxy: ['corp.example'], env: {} }).kind, 'direct');
    assert.equal(proxyFor('https://llm.corp.example/v1', { proxy, env: { NO_PROXY: 'intranet,.corp.example' } }).kind, 'direct');
    assert.equal(proxyFor('https://llm.corp.example/v1', { proxy, env: { no_proxy: 'other.example' } }).kind, 'proxy');
    assert.equal(proxyFor(OPENAI, { proxy, noProxy: ['*'], env: {} }).kind, 'direct');
  });

  it('matches noProxy entries like curl: domain and subdomains, leading dot or *., ports, CIDR', () => {
    const u = (s: string) => new URL(s);
    assert.ok(bypassesProxy(u('https://example.com/'), ['example.com']));
    assert.ok(bypassesProxy(u('https://a.b.example.com/'), ['example.com']));
    assert.ok(bypassesProxy(u('https://a.example.com/'), ['.example.com']));
    assert.ok(bypassesProxy(u('https://a.example.com/'), ['*.example.com']));
    assert.ok(bypassesProxy(u('https://EXAMPLE.com/'), ['Example.COM']));
    assert.ok(!bypassesProxy(u('https://notexample.com/'), ['example.com']), 'a suffix that is not a subdomain');
    assert.ok(!bypassesProxy(u('https://example.com.evil.net/'), ['example.com']));
    assert.ok(bypassesProxy(u('https://gw.corp:8443/'), ['gw.corp:8443']));
    assert.ok(!bypassesProxy(u('https://gw.corp/'), ['gw.corp:8443']), 'another port (443)');
    assert.ok(bypassesProxy(u('http://gw.corp/'), ['gw.corp:80']));
    assert.ok(bypassesProxy(u('http://10.1.2.3:8000/'), ['10.0.0.0/8']));
    assert.ok(!bypassesProxy(u('http://11.1.2.3:8000/'), ['10.0.0.0/8']));
    assert.ok(bypassesProxy(u('http://192.168.7.9/'), ['192.168.7.9']));
    assert.ok(bypassesProxy(u('http://[fd00::1]:8000/'), ['[fd00::1]:8000']));
    assert.ok(!bypassesProxy(u('https://api.openai.com/'), ['', '  ', 'bad/cidr', '10.0.0.0/40']));
  });

  it('says when a configured proxy cannot be used, without its credentials', () => {
    assert.deepEqual(proxyFor(OPENAI, { proxy: 'socks5://user:secret@proxy:1080', env: {} }), { kind: 'invalid', raw: 'socks5://***@proxy:1080', source: 'setting' });
    assert.equal(normaliseProxyUrl('http://'), undefined);
    assert.equal(normaliseProxyUrl('https://proxy:443'), 'https://proxy/');
  });

  it('hides proxy credentials in what it logs', () => {
    assert.equal(redactProxyUrl('http://alice:s3cret@proxy.corp:8080'), 'http://***@proxy.corp:8080/');
    assert.equal(redactProxyUrl('proxy.corp:8080'), 'http://proxy.corp:8080/');
    assert.ok(!redactProxyUrl('alice:s3cret@proxy.corp:8080').includes('s3cret'));
  });

  it('turns proxying off with http.proxySupport "off", and ignores a target that is not a URL', () => {
    assert.deepEqual(proxyFor(OPENAI, { proxy: 'http://p:1', support: 'off', env: {} }), { kind: 'direct', reason: 'off' });
    assert.deepEqual(proxyFor('not a url', { proxy: 'http://p:1', env: {} }), { kind: 'direct', reason: 'bad-target' });
  });
});
