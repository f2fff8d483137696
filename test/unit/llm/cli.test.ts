/** `intake generate --provider openai-compatible` end to end: the built CLI, spawned, against the fake server. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixturesDir } from '../helpers/seeds';
import { BAD_REPORT, chunks, GOOD_REPORT } from './responses';
import { startProxy } from './proxyServer';
import { runCli as cli } from './helpers';
import { FakeLlmServer } from './server';


const FIXTURE = path.join(fixturesDir(), 'analysis.intake');


describe('llm CLI (spawned, real HTTP)', function () {
  this.timeout(15000);
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await server.close();
  });
  const llm = () => ['generate', FIXTURE, '--provider', 'openai-compatible', '--base-url', server.baseUrl, '--model', 'test'];

  it('exits 0 with the Markdown on stdout and progress on stderr', async () => {
    server.script({ kind: 'stream', chunks: chunks(GOOD_REPORT) });
    const r = await cli(llm());
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, GOOD_REPORT);
    assert.match(r.stderr, /^intake: Writing with test at http:\/\/127\.0\.0\.1:\d+\/v1 \(local only/m);
    assert.match(r.stderr, /^intake: POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(model test, attempt 1 of 4\)$/m);
    assert.match(r.stderr, /^intake: Received \d+ characters \(finish reason: stop\)\.$/m);
    // The information findings are printed too, with their codes.
    assert.match(r.stderr, /^intake\.unknown-standard: Report line \d+ names it only to correct it: /m);
    assert.equal(server.requests[0]!.headers.authorization, undefined, 'no key for a loopback URL');
  });

  it('exits 3 and prints each verification finding with its code when the report has problems', async () => {
    server.script({ kind: 'stream', chunks: chunks(BAD_REPORT) });
    const r = await cli(llm());
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.stdout, BAD_REPORT);
    assert.match(r.stderr, /^intake\.unknown-standard: Report line \d+: AICPA SOC 2 has no level "Type III"/m);
    assert.match(r.stderr, /^llm\.budget-total: Report line \d+ states a total budget of \$120万\/年; the engine computed \$100万\/年/m);
  });

  it('exits 3 for a report that recommends an excluded product or breaks a hard constraint, with the new codes, localised', async () => {
    const text = GOOD_REPORT.replace('## 适用性分析\n', '## 适用性分析\n- 跨区域互联也可选用阿里云 云企业网 CEN。\n- 灾备环境放在阿里云上海区域。\n- 阿里云 云企业网 CEN属于客户未使用的云，已排除。\n');
    server.setDefault({ kind: 'stream', chunks: chunks(text) });
    const r = await cli(llm());
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.stdout, text);
    const line = text.split('\n').indexOf('- 跨区域互联也可选用阿里云 云企业网 CEN。') + 1;
    assert.match(r.stderr, new RegExp(`^llm\\.excluded-product: Report line ${line} recommends 阿里云 云企业网 CEN, which the offline report excluded: 属于阿里云，客户只用AWS\\.$`, 'm'));
    assert.match(r.stderr, new RegExp(`^llm\\.unused-cloud: Report line ${line + 1} proposes 阿里云, a cloud the customer does not use \\(it uses AWS\\)\\.$`, 'm'));
    assert.equal(r.stderr.match(/^llm\.(?:excluded-product|unused-cloud):/gm)?.length, 2, 'the line that says it was excluded is no finding');
    const zh = await cli(llm(), { INTAKE_LANG: 'zh-cn' });
    assert.equal(zh.code, 3);
    assert.match(zh.stderr, new RegExp(`^llm\\.excluded-product: 报告第 ${line} 行推荐了 阿里云 云企业网 CEN，而离线报告已将其排除：属于阿里云，客户只用AWS。$`, 'm'));
  });

  it('exits 4 when the endpoint fails, printing nothing on stdout', async () => {
    server.script({ kind: 'status', status: 401 });
    const r = await cli(llm());
    assert.equal(r.code, 4);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^intake: The endpoint requires an API key \(HTTP 401\) and none was set\.$/m);
  });

  it('exits 4 but prints the offline report with --fallback offline', async () => {
    server.script({ kind: 'status', status: 404 });
    const r = await cli([...llm(), '--fallback', 'offline']);
    assert.equal(r.code, 4);
    assert.match(r.stdout, /^# 企业IT系统推荐报告：银行 · 跨境支付清算/);
    assert.match(r.stdout, /## 下一步建议/);
    assert.match(r.stderr, /Nothing found at http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(HTTP 404\)/);
    assert.match(r.stderr, /Printed the offline report instead/);
  });

  it('exits 4 when the connection is refused, and says the partial text was not printed after a disconnect', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await cli(['generate', FIXTURE, '--provider', 'openai-compatible', '--base-url', `http://127.0.0.1:${port}/v1`, '--model', 'test']);
    assert.equal(refused.code, 4);
    assert.match(refused.stderr, /Connection refused/);

    server.script({ kind: 'disconnect', chunks: chunks(GOOD_REPORT), after: 3 });
    const cut = await cli(llm());
    assert.equal(cut.code, 4);
    assert.equal(cut.stdout, '');
    assert.match(cut.stderr, /lost mid-stream/);
    assert.match(cut.stderr, /51 characters received before the failure were not printed/);
  });

  it('sends the key from INTAKE_LLM_API_KEY, then OPENAI_API_KEY, or --api-key-env, only in Authorization, never on stderr', async () => {
    const KEY = 'sk-cli-SECRET-9f8e7d6c5b4a';
    server.setDefault({ kind: 'stream', chunks: chunks(GOOD_REPORT) });
    const runs = [
      await cli(llm(), { INTAKE_LLM_API_KEY: KEY, OPENAI_API_KEY: 'sk-other-key-000000' }),
      await cli(llm(), { OPENAI_API_KEY: KEY }),
      await cli([...llm(), '--api-key-env', 'MY_GATEWAY_KEY'], { MY_GATEWAY_KEY: KEY, OPENAI_API_KEY: 'sk-other-key-000000' }),
    ];
    for (const [i, r] of runs.entries()) {
      assert.equal(r.code, 0, r.stderr);
      assert.equal(server.requests[i]!.headers.authorization, `Bearer ${KEY}`);
      assert.ok(!server.requests[i]!.body.includes(KEY));
      assert.ok(!r.stderr.includes(KEY) && !r.stdout.includes(KEY));
    }
    const missing = await cli([...llm(), '--api-key-env', 'NOT_SET_ANYWHERE']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /NOT_SET_ANYWHERE: the variable is not set/);
  });

  it('writes the report to -o and gives usage errors exit code 2', async () => {
    server.script({ kind: 'stream', chunks: chunks(GOOD_REPORT) });
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'intake-llm-')), 'report.md');
    const r = await cli([...llm(), '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(out, 'utf8'), GOOD_REPORT);
    assert.match(r.stderr, /Wrote /);

    const usage = [
      [['generate', FIXTURE, '--provider', 'openai-compatible', '--base-url', server.baseUrl], /needs --base-url URL and --model NAME/],
      [['generate', FIXTURE, '--provider', 'claude'], /--provider must be offline or openai-compatible/],
      [['generate', FIXTURE, '--model', 'x'], /--model needs --provider openai-compatible/],
      [[...llm(), '--format', 'json'], /writes Markdown only/],
      [[...llm(), '--timeout', '0'], /--timeout takes a number of seconds from 1 to 3600/],
      [[...llm(), '--fallback', 'none'], /--fallback takes only offline/],
    ] as const;
    for (const [args, message] of usage) {
      const u = await cli([...args]);
      assert.equal(u.code, 2, `${args.join(' ')}: ${u.stderr}`);
      assert.match(u.stderr, message);
    }
    assert.equal(server.requests.length, 1, 'usage errors send nothing');
  });

  it('exits 5 for an intake whose offline result is a clarification brief, sending nothing; --fallback offline prints the brief', async () => {
    const seed = path.join(fixturesDir(), 'seed', 'seed.intake');
    const args = ['generate', seed, '--intake', '1', '--provider', 'openai-compatible', '--base-url', server.baseUrl, '--model', 'test'];
    server.setDefault({ kind: 'stream', chunks: chunks(GOOD_REPORT) });
    const r = await cli(args);
    assert.equal(r.code, 5, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `intake: Intake 1 is too thin for a recommendation: its offline result is a clarification brief, the questions to ask the customer. An LLM does not write a report from it. Answer the questions in the intake, then generate again.\nintake: The offline command prints the brief: intake generate ${seed} --intake 1\n`);

    const fallback = await cli([...args, '--fallback', 'offline']);
    assert.equal(fallback.code, 5, fallback.stderr);
    const offline = await cli(['generate', seed, '--intake', '1']);
    assert.equal(offline.code, 0);
    assert.equal(fallback.stdout, offline.stdout, 'the brief, as the offline command prints it');
    assert.match(fallback.stdout, /^# /);
    assert.ok(!fallback.stdout.includes('## 推荐系统方案'), 'a brief, not a report');
    assert.match(fallback.stderr, /Printed the offline clarification brief instead \(--fallback offline\)\.$/m);

    // The other blank template, and an intake of the evaluation set that is too thin; in Chinese too.
    const zh = await cli(['generate', path.join(fixturesDir(), 'eval', 'sparse.intake'), '--provider', 'openai-compatible', '--base-url', server.baseUrl, '--model', 'test'], { INTAKE_LANG: 'zh-cn' });
    assert.equal(zh.code, 5);
    assert.match(zh.stderr, /^intake: 第 1 份调研表的信息不足以给出推荐：离线结果是一份需求澄清清单/);
    assert.equal((await cli([...args.slice(0, 3), '3', ...args.slice(4)])).code, 5);
    assert.equal(server.requests.length, 0, 'nothing was sent');
  });

  it('keeps the offline provider the default', async () => {
    const r = await cli(['generate', FIXTURE]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^# 企业IT系统推荐报告/);
    assert.equal(server.requests.length, 0);
  });

  it('goes through HTTPS_PROXY / HTTP_PROXY for a remote endpoint, and not for one in NO_PROXY', async () => {
    // The proxy tunnels every target to 127.0.0.1, so a host that does not exist stands for a remote endpoint.
    const proxy = await startProxy('alice:s3cret', { toLoopback: true });
    try {
      const remote = ['generate', FIXTURE, '--provider', 'openai-compatible', '--base-url', `http://llm.intake-test.invalid:${server.port}/v1`, '--model', 'test'];
      server.script({ kind: 'stream', chunks: chunks(GOOD_REPORT) });
      const proxyUrl = proxy.url.replace('http://', 'http://alice:s3cret@');
      const r = await cli(remote, { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, NO_PROXY: '' });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, GOOD_REPORT);
      assert.equal(proxy.connects.length, 1);
      assert.equal(proxy.connects[0]!.target, `llm.intake-test.invalid:${server.port}`);
      assert.match(r.stderr, /^intake: Through the proxy http:\/\/\*\*\*@127\.0\.0\.1:\d+\/ \(HTTPS_PROXY \/ HTTP_PROXY\)\.$/m);
      assert.ok(!r.stderr.includes('s3cret'), 'the proxy password is not printed');

      // NO_PROXY: direct, so the made-up host does not resolve.
      const direct = await cli([...remote, '--timeout', '5'], { HTTP_PROXY: proxyUrl, NO_PROXY: '.invalid' });
      assert.equal(direct.code, 4, direct.stderr);
      assert.match(direct.stderr, /Cannot resolve the host|Cannot connect/);
      assert.equal(proxy.connects.length, 1, 'NO_PROXY kept the request away from the proxy');
    } finally {
      await proxy.close();
    }
  });
});
