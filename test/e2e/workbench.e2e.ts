// The browser suite: a person's path through Intake Studio in code-server, driven by playwright-core.
// Run by the harness (npm run test:e2e), which passes the server and workspace in the environment.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openWorkbench } from './browser';
import { Artifacts, clickTopSquiggle, editor, explorerRow, lineText, problemsPanelTotal, until, waitForWarnings } from './workbench';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through npm run test:e2e`);
  return value;
}

const CONTROL = 'unicode-control.yaml';

suite('Intake Studio in the workbench (code-server + Chromium)', function () {
  const workspace = env('INTAKE_E2E_WORKSPACE');
  const artifacts = new Artifacts(env('INTAKE_E2E_ARTIFACTS'));
  const extensionPkg = JSON.parse(fs.readFileSync(path.join(env('INTAKE_E2E_EXTENSION_DIR'), 'package.json'), 'utf8'));
  let browser: Browser;
  let page: Page;

  suiteSetup(async () => {
    // The same text as an intake, but YAML: VS Code's default unicode highlighting boxes its
    // full-width punctuation, which shows the check below would see boxes if there were any.
    fs.copyFileSync(path.join(workspace, 'insurance.intake'), path.join(workspace, CONTROL));
    browser = await launchBrowser();
    page = await openWorkbench(browser, env('INTAKE_E2E_URL'), workspace);
  });

  suiteTeardown(async () => {
    await browser?.close();
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed' && page) await artifacts.shot(page, `failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  test('the Explorer lists the seed intakes', async () => {
    for (const name of ['blank-simple.intake', 'insurance.intake', 'blank-structured.intake', 'aviation.intake', 'seeds.intake']) {
      await explorerRow(page, name).waitFor({ timeout: 60_000 });
    }
    await artifacts.shot(page, '01-workspace');
  });

  test('clicking blank-simple.intake in the Explorer shows warning squiggles', async () => {
    const started = Date.now();
    await explorerRow(page, 'blank-simple.intake').click();
    await editor(page, 'blank-simple.intake').locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    artifacts.metric('openToFirstSquiggleMs', Date.now() - started);
    await waitForWarnings(page, 35);
    artifacts.metric('openToProblemsCountMs', Date.now() - started);
    await artifacts.shot(page, '02-squiggles');
  });

  test('the Problems panel counts the 35 placeholders', async () => {
    const status = await waitForWarnings(page, 35);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor();
    await page.waitForFunction(() => /Total \d+ Problems?/.test(document.querySelector('[aria-label^="Problems"][aria-label*="Total"]')?.getAttribute('aria-label') ?? ''));
    assert.equal(await problemsPanelTotal(page), 35, `status bar says "${status}"`);
    await artifacts.shot(page, '03-problems-panel');
  });

  test('Ctrl+. on a placeholder offers quick fixes, and Enter applies one', async () => {
    const ed = editor(page, 'blank-simple.intake');
    const before = await lineText(ed, 0);
    assert.ok(before?.includes('__('), `line 1 has no placeholder: ${before}`);
    await clickTopSquiggle(page, ed);
    await page.keyboard.press('Control+Period');
    const first = page.locator('.action-widget .monaco-list-row.action').first();
    await first.waitFor();
    const title = await first.textContent();
    await artifacts.shot(page, '04-quick-fix-menu');
    await page.keyboard.press('Enter');
    const after = await until(async () => {
      const text = await lineText(ed, 0);
      return text !== before ? text : undefined;
    }, 'line 1 to change');
    assert.notEqual(after, before);
    assert.ok(!after?.includes('__('), `"${title}" left the placeholder: ${after}`);
    await waitForWarnings(page, 34);
    await artifacts.shot(page, '05-quick-fix-applied');
  });

  test('typing a new placeholder in the editor updates the diagnostics', async () => {
    await waitForWarnings(page, 34);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- 备注：__(待补充)__');
    await page.keyboard.press('Escape');
    await waitForWarnings(page, 35);
    await artifacts.shot(page, '06-typed-placeholder');
  });

  test('opening a second intake once the extension is active shows its squiggles', async () => {
    // The first open above also pays for the extension host's start-up and the activation;
    // this one measures the diagnostics alone. The structured template has 40 placeholders.
    await waitForWarnings(page, 35);
    const started = Date.now();
    await explorerRow(page, 'blank-structured.intake').click();
    await editor(page, 'blank-structured.intake').locator('.squiggly-warning').first().waitFor();
    artifacts.metric('warmOpenToFirstSquiggleMs', Date.now() - started);
    await waitForWarnings(page, 75);
  });

  test('full-width ： and （ in an intake are not boxed as ambiguous unicode', async () => {
    await explorerRow(page, 'insurance.intake').click();
    const intake = editor(page, 'insurance.intake');
    await intake.locator('.view-line').first().waitFor();
    // Alt+click opens beside. Unicode highlights come from the editor worker, which answers in
    // order: once the control (opened second) has its boxes, the intake's would have arrived.
    await explorerRow(page, CONTROL).click({ modifiers: ['Alt'] });
    await editor(page, CONTROL).locator('.unicode-highlight').first().waitFor({ timeout: 30_000 });
    await artifacts.shot(page, '07-unicode-intake-vs-yaml');
    assert.equal(await intake.locator('.unicode-highlight').count(), 0, 'the intake editor boxes ambiguous characters');
  });

  test('Developer: Show Running Extensions lists Intake Studio as activated', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('Developer: Show Running Extensions');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor();
    await page.keyboard.press('Enter');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Activation:' }).filter({ hasText: /Intake Studio/ });
    await row.first().waitFor();
    const text = (await row.first().textContent()) ?? '';
    const m = /Activation:\s*(\d+)\s*ms/.exec(text);
    assert.ok(m, `no activation time in "${text}"`);
    artifacts.metric('runningExtensionsActivationMs', Number(m[1]));
    await artifacts.shot(page, '08-running-extensions');
  });

  test('Generate Recommendation shows the report beside the intake and follows edits', async function () {
    const commands: { command: string }[] = extensionPkg.contributes?.commands ?? [];
    if (!commands.some((c) => c.command === 'intake.generateRecommendation')) this.skip();
    await explorerRow(page, 'insurance.intake').click();
    const intake = editor(page, 'insurance.intake');
    await intake.locator('.view-line').first().click();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('Generate Recommendation');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Generate Recommendation' }).first().waitFor();
    await page.keyboard.press('Enter');
    const report = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame').locator('body');
    for (const heading of ['业务需求分析', '推荐系统方案']) await report.getByText(heading).first().waitFor({ timeout: 30_000 });
    await artifacts.shot(page, '09-report');
    const before = await report.innerText();
    await intake.locator('.view-line').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n- 备注：需要支持多语言客服');
    await until(async () => ((await report.innerText()) !== before ? true : undefined), 'the report to change after the edit');
    await artifacts.shot(page, '10-report-updated');
  });
});
