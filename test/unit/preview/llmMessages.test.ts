/**
 * The LLM stream's messages between the preview page and the extension (llmStart, llmDelta,
 * llmDone, showVersion; toggleVersion and the LLM view's buttons): valid ones parse, invalid
 * ones and messages about another document are dropped, in both directions.
 */
import * as assert from 'node:assert/strict';
import { FromWebviewSchema, parseFromWebview, parseToWebview, ToWebviewSchema, type FromWebview, type LlmLabels, type ToWebview } from '../../../src/protocol/messages';

const DOC = 'file:///work/insurance.intake';
const OTHER = 'file:///work/aviation.intake';
const labels: LlmLabels = {
  offline: 'Offline',
  llm: 'LLM',
  offlineTooltip: 't',
  llmTooltip: 't',
  toggle: 'Report version',
  streaming: 'Writing…',
  done: 'Done',
  cancelled: 'Cancelled',
  truncated: 'Truncated',
  failed: 'Failed',
  cancel: 'Cancel',
  continue: 'Continue',
  retry: 'Retry',
  regenerate: 'Write Again',
  setApiKey: 'Set API Key',
  showOffline: 'Show Offline Report',
  localOnly: 'Local only',
  localOnlyTooltip: 't',
  findings: 'Verification',
};
const header = {
  documentUri: DOC,
  labels,
  detail: 'qwen2.5 · 0 characters',
  endpoint: 'http://127.0.0.1:11434/v1/chat/completions',
  local: true,
  redactions: [{ kind: 'company' as const, label: 'Company', original: '华东明远保险股份有限公司', mask: '[客户1]', count: 3 }],
  redactionSummary: '1 value(s) masked before sending',
};
const done = {
  type: 'llmDone' as const,
  ...header,
  html: '<h2 data-block="s1-0" id="section-1">业务需求分析</h2>',
  findings: [{ code: 'intake.unknown-standard', severity: 'error' as const, message: 'SOC2 Type III does not exist.' }],
  findingsSummary: 'Verification found 1 issue(s).',
  truncated: false,
  cancelled: false,
};

const validToWebview: ToWebview[] = [
  { type: 'llmStart', ...header, continued: false },
  { type: 'llmStart', ...header, local: false, redactions: [], continued: true },
  { type: 'llmDelta', documentUri: DOC, html: '<table data-block="s1-1"><thead><tr><th>a</th></tr></thead></table>', detail: 'qwen2.5 · 42 characters' },
  { type: 'llmDelta', documentUri: DOC, html: '', detail: '' },
  done,
  { ...done, cancelled: true, findings: [], findingsSummary: '' },
  { ...done, truncated: true },
  { ...done, error: { kind: 'auth', title: 'An API key is needed', message: 'The endpoint requires an API key (HTTP 401) and none was set.' } },
  { ...done, error: { kind: 'not-found', title: 'Endpoint or model not found', message: 'Nothing found at http://x/v1/chat/completions (HTTP 404).' } },
  { type: 'showVersion', documentUri: DOC, version: 'llm' },
  { type: 'showVersion', documentUri: DOC, version: 'offline' },
];

const validFromWebview: FromWebview[] = [
  { type: 'toggleVersion', documentUri: DOC, version: 'llm' },
  { type: 'toggleVersion', documentUri: DOC, version: 'offline' },
  { type: 'showOffline', documentUri: DOC },
  { type: 'cancelLlm', documentUri: DOC },
  { type: 'continueLlm', documentUri: DOC },
  { type: 'retryLlm', documentUri: DOC },
  { type: 'setApiKey', documentUri: DOC },
];

describe('preview messages: LLM mode', () => {
  describe('extension → webview', () => {
    for (const msg of validToWebview) {
      it(`accepts a valid ${msg.type} message${'error' in msg && msg.error ? ` (${msg.error.kind})` : ''}`, () => {
        assert.deepEqual(parseToWebview(msg, DOC), msg);
      });
      it(`drops a ${msg.type} message about another document`, () => {
        assert.equal(parseToWebview({ ...msg, documentUri: OTHER }, DOC), undefined);
      });
    }

    const invalid: [string, unknown][] = [
      ['an llmStart without labels', { type: 'llmStart', ...header, labels: undefined, continued: false }],
      ['an llmStart with a label missing', { type: 'llmStart', ...header, labels: { ...labels, cancel: undefined }, continued: false }],
      ['an llmStart without continued', { type: 'llmStart', ...header }],
      ['an llmDelta without html', { type: 'llmDelta', documentUri: DOC, detail: '' }],
      ['an llmDelta with html as a number', { type: 'llmDelta', documentUri: DOC, html: 42, detail: '' }],
      ['an llmDone with an unknown error kind', { ...done, error: { kind: 'exploded', title: 't', message: 'm' } }],
      ['an llmDone whose error has no message', { ...done, error: { kind: 'auth', title: 't' } }],
      ['an llmDone with an unknown finding severity', { ...done, findings: [{ code: 'x', severity: 'fatal', message: 'm' }] }],
      ['an llmDone with an empty finding code', { ...done, findings: [{ code: '', severity: 'error', message: 'm' }] }],
      ['an llmDone without the cancelled flag', { ...done, cancelled: undefined }],
      ['an llmDone with an unknown redaction kind', { ...done, redactions: [{ ...header.redactions[0], kind: 'salary' }] }],
      ['an llmDone with a negative redaction count', { ...done, redactions: [{ ...header.redactions[0], count: -1 }] }],
      ['an llmDone with a local flag as text', { ...done, local: 'yes' }],
      ['a showVersion with an unknown version', { type: 'showVersion', documentUri: DOC, version: 'gpt' }],
      ['a showVersion without a version', { type: 'showVersion', documentUri: DOC }],
      ['an llmDelta with text beyond the bounds', { type: 'llmDelta', documentUri: DOC, html: '', detail: 'x'.repeat(3000) }],
    ];
    for (const [what, msg] of invalid) {
      it(`drops ${what}`, () => {
        assert.equal(parseToWebview(msg, DOC), undefined);
        assert.equal(ToWebviewSchema.safeParse(msg).success, false);
      });
    }
  });

  describe('webview → extension', () => {
    for (const msg of validFromWebview) {
      it(`accepts a valid ${msg.type} message`, () => {
        assert.deepEqual(parseFromWebview(msg, DOC), msg);
      });
      it(`drops a ${msg.type} message about another document`, () => {
        assert.equal(parseFromWebview({ ...msg, documentUri: OTHER }, DOC), undefined);
      });
    }

    const invalid: [string, unknown][] = [
      ['a toggle to an unknown version', { type: 'toggleVersion', documentUri: DOC, version: 'both' }],
      ['a toggle without a version', { type: 'toggleVersion', documentUri: DOC }],
      ['a cancel without documentUri', { type: 'cancelLlm' }],
      ['a setApiKey with an empty documentUri', { type: 'setApiKey', documentUri: '' }],
    ];
    for (const [what, msg] of invalid) {
      it(`drops ${what}`, () => {
        assert.equal(parseFromWebview(msg, DOC), undefined);
        assert.equal(FromWebviewSchema.safeParse(msg).success, false);
      });
    }

    it('never carries a key from the page: setApiKey drops any value it is given', () => {
      assert.deepEqual(parseFromWebview({ type: 'setApiKey', documentUri: DOC, key: 'sk-from-the-page' }, DOC), { type: 'setApiKey', documentUri: DOC });
    });
  });
});
