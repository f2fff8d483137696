/**
 * Quick-fixes, fix-all and "fill all placeholders" as code actions. Each quick-fix finds its
 * core diagnostic by code and range in a fresh validation of the current text (no hidden
 * state between the diagnostics and the fixes), and every kind respects `context.only`.
 */
import * as vscode from 'vscode';
import { ALL_CODES, type DiagnosticCode, type IntakeDiagnostic } from '../core/diagnostics';
import { FixContext, fillPlaceholderEdits, fixAllEdits, fixesFor } from '../core/fixes';
import { validate } from '../core/validator';
import { fromRange, INTAKE_SELECTOR, toWorkspaceEdit } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { ParseCache } from './parseCache';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('intake');
const FILL_PLACEHOLDERS_KIND = vscode.CodeActionKind.Source.append('intake').append('fillPlaceholders');

class IntakeCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND, FILL_PLACEHOLDERS_KIND],
  };

  constructor(private readonly cache: ParseCache) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const actions: vscode.CodeAction[] = [];
    const ours = context.diagnostics.filter(isOurs);
    if (wants(vscode.CodeActionKind.QuickFix) && ours.length > 0) actions.push(...this.quickFixes(doc, ours));
    if (wants(FIX_ALL_KIND)) {
      const action = this.fixAll(doc);
      if (action) actions.push(action);
    }
    if (wants(FILL_PLACEHOLDERS_KIND)) {
      const action = this.fillPlaceholders(doc);
      if (action) actions.push(action);
    }
    return actions;
  }

  private quickFixes(doc: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): vscode.CodeAction[] {
    const text = doc.getText();
    const ctx = new FixContext(text, this.cache.get(doc));
    const core = validate(ctx.file);
    const actions: vscode.CodeAction[] = [];
    for (const vsDiagnostic of diagnostics) {
      const match = findCore(core, vsDiagnostic);
      if (!match) continue;
      for (const fix of fixesFor(match, ctx)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [vsDiagnostic];
        action.isPreferred = fix.isPreferred;
        action.edit = toWorkspaceEdit(doc.uri, fix.edits);
        actions.push(action);
      }
    }
    return actions;
  }

  private fixAll(doc: vscode.TextDocument): vscode.CodeAction | undefined {
    const edits = fixAllEdits(doc.getText());
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all intake problems'), FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(doc.uri, edits);
    return action;
  }

  private fillPlaceholders(doc: vscode.TextDocument): vscode.CodeAction | undefined {
    const edits = fillPlaceholderEdits(doc.getText());
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Fill all placeholders with examples'), FILL_PLACEHOLDERS_KIND);
    action.edit = toWorkspaceEdit(doc.uri, edits);
    return action;
  }
}

function isOurs(d: vscode.Diagnostic): boolean {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return d.source === DIAGNOSTIC_SOURCE && typeof code === 'string' && (ALL_CODES as readonly string[]).includes(code);
}

/** The core diagnostic behind a VS Code one: same code, same range. */
function findCore(core: IntakeDiagnostic[], d: vscode.Diagnostic): IntakeDiagnostic | undefined {
  const code = (typeof d.code === 'object' ? d.code.value : d.code) as DiagnosticCode;
  const range = fromRange(d.range);
  return core.find(
    (c) =>
      c.code === code &&
      c.range.start.line === range.start.line &&
      c.range.start.character === range.start.character &&
      c.range.end.line === range.end.line &&
      c.range.end.character === range.end.character,
  );
}

export function registerCodeActions(cache: ParseCache): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(INTAKE_SELECTOR, new IntakeCodeActionProvider(cache), IntakeCodeActionProvider.metadata);
}
