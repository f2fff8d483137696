// Runs first (files run in name order), before any other test has opened an intake.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, label, open, waitForIntakeDiagnostics, writeScratch } from './helpers';

suite('Extension activation and contributions', () => {
  test('is installed and activates when an .intake file opens', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    const implicit = (ext.packageJSON.contributes?.languages ?? []).some((l: { id?: string }) => l.id === 'intake');
    assert.ok(events.includes('onLanguage:intake') || implicit, `no onLanguage:intake activation (activationEvents: ${JSON.stringify(events)})`);
    assert.equal(ext.isActive, false, 'the extension was already active before any intake was opened (activation must stay lazy)');
    const doc = await open(fixtureUri('blank-simple.intake'));
    await waitForIntakeDiagnostics(doc.uri);
    assert.equal(ext.isActive, true);
  });

  test('gives .intake and .intake.md files the language id "intake"', async () => {
    const doc = await open(fixtureUri('insurance.intake'));
    assert.equal(doc.languageId, 'intake');
    const md = await vscode.workspace.openTextDocument(await writeScratch('notes.intake.md', '[客户行业]：保险\n'));
    assert.equal(md.languageId, 'intake', '*.intake.md should open as intake, not markdown');
  });

  test('contributes the snippets, with intake-template', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: { language?: string; path: string }[] = ext.packageJSON.contributes?.snippets ?? [];
    const forIntake = contributed.filter((s) => s.language === 'intake');
    assert.ok(forIntake.length > 0, `no snippets contributed for intake: ${JSON.stringify(contributed)}`);
    const prefixes: string[] = [];
    for (const s of forIntake) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, s.path)));
      let snippets: Record<string, { prefix?: string | string[] }>;
      try {
        snippets = JSON.parse(text);
      } catch {
        // Snippet files may hold comments (JSONC); then look for the prefix in the text.
        if (text.includes('"intake-template"')) prefixes.push('intake-template');
        continue;
      }
      for (const [name, snippet] of Object.entries(snippets)) prefixes.push(name, ...[snippet.prefix ?? []].flat());
    }
    assert.ok(prefixes.includes('intake-template'), `no intake-template snippet among ${prefixes.join(', ')}`);
  });

  test('offers the intake-template snippet in completion', async () => {
    const uri = await writeScratch('empty.intake', '');
    await open(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 0));
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(label);
    assert.ok(snippets.includes('intake-template'), `snippet completions: ${snippets.join(', ') || 'none'}`);
  });

  test('registers the commands intake.fixAll and intake.fillPlaceholders', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['intake.fixAll', 'intake.fillPlaceholders']) assert.ok(commands.includes(c), `${c} is not registered`);
  });
});
