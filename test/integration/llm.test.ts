// LLM mode in a real extension host: Generate Recommendation (LLM) against our own OpenAI-compatible
// server (test/unit/llm/server.ts, bundled into this suite), started here on 127.0.0.1; the settings
// point at it through the workspace configuration. The run streams into the intake's preview
// (observed through the test hooks `activate` returns in test runs); the API key (set through
// SecretStorage) appears only in the Authorization header the server recorded; a 401 gives the
// auth error state; cancel mid-stream keeps the partial text, marks it cancelled, and the server
// sees its socket close.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IntakeStudioTestApi } from '../../src/extension/extension';
import type { PreviewLlmEvent, PreviewTestApi } from '../../src/extension/preview';
import type { LlmTestApi } from '../../src/extension/llm';
import type { LlmRunResult } from '../../src/extension/llm/run';
import type { ToWebview } from '../../src/protocol/messages';
import { FakeLlmServer } from '../unit/llm/server';
import { activateByOpening, nextEventFor, open, readFixture, writeScratch } from './helpers';

const TIMEOUT_MS = 20_000;
const KEY = `sk-intake-it-${Math.random().toString(36).slice(2)}${Date.now()}`;
const COMMAND = 'intake.generateRecommendationLlm';

/** A report as a model streams it: the eight sections, references, a table. */
const REPORT = [
  '# 企业IT系统推荐报告：保险 · 车险理赔自动化',
  '',
  '## 业务需求分析',
  '- 客户为保险公司，聚焦车险理赔自动化〔L1〕。',
  '## 推荐系统方案',
  '| 方案 | 说明 |',
  '| --- | --- |',
  '| A | 国产优先 |',
  '## 适用性分析',
  '- 适用。',
  '## 关键特性',
  '- 自动定损。',
  '## 实施建议',
  '- 分阶段上线。',
  '## 成本效益分析',
  '- 见离线报告。',
  '## 风险提示',
  '- 数据合规。',
  '## 下一步建议',
  '1. 组织POC。',
  '',
].join('\n');

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

let api: PreviewTestApi;
let llmApi: LlmTestApi;
let server: FakeLlmServer;

/** Resolves with the first LLM event of `uri` that satisfies `predicate`. */
function nextLlm(uri: vscode.Uri, predicate: (e: PreviewLlmEvent) => boolean, what: string): Promise<PreviewLlmEvent> {
  return nextEventFor(api.onDidLlm, uri, predicate, what, TIMEOUT_MS);
}

interface Recording {
  posted: ToWebview[];
  events: PreviewLlmEvent[];
  /** Resolves once a message of `type` has been posted to a page (a page that boots late gets the LLM state on `ready`). */
  posts(type: ToWebview['type']): Promise<void>;
  dispose(): void;
}

/** Records everything posted to the pages, and the LLM events, while a test runs. */
function record(): Recording {
  const posted: ToWebview[] = [];
  const events: PreviewLlmEvent[] = [];
  const waiting: { type: string; resolve: () => void }[] = [];
  const subs = [
    api.onDidPost((e) => {
      posted.push(e.message);
      for (const w of waiting.filter((w) => w.type === e.message.type)) w.resolve();
    }),
    api.onDidLlm((e) => events.push(e)),
  ];
  const posts = (type: ToWebview['type']) =>
    posted.some((m) => m.type === type)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms waiting for a ${type} message to the page`)), TIMEOUT_MS);
          waiting.push({ type, resolve: () => (clearTimeout(timer), resolve()) });
        });
  return { posted, events, posts, dispose: () => subs.forEach((s) => s.dispose()) };
}

async function configure(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('intake.llm');
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Nothing the extension shows, logs or stores holds the key. */
async function assertKeyNowhere(posted: readonly ToWebview[]): Promise<void> {
  assert.ok(posted.length > 0, 'something was posted to the preview');
  assert.ok(!JSON.stringify(posted).includes(KEY), 'a message to the preview holds the key');
  for (const p of api.previews()) {
    assert.ok(!p.pageHtml.includes(KEY), 'the webview HTML holds the key');
    assert.ok(!JSON.stringify(p.llm ?? {}).includes(KEY), 'the preview state holds the key');
  }
  const log = llmApi.log();
  assert.ok(log.length > 0, 'the LLM output channel has lines');
  assert.ok(!log.some((l) => l.includes(KEY)), 'a line of the output channel holds the key');
  assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('intake')).includes(KEY), 'a setting holds the key');
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const settings = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.vscode', 'settings.json')));
  assert.ok(!settings.includes(KEY), 'the workspace settings file holds the key');
}

async function intakeWithPreviewClosed(name: string, extraLine?: string): Promise<vscode.Uri> {
  let text = await readFixture('insurance.intake');
  // A contact line in the first section: names, a phone and an e-mail for redaction.
  if (extraLine) text = text.replace(/^(\[客户行业\].*\n)/m, `$1${extraLine}\n`);
  const uri = await writeScratch(name, text);
  await open(uri);
  return uri;
}

suite('LLM mode (Generate Recommendation (LLM))', () => {
  suiteSetup(async () => {
    const ext = await activateByOpening();
    const exports = ext.exports as IntakeStudioTestApi | undefined;
    assert.ok(exports?.preview && exports.llm, 'activate() returned no test hooks: is INTAKE_STUDIO_TEST_API=1 set for the extension host?');
    api = exports.preview;
    llmApi = exports.llm;
    server = await FakeLlmServer.start();
    await configure({ provider: 'openai-compatible', baseUrl: server.baseUrl, model: 'test-model', timeoutSeconds: 10 });
  });

  setup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('intake.clearApiKey');
    await configure({ provider: undefined, baseUrl: undefined, model: undefined, timeoutSeconds: undefined });
    await server?.close();
  });

  test('streams the report into the preview; the key goes only into the Authorization header', async () => {
    assert.equal(await vscode.commands.executeCommand('intake.setApiKey', KEY), true);
    const uri = await intakeWithPreviewClosed('llm-stream.intake');
    // The offline preview first, so that its page is listening when the stream starts.
    const painted = new Promise<void>((resolve) => {
      const sub = api.onDidRender((e) => {
        if (e.uri === uri.toString() && e.kind === 'paint') {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('intake.generateRecommendation');
    await painted;
    server.script({ kind: 'stream', chunks: pieces(REPORT, 10), delayMs: 15 });
    const rec = record();
    try {
      const result = await vscode.commands.executeCommand<LlmRunResult>(COMMAND);
      assert.equal(result?.status, 'done', JSON.stringify(result));
      const deltas = rec.events.filter((e) => e.uri === uri.toString() && e.kind === 'delta');
      assert.ok(deltas.length >= 2, `the text streamed in ${deltas.length} update(s)`);
      assert.ok(deltas[0]!.html!.length < deltas[deltas.length - 1]!.html!.length, 'the text grew while streaming');
      const done = rec.events.find((e) => e.uri === uri.toString() && e.kind === 'done')!.done!;
      for (const text of ['业务需求分析', '下一步建议', '组织POC', '国产优先']) assert.ok(done.html.includes(text), `the preview has ${text}`);
      assert.match(done.html, /<a class="intake-ref" href="#intake-L1" data-line="0">L1<\/a>/, 'references are links, as in the offline report');
      assert.equal(done.cancelled, false);
      assert.equal(done.truncated, false);
      assert.equal(done.error, undefined);
      assert.equal(done.local, true, 'a 127.0.0.1 endpoint gets the "local only" badge');
      const info = api.previews().find((p) => p.uri === uri.toString())!;
      assert.equal(info.llm?.version, 'llm', 'the preview shows the LLM version');
      assert.ok(info.html?.includes('业务需求分析'), 'the offline version is still there');
      // The page got the stream: a start, updates with the whole text so far, the end.
      const types = rec.posted.map((m) => m.type);
      assert.ok(types.includes('llmStart') && types.filter((t) => t === 'llmDelta').length >= 2 && types.includes('llmDone'), types.join(', '));

      const request = server.requests[server.requests.length - 1]!;
      assert.equal(request.headers.authorization, `Bearer ${KEY}`, 'the key is in the Authorization header');
      assert.equal(request.json?.model, 'test-model');
      assert.ok(!request.body.includes(KEY), 'the request body holds the key');
      const otherHeaders = Object.entries(request.headers).filter(([name]) => name !== 'authorization');
      assert.ok(!JSON.stringify(otherHeaders).includes(KEY), 'another header holds the key');
      await assertKeyNowhere(rec.posted);
    } finally {
      rec.dispose();
    }
  });

  test('a 401 gives the auth error state, and the key the server echoes is not shown', async () => {
    const uri = await intakeWithPreviewClosed('llm-401.intake');
    server.script({ kind: 'status', status: 401, message: `Incorrect API key provided: ${KEY}.` });
    const rec = record();
    try {
      const result = await vscode.commands.executeCommand<LlmRunResult>(COMMAND);
      assert.equal(result?.status, 'failed');
      assert.equal(result?.errorKind, 'auth');
      const done = rec.events.find((e) => e.uri === uri.toString() && e.kind === 'done')!.done!;
      assert.equal(done.error?.kind, 'auth');
      assert.match(done.error!.message, /401/);
      assert.ok(done.error!.title.length > 0);
      assert.equal(api.previews().find((p) => p.uri === uri.toString())?.llm?.done?.error?.kind, 'auth');
      // The new preview's page was still loading: it gets the result when it says `ready`.
      await rec.posts('llmDone');
      const shown = rec.posted.find((m) => m.type === 'llmDone');
      assert.equal(shown?.type === 'llmDone' && shown.error?.kind, 'auth', 'the page shows the auth error');
      await assertKeyNowhere(rec.posted);
    } finally {
      rec.dispose();
    }
  });

  test('a 404 names the URL it tried', async () => {
    const uri = await intakeWithPreviewClosed('llm-404.intake');
    server.script({ kind: 'status', status: 404, message: 'The model `test-model` does not exist' });
    const result = await vscode.commands.executeCommand<LlmRunResult>(COMMAND);
    assert.equal(result?.errorKind, 'not-found');
    const done = api.previews().find((p) => p.uri === uri.toString())!.llm!.done!;
    assert.ok(done.error!.message.includes(`${server.baseUrl}/chat/completions`), done.error!.message);
  });

  test('cancel mid-stream keeps the partial text, marked cancelled; the server sees the socket close', async () => {
    const uri = await intakeWithPreviewClosed('llm-cancel.intake');
    const before = server.requests.length;
    server.script({ kind: 'stream', chunks: Array.from({ length: 400 }, (_, i) => `第${i}段内容。`), delayMs: 25 });
    const streaming = nextLlm(uri, (e) => e.kind === 'delta' && (e.html?.length ?? 0) > 40, 'some streamed text');
    const run = vscode.commands.executeCommand<LlmRunResult>(COMMAND);
    await streaming;
    const request = await server.request(before);
    // Exactly what the preview's Cancel button posts (the notification's Cancel is the browser suite's).
    assert.ok(await api.postFromWebview(uri, 0, { type: 'cancelLlm', documentUri: uri.toString() }));
    const result = await run;
    assert.equal(result?.status, 'cancelled');
    assert.ok(result!.chars > 0, 'the partial text is kept');
    await request.socketClosed;
    assert.equal(request.completed, false, 'the server had not finished: the client closed the connection');
    const info = api.previews().find((p) => p.uri === uri.toString())!;
    assert.equal(info.llm?.done?.cancelled, true);
    assert.ok(info.llm!.done!.html.includes('第0段内容'), 'the partial text is in the preview');
    assert.equal(info.llm!.done!.error, undefined, 'a cancel is not an error');
  });

  test('a loopback endpoint needs no key; what was masked is listed; the toggle keeps both versions', async () => {
    await vscode.commands.executeCommand('intake.clearApiKey');
    const uri = await intakeWithPreviewClosed('llm-local.intake', '- 联系人：张伟，电话13812345678，邮箱zhang.wei@mingyuan-ins.com');
    server.script({ kind: 'stream', chunks: pieces(REPORT, 50) });
    const result = await vscode.commands.executeCommand<LlmRunResult>(COMMAND);
    assert.equal(result?.status, 'done');
    const request = server.requests[server.requests.length - 1]!;
    assert.equal(request.headers.authorization, undefined, 'no key, no Authorization header');
    for (const planted of ['张伟', '13812345678', 'zhang.wei@mingyuan-ins.com']) assert.ok(!request.body.includes(planted), `${planted} was sent`);
    // A contact line is not masked but left out of the prompt altogether, and the preview says so.
    const info = api.previews().find((p) => p.uri === uri.toString())!;
    assert.match(info.llm!.done!.redactionSummary, /1 intake line\(s\) with contact details were not sent at all\./);

    // The page's toggle: the offline report again, without a new request; then back.
    const requests = server.requests.length;
    assert.ok(await api.postFromWebview(uri, 0, { type: 'toggleVersion', documentUri: uri.toString(), version: 'offline' }));
    assert.equal(api.previews().find((p) => p.uri === uri.toString())!.llm?.version, 'offline');
    assert.ok(await api.postFromWebview(uri, 0, { type: 'toggleVersion', documentUri: uri.toString(), version: 'llm' }));
    assert.equal(api.previews().find((p) => p.uri === uri.toString())!.llm?.version, 'llm');
    assert.equal(server.requests.length, requests, 'toggling made no request');
  });

  test('the findings banner lists what breaks the plan: an excluded product, a cloud the customer does not use', async () => {
    const uri = await intakeWithPreviewClosed('llm-plan.intake');
    const text = REPORT.replace('| A | 国产优先 |', '| A | 国产优先 |\n| B | 跨云互联选用阿里云 云企业网 CEN |').replace('- 适用。', '- 适用。\n- 灾备放在腾讯云上海区域。\n- 华为云 云连接 CC属于客户未使用的云，已排除。');
    server.script({ kind: 'stream', chunks: pieces(text, 60) });
    const rec = record();
    try {
      const result = await vscode.commands.executeCommand<LlmRunResult>(COMMAND);
      assert.equal(result?.status, 'done');
      const done = api.previews().find((p) => p.uri === uri.toString())!.llm!.done!;
      const plan = done.findings.filter((f) => f.code === 'llm.excluded-product' || f.code === 'llm.unused-cloud');
      assert.deepEqual(plan.map((f) => [f.code, f.severity]), [
        ['llm.excluded-product', 'error'],
        ['llm.unused-cloud', 'warning'],
      ]);
      assert.match(plan[0]!.message, /阿里云 云企业网 CEN/);
      assert.ok(done.findingsSummary.length > 0, 'the banner has its summary');
      await rec.posts('llmDone');
      const posted = rec.posted.find((m) => m.type === 'llmDone');
      assert.ok(posted?.type === 'llmDone' && posted.findings.some((f) => f.code === 'llm.excluded-product'), 'the page got the finding');
    } finally {
      rec.dispose();
    }
  });

  test('a clarification brief is never sent to be expanded: the preview shows the brief, with a message', async () => {
    for (const name of ['blank-simple.intake', 'blank-structured.intake']) {
      const uri = await writeScratch(`llm-${name}`, await readFixture(name));
      await open(uri);
      const before = server.requests.length;
      const painted = new Promise<void>((resolve) => {
        const sub = api.onDidRender((e) => {
          if (e.uri === uri.toString() && e.kind === 'paint') {
            sub.dispose();
            resolve();
          }
        });
      });
      const result = await vscode.commands.executeCommand<LlmRunResult>(COMMAND);
      assert.deepEqual(result, { status: 'brief', chars: 0, findings: 0 }, name);
      await painted;
      assert.equal(server.requests.length, before, `${name}: nothing was sent`);
      const info = api.previews().find((p) => p.uri === uri.toString())!;
      assert.equal(info.llm?.done, undefined, `${name}: no LLM version was written`);
      assert.notEqual(info.llm?.version, 'llm', `${name}: the preview shows the offline version`);
      assert.ok(info.html?.includes('澄清'), `${name}: the preview shows the clarification brief`);
      assert.ok(!info.html!.includes('推荐系统方案'), `${name}: a brief, not a report`);
      assert.ok(llmApi.log().some((l) => l.includes('is too thin for a recommendation') && l.includes('nothing was sent')), 'the message is logged (and shown)');
    }
  });

  test('a truncated report is marked, and Continue appends the rest', async () => {
    const uri = await intakeWithPreviewClosed('llm-truncated.intake');
    const half = REPORT.indexOf('## 实施建议');
    server.script({ kind: 'stream', chunks: pieces(REPORT.slice(0, half), 40), finishReason: 'length' }, { kind: 'stream', chunks: pieces(REPORT.slice(half), 40) });
    const first = await vscode.commands.executeCommand<LlmRunResult>(COMMAND);
    assert.equal(first?.status, 'truncated');
    assert.equal(api.previews().find((p) => p.uri === uri.toString())!.llm?.done?.truncated, true);
    const before = server.requests.length;
    const continued = nextLlm(uri, (e) => e.kind === 'done', 'the continued report');
    // What the preview's Continue button posts.
    await api.postFromWebview(uri, 0, { type: 'continueLlm', documentUri: uri.toString() });
    const done = (await continued).done!;
    assert.equal(done.truncated, false);
    assert.ok(done.html.includes('适用性分析') && done.html.includes('组织POC'), 'both parts are shown');
    const request = server.requests[before]!;
    const sent = request.json?.messages ?? [];
    assert.equal(sent[sent.length - 2]?.role, 'assistant', 'the continuation sends back what was written');
  });
});
