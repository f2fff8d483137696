// The extension under test is the installed .vsix (the e2e harness runs npm run package and
// code-server --install-extension): its folder is a package's, and every file the preview page
// loads is in it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IntakeStudioTestApi } from '../../src/extension/extension';
import { activateByOpening, fixtureUri, open } from './helpers';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

suite('The installed package', () => {
  let ext: vscode.Extension<unknown>;

  suiteSetup(async () => {
    ext = await activateByOpening();
  });

  test('was installed from a .vsix: a package manifest, no sources, tests, dependencies or CLI', async () => {
    assert.ok(await exists(vscode.Uri.joinPath(ext.extensionUri, '.vsixmanifest')), `${ext.extensionUri.fsPath} has no .vsixmanifest: not installed from a package`);
    const entries = (await vscode.workspace.fs.readDirectory(ext.extensionUri)).map(([name]) => name);
    for (const stray of ['src', 'test', 'node_modules', 'cli', 'examples', 'tsconfig.json']) assert.ok(!entries.includes(stray), `${stray} is in the installed extension`);
    assert.ok(await exists(vscode.Uri.joinPath(ext.extensionUri, 'dist', 'webview', 'preview.js')));
  });

  test("every file the preview page loads is in the installed extension's folder", async () => {
    const api = (ext.exports as IntakeStudioTestApi).preview;
    const doc = await open(fixtureUri('insurance.intake'));
    const painted = new Promise<void>((resolve) => {
      const sub = api.onDidRender((e) => {
        if (e.uri === doc.uri.toString() && e.kind === 'paint') {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('intake.generateRecommendation');
    // The page's script reports the paint: it loaded and ran.
    await painted;
    const page = api.previews().find((p) => p.uri === doc.uri.toString())!.pageHtml;
    // The stylesheet and the script; the report's own links are #anchors.
    const urls = [...page.matchAll(/<(?:link rel="stylesheet" href|script [^>]*src)="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!.replace(/&amp;/g, '&')));
    assert.equal(urls.length, 2, urls.join('\n'));
    const root = ext.extensionUri.path;
    for (const url of urls) {
      const at = url.indexOf(root);
      assert.ok(at >= 0, `${url} is not under ${root}`);
      const relative = url.slice(at + root.length + 1).split(/[?#]/)[0]!;
      assert.ok(await exists(vscode.Uri.joinPath(ext.extensionUri, ...relative.split('/'))), `${relative} is missing from the installed extension`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
