/** generateLlmReport end to end against the real-HTTP fake server: prompt → redact → stream → verify. */
import * as assert from 'node:assert/strict';
import type { RetryInfo } from '../../../src/core/llm/client';
import { generateReport } from '../../../src/core/engine/generate';
import { generateLlmReport, LlmBriefError, type LlmProgress } from '../../../src/core/llm/generateLlm';
import { parseIntake } from '../../../src/core/parser';
import { readFixture } from '../helpers/seeds';
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
    // What the server received: the offline model's facts, figures, picks, exclusions and questions.
    const user = server.requests[0]!.json!.messages![1]!.content;
    assert.ok(user.includes('- 核心业务系统：支付清算系统'));
    assert.ok(user.includes('- 在用的云：AWS（AWS北京、AWS法兰克福）'));
    assert.ok(user.includes('- 总预算：$100万/年 〔L19〕'));
    for (const p of report.model.options.flatMap((o) => o.picks)) assert.ok(user.includes(`- 推荐：${p.product.name}`), p.product.name);
    for (const e of report.model.exclusions) assert.ok(user.includes(e.product.name) && user.includes(e.reason), e.product.name);
    for (const c of report.model.clarifications) assert.ok(user.includes(c.question), c.question);
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

  it('sends no personal data: contact lines stay out, names met elsewhere are masked; the answer is un-masked locally and checked', async () => {
    // 张伟 is a contact (line 5); here he is also named in a line that is not a contact line.
    const file = parseIntake(readLlmFixture('llm/pii.intake').replace('- 业务影响：客户投诉率月增15%', '- 业务影响：客户投诉率月增15%，张伟反映理赔系统慢'));
    const answer = '## 业务需求分析\n〔客户A〕的〔人名1〕反映理赔慢〔L10〕。';
    server.script({ kind: 'stream', chunks: chunks(answer, 3) });
    const deltas: string[] = [];
    const report = await generateLlmReport({ file, config: config() }, { onDelta: (d) => deltas.push(d) });
    const body = server.requests[0]!.body;
    const decoded = JSON.stringify(server.requests[0]!.json);
    for (const [kind, list] of Object.entries(PLANTED)) {
      for (const original of list) assert.ok(!body.includes(original) && !decoded.includes(original), `${kind} "${original}" was sent`);
    }
    assert.deepEqual(
      report.redactions.map((r) => [r.kind, r.original, r.mask]).sort(),
      [
        ['company', '华东明远保险股份有限公司', report.redactions.find((r) => r.original === '华东明远保险股份有限公司')!.mask],
        ['company', '明远保险', report.redactions.find((r) => r.original === '明远保险')!.mask],
        ['person', '张伟', '〔人名1〕'],
      ].sort(),
    );
    assert.ok(decoded.includes('〔客户A〕') && decoded.includes('〔人名1〕'));
    // Not masked: the knowledge base's vendors and the intake's facts.
    assert.ok(decoded.includes('Amazon Web Services') || decoded.includes('华为'));
    assert.ok(decoded.includes('$120万/年'));
    // Masks are numbered in order of appearance in the prompt: look up what 〔客户A〕 stands for.
    const a = report.redactions.find((r) => r.mask === '〔客户A〕')!.original;
    assert.ok(a === '明远保险' || a === '华东明远保险股份有限公司', a);
    const expected = `## 业务需求分析\n${a}的张伟反映理赔慢〔L10〕。`;
    assert.equal(report.markdown, expected);
    assert.equal(deltas.join(''), expected);
    assert.ok(deltas.every((d) => !/〔(?:客户|人名|电话)[A-Z0-9]*$/.test(d)), 'no delta ends inside a mask');
    assert.equal(report.maskedText, answer);
    // Un-masked for display, the contact's name is personal data in a report: flagged.
    assert.deepEqual(report.findings.filter((f) => f.code === 'llm.personal-data').map((f) => [f.severity, f.line]), [['error', 2]]);
  });

  it("sends the customer's name as written with redact: false, but never a contact line", async () => {
    server.script({ kind: 'stream', chunks: ['ok'] });
    const report = await generateLlmReport({ file: pii, config: config(), redact: false });
    assert.deepEqual(report.redactions, []);
    const body = server.requests[0]!.body;
    assert.ok(body.includes('华东明远保险股份有限公司'));
    for (const value of [...PLANTED.person, ...PLANTED.phone, ...PLANTED.email, ...PLANTED.id]) assert.ok(!body.includes(value), value);
  });

  it('grounds on the offline model it is given (the preview\'s), without generating it again', async () => {
    const shown = generateReport(analysis, 0, { asOf: '2026-06-01' });
    const model = { ...shown, title: `${shown.title}（预览中的版本）` };
    server.script({ kind: 'stream', chunks: chunks(GOOD_REPORT) });
    const report = await generateLlmReport({ file: analysis, config: config(), model });
    assert.equal(report.model, model);
    assert.ok(server.requests[0]!.json!.messages![0]!.content.includes(`# ${model.title}`));
  });

  it('never expands a clarification brief: throws before anything is sent', async () => {
    const thin = parseIntake(readFixture('eval/sparse.intake'));
    assert.equal(generateReport(thin, 0).kind, 'brief');
    server.script({ kind: 'stream', chunks: chunks(GOOD_REPORT) });
    let phases = 0;
    await assert.rejects(
      generateLlmReport({ file: thin, config: config() }, { onProgress: () => phases++, onPrompt: () => phases++ }),
      (e: unknown) => e instanceof LlmBriefError && /Intake 1 is too thin for a recommendation: its offline result is a clarification brief/.test(e.message),
    );
    assert.equal(server.requests.length, 0);
    assert.equal(phases, 0, 'no prompt was even built');
    // The seed's blank templates too.
    const seed = parseIntake(readFixture('seed/seed.intake'));
    for (const index of [0, 2]) await assert.rejects(generateLlmReport({ file: seed, index, config: config() }), LlmBriefError);
    assert.equal(server.requests.length, 0);
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
