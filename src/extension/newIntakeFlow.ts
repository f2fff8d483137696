/**
 * **Intake: New Intake**'s implementation, loaded on first use (newIntake.ts registers the
 * command): asks for the template (simple or structured) and the customer's
 * industry, then opens an untitled intake built by the core (src/core/newIntake): the industry
 * filled in, its typical sub-industries as the first placeholder's options, and every
 * placeholder a snippet tab stop, so the cursor starts on the first one and Tab walks the rest.
 */
import * as vscode from 'vscode';
import type { IndustryChoice, TemplateVariant } from '../core/newIntake/newIntake';
import { INTAKE_LANGUAGE } from './convert';
import { loadReportKit } from './preview/reportKit';

/** The command's optional argument, for scripts and tests: whatever it names is not asked. */
interface NewIntakeOptions {
  variant?: TemplateVariant;
  /** A knowledge-base industry id, such as `insurance`. */
  industry?: string;
}

interface VariantPick extends vscode.QuickPickItem {
  variant: TemplateVariant;
}

interface IndustryPick extends vscode.QuickPickItem {
  choice: IndustryChoice;
}

function readOptions(value: unknown): NewIntakeOptions {
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  return {
    ...(v.variant === 'simple' || v.variant === 'structured' ? { variant: v.variant } : {}),
    ...(typeof v.industry === 'string' ? { industry: v.industry } : {}),
  };
}

/** The command: `options` (scripts, tests) names what is not asked. */
export function runNewIntake(options?: unknown): Promise<vscode.Uri | undefined> {
  return newIntake(readOptions(options));
}

/** Returns the new document's URI, or undefined if the user cancelled. */
async function newIntake(options: NewIntakeOptions): Promise<vscode.Uri | undefined> {
  // The knowledge base loads while the first question is on screen.
  const kit = loadReportKit();
  kit.catch(() => undefined);
  const variant = options.variant ?? (await pickVariant());
  if (!variant) return undefined;
  let choices: IndustryChoice[];
  try {
    choices = (await kit).industryChoices();
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The industries could not be loaded: {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const industry = options.industry !== undefined ? choices.find((c) => c.id === options.industry) : await pickIndustry(choices);
  if (!industry) {
    if (options.industry !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('Unknown industry: {0}', options.industry));
    return undefined;
  }
  const built = (await kit).buildNewIntake(variant, industry);
  const doc = await vscode.workspace.openTextDocument({ language: INTAKE_LANGUAGE, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(built.snippet), new vscode.Position(0, 0));
  return doc.uri;
}

async function pickVariant(): Promise<TemplateVariant | undefined> {
  const items: VariantPick[] = [
    {
      variant: 'simple',
      label: vscode.l10n.t('Simple'),
      description: '[客户行业]：…',
      detail: vscode.l10n.t('The six bracketed sections with their bullets: quick to fill in a first meeting'),
    },
    {
      variant: 'structured',
      label: vscode.l10n.t('Structured'),
      description: '### 一、…',
      detail: vscode.l10n.t('The same sections under numbered headings, with more fields (root causes, acceptance criteria, budget split)'),
    },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New Intake (1/2): template'), placeHolder: vscode.l10n.t('Choose a template'), ignoreFocusOut: true });
  return pick?.variant;
}

async function pickIndustry(choices: IndustryChoice[]): Promise<IndustryChoice | undefined> {
  const items: IndustryPick[] = choices.map((choice) => ({ choice, label: choice.name, description: choice.nameEn, detail: choice.segments.join(' · ') }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t("New Intake (2/2): the customer's industry"),
    placeHolder: vscode.l10n.t('Choose an industry (type to filter, in Chinese or English)'),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return pick?.choice;
}
