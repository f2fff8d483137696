// Chromium through playwright-core, and opening the code-server workbench in it.
import { chromium, type Browser, type Page } from 'playwright-core';

import { CHROMIUM } from './paths';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Opens the workbench on `folder` and waits until it is drawn (about 8 s on a 2-core machine). */
export async function openWorkbench(browser: Browser, serverUrl: string, folder: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${serverUrl}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  return page;
}
