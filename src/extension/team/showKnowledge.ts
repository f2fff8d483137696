/**
 * **Intake: Show Knowledge**: the merged knowledge the engine uses for the active intake (or the
 * workspace), searchable, to answer "why did it pick that?": every product with its vendor,
 * categories, the team's policy and price, and where it comes from (embedded, user or
 * workspace, with the file and line); then categories, industries, frameworks, lifecycles,
 * rules, the vendor policies, the price list and the extra intake fields.
 *
 * A QuickPick rather than a webview: the question is "find this entry and see where it comes
 * from", which is search over a few thousand one-line items. VS Code's QuickPick searches
 * labels, descriptions and details as the user types (so "workspace", "blocked" or a vendor's
 * name filter the list), is keyboard-first and accessible, follows the theme, and costs no
 * bundle, no message protocol and no page to keep in sync. Choosing an entry opens its overlay
 * file at its line, or, for an embedded entry, the entry as the engine sees it (read-only JSON).
 * Loaded on first use (knowledgeCommand.ts registers the command).
 */
import * as vscode from 'vscode';
import type { KnowledgeEntryInfo } from '../../core/team/merge';
import { loadTeamKnowledge, type TeamKnowledge } from '../../core/team/teamKnowledge';
import type { EntryKind, KnowledgeSource, TeamPrice } from '../../core/team/types';
import { isIntake } from '../convert';
import type { TeamKnowledgeService } from './knowledge';

/** An item as `{ show: false }` returns it. */
interface ListedItem {
  label: string;
  description: string | undefined;
  detail: string | undefined;
  separator: boolean;
}

interface EntryPick extends vscode.QuickPickItem {
  open?: () => Promise<void>;
}

const KIND_ICONS: Record<EntryKind, string> = { products: 'package', categories: 'symbol-class', industries: 'organization', frameworks: 'law', lifecycle: 'history', rules: 'symbol-event' };

function kindTitle(kind: EntryKind): string {
  switch (kind) {
    case 'products':
      return vscode.l10n.t('Products');
    case 'categories':
      return vscode.l10n.t('Categories');
    case 'industries':
      return vscode.l10n.t('Industries');
    case 'frameworks':
      return vscode.l10n.t('Compliance frameworks');
    case 'lifecycle':
      return vscode.l10n.t('Lifecycles');
    case 'rules':
      return vscode.l10n.t('Rules');
  }
}

function sourceLabel(source: KnowledgeSource): string {
  return source === 'embedded' ? vscode.l10n.t('embedded') : source === 'user' ? vscode.l10n.t('user') : vscode.l10n.t('workspace');
}

function priceText(p: TeamPrice): string {
  const per = { user: vscode.l10n.t('user'), node: vscode.l10n.t('node'), core: vscode.l10n.t('core'), tb: 'TB', site: vscode.l10n.t('site') }[p.unit];
  const period = { 'per-month': vscode.l10n.t('/month'), 'per-year': vscode.l10n.t('/year'), 'one-time': vscode.l10n.t(' one-time') }[p.period];
  return `${p.currency} ${p.price}/${per}${period}${p.list ? ` (${p.list})` : ''}`;
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

async function openAt(file: string, line: number | undefined): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const at = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: true });
}

/** The items of the view, for the knowledge `k` (also used by the tests through the command's result). */
function knowledgeItems(k: TeamKnowledge): EntryPick[] {
  const items: EntryPick[] = [];
  const policyOf = (vendor: string | undefined) => (vendor ? k.context.policyOf(vendor) : undefined);
  const priceOf = new Map(k.prices.map((p) => [p.product, p]));
  let kind: EntryKind | undefined;
  for (const e of k.entries) {
    if (e.kind !== kind) {
      kind = e.kind;
      items.push({ label: kindTitle(kind), kind: vscode.QuickPickItemKind.Separator });
    }
    items.push(entryItem(e, k, policyOf(e.vendor)?.policy, priceOf.get(e.id)));
  }
  if (k.policies.length > 0) {
    items.push({ label: vscode.l10n.t('Vendor policies'), kind: vscode.QuickPickItemKind.Separator });
    for (const p of k.policies) items.push({ label: `$(shield) ${p.vendor}`, description: p.policy, detail: [sourceLabel(p.source), fileName(p.file), p.reason].filter(Boolean).join(' · '), open: () => openAt(p.file, undefined) });
  }
  if (k.prices.length > 0) {
    items.push({ label: vscode.l10n.t('Price list'), kind: vscode.QuickPickItemKind.Separator });
    for (const p of k.prices) items.push({ label: `$(tag) ${k.kb.product(p.product)?.name ?? p.product}`, description: priceText(p), detail: [sourceLabel(p.source), fileName(p.file), p.validUntil ? vscode.l10n.t('valid until {0}', p.validUntil) : '', p.discount].filter(Boolean).join(' · '), open: () => openAt(p.file, undefined) });
  }
  if (k.fields.length > 0) {
    items.push({ label: vscode.l10n.t('Extra intake fields'), kind: vscode.QuickPickItemKind.Separator });
    for (const f of k.fields) items.push({ label: `$(symbol-field) ${f.name}`, description: [f.section, ...f.path].join(' › '), detail: `${sourceLabel(f.source)} · ${fileName(f.file)}:${f.line}`, open: () => openAt(f.file, f.line) });
  }
  return items;
}

function entryItem(e: KnowledgeEntryInfo, k: TeamKnowledge, policy: string | undefined, price: TeamPrice | undefined): EntryPick {
  const categories = (e.categories ?? []).map((c) => k.kb.category(c)?.name ?? c).join('、');
  const description = [e.vendor, categories, e.kind === 'products' || e.kind === 'rules' ? '' : e.id].filter(Boolean).join(' · ');
  const where: string[] = [sourceLabel(e.source)];
  if (e.origin.file) where.push(`${fileName(e.origin.file)}:${e.origin.line ?? 1}`);
  for (const o of e.origin.overrides ?? []) where.push(vscode.l10n.t('{0} changed by {1}', o.fields.join(', '), `${fileName(o.file)}:${o.line}`));
  if (policy) where.push(vscode.l10n.t('vendor {0}', policy));
  if (price) where.push(priceText(price));
  const last = e.origin.overrides?.[e.origin.overrides.length - 1];
  const file = last?.file ?? e.origin.file;
  const line = last?.line ?? e.origin.line;
  return {
    label: `$(${KIND_ICONS[e.kind]}) ${e.name}`,
    description,
    detail: where.join(' · '),
    open: file ? () => openAt(file, line) : () => showEntry(e, k),
  };
}

/** An embedded entry as the engine sees it, read-only. */
async function showEntry(e: KnowledgeEntryInfo, k: TeamKnowledge): Promise<void> {
  const entry = { products: k.kb.product(e.id), categories: k.kb.category(e.id), industries: k.kb.industry(e.id), frameworks: k.kb.framework(e.id), lifecycle: k.kb.family(e.id), rules: k.kb.rules.find((r) => r.id === e.id) }[e.kind];
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(entry, null, 2) + '\n' });
  await vscode.window.showTextDocument(doc, { preview: true });
}

/** The document whose knowledge to show: the active intake or team file, else the first workspace folder. */
function subject(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && (isIntake(doc) || doc.uri.scheme === 'file')) return doc.uri;
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, 'knowledge.intake');
}

/** The second argument, for scripts and tests: `{ show: false }` returns the items instead of showing them. */
function isListOnly(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { show?: unknown }).show === false;
}

/** The command (knowledgeCommand.ts registers it); with `{ show: false }`, the items instead. */
export async function showKnowledge(team: TeamKnowledgeService, uriArg?: unknown, options?: unknown): Promise<ListedItem[] | undefined> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : subject();
  const state = uri ? await team.stateFor(uri) : { restricted: false };
  // Without overlays: the embedded knowledge, every entry's source `embedded`.
  const knowledge = state.knowledge ?? (await loadTeamKnowledge({ today: new Date().toISOString().slice(0, 10) }));
  if (isListOnly(options)) return knowledgeItems(knowledge).map(({ label, description, detail, kind }) => ({ label, description, detail, separator: kind === vscode.QuickPickItemKind.Separator }));
  const quickPick = vscode.window.createQuickPick<EntryPick>();
  quickPick.title = state.restricted ? vscode.l10n.t('Intake Knowledge (Restricted Mode: the workspace overlays are not loaded)') : vscode.l10n.t('Intake Knowledge');
  quickPick.placeholder = vscode.l10n.t('Search products, vendors, categories, rules; or embedded, user, workspace');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = knowledgeItems(knowledge);
  const picked = new Promise<EntryPick | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
  });
  quickPick.show();
  const item = await picked;
  quickPick.dispose();
  await item?.open?.();
  return undefined;
}
