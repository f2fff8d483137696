/**
 * The webview message schemas: every valid message parses, invalid ones and messages about
 * another document are dropped, in both directions; the state the serializer gets back.
 */
import * as assert from 'node:assert/strict';
import {
  FromWebviewSchema,
  parseFromWebview,
  parseInitialRender,
  parsePreviewState,
  parseToWebview,
  ToWebviewSchema,
  type FromWebview,
  type ToWebview,
} from '../../../src/protocol/messages';

const DOC = 'file:///work/insurance.intake';
const OTHER = 'file:///work/aviation.intake';
const labels = { export: 'Export…', exportTooltip: 't', showProblems: 'Show Problems', engine: 'Offline engine', engineTooltip: 't', refTooltip: 't', toolbar: 'Report actions' };
const errors = { count: 2, text: 'The intake has 2 errors.' };

const validToWebview: ToWebview[] = [
  { type: 'render', documentUri: DOC, intakeIndex: 0, version: 3, html: '<h1 data-block="s0-0">报告</h1>', title: '推荐报告：保险', errors, labels, followCursor: true },
  { type: 'render', documentUri: DOC, intakeIndex: 1, version: 3, html: '', title: 't', errors: { count: 0, text: '' }, labels, followCursor: false, highlight: [4, 5], notice: { kind: 'warning', text: 'gone' } },
  { type: 'update', documentUri: DOC, version: 4, baseVersion: 3, title: 't', errors, patch: { kind: 'html', html: '<p>x</p>' } },
  {
    type: 'update',
    documentUri: DOC,
    version: 5,
    baseVersion: 4,
    title: 't',
    errors,
    patch: { kind: 'ops', ops: [{ op: 'remove', block: 's1-2' }, { op: 'replace', block: 's1-1', html: '<ul data-block="s1-1"></ul>' }, { op: 'insert', after: null, html: '<p data-block="s0-0"></p>' }] },
  },
  { type: 'highlightLines', documentUri: DOC, lines: [11, 14], reveal: true },
  { type: 'highlightLines', documentUri: DOC, lines: [], reveal: false },
  { type: 'state', documentUri: DOC, errors },
  { type: 'state', documentUri: DOC, notice: null, followCursor: false },
];

const validFromWebview: FromWebview[] = [
  { type: 'ready', documentUri: DOC },
  { type: 'ready', documentUri: DOC, version: 7 },
  { type: 'rendered', documentUri: DOC, version: 7, kind: 'initial', paintMs: 123.4 },
  { type: 'rendered', documentUri: DOC, version: 7, kind: 'initial', paintMs: 80, marks: { script: 40, received: 0, origin: 1_790_000_000_000, css: 20, js: 25 } },
  { type: 'rendered', documentUri: DOC, version: 8, kind: 'update', paintMs: 12 },
  { type: 'revealLine', documentUri: DOC, line: 11 },
  { type: 'openLink', documentUri: DOC, href: 'https://example.com/a' },
  { type: 'openProblems', documentUri: DOC },
  { type: 'export', documentUri: DOC },
  { type: 'scroll', documentUri: DOC, scrollY: 120 },
  { type: 'scroll', documentUri: DOC, scrollY: 0, line: 3 },
];

describe('preview messages', () => {
  describe('extension → webview', () => {
    for (const msg of validToWebview) {
      it(`accepts a valid ${msg.type} message`, () => {
        assert.deepEqual(parseToWebview(msg, DOC), msg);
      });
      it(`drops a ${msg.type} message about another document`, () => {
        assert.equal(parseToWebview({ ...msg, documentUri: OTHER }, DOC), undefined);
      });
    }

    const invalid: [string, unknown][] = [
      ['no type', { documentUri: DOC, html: '' }],
      ['an unknown type', { type: 'navigate', documentUri: DOC, href: 'https://x' }],
      ['a render without html', { ...validToWebview[0]!, html: undefined }],
      ['a negative version', { ...validToWebview[0]!, version: -1 }],
      ['a fractional line', { type: 'highlightLines', documentUri: DOC, lines: [1.5], reveal: false }],
      ['a line as a string', { type: 'highlightLines', documentUri: DOC, lines: ['3'], reveal: false }],
      ['an unknown patch op', { ...validToWebview[2]!, patch: { kind: 'ops', ops: [{ op: 'eval', code: 'x' }] } }],
      ['an empty block id', { ...validToWebview[2]!, patch: { kind: 'ops', ops: [{ op: 'remove', block: '' }] } }],
      ['missing labels', { ...validToWebview[0]!, labels: undefined }],
      ['an empty documentUri', { ...validToWebview[4]!, documentUri: '' }],
      ['a string', 'render'],
      ['null', null],
      ['an array', [validToWebview[0]]],
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
      ['a message without documentUri', { type: 'openProblems' }],
      ['a negative line', { type: 'revealLine', documentUri: DOC, line: -1 }],
      ['a line beyond any file', { type: 'revealLine', documentUri: DOC, line: 1e12 }],
      ['a line as text', { type: 'revealLine', documentUri: DOC, line: '12' }],
      ['NaN', { type: 'revealLine', documentUri: DOC, line: Number.NaN }],
      ['an empty href', { type: 'openLink', documentUri: DOC, href: '' }],
      ['an unknown type', { type: 'runCommand', documentUri: DOC, command: 'workbench.action.quit' }],
      ['a rendered message with an unknown kind', { type: 'rendered', documentUri: DOC, version: 1, kind: 'partial', paintMs: 1 }],
      ['a negative scroll', { type: 'scroll', documentUri: DOC, scrollY: -5 }],
      ['undefined', undefined],
    ];
    for (const [what, msg] of invalid) {
      it(`drops ${what}`, () => {
        assert.equal(parseFromWebview(msg, DOC), undefined);
        assert.equal(FromWebviewSchema.safeParse(msg).success, false);
      });
    }

    it('strips unknown keys rather than passing them on', () => {
      const parsed = parseFromWebview({ type: 'export', documentUri: DOC, command: 'evil' }, DOC);
      assert.deepEqual(parsed, { type: 'export', documentUri: DOC });
    });
  });

  describe('the first render written into the page', () => {
    const initial = { ...validToWebview[0]!, html: '' };
    it('is a render message whose html is in the page, not in the attribute', () => {
      assert.deepEqual(parseInitialRender(initial, DOC), initial);
      assert.equal(parseInitialRender({ ...initial, html: '<p>x</p>' }, DOC), undefined);
    });
    it('is ignored for another document', () => {
      assert.equal(parseInitialRender({ ...initial, documentUri: OTHER }, DOC), undefined);
    });
  });

  describe('the state kept for the panel serializer', () => {
    it('round-trips the document and the intake', () => {
      const state = { documentUri: DOC, intakeIndex: 2, sourceColumn: 1, scrollY: 300, version: 9 };
      assert.deepEqual(parsePreviewState(JSON.parse(JSON.stringify(state))), state);
    });
    it('needs a document and an intake index', () => {
      assert.equal(parsePreviewState({ intakeIndex: 0 }), undefined);
      assert.equal(parsePreviewState({ documentUri: DOC }), undefined);
      assert.equal(parsePreviewState({ documentUri: DOC, intakeIndex: -1 }), undefined);
      assert.equal(parsePreviewState(undefined), undefined);
      assert.equal(parsePreviewState('{"documentUri":"x"}'), undefined);
    });
  });
});
