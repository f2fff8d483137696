/**
 * Entry point. Activation stays light: it wires the providers and nothing else (no knowledge
 * base, no network client). Each feature lives in its own file and returns a Disposable.
 */
import * as vscode from 'vscode';
import { configureL10n } from '../core/l10n';
import { registerCodeActions } from './codeActions';
import { registerEditCommands } from './commands';
import { registerCompletion } from './completion';
import { INTAKE_SELECTOR } from './convert';
import { registerDiagnostics } from './diagnostics';
import { registerFolding } from './folding';
import { registerHover } from './hover';
import { ParseCache } from './parseCache';
import { registerStatusBar } from './statusBar';
import { registerSymbols } from './symbols';

export function activate(context: vscode.ExtensionContext): void {
  // The core localises through @vscode/l10n; hand it the bundle VS Code loaded for us.
  configureL10n(vscode.l10n.bundle);
  const cache = new ParseCache();
  const getFile = (doc: vscode.TextDocument) => cache.get(doc);
  context.subscriptions.push(
    cache,
    registerDiagnostics(cache),
    registerCodeActions(cache),
    registerEditCommands(),
    registerCompletion(INTAKE_SELECTOR, getFile),
    registerHover(INTAKE_SELECTOR, getFile),
    registerSymbols(INTAKE_SELECTOR, getFile),
    registerFolding(INTAKE_SELECTOR, getFile),
    registerStatusBar(getFile),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
