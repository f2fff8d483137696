// Shared helpers for the integration suite. Everything waits on VS Code events
// (onDidChangeDiagnostics), bounded by a timeout that only turns a hang into a clear failure.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'intake-studio.intake-studio';
export const SECTIONS = ['客户行业', '当前痛点', '基础设施现状', '核心目标', '预算限制', '特殊要求'];
const DEFAULT_TIMEOUT_MS = 15_000;

export function workspaceDir(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs a workspace folder holding the seed intakes');
  return folder.uri;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceDir(), name);
}

export async function readFixture(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
}

let scratchCount = 0;
/** Writes a fresh file under scratch/ in the workspace, so tests never edit each other's documents. */
export async function writeScratch(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceDir(), 'scratch', `${++scratchCount}-${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** A diagnostic's code as a string, whether it was given plain or as { value, target }. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : (c ?? ''));
}

export function withCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

function summary(diags: vscode.Diagnostic[]): string {
  if (diags.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const d of diags) counts.set(codeOf(d), (counts.get(codeOf(d)) ?? 0) + 1);
  return [...counts].map(([c, n]) => `${c || '(no code)'}×${n}`).join(', ');
}

/** Resolves with the document's diagnostics once `predicate` holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (!predicate(diags)) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(diags);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const name = uri.path.split('/').pop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${name}; its diagnostics: ${summary(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    check();
  });
}

/** Diagnostics from this extension, at least one. */
export function waitForIntakeDiagnostics(uri: vscode.Uri, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => ds.some((d) => d.source === 'intake'), 'diagnostics from source "intake"', timeoutMs);
}

/**
 * Activates the extension the way a user does, by opening an intake, and waits until it has
 * published diagnostics for it: providers and commands are registered from then on.
 */
export async function activateByOpening(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const doc = await open(fixtureUri('blank-simple.intake'));
  await waitForIntakeDiagnostics(doc.uri);
  return ext;
}

/** Replaces the first line that starts with `prefix` (after indentation). */
export function replaceLine(text: string, prefix: string, replacement: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  lines[i] = replacement;
  return lines.join('\n');
}

export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, doc.lineCount, 0);
}

/** Code actions (not plain commands), with their edits resolved. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind, 100)) ?? [];
  return all.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

export function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .trim();
}

/**
 * Resolves with the first event about `uri` that satisfies `predicate` (a preview's render, an LLM
 * run's progress); `detail` adds the state worth seeing to the timeout's message.
 */
export function nextEventFor<E extends { uri: string }>(
  event: vscode.Event<E>,
  uri: vscode.Uri,
  predicate: (e: E) => boolean,
  what: string,
  timeoutMs = 20_000,
  detail: () => string = () => '',
): Promise<E> {
  return new Promise((resolve, reject) => {
    const sub = event((e) => {
      if (e.uri !== uri.toString() || !predicate(e)) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(e);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const more = detail();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${more ? `; ${more}` : ''}`));
    }, timeoutMs);
  });
}
