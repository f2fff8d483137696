import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SECTIONS, activateByOpening, fixtureUri, hoverText, label, open, readFixture, replaceLine, writeScratch } from './helpers';

/** Section names without brackets or colons: `[客户行业]：` → `客户行业`. */
const bare = (name: string): string => name.replace(/[[\]【】:：\s]/g, '');

suite('Completion, hover and document symbols', () => {
  suiteSetup(activateByOpening);

  test('completion on a new bullet offers a field missing from the section', async () => {
    // 客户行业 without its 业务规模 line, and an empty bullet where it was.
    const text = replaceLine(await readFixture('insurance.intake'), '- 业务规模', '- ');
    const doc = await open(await writeScratch('completion.intake', text));
    const line = doc.getText().split('\n').findIndex((l) => l === '- ');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 2));
    const labels = list.items.map(label);
    assert.ok(labels.some((l) => l.includes('业务规模')), `completion labels: ${labels.slice(0, 40).join(', ') || 'none'}`);
  });

  test('hover over a key shows its description', async () => {
    const doc = await open(fixtureUri('insurance.intake'));
    const line = doc.getText().split('\n').findIndex((l) => l.includes('细分领域'));
    const character = doc.lineAt(line).text.indexOf('细分领域') + 1;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
    assert.ok(hoverText(hovers).length > 0, 'no hover text over 细分领域');
  });

  test('document symbols list the 6 sections of the insurance intake', async () => {
    const doc = await open(fixtureUri('insurance.intake'));
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols && symbols.length > 0, 'no document symbols');
    // Either intake → sections (as the outline should show) or sections at the top level.
    const top = symbols as vscode.DocumentSymbol[];
    const sections = top.length === 1 && top[0]!.children?.length ? top[0]!.children : top;
    assert.deepEqual(sections.map((s) => bare(s.name)), SECTIONS);
  });
});
