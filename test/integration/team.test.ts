/**
 * A team's `.intake/` in the editor (issue 13): schema-driven completion in an overlay file, the
 * overlays' own diagnostics, the extra intake field, the preview following an overlay change
 * with the team's masthead, a branded Word export, and Show Knowledge.
 *
 * Completion comes from the JSON Schema the build generates, through `contributes.jsonValidation`
 * on a JSON overlay: VS Code's own JSON support is built in (code-server included), while the
 * Red Hat YAML extension, which `yamlValidation` serves for the YAML overlays, is not installed
 * in the test's code-server (no marketplace): the YAML association is the same schema file, and
 * test/unit/team/jsonSchema.test.ts holds that file to the loader's checks.
 *
 * Workspace trust cannot be toggled here (the e2e harness runs with trust off, or the folder would
 * wait on the trust dialog): test/unit/extension/teamKnowledge.test.ts covers Restricted Mode.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IntakeStudioTestApi } from '../../src/extension/extension';
import type { PreviewTestApi } from '../../src/extension/preview';
import type { PreviewRenderEvent } from '../../src/extension/preview/observer';
import { activateByOpening, codeOf, label, nextEventFor, open, readFixture, waitForDiagnostics, workspaceDir } from './helpers';
import { unzip } from '../unit/helpers/zip';

const TIMEOUT_MS = 20_000;
let api: PreviewTestApi;

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

function nextRender(uri: vscode.Uri, predicate: (e: PreviewRenderEvent) => boolean, what: string): Promise<PreviewRenderEvent> {
  return nextEventFor(api.onDidRender, uri, predicate, what, TIMEOUT_MS);
}


const FIELD = `fields:
  - section: 客户行业
    name: 客户编号
    required: true
    description: { zh: CRM中的客户编号, en: The customer's CRM number }
    feeds: [业务需求分析]
`;

suite('Team knowledge and branding (.intake/)', () => {
  suiteSetup(async () => {
    const ext = await activateByOpening();
    const exports = ext.exports as IntakeStudioTestApi | undefined;
    assert.ok(exports?.preview, 'activate() returned no test hooks');
    api = exports.preview;
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a JSON overlay gets completion and validation from the generated schema (jsonValidation)', async () => {
    const overlay = vscode.Uri.joinPath(workspaceDir(), 'scratch', 'team-json', '.intake', 'knowledge', 'policy.json');
    await write(overlay, '{\n  "vendors": [\n    { "vendor": "Oracle", "policy": "maybe" }\n  ]\n}\n');
    const doc = await open(overlay);
    // The JSON language server validates against the schema: proof that it is associated and loaded.
    const problems = await waitForDiagnostics(overlay, (ds) => ds.some((d) => /preferred/.test(d.message)), 'the schema validation of "maybe"');
    const problem = problems.find((d) => /preferred/.test(d.message));
    assert.equal(problem?.range.start.line, 2, problems.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
    // Completion of the value: the schema's enumeration.
    const at = new vscode.Position(2, doc.lineAt(2).text.indexOf('"maybe"') + 1);
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', overlay, at);
    const labels = values.items.map(label).map((l) => l.replace(/"/g, ''));
    for (const v of ['preferred', 'partner', 'blocked']) assert.ok(labels.includes(v), `completion offers ${v}: ${labels.join(', ')}`);
    // Completion of a key inside a vendor policy: the schema's properties.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(overlay, new vscode.Position(2, doc.lineAt(2).text.lastIndexOf('}')), ', "');
    await vscode.workspace.applyEdit(edit);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', overlay, new vscode.Position(2, doc.lineAt(2).text.lastIndexOf('"') + 1));
    assert.ok(keys.items.map(label).some((l) => l.replace(/"/g, '') === 'reason'), `completion offers reason: ${keys.items.map(label).join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test("the overlays' problems are diagnostics with codes; the extra field is checked; fixing the overlay clears them", async () => {
    const root = vscode.Uri.joinPath(workspaceDir(), 'scratch', 'team-yaml');
    const overlay = vscode.Uri.joinPath(root, '.intake', 'knowledge', 'team.yaml');
    await write(overlay, `${FIELD}overrides:\n  products:\n    - id: no-such-product\n      caveat: x\n`);
    const intake = vscode.Uri.joinPath(root, 'acme.intake');
    await write(intake, await readFixture('retail-cross-border.intake'));
    await open(intake);
    await waitForDiagnostics(intake, (ds) => ds.some((d) => codeOf(d) === 'intake.missing-field' && d.message.includes('客户编号')), 'the missing extra field');
    const problems = await waitForDiagnostics(overlay, (ds) => ds.some((d) => codeOf(d) === 'intake.knowledge-unknown-id'), 'the unknown id on the overlay');
    const problem = problems.find((d) => codeOf(d) === 'intake.knowledge-unknown-id');
    assert.equal(problem?.range.start.line, 8);
    assert.equal(problem!.severity, vscode.DiagnosticSeverity.Error);
    // Fixed in the editor, as a user would: the save reloads the team's knowledge.
    const doc = await open(overlay);
    const fix = new vscode.WorkspaceEdit();
    fix.replace(overlay, new vscode.Range(0, 0, doc.lineCount, 0), FIELD);
    await vscode.workspace.applyEdit(fix);
    assert.ok(await doc.save(), 'the overlay saved');
    await waitForDiagnostics(overlay, (ds) => ds.length === 0, 'no problem once fixed');
  });

  test('the preview shows the branding and follows an overlay change; Word export is branded', async () => {
    const root = vscode.Uri.joinPath(workspaceDir(), 'scratch', 'team-preview');
    await write(vscode.Uri.joinPath(root, '.intake', 'report.yaml'), 'company: 云枢科技有限公司\nheader: 解决方案建议书\naccentColor: "#C8102E"\ncover:\n  confidentiality: 内部资料\n');
    const intake = vscode.Uri.joinPath(root, 'acme.intake');
    await write(intake, await readFixture('retail-cross-border.intake'));
    await open(intake);
    const first = nextRender(intake, (e) => e.kind !== 'paint' && (e.html ?? '').includes('intake-brand'), 'the branded report');
    await vscode.commands.executeCommand('intake.generateRecommendation', intake, 0);
    const shown = await first;
    assert.match(shown.html ?? '', /<header class="intake-brand" data-block="brand" data-accent="#C8102E"><span class="intake-brand-company">云枢科技有限公司<\/span>/);
    assert.match(shown.html ?? '', /商派 OMS/);
    // The team blocks the vendor it recommended: the preview shows the new report by itself.
    const blocked = nextRender(intake, (e) => e.kind !== 'paint' && (e.html ?? '').includes('团队厂商政策不采用'), 'the report without the blocked vendor');
    await write(vscode.Uri.joinPath(root, '.intake', 'knowledge', 'policy.yaml'), 'vendors:\n  - vendor: 商派（ShopeX）\n    policy: blocked\n    reason: 无渠道合作\n');
    const after = await blocked;
    assert.doesNotMatch((after.html ?? '').split('附录')[0]!, /商派 OMS——/);
    // Word, with the team's branding.
    const target = vscode.Uri.joinPath(root, 'acme.report.docx');
    await vscode.commands.executeCommand('intake.exportReport', intake, 0, { format: 'docx', target });
    const files = new Map([...unzip(await vscode.workspace.fs.readFile(target))].map(([name, data]) => [name, data.toString('utf8')]));
    assert.match(files.get('word/document.xml') ?? '', /内部资料/);
    assert.match(files.get('word/header1.xml') ?? '', /解决方案建议书/);
    // Show Knowledge lists the merged knowledge, with the workspace's policy and each entry's source.
    const items = await vscode.commands.executeCommand<{ label: string; description?: string; detail?: string }[]>('intake.showKnowledge', intake, { show: false });
    assert.ok(items.some((i) => i.label.includes('商派（ShopeX）') && i.description === 'blocked' && /workspace|工作区/.test(i.detail ?? '')), 'the vendor policy');
    assert.ok(items.some((i) => i.label.includes('商派 OMS') && /embedded|内置/.test(i.detail ?? '')), 'an embedded product');
  });
});
