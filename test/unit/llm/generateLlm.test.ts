/** generateLlmReport end to end against the real-HTTP fake server: prompt → redact → stream → verify. */
import * as assert from 'node:assert/strict';
import type { RetryInfo } from '../../../src/core/llm/client';
import { generateLlmReport, type LlmProgress } from '../../../src/core/llm/generateLlm';
import { parseIntake } from '../../../src/core/parser';
import { BAD_REPORT, chunks, GOOD_REPORT, PLANTED, readLlmFixture } from './responses';
import { FakeLlmServer } from './server';

const analysis = parseIntake(readLlmFixture('analysis.intake'));
const pii = parseIntake(readLlmFixture('llm/pii.intake'));

describe('llm generateLlmReport (real HTTP)', () => {
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await server.close();
  });
  const config = () => ({ baseUrl: server.baseUrl, model: 'test', timeoutSeconds: 5, retry: { baseDelayMs: 20 } });

  it('sends the grounded prompt and returns the streamed report, verified clean', async () => {
    server.script({ kind: 'stream', chunks: chunks(GOOD_REPORT) });
    const deltas: string[] = [];
    const phases: LlmProgress['phase'][] = [];
    const report = await generateLlmReport({ file: analysis, config: config() }, { onDelta: (d) => deltas.push(d), onProgress: (p) => phases.push(p.phase) });
    assert.equal(report.error, undefined);
    assert.equal(report.markdown, GOOD_REPORT);
    assert.equal(deltas.join(''), GOOD_REPORT);
    assert.equal(report.finishReason, 'stop');
    assert.equal(report.truncated, false);
    assert.equal(report.cancelled, false);
    assert.equal(report.local, true);
    assert.equal(report.endpoint, `${server.baseUrl}/chat/completions`);
    assert.ok(report.findings.every((f) => f.severity === 'information'), JSON.stringify(report.findings));
    assert.deepEqual([...new Set(phases)], ['prompt', 'request', 'streaming', 'verifying', 'done']);
    // What the server received: the four inputs, the engine's budget total and the shortlists.
    const user = server.requests[0]!.json!.messages![1]!.content;
    for (const label of ['业务性质', '企业规模', '预算范围', '技术需求']) assert.ok(user.includes(`- ${label}：`), label);
    assert.ok(user.includes('- 总预算：$100万/年 〔L19〕'));
    for (const p of report.model.options.flatMap((o) => o.picks)) assert.ok(user.includes(p.product.name), p.product.name);
    assert.ok(report.promptTokens > 1000);
    assert.ok(user.includes(`本提示估算约${report.promptTokens} tokens`));
  });

  it('flags a planted "SOC2 Type III" and a wrong budget total in the streamed text', async () => {
    server.script({ kind: 'stream', chunks: chunks(BAD_REPORT) });
    const report = await generateLlmReport({ file: analysis, config: config() });
    const soc = report.findings.find((f) => f.code === 'intake.unknown-standard' && f.severity === 'error');
    assert.ok(soc, JSON.stringify(report.findings, null, 1));
    assert.match(soc.message, /Type III/);
    const budget = report.findings.find((f) => f.code === 'llm.budget-total');
    assert.equal(budget?.severity, 'warning');
    assert.match(budget.message, /\$120万\/年.*\$100万\/年/);
  });

  it('redacts names, phones, e-mails and IDs from the request body, and un-masks the answer locally', async () => {
    const answer = '## 业务需求分析\n〔客户A〕（联系人〔人名1〕，〔电话1〕）提出需求〔L2〕。';
    server.script({ kind: 'stream', chunks: chunks(answer, 3) });
    const deltas: string[] = [];
    const report = await generateLlmReport({ file: pii, config: config() }, { onDelta: (d) => deltas.push(d) });
    const body = server.requests[0]!.body;
    const decoded = JSON.stringify(server.requests[0]!.json);
    for (const [kind, list] of Object.entries(PLANTED)) {
      for (const original of list) {
        assert.ok(!body.includes(original) && !decoded.includes(original), `${kind} "${original}" was sent`);
        assert.ok(report.redactions.some((r) => r.original === original && r.kind === kind), `${original} not listed`);
      }
    }
    assert.ok(decoded.includes('〔客户A〕') && decoded.includes('〔人名1〕') && decoded.includes('〔电话1〕'));
    // Not masked: the knowledge base's vendors and the intake's facts.
    assert.ok(decoded.includes('阿里云') || decoded.includes('华为'));
    assert.ok(decoded.includes('$120万/年'));
    // Masks are numbered in order of appearance in the prompt: look up what 〔客户A〕 stands for.
    const a = report.redactions.find((r) => r.mask === '〔客户A〕')!.original;
    assert.ok(a === '明远保险' || a === '华东明远保险股份有限公司', a);
    const expected = `## 业务需求分析\n${a}（联系人张伟，13812345678）提出需求〔L2〕。`;
    assert.equal(report.markdown, expected);
    assert.equal(deltas.join(''), expected);
    assert.ok(deltas.every((d) => !/〔(?:客户|人名|电话)[A-Z0-9]*$/.test(d)), 'no delta ends inside a mask');
    assert.equal(report.maskedText, answer);
  });

  it('sends the intake as written with redact: false', async () => {
    server.script({ kind: 'stream', chunks: ['ok'] });
    const report = await generateLlmReport({ file: pii, config: config(), redact: false });
    assert.deepEqual(report.redactions, []);
    assert.ok(server.requests[0]!.body.includes('13812345678'));
  });

  it('keeps the partial text, marked cancelled, when the caller aborts; the server sees the socket close', async () => {
    server.script({ kind: 'stream', chunks: chunks(GOOD_REPORT, 5), delayMs: 15 });
    const controller = new AbortController();
    let seen = '';
    const report = await generateLlmReport(
      { file: analysis, config: config() },
      {
        signal: controller.signal,
        onDelta: (d) => {
          seen += d;
          if (seen.length >= 20) controller.abort();
        },
      },
    );
    assert.equal(report.cancelled, true);
    assert.equal(report.error?.kind, 'cancelled');
    assert.equal(report.markdown, GOOD_REPORT.slice(0, 20));
    assert.ok(!report.findings.some((f) => f.code === 'llm.missing-section'), 'partial text is not blamed for missing sections');
    const req = server.requests[0]!;
    await Promise.all([req.socketClosed, req.responseClosed]);
    assert.equal(req.completed, false);
  });

  it('marks a truncated answer and continues it, sending back the masked text', async () => {
    const first = '## 业务需求分析\n〔客户A〕的需求';
    server.script({ kind: 'stream', chunks: chunks(first, 4), finishReason: 'length' }, { kind: 'stream', chunks: ['〔客户A〕的需求〔L2〕。\n## 推荐系统方案\n'] });
    const truncated = await generateLlmReport({ file: pii, config: { ...config(), maxTokens: 50 } });
    assert.equal(truncated.truncated, true);
    assert.equal(truncated.findings[0]!.code, 'llm.truncated');
    assert.match(truncated.findings[0]!.message, /50 tokens/);
    const more = await generateLlmReport({ file: pii, config: config(), continueFrom: truncated });
    const sent = server.requests[1]!.json!.messages!;
    assert.equal(sent.at(-2)!.role, 'assistant');
    assert.equal(sent.at(-2)!.content, first, 'the masked text goes back, never the un-masked one');
    assert.ok(!server.requests[1]!.body.includes('明远'));
    assert.equal(more.maskedText, '## 业务需求分析\n〔客户A〕的需求〔L2〕。\n## 推荐系统方案\n');
    const a = truncated.redactions.find((r) => r.mask === '〔客户A〕')!.original;
    assert.equal(more.markdown, `## 业务需求分析\n${a}的需求〔L2〕。\n## 推荐系统方案\n`);
    assert.equal(more.truncated, false);
  });

  it('returns endpoint failures instead of throwing', async () => {
    server.script({ kind: 'status', status: 404 });
    const report = await generateLlmReport({ file: analysis, config: config() });
    assert.equal(report.error?.kind, 'not-found');
    assert.ok(report.error!.message.includes(`${server.baseUrl}/chat/completions`));
    assert.equal(report.markdown, '');
    assert.deepEqual(report.findings, []);
    const bad = await generateLlmReport({ file: analysis, config: { ...config(), baseUrl: 'not a url' } });
    assert.equal(bad.error?.kind, 'config');
    assert.equal(bad.local, false);
  });

  it('never lets the key into the result, the progress, the retry notices or the log', async function () {
    this.timeout(5000);
    const KEY = 'sk-live-0123456789abcdefSECRET';
    server.script({ kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } }, { kind: 'stream', chunks: chunks(GOOD_REPORT) });
    const seen: unknown[] = [];
    const report = await generateLlmReport(
      { file: analysis, config: { ...config(), apiKey: KEY } },
      { log: (l) => seen.push(l), onRetry: (r: RetryInfo) => seen.push(r), onProgress: (p) => seen.push(p), onDelta: (d) => seen.push(d) },
    );
    assert.equal(report.error, undefined);
    assert.equal(server.requests.length, 2);
    for (const req of server.requests) {
      assert.equal(req.headers.authorization, `Bearer ${KEY}`);
      assert.ok(!req.body.includes(KEY));
    }
    assert.ok(seen.some((x) => typeof x === 'string' && x.includes('POST')));
    assert.ok(!JSON.stringify(seen).includes(KEY));
    assert.ok(!JSON.stringify(report).includes(KEY));
  });
});
