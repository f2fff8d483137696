/** The LLM view's localised words, and the sentences the preview and the notifications show. */
import * as vscode from 'vscode';
import type { LlmErrorInfo, LlmErrorKind } from '../../core/llm/errors';
import type { Replacement } from '../../core/llm/redact';
import type { VerifyFinding } from '../../core/llm/verifyFinding';
import type { LlmErrorView, LlmFinding, LlmLabels, LlmRedaction } from '../../protocol/messages';

export function llmLabels(): LlmLabels {
  return {
    offline: vscode.l10n.t('Offline'),
    llm: vscode.l10n.t('LLM'),
    offlineTooltip: vscode.l10n.t('The offline report, computed from the intake and the built-in knowledge base'),
    llmTooltip: vscode.l10n.t('The report an LLM wrote from the offline report\'s facts'),
    toggle: vscode.l10n.t('Report version'),
    streaming: vscode.l10n.t('Writing…'),
    done: vscode.l10n.t('Done'),
    cancelled: vscode.l10n.t('Cancelled'),
    truncated: vscode.l10n.t('Truncated'),
    failed: vscode.l10n.t('Failed'),
    cancel: vscode.l10n.t('Cancel'),
    continue: vscode.l10n.t('Continue'),
    retry: vscode.l10n.t('Retry'),
    regenerate: vscode.l10n.t('Write Again'),
    setApiKey: vscode.l10n.t('Set API Key'),
    showOffline: vscode.l10n.t('Show Offline Report'),
    localOnly: vscode.l10n.t('Local only'),
    localOnlyTooltip: vscode.l10n.t('The endpoint is on this machine: nothing left it.'),
    findings: vscode.l10n.t('Verification'),
  };
}

/** "deepseek-chat · 1234 characters". */
export function runDetail(model: string, chars: number): string {
  return vscode.l10n.t('{0} · {1} characters', model, chars);
}

function kindLabel(kind: Replacement['kind']): string {
  switch (kind) {
    case 'company':
      return vscode.l10n.t('Company');
    case 'person':
      return vscode.l10n.t('Person');
    case 'phone':
      return vscode.l10n.t('Phone');
    case 'email':
      return vscode.l10n.t('E-mail');
    case 'id':
      return vscode.l10n.t('ID number');
  }
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);

export function redactionViews(redactions: readonly Replacement[]): LlmRedaction[] {
  return redactions.slice(0, 500).map((r) => ({ kind: r.kind, label: kindLabel(r.kind), original: clip(r.original), mask: clip(r.mask), count: r.count }));
}

/** What was masked, and how many intake lines with contact details were left out of the prompt. */
export function redactionSummary(redactions: readonly Replacement[], redact: boolean, leftOutLines = 0): string {
  const masked = !redact
    ? vscode.l10n.t('Redaction is off (intake.llm.redact): the intake was sent as written.')
    : redactions.length === 0
      ? vscode.l10n.t('Nothing needed masking before sending.')
      : vscode.l10n.t('{0} value(s) masked before sending: names, phones, e-mails and ID numbers never left VS Code.', redactions.length);
  return leftOutLines > 0 ? `${masked} ${vscode.l10n.t('{0} intake line(s) with contact details were not sent at all.', leftOutLines)}` : masked;
}

export function findingViews(findings: readonly VerifyFinding[]): LlmFinding[] {
  return findings.slice(0, 500).map((f) => ({ code: f.code.slice(0, 100) || 'intake.llm', severity: f.severity, message: clip(f.message) }));
}

export function findingsSummary(findings: readonly VerifyFinding[]): string {
  if (findings.length === 0) return '';
  return vscode.l10n.t('Verification found {0} issue(s) in this text. Check them against the offline report before using it.', findings.length);
}

export function errorTitle(kind: LlmErrorKind, hasKey: boolean): string {
  switch (kind) {
    case 'auth':
      return hasKey ? vscode.l10n.t('The API key was refused') : vscode.l10n.t('An API key is needed');
    case 'not-found':
      return vscode.l10n.t('Endpoint or model not found');
    case 'rate-limit':
      return vscode.l10n.t('Rate-limited by the endpoint');
    case 'server':
      return vscode.l10n.t('The endpoint failed');
    case 'bad-request':
      return vscode.l10n.t('The endpoint rejected the request');
    case 'connection':
      return vscode.l10n.t('Cannot reach the endpoint');
    case 'timeout':
      return vscode.l10n.t('The endpoint stopped answering');
    case 'disconnected':
      return vscode.l10n.t('The connection was lost');
    case 'cancelled':
      return vscode.l10n.t('Cancelled');
    case 'bad-response':
      return vscode.l10n.t('Not an OpenAI-compatible endpoint');
    case 'config':
      return vscode.l10n.t('The LLM settings are incomplete');
  }
}

/** The error's message, with what the core leaves to the caller: the Retry-After, the text kept. */
export function errorMessage(error: LlmErrorInfo, partialChars: number): string {
  const parts = [error.message];
  if (error.kind === 'rate-limit' && error.retryAfterSeconds !== undefined) parts.push(vscode.l10n.t('The endpoint asked to wait {0} s.', error.retryAfterSeconds));
  if (partialChars > 0 && error.kind !== 'cancelled') parts.push(vscode.l10n.t('The {0} characters received before are kept in the preview.', partialChars));
  return parts.join(' ');
}

export function errorView(error: LlmErrorInfo, hasKey: boolean, partialChars: number): LlmErrorView {
  return { kind: error.kind, title: errorTitle(error.kind, hasKey), message: clip2000(errorMessage(error, partialChars)) };
}

function clip2000(s: string): string {
  return s.length > 2000 ? `${s.slice(0, 1999)}…` : s;
}
