// Page helpers for the browser suite: what a person sees in the workbench, read from the DOM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export function explorerRow(page: Page, name: string): Locator {
  return page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
}

/** The editor showing `name` (Monaco puts the model's URI on its root element). */
export function editor(page: Page, name: string): Locator {
  return page.locator(`.monaco-editor[data-uri$="/${name}"]`);
}

/** The text of a rendered line, 0-based; Monaco positions lines absolutely, so sort by top. */
export function lineText(ed: Locator, line: number): Promise<string | undefined> {
  return ed.locator('.view-lines').evaluate((el, n) => {
    const lines = Array.from(el.querySelectorAll<HTMLElement>(':scope > .view-line')).sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines[n]?.textContent?.replace(/\u00a0/g, ' ');
  }, line);
}

/** Waits until the status bar's problems item says `Warnings: n`, and returns its label. */
export async function waitForWarnings(page: Page, n: number, timeoutMs = 30_000): Promise<string> {
  const item = page.locator('#status\\.problems');
  await page.waitForFunction(
    (want) => new RegExp(`\\bWarnings: ${want}\\b`).test(document.getElementById('status.problems')?.getAttribute('aria-label') ?? ''),
    n,
    { timeout: timeoutMs },
  );
  return (await item.getAttribute('aria-label')) ?? '';
}

/** The total on the Problems panel's tab: "Problems (Ctrl+Shift+M) - Total 35 Problems". */
export async function problemsPanelTotal(page: Page): Promise<number | undefined> {
  const labels = await page.locator('[aria-label*="Total"][aria-label^="Problems"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const m = labels.map((l) => /Total (\d+) Problems?/.exec(l)).find((x) => x);
  return m ? Number(m[1]) : undefined;
}

/** Clicks the middle of the topmost warning squiggle in the editor, putting the cursor in it. */
export async function clickTopSquiggle(page: Page, ed: Locator): Promise<void> {
  const point = await ed.evaluate((el) => {
    const boxes = Array.from(el.querySelectorAll('.squiggly-warning')).map((s) => s.getBoundingClientRect()).sort((a, b) => a.top - b.top || a.left - b.left);
    const r = boxes[0];
    return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : undefined;
  });
  if (!point) throw new Error('no warning squiggle to click');
  await page.mouse.click(point.x, point.y);
}

/** Polls `probe` until it returns a value; for state that no event announces to this process. */
export async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export class Artifacts {
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  async shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(this.dir, `${name}.png`) });
  }

  /** Merges a number into metrics.json, which the harness prints at the end. */
  metric(name: string, value: number): void {
    const file = path.join(this.dir, 'metrics.json');
    const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>) : {};
    all[name] = value;
    fs.writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  }
}

/**
 * Opens the command palette and types `title`, waiting until a matching row is shown. With
 * `exact`, moves the selection to the row labelled exactly so ("Generate Recommendation" also
 * matches "Generate Recommendation (LLM)").
 */
export async function openCommand(page: Page, title: string, exact?: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  if (!exact) return;
  for (let i = 0; i < 10; i++) {
    const focused = (await page.locator('.quick-input-list .monaco-list-row.focused .label-name').first().textContent())?.trim();
    if (focused === exact) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no command palette row is labelled "${exact}"`);
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await openCommand(page, title);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Go to Line (Ctrl+G) in the focused editor; `line` is 1-based. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The report: the webview's outer iframe (iframe.webview), then its content frame (iframe#active-frame). */
export function reportBody(page: Page) {
  return page.frameLocator('iframe.webview').first().frameLocator('iframe#active-frame').locator('body');
}
