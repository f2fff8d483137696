/**
 * The preview's delivery state machine (src/extension/preview/delivery.ts): how a report reaches
 * the page whatever the page does: written into the page's HTML while it cannot listen, posted
 * whole to a page that shows nothing, patched against what it shows, and sent again in full when
 * a message is lost.
 */
import * as assert from 'node:assert/strict';
import { Delivery, type DeliveryTarget, type Rendered } from '../../../src/extension/preview/delivery';
import type { Notice, RenderMessage, ToWebview } from '../../../src/protocol/messages';

const URI = 'file:///w/a.intake';

class FakePage implements DeliveryTarget {
  visible = true;
  title = 'Recommendation: a.intake';
  pages: (RenderMessage | undefined)[] = [];
  posted: ToWebview[] = [];
  private losts: (() => void)[] = [];

  setPage(initial: RenderMessage | undefined): void {
    this.pages.push(initial);
  }

  post(message: ToWebview, lost: () => void): void {
    this.posted.push(message);
    this.losts.push(lost);
  }

  renderMessage(report: Rendered, notice: Notice | undefined): RenderMessage {
    return {
      type: 'render',
      documentUri: URI,
      intakeIndex: 0,
      version: report.version,
      html: report.html,
      title: report.title,
      errors: report.errors,
      labels: { export: '', exportTooltip: '', showProblems: '', engine: '', engineTooltip: '', refTooltip: '', toolbar: '' },
      followCursor: true,
      ...(notice ? { notice } : {}),
    };
  }

  /** The last posted message was not delivered. */
  loseLast(): void {
    this.losts[this.losts.length - 1]!();
  }

  types(): string[] {
    return this.posted.map((m) => m.type);
  }
}

function report(version: number, body = `v${version}`): Rendered {
  return { version, html: `<h2 data-block="s1">${body}</h2><p data-block="p1">${body}</p>`, title: 't', errors: { count: 0, text: '' } };
}

describe('the preview delivery state machine', () => {
  it('writes the first report into the page HTML, then patches the page once it listens', () => {
    const page = new FakePage();
    const d = new Delivery(page, URI);
    assert.equal(d.state, 'unset');
    assert.equal(d.report(report(1)), 'embedded');
    assert.equal(page.pages.length, 1);
    assert.equal(page.pages[0]?.version, 1);
    assert.equal(d.state, 'loading');
    // The page loaded with version 1 in its HTML: nothing to send but the state.
    assert.equal(d.ready(1), 'state');
    assert.deepEqual(page.types(), ['state']);
    assert.equal(d.report(report(2)), 'updated');
    const update = page.posted.at(-1);
    assert.ok(update?.type === 'update' && update.baseVersion === 1 && update.version === 2);
  });

  it('sends a full render to a page that does not show the version its HTML held', () => {
    const page = new FakePage();
    const d = new Delivery(page, URI);
    d.report(report(1));
    assert.equal(d.ready(undefined), 'rendered');
    assert.deepEqual(page.types(), ['render']);
  });

  it('sets an empty page when the first report is slow, and sends the report once the page listens', () => {
    const page = new FakePage();
    const d = new Delivery(page, URI);
    d.pageTimeout();
    assert.deepEqual(page.pages, [undefined]);
    d.pageTimeout();
    assert.equal(page.pages.length, 1, 'the page is set once');
    assert.equal(d.ready(undefined), 'waiting', 'nothing to show yet: the caller renders');
    assert.equal(d.report(report(1)), 'rendered');
    assert.deepEqual(page.types(), ['render']);
  });

  it('waits for a page loading in view, and writes reports into the HTML of a hidden one', () => {
    const page = new FakePage();
    const d = new Delivery(page, URI);
    d.report(report(1));
    assert.equal(d.report(report(2)), 'waiting', 'the page is loading in view: it gets the report when ready');
    assert.equal(page.pages.length, 1);
    d.ready(1);
    d.hidden();
    page.visible = false;
    assert.equal(d.report(report(3)), 'embedded');
    assert.equal(page.pages.at(-1)?.version, 3);
    page.visible = true;
    const sent = page.posted.length;
    assert.equal(d.ready(3), 'state', 'the reloaded page shows version 3 already');
    assert.deepEqual(page.types().slice(sent), ['state']);
  });

  it('treats an undelivered message as a page gone: the next page gets a full render', () => {
    const page = new FakePage();
    const d = new Delivery(page, URI);
    d.report(report(1));
    d.ready(1);
    d.report(report(2));
    page.loseLast();
    assert.equal(d.state, 'loading');
    assert.equal(d.ready(undefined), 'rendered');
    assert.equal(page.posted.at(-1)?.type, 'render');
  });

  it('ignores a late delivery failure of an earlier page', () => {
    const page = new FakePage();
    const d = new Delivery(page, URI);
    d.report(report(1));
    d.ready(undefined);
    d.hidden();
    d.ready(undefined);
    const first = (page as unknown as { losts: (() => void)[] }).losts[0]!;
    first();
    assert.equal(d.state, 'listening', 'the newer page still listens');
  });

  it('shows a notice over an empty report when there is none, and clears it with a state message', () => {
    const page = new FakePage();
    const d = new Delivery(page, URI);
    d.setNotice({ kind: 'error', text: 'Cannot open a.intake' }, 3);
    assert.equal(page.pages.length, 1);
    assert.equal(page.pages[0]?.notice?.text, 'Cannot open a.intake');
    assert.equal(page.pages[0]?.html, '');
    d.ready(3);
    d.setNotice(undefined);
    const last = page.posted.at(-1);
    assert.ok(last?.type === 'state' && last.notice === null);
  });

  it('updates the error banner only when the count changes, and only on a page that shows the report', () => {
    const page = new FakePage();
    const d = new Delivery(page, URI);
    d.report(report(1));
    d.setErrors({ count: 2, text: '2 errors' });
    assert.equal(page.posted.length, 0, 'the page does not listen yet');
    assert.equal(d.latest?.errors.count, 2);
    d.ready(1);
    d.setErrors({ count: 2, text: '2 errors' });
    const before = page.posted.length;
    d.setErrors({ count: 1, text: '1 error' });
    assert.equal(page.posted.length, before + 1);
    assert.equal(page.posted.at(-1)?.type, 'state');
  });

  it('posts state, highlights and contributions only to a page that listens', () => {
    const page = new FakePage();
    const d = new Delivery(page, URI);
    const highlight: ToWebview = { type: 'highlightLines', documentUri: URI, lines: [1], reveal: true };
    assert.equal(d.postToShowing(highlight), false);
    assert.equal(d.postToListening({ type: 'showVersion', documentUri: URI, version: 'offline' }), false);
    d.report(report(1));
    d.ready(undefined);
    assert.equal(d.postToShowing(highlight), true);
    assert.equal(d.postToListening({ type: 'showVersion', documentUri: URI, version: 'offline' }), true);
  });
});
