// The first hour, in code-server with the packaged .vsix: New Intake through its two
// QuickPicks, the report's toolbar Export, the Intakes view (filter and context menu) and the
// walkthrough. Runs after workbench.e2e.ts (files run in name order), which measures the
// extension's cold start on a fresh profile. Its screenshots feed the README (npm run screenshots).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openWorkbench } from './browser';
import { Artifacts, editor, explorerRow, lineText, openCommand, reportBody, runCommand, until } from './workbench';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through npm run test:e2e`);
  return value;
}

/** Waits until the quick input has finished fading in, so that a screenshot shows it whole. */
async function quickInputShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const widget = document.querySelector('.quick-input-widget');
    return widget !== null && getComputedStyle(widget).opacity === '1';
  });
}

/** Drags the side bar's edge `by` pixels to the right (more room for the Intakes view's descriptions). */
async function widenSideBar(page: Page, by: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('no side bar');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 1 + by, y, { steps: 5 });
  await page.mouse.up();
}

/** The line number Monaco marks as the cursor's (1-based). */
async function cursorLine(ed: Locator): Promise<number | undefined> {
  const text = await ed.locator('.margin-view-overlays .active-line-number').first().textContent();
  return text ? Number(text.trim()) : undefined;
}

suite('The first hour with the packaged extension (code-server + Chromium)', function () {
  const workspace = env('INTAKE_E2E_WORKSPACE');
  const artifacts = new Artifacts(env('INTAKE_E2E_ARTIFACTS'));
  let browser: Browser;
  let page: Page;

  suiteSetup(async () => {
    browser = await launchBrowser();
    page = await openWorkbench(browser, env('INTAKE_E2E_URL'), workspace);
    try {
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Notifications: Clear All Notifications');
    } catch (e) {
      await artifacts.shot(page, 'failed-first-hour-setup');
      throw e;
    }
  });

  suiteTeardown(async () => {
    await browser?.close();
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed' && page) await artifacts.shot(page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  test('Intake: New Intake asks for the template, then the industry, and puts the cursor on the first placeholder', async () => {
    await openCommand(page, 'Intake: New Intake');
    await page.keyboard.press('Enter');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Structured' }).first().waitFor();
    await rows.filter({ hasText: 'Simple' }).first().waitFor();
    await quickInputShown(page);
    await artifacts.shot(page, 'tour-01-new-intake-template');
    await page.keyboard.type('Structured');
    await page.keyboard.press('Enter');

    // The catalog's industries: type in English, the Chinese name is what goes into the intake.
    await rows.filter({ hasText: 'Insurance' }).first().waitFor();
    assert.ok((await rows.count()) >= 8, 'the industries of the knowledge base are offered');
    await page.keyboard.type('Banking');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '银行' }).waitFor();
    await quickInputShown(page);
    await artifacts.shot(page, 'tour-02-new-intake-industry');
    await page.keyboard.press('Enter');

    const ed = page.locator('.monaco-editor[data-uri^="untitled:"]');
    await ed.locator('.view-line').first().waitFor();
    await until(async () => ((await lineText(ed, 1))?.startsWith('[客户行业]：银行') ? true : undefined), 'line 2 to name the industry');
    // The first tab stop is selected: the 细分场景 placeholder on line 3, with the bank segments.
    await until(async () => ((await cursorLine(ed)) === 3 ? true : undefined), 'the cursor on line 3');
    await ed.locator('.view-overlays .selected-text').first().waitFor();
    assert.match((await lineText(ed, 2)) ?? '', /细分场景.*__\(城商行\//);
    await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor();
    await artifacts.shot(page, 'tour-03-new-intake');

    // Typing replaces the placeholder; Tab goes on to the next one (line 5, 用户量).
    await page.keyboard.type('城商行（手机银行）');
    await page.keyboard.press('Tab');
    await until(async () => ((await cursorLine(ed)) === 5 ? true : undefined), 'Tab to move the cursor to line 5');
    assert.match((await lineText(ed, 2)) ?? '', /细分场景\*\*：城商行（手机银行）$/);
    await ed.locator('.view-overlays .selected-text').first().waitFor();
    await runCommand(page, 'View: Revert and Close Editor');
    await ed.waitFor({ state: 'detached' });
  });

  test("the report's toolbar Export writes an HTML file beside the intake", async () => {
    const target = path.join(workspace, 'retail-cross-border.report.html');
    fs.rmSync(target, { force: true });
    await explorerRow(page, 'retail-cross-border.intake').click();
    await editor(page, 'retail-cross-border.intake').locator('.view-line').first().click();
    await openCommand(page, 'Generate Recommendation', 'Intake: Generate Recommendation');
    await page.keyboard.press('Enter');
    const report = reportBody(page);
    await report.locator('h2', { hasText: '推荐系统方案' }).first().waitFor({ timeout: 30_000 });
    await artifacts.shot(page, 'tour-04-report');

    await report.locator('.intake-toolbar [data-action="export"]').click();
    const html = page.locator('.quick-input-list .monaco-list-row', { hasText: 'HTML' }).first();
    await html.waitFor();
    await quickInputShown(page);
    await artifacts.shot(page, 'tour-05-export-format');
    await html.click();
    // The save dialog (code-server's own) proposes the file beside the intake.
    const input = page.locator('.quick-input-widget input');
    await until(async () => ((await input.inputValue()).endsWith('/retail-cross-border.report.html') ? true : undefined), 'the save dialog to propose retail-cross-border.report.html');
    await page.keyboard.press('Enter');
    await page.locator('.notification-toast', { hasText: 'Exported the report to retail-cross-border.report.html' }).waitFor({ timeout: 30_000 });
    const written = fs.readFileSync(target, 'utf8');
    assert.match(written, /^<!DOCTYPE html>/i);
    assert.match(written, /业务需求分析/);
    await artifacts.shot(page, 'tour-06-exported');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await runCommand(page, 'View: Close All Editors');
  });

  test('the Intakes view lists every intake, filters the incomplete ones, and its context menu generates a report', async () => {
    // Room for the view: fold the folder's own pane (Outline and Timeline are folded already).
    const folder = page.locator('.pane-header', { hasText: /^ws-browser$/i }).first();
    await folder.click();
    await widenSideBar(page, 220);
    const header = page.locator('.pane-header', { hasText: /^Intakes/i }).first();
    await header.click();
    const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^Intakes/i }) }).first();
    const row = (text: string) => pane.locator('.monaco-list-row', { hasText: text }).first();
    await row('保险 · 车险理赔自动化').waitFor({ timeout: 60_000 });
    await row('银行 · 城商行（手机银行与开放银行）').waitFor();
    await row('物流 · 冷链物流（医药与生鲜干线运输）').waitFor();
    await until(async () => ((await row('blank-simple.intake').textContent())?.includes('35 warnings') ? true : undefined), 'blank-simple.intake to show 35 warnings');
    await artifacts.shot(page, 'tour-07-intakes-view');

    await header.hover();
    await pane.locator('.pane-header .action-label[aria-label^="Show Incomplete Intakes Only"]').click();
    await row('保险 · 车险理赔自动化').waitFor({ state: 'detached' });
    await row('hospital.intake').waitFor();
    await artifacts.shot(page, 'tour-08-intakes-incomplete');
    await header.hover();
    await pane.locator('.pane-header .action-label[aria-label^="Show All Intakes"]').click();
    await row('保险 · 车险理赔自动化').waitFor();

    await row('物流 · 冷链物流（医药与生鲜干线运输）').click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    for (const label of ['Open', 'Generate Recommendation', 'Export Recommendation Report…']) await menu.locator('.action-label', { hasText: label }).first().waitFor();
    await artifacts.shot(page, 'tour-09-intakes-menu');
    await menu.locator('.action-label', { hasText: 'Generate Recommendation' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: '物流 · 冷链物流' }).first().waitFor({ timeout: 30_000 });
    await reportBody(page).locator('h2', { hasText: '业务需求分析' }).first().waitFor({ timeout: 30_000 });
    // The row's tooltip would cover the view in the screenshot.
    await page.mouse.move(900, 450);
    await page.locator('.workbench-hover').first().waitFor({ state: 'hidden' });
    await artifacts.shot(page, 'tour-10-intakes-report');
    await runCommand(page, 'View: Close All Editors');
    await widenSideBar(page, -220);
    await folder.click();
  });

  test('the walkthrough opens on its five steps', async () => {
    await openCommand(page, 'Welcome: Open Walkthrough');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Intake Studio' }).first().waitFor();
    await page.keyboard.type('Intake Studio');
    await page.keyboard.press('Enter');
    const container = page.locator('.gettingStartedContainer');
    for (const title of ['Create or open an intake', 'Fill the placeholders', 'Read the diagnostics', 'Generate and read the report', 'Export to Word']) {
      await container.locator('.getting-started-step', { hasText: title }).first().waitFor({ timeout: 30_000 });
    }
    // The first step's page: the Markdown file from the package, rendered in a webview.
    const media = page.frameLocator('iframe.webview').first().frameLocator('iframe#active-frame');
    await media.locator('h1', { hasText: 'An intake is one customer' }).waitFor({ timeout: 30_000 });
    await artifacts.shot(page, 'tour-11-walkthrough');

    // Its button runs New Intake; running the command completes the step (Escape cancels the pick).
    const step = container.locator('.getting-started-step[data-step-id$="intake.newIntake"]');
    assert.equal(await step.getAttribute('aria-checked'), 'false');
    await step.getByText('New Intake', { exact: true }).click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Structured' }).first().waitFor();
    await page.keyboard.press('Escape');
    await container.locator('.getting-started-step[data-step-id$="intake.newIntake"][aria-checked="true"]').waitFor({ timeout: 15_000 });
  });
});
