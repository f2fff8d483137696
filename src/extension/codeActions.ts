/**
 * Quick-fixes, fix-all and "fill all placeholders" as code actions. Each quick-fix finds its
 * core diagnostic by code and range in the document's analysis of its current version (no
 * hidden state between the diagnostics and the fixes), and every kind respects `context.only`.
 *
 * VS Code asks for code actions on every cursor move, so a request costs a lookup: the quick
 * fixes read the analysis of the intake under the cursor (its analysis findings only when the
 * cursor's diagnostics are analysis ones), and the two source actions are computed only when
 * asked for by kind (the Source Action menu, Fix All, code actions on save); in the menu they are
 * offered unresolved and built in `resolveCodeAction` when picked.
 *
 * Fix All fixes only what the Problems panel shows: the codes the folder's `.intake/config.yaml`
 * ignores are left alone (core/documents/shownFixes.ts), so a request for it awaits the folder's policy.
 */
import * as vscode from 'vscode';
import { ALL_CODES, type DiagnosticCode, type IntakeDiagnostic } from '../core/diagnostics';
import type { DocumentAnalysis } from '../core/documents/documentAnalysis';
import { fixesFor } from '../core/fixes';
import type { DiagnosticPolicy } from '../core/folderConfig';
import { hasShownSafeFixes, shownFixAllEdits } from '../core/documents/shownFixes';
import type { DocumentAnalyses } from './analyses';
import { fromRange, INTAKE_SELECTOR, toWorkspaceEdit } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnosticSource';
import type { FolderConfigs } from './folderConfig';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('intake');
export const FILL_PLACEHOLDERS_KIND = vscode.CodeActionKind.Source.append('intake').append('fillPlaceholders');

/** Codes of the analysis checks: only their quick fixes need the intake's analysis findings. */
const ANALYSIS_CODES: ReadonlySet<string> = new Set(['intake.budget-sum', 'intake.budget-exceeds', 'intake.sla-conflict', 'intake.latency-physics', 'intake.unknown-standard', 'intake.retired-standard', 'intake.wording']);

/** A source action offered before its edit is computed: what `resolveCodeAction` needs. */
class SourceAction extends vscode.CodeAction {
  constructor(
    title: string,
    kind: vscode.CodeActionKind,
    readonly doc: vscode.TextDocument,
  ) {
    super(title, kind);
  }
}

export class IntakeCodeActionProvider implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND, FILL_PLACEHOLDERS_KIND],
  };

  constructor(
    private readonly analyses: Pick<DocumentAnalyses, 'get'>,
    /** The diagnostic policy of a document (FolderConfigs): what its diagnostics leave out. */
    private readonly policyFor: (uri: vscode.Uri) => Promise<DiagnosticPolicy> = () => Promise.resolve({}),
  ) {}

  /** Synchronous for a cursor move (quick fixes only); a promise when a source action is asked for. */
  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] | Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const ours = context.diagnostics.filter(isOurs);
    const only = context.only;
    if ((!only || only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(only)) && ours.length > 0) {
      actions.push(...this.quickFixes(doc, ours));
    }
    // Source actions only when asked for by kind: VS Code leaves them out of every other request.
    if (!only) return actions;
    return this.sourceActions(doc, only).then((source) => [...actions, ...source]);
  }

  private async sourceActions(doc: vscode.TextDocument, only: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    // Fix All is applied at once whenever `source.fixAll` is asked for (the Fix All command, code
    // actions on save), so it is computed now; in the Source Action menu (`source`) it is offered
    // and computed if picked. Filling placeholders is computed now only when asked for by its own kind.
    if (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only)) {
      const action = await this.fixAll(doc, vscode.CodeActionKind.SourceFixAll.contains(only));
      if (action) actions.push(action);
    }
    if (only.contains(FILL_PLACEHOLDERS_KIND) || FILL_PLACEHOLDERS_KIND.contains(only)) {
      const action = this.fillPlaceholders(doc, FILL_PLACEHOLDERS_KIND.contains(only));
      if (action) actions.push(action);
    }
    return actions;
  }

  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (!(action instanceof SourceAction) || action.edit) return action;
    const fixAll = action.kind?.value === FIX_ALL_KIND.value;
    const policy = fixAll ? await this.policyFor(action.doc.uri) : undefined;
    // The document changed since the action was offered: resolved against what it is now.
    const analysis = this.analyses.get(action.doc);
    const edits = policy ? shownFixAllEdits(analysis, policy) : analysis.fillPlaceholderEdits();
    action.edit = toWorkspaceEdit(action.doc.uri, edits);
    return action;
  }

  private quickFixes(doc: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): vscode.CodeAction[] {
    const analysis = this.analyses.get(doc);
    const actions: vscode.CodeAction[] = [];
    for (const vsDiagnostic of diagnostics) {
      const match = findCore(analysis, vsDiagnostic);
      if (!match) continue;
      for (const fix of fixesFor(match, analysis.fixContext())) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [vsDiagnostic];
        action.isPreferred = fix.isPreferred;
        action.edit = toWorkspaceEdit(doc.uri, fix.edits);
        actions.push(action);
      }
    }
    return actions;
  }

  private async fixAll(doc: vscode.TextDocument, eager: boolean): Promise<vscode.CodeAction | undefined> {
    const policy = await this.policyFor(doc.uri);
    // Analysed after the wait: the document may have changed meanwhile.
    const analysis = this.analyses.get(doc);
    if (!eager) return hasShownSafeFixes(analysis, policy) ? new SourceAction(vscode.l10n.t('Fix all intake problems'), FIX_ALL_KIND, doc) : undefined;
    const edits = shownFixAllEdits(analysis, policy);
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all intake problems'), FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(doc.uri, edits);
    return action;
  }

  private fillPlaceholders(doc: vscode.TextDocument, eager: boolean): vscode.CodeAction | undefined {
    const analysis = this.analyses.get(doc);
    const title = vscode.l10n.t('Fill all placeholders with examples');
    if (!eager) return analysis.hasFillablePlaceholders() ? new SourceAction(title, FILL_PLACEHOLDERS_KIND, doc) : undefined;
    const edits = analysis.fillPlaceholderEdits();
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction(title, FILL_PLACEHOLDERS_KIND);
    action.edit = toWorkspaceEdit(doc.uri, edits);
    return action;
  }
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function isOurs(d: vscode.Diagnostic): boolean {
  const code = codeOf(d);
  return d.source === DIAGNOSTIC_SOURCE && typeof code === 'string' && (ALL_CODES as readonly string[]).includes(code);
}

/**
 * The core diagnostic behind a VS Code one: same code, same range, among the diagnostics of the
 * intake on its line (with the analysis findings only for an analysis code).
 */
function findCore(analysis: DocumentAnalysis, d: vscode.Diagnostic): IntakeDiagnostic | undefined {
  const code = codeOf(d) as DiagnosticCode;
  const range = fromRange(d.range);
  return analysis
    .diagnosticsAt(range.start.line, ANALYSIS_CODES.has(code))
    .find(
      (c) =>
        c.code === code &&
        c.range.start.character === range.start.character &&
        c.range.end.line === range.end.line &&
        c.range.end.character === range.end.character,
    );
}

export function registerCodeActions(analyses: DocumentAnalyses, folderConfigs: Pick<FolderConfigs, 'policyFor'>): vscode.Disposable {
  const provider = new IntakeCodeActionProvider(analyses, (uri) => folderConfigs.policyFor(uri));
  return vscode.languages.registerCodeActionsProvider(INTAKE_SELECTOR, provider, IntakeCodeActionProvider.metadata);
}
