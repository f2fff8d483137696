/**
 * LlmPane, the extension's side of the preview's LLM version: the stream is posted at most once
 * every 50 ms, each post with the whole text so far; the end is posted at once; a reloaded page
 * gets everything back; the page's own toggle is only remembered.
 */
import * as assert from 'node:assert/strict';
import type { ToWebview } from '../../../src/protocol/messages';
import { LlmPane, MIN_POST_INTERVAL_MS, type LlmDone, type LlmHeader, type LlmPaneEvent, type PaneClock } from '../../../src/extension/preview/llmPane';

const DOC = 'file:///work/insurance.intake';
const labels = Object.fromEntries(
  ['offline', 'llm', 'offlineTooltip', 'llmTooltip', 'toggle', 'streaming', 'done', 'cancelled', 'truncated', 'failed', 'cancel', 'continue', 'retry', 'regenerate', 'setApiKey', 'showOffline', 'localOnly', 'localOnlyTooltip', 'findings'].map((k) => [k, k]),
) as LlmHeader['labels'];
const header: LlmHeader = { labels, detail: 'm · 0', endpoint: 'http://127.0.0.1:1/v1/chat/completions', local: true, redactions: [], redactionSummary: 'none' };

/**
 * A clock the test advances itself: the throttle is checked on its own terms, not on how busy the
 * machine is, and "nothing more is posted later" is checked without waiting.
 */
function fakeClock(): PaneClock & { advance(ms: number): void; time(): number } {
  let now = 1_000;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    time: () => now,
    setTimeout: (run, ms) => {
      const t = { at: now + ms, run };
      timers.push(t);
      return t;
    },
    clearTimeout: (t) => {
      const i = timers.indexOf(t as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

function setUp() {
  const clock = fakeClock();
  const posted: { at: number; message: ToWebview }[] = [];
  const events: LlmPaneEvent[] = [];
  let renders = 0;
  const pane = new LlmPane({ documentUri: DOC, post: (message) => posted.push({ at: clock.time(), message }), fire: (e) => events.push(e) }, clock);
  const render = (md: string) => {
    renders++;
    return `<p>${md}</p>`;
  };
  return { pane, posted, events, render, renders: () => renders, clock };
}

function done(html: string, extra: Partial<LlmDone> = {}): LlmDone {
  return { ...header, html, findings: [], findingsSummary: '', truncated: false, cancelled: false, ...extra };
}

describe('LlmPane (the LLM version of a preview)', () => {
  it('starts by switching the page to the LLM version', () => {
    const { pane, posted, render } = setUp();
    pane.start(header, { continued: false, render });
    assert.deepEqual(posted.map((p) => p.message.type), ['llmStart', 'showVersion']);
    assert.equal(pane.version, 'llm');
    assert.equal(pane.running, true);
  });

  it('posts the streamed text at most once per 50 ms, whole, and renders only what it posts', () => {
    const { pane, posted, render, renders, clock } = setUp();
    pane.start(header, { continued: false, render });
    let text = '';
    // A token every 2 ms for 400 ms.
    for (let t = 0; t < 400; t += 2) {
      text += 'x';
      pane.text(text, `m · ${text.length}`);
      clock.advance(2);
    }
    clock.advance(MIN_POST_INTERVAL_MS);
    const deltas = posted.filter((p) => p.message.type === 'llmDelta');
    assert.ok(deltas.length >= 400 / MIN_POST_INTERVAL_MS && deltas.length <= 400 / MIN_POST_INTERVAL_MS + 2, `${deltas.length} updates in 400 ms`);
    for (let i = 1; i < deltas.length; i++) assert.ok(deltas[i]!.at - deltas[i - 1]!.at >= MIN_POST_INTERVAL_MS, `updates ${i - 1} and ${i} are ${deltas[i]!.at - deltas[i - 1]!.at} ms apart`);
    const last = deltas[deltas.length - 1]!.message as Extract<ToWebview, { type: 'llmDelta' }>;
    assert.equal(last.html, `<p>${text}</p>`, 'the last update has the whole text');
    assert.equal(renders(), deltas.length, 'each rendering is posted: none is wasted on a text that was replaced');
  });

  it('posts the end at once, dropping a pending update, and keeps the text', () => {
    const { pane, posted, events, render, clock } = setUp();
    pane.start(header, { continued: false, render });
    pane.text('partial', 'm · 7');
    pane.finish('partial', done('<p>partial</p>', { cancelled: true }), { result: 1 });
    clock.advance(MIN_POST_INTERVAL_MS * 2);
    assert.deepEqual(posted.map((p) => p.message.type), ['llmStart', 'showVersion', 'llmDone']);
    assert.equal(pane.running, false);
    assert.deepEqual(pane.result, { result: 1 });
    assert.deepEqual(pane.snapshot().markdown, 'partial');
    assert.equal(events.at(-1)?.kind, 'done');
  });

  it('gives a reloaded page everything: the state so far while streaming, the end once done', () => {
    const { pane, posted, render } = setUp();
    pane.resend();
    assert.equal(posted.length, 0, 'nothing to resend before a run');
    pane.start(header, { continued: false, render });
    pane.text('so far', 'm · 6');
    posted.length = 0;
    pane.resend();
    assert.deepEqual(posted.map((p) => p.message.type), ['llmStart', 'llmDelta', 'showVersion']);
    assert.equal((posted[1]!.message as Extract<ToWebview, { type: 'llmDelta' }>).html, '<p>so far</p>');
    pane.finish('so far.', done('<p>so far.</p>'), undefined);
    pane.shown('offline');
    posted.length = 0;
    pane.resend();
    assert.deepEqual(posted.map((p) => p.message.type), ['llmDone', 'showVersion']);
    assert.deepEqual(posted[1]!.message, { type: 'showVersion', documentUri: DOC, version: 'offline' }, 'the version the page last showed');
    pane.dispose();
  });

  it('keeps the text on a continuation, clears it on a new run', () => {
    const { pane, render } = setUp();
    pane.start(header, { continued: false, render });
    pane.finish('first part', done('<p>first part</p>', { truncated: true }), 'r1');
    pane.start(header, { continued: true, render });
    assert.equal(pane.snapshot().markdown, 'first part');
    assert.equal(pane.result, 'r1', 'a continuation keeps the result it continues');
    pane.finish('first part, second part', done('<p>…</p>'), 'r2');
    pane.start(header, { continued: false, render });
    assert.equal(pane.snapshot().markdown, '');
    assert.equal(pane.result, undefined);
  });

  it('ignores a toggle to the LLM version before there is one', () => {
    const { pane } = setUp();
    pane.shown('llm');
    assert.equal(pane.version, 'offline');
  });
});
