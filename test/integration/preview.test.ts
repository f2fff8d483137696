// The report preview in a real extension host: the command opens the webview beside the intake
// and leaves the focus in the editor; an edit changes the report; a reference click (the very
// message the webview posts, through the same handler) moves the editor's selection.
//
// The suite observes the preview through the test hooks `activate` returns in test runs only
// (IntakeStudioTestApi in src/extension/extension.ts; code-server gets INTAKE_STUDIO_TEST_API=1
// from the e2e harness). Nothing else of the extension is exported.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IntakeStudioTestApi } from '../../src/extension/extension';
import type { PreviewInfo, PreviewTestApi } from '../../src/extension/preview';
import type { PreviewRenderEvent } from '../../src/extension/preview/observer';
import { activateByOpening, nextEventFor, open, readFixture, replaceLine, writeScratch } from './helpers';

const TIMEOUT_MS = 20_000;
const VIEW_TYPE = 'intake.preview';

let api: PreviewTestApi;

/** Resolves with the first render event for `uri` that satisfies `predicate`. */
function nextRender(uri: vscode.Uri, predicate: (e: PreviewRenderEvent) => boolean, what: string): Promise<PreviewRenderEvent> {
  return nextEventFor(api.onDidRender, uri, predicate, what, TIMEOUT_MS, () => `previews: ${JSON.stringify(api.previews().map((p) => ({ ...p, html: p.html?.length })))}`);
}

/** Polls `probe` (for state no event announces) until it returns a value. */
async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${TIMEOUT_MS} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function previewOf(uri: vscode.Uri, intakeIndex = 0): PreviewInfo | undefined {
  return api.previews().find((p) => p.uri === uri.toString() && p.intakeIndex === intakeIndex);
}

function previewTabs(): { tab: vscode.Tab; group: vscode.TabGroup }[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE)).map((tab) => ({ tab, group })),
  );
}

/** The first reference in the report to a line other than `not`, as the page would post it. */
function someReference(html: string, not: number): number {
  for (const m of html.matchAll(/<a class="intake-ref" href="#intake-L\d+" data-line="(\d+)">/g)) {
    const line = Number(m[1]);
    if (line !== not) return line;
  }
  throw new Error('the report has no reference links');
}

suite('Report preview (Generate Recommendation)', () => {
  suiteSetup(async () => {
    const ext = await activateByOpening();
    const exports = ext.exports as IntakeStudioTestApi | undefined;
    assert.ok(exports?.preview, 'activate() returned no test hooks: is INTAKE_STUDIO_TEST_API=1 set for the extension host?');
    api = exports.preview;
  });

  setup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the command opens the report beside the intake and keeps the focus in the editor', async () => {
    const uri = await writeScratch('insurance.intake', await readFixture('insurance.intake'));
    const doc = await open(uri);
    const editorColumn = vscode.window.activeTextEditor?.viewColumn;
    const rendered = nextRender(uri, (e) => e.kind === 'render', 'the first render');
    const painted = nextRender(uri, (e) => e.kind === 'paint', 'the webview to paint the report');
    await vscode.commands.executeCommand('intake.generateRecommendation');
    const first = await rendered;
    const paint = await painted;
    for (const heading of ['业务需求分析', '推荐系统方案', '适用性分析', '关键特性', '实施建议', '成本效益分析', '风险提示', '下一步建议']) {
      assert.ok(first.html?.includes(heading), `the report has no ${heading}`);
    }
    const tabs = previewTabs();
    assert.equal(tabs.length, 1, 'one preview tab');
    assert.notEqual(tabs[0]!.group.viewColumn, editorColumn, 'the preview is in another column than the intake');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the intake editor keeps the focus');
    const info = previewOf(uri)!;
    assert.match(info.title, /保险 · 车险理赔自动化/);
    assert.equal(tabs[0]!.tab.label, info.title);
    assert.ok(typeof paint.sinceOpenMs === 'number', 'the webview reported its first paint');

    // Running it again reveals the same preview rather than opening a second one.
    await vscode.commands.executeCommand('intake.generateRecommendation');
    assert.equal(previewTabs().length, 1, 're-running the command opened another preview');
  });

  test('an edit in the intake changes the report', async () => {
    const uri = await writeScratch('edit.intake', await readFixture('insurance.intake'));
    const doc = await open(uri);
    const firstRender = nextRender(uri, (e) => e.kind === 'render', 'the first render');
    await vscode.commands.executeCommand('intake.generateRecommendation');
    const before = (await firstRender).html!;
    assert.ok(!before.includes('日均理赔申请9.9万笔'));
    const line = doc.getText().split('\n').findIndex((l) => l.trimStart().startsWith('- 业务规模'));
    assert.ok(line >= 0, 'the insurance intake has a 业务规模 line');
    const text = replaceLine(doc.getText(), '- 业务规模', '- 业务规模：用户量200万+，日均理赔申请9.9万笔');
    const versionBefore = doc.version;
    const changed = nextRender(uri, (e) => (e.kind === 'update' || e.kind === 'render') && e.version > versionBefore, 'the report after the edit');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await changed;
    assert.equal(after.version, doc.version, 'the report is for the current version');
    assert.ok(after.html?.includes('日均理赔申请9.9万笔'), 'the new value is in the report');
    assert.notEqual(after.html, before);
  });

  test('a click on a reference reveals and selects that line in the intake', async () => {
    const uri = await writeScratch('reveal.intake', await readFixture('insurance.intake'));
    const doc = await open(uri);
    const rendered = nextRender(uri, (e) => e.kind === 'render', 'the first render');
    await vscode.commands.executeCommand('intake.generateRecommendation');
    const html = (await rendered).html!;
    const editor = vscode.window.activeTextEditor!;
    const line = someReference(html, editor.selection.active.line);
    // Exactly what the page posts for a click on 〔L..〕, through the handler the page's messages reach.
    assert.ok(await api.postFromWebview(uri, 0, { type: 'revealLine', documentUri: uri.toString(), line }), 'the message was accepted');
    const selected = await until(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === uri.toString() && e.selection.start.line === line ? e : undefined;
    }, `the selection to move to line ${line + 1}`);
    assert.equal(doc.getText(selected.selection), doc.lineAt(line).text.trim(), 'the line is selected');
    assert.notEqual(selected.viewColumn, previewTabs()[0]?.group.viewColumn, 'the intake was revealed in its own column, not over the preview');
  });

  test('invalid messages and messages about another document are ignored', async () => {
    const uri = await writeScratch('ignore.intake', await readFixture('insurance.intake'));
    await open(uri);
    const rendered = nextRender(uri, (e) => e.kind === 'render', 'the first render');
    await vscode.commands.executeCommand('intake.generateRecommendation');
    await rendered;
    const before = vscode.window.activeTextEditor!.selection.active.line;
    const other = vscode.Uri.joinPath(uri, '..', 'other.intake').toString();
    assert.equal(await api.postFromWebview(uri, 0, { type: 'revealLine', documentUri: other, line: 5 }), false);
    assert.equal(await api.postFromWebview(uri, 0, { type: 'revealLine', documentUri: uri.toString(), line: -3 }), false);
    assert.equal(await api.postFromWebview(uri, 0, { type: 'runCommand', documentUri: uri.toString(), command: 'workbench.action.quit' }), false);
    assert.equal(await api.postFromWebview(uri, 0, { type: 'openLink', documentUri: uri.toString(), href: 'command:workbench.action.quit' }), true, 'a valid message…');
    assert.equal(vscode.window.activeTextEditor!.selection.active.line, before, '…but nothing moved and nothing ran');
  });

  test('with several intakes in a file: the CodeLens passes its intake, the command follows the cursor', async () => {
    const uri = await writeScratch('seeds.intake', await readFixture('seeds.intake'));
    const doc = await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const ours = lenses.filter((l) => l.command?.command === 'intake.generateRecommendation');
    assert.equal(ours.length, 4, 'one lens per intake');
    assert.deepEqual(ours.map((l) => l.command!.arguments?.[1]), [0, 1, 2, 3]);
    assert.ok(ours.every((l) => (l.command!.arguments?.[0] as vscode.Uri).toString() === uri.toString()));

    // A lens click: its arguments, whatever the cursor.
    const lens = ours[1]!.command!;
    const viaLens = nextRender(uri, (e) => e.kind === 'render' && e.intakeIndex === 1, 'the report of intake 2');
    await vscode.commands.executeCommand(lens.command, ...(lens.arguments ?? []));
    assert.match((await viaLens).html ?? '', /保险/);

    // The palette: the intake under the cursor (the aviation intake, the fourth).
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    const aviationLine = ours[3]!.range.start.line + 2;
    editor.selection = new vscode.Selection(aviationLine, 0, aviationLine, 0);
    const viaCursor = nextRender(uri, (e) => e.kind === 'render' && e.intakeIndex === 3, 'the report of intake 4');
    await vscode.commands.executeCommand('intake.generateRecommendation');
    await viaCursor;
    assert.ok(previewOf(uri, 1) && previewOf(uri, 3), 'one preview per intake');
    assert.match(previewOf(uri, 3)!.title, /#4/);
  });

  test('an intake with errors still renders, and the banner counts them', async () => {
    const text = replaceLine(await readFixture('insurance.intake'), '- 业务规模', '- 业务规模：__(待补充');
    const uri = await writeScratch('errors.intake', text);
    await open(uri);
    const rendered = nextRender(uri, (e) => e.kind === 'render', 'the first render');
    await vscode.commands.executeCommand('intake.generateRecommendation');
    assert.ok((await rendered).html?.includes('业务需求分析'), 'the report renders from what can be parsed');
    const count = await until(() => {
      const n = previewOf(uri)?.errorCount;
      return n !== undefined && n > 0 ? n : undefined;
    }, 'the banner to count the unclosed placeholder');
    assert.equal(count, vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length);
  });

  test('a preview comes back after a window reload (the panel serializer)', async () => {
    const uri = await writeScratch('restore.intake', await readFixture('aviation.intake'));
    await open(uri);
    const restored = nextRender(uri, (e) => e.kind === 'paint', 'the restored preview to paint');
    // What the page keeps with setState, as VS Code hands it back to the serializer.
    await api.restore({ documentUri: uri.toString(), intakeIndex: 0, sourceColumn: 1, scrollY: 0 });
    await restored;
    assert.match(previewOf(uri)?.html ?? '', /业务需求分析/);
    assert.equal(previewTabs().length, 1);
    // A state that names no intake file is not restored: its panel is closed.
    await api.restore({ documentUri: vscode.Uri.joinPath(uri, '..', 'deleted.intake').toString(), intakeIndex: 0 });
    await api.restore({ nonsense: true });
    await until(() => (previewTabs().length === 1 ? true : undefined), 'the unrestorable panels to close');
  });

  test('Export writes Markdown, HTML and Word files', async () => {
    const uri = await writeScratch('export.intake', await readFixture('insurance.intake'));
    await open(uri);
    for (const format of ['md', 'html', 'docx'] as const) {
      const target = vscode.Uri.joinPath(uri, '..', `export.report.${format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('intake.exportReport', uri, 0, { format, target });
      assert.equal(written?.toString(), target.toString(), `${format}: written`);
      const bytes = await vscode.workspace.fs.readFile(target);
      assert.ok(bytes.length > 1000, `${format}: ${bytes.length} bytes`);
      if (format === 'docx') assert.equal(new TextDecoder().decode(bytes.slice(0, 2)), 'PK', 'a .docx is a zip');
      else assert.ok(new TextDecoder().decode(bytes).includes('业务需求分析'), `${format}: has the report`);
    }
  });

  test('Export never writes over the intake, even through a link, and replaces an old report whole', async () => {
    const text = await readFixture('insurance.intake');
    const uri = await writeScratch('keep.intake', text);
    await open(uri);
    const intakeText = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    // Straight at the intake, then through a symbolic link to it: refused, the intake untouched.
    assert.equal(await vscode.commands.executeCommand('intake.exportReport', uri, 0, { format: 'md', target: uri }), undefined);
    const link = vscode.Uri.joinPath(uri, '..', 'keep-link.md');
    const fs = await import('node:fs');
    fs.symlinkSync(uri.fsPath, link.fsPath);
    assert.equal(await vscode.commands.executeCommand('intake.exportReport', uri, 0, { format: 'md', target: link }), undefined);
    assert.equal(await intakeText(), text);
    // An existing report is replaced by the new one, through a temporary file that does not stay behind.
    const target = vscode.Uri.joinPath(uri, '..', 'keep.report.md');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('an old report'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('intake.exportReport', uri, 0, { format: 'md', target });
    assert.equal(written?.toString(), target.toString());
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /业务需求分析/);
    const left = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(uri, '..'))).map(([name]) => name).filter((name) => name.endsWith('.tmp'));
    assert.deepEqual(left, []);
  });

  test('Export follows a link to a report (the link stays) and writes to a FIFO in place', async () => {
    const uri = await writeScratch('linked.intake', await readFixture('insurance.intake'));
    await open(uri);
    const fs = await import('node:fs');
    const folder = vscode.Uri.joinPath(uri, '..', 'linked-reports');
    await vscode.workspace.fs.createDirectory(folder);
    const real = vscode.Uri.joinPath(folder, 'report.md');
    await vscode.workspace.fs.writeFile(real, new TextEncoder().encode('an old report'));
    const link = vscode.Uri.joinPath(uri, '..', 'latest.md');
    fs.symlinkSync(real.fsPath, link.fsPath);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('intake.exportReport', uri, 0, { format: 'md', target: link });
    assert.equal(written?.toString(), link.toString());
    assert.ok(fs.lstatSync(link.fsPath).isSymbolicLink(), 'the link is still a link');
    assert.match(fs.readFileSync(real.fsPath, 'utf8'), /业务需求分析/);
    assert.deepEqual(fs.readdirSync(folder.fsPath), ['report.md']);

    const { spawnSync } = await import('node:child_process');
    const fifo = vscode.Uri.joinPath(uri, '..', 'report.fifo');
    if (spawnSync('mkfifo', [fifo.fsPath]).status !== 0) return;
    const read = fs.promises.readFile(fifo.fsPath, 'utf8');
    const toFifo = await vscode.commands.executeCommand<vscode.Uri | undefined>('intake.exportReport', uri, 0, { format: 'md', target: fifo });
    // Had the export not opened the FIFO, the reader would wait for ever: open and close it here.
    try {
      fs.closeSync(fs.openSync(fifo.fsPath, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    } catch {
      // ENXIO: the reader is gone, it read what the export wrote.
    }
    assert.equal(toFifo?.toString(), fifo.toString());
    assert.match(await read, /业务需求分析/);
    assert.ok(fs.lstatSync(fifo.fsPath).isFIFO(), 'the FIFO is still a FIFO');
  });
});
