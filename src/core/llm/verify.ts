/**
 * Checks the Markdown an LLM wrote against the engine's facts, so the preview and the CLI can say
 * where the model went wrong instead of silently trusting it.
 *
 * | code                       | severity    | what                                                        |
 * |----------------------------|-------------|-------------------------------------------------------------|
 * | llm.missing-section        | warning     | one of the 8 section headings is missing (all listed)        |
 * | intake.unknown-standard    | error       | a standard or level that does not exist (SOC2 Type III)      |
 * | intake.retired-standard    | warning     | a retired version (PCI DSS v4.0)                             |
 * | intake.wording             | information | 认证 for something that is not a certification              |
 * | llm.budget-total           | warning     | a total budget different from the engine's                   |
 * | llm.budget-split           | warning     | a split or TCO percentage different from the engine's        |
 * | llm.bad-citation           | warning     | 〔Lnn〕 pointing outside the intake                           |
 * | llm.ungrounded-product     | information | a knowledge-base product that was not in the grounding and   |
 * |                            |             | is not labelled （自行建议）                                   |
 * | llm.unsafe-link            | warning     | (added by generateLlm) links or images to anything but a     |
 * |                            |             | plain https URL, taken out of the answer                     |
 * | llm.excluded-product       | error       | recommends a product the offline report excluded             |
 * | llm.public-cloud           | error       | proposes public cloud or SaaS (in words, or a product that   |
 * |                            |             | runs there) where the intake bans it                         |
 * | llm.unused-cloud           | warning     | proposes a cloud the customer does not use                   |
 * | llm.replaces-kept          | warning     | replaces a system the customer keeps                         |
 * | llm.not-xinchuang          | warning     | a product without 信创 adaptation where full 信创 is required |
 * | llm.personal-data          | error       | the intake's personal data (a contact's name, phone, e-mail, |
 * |                            | (warning)   | ID number); warning for what only the detectors suspect      |
 *
 * The plan checks (verifyPlan.ts) judge each statement that names a product, a cloud or a kept
 * system: naming an excluded product to say it was excluded is no finding. The personal-data
 * check is verifyPersonal.ts.
 *
 * The standards checks are the analysis checks themselves (standards.ts), run on the report's
 * lines. A mention in a sentence that corrects it (不存在, 已废止, 应为…) is the model doing its job:
 * it is still listed, as information. Only error and warning findings count as problems
 * ({@link hasProblems}).
 */
import type { VerifyFinding } from './verifyFinding';
import { getFrameworks, getKnowledgeBase, getLocations, type KnowledgeBase } from '../knowledge/knowledge';
import { checkStandards } from '../analysis/standards';
import type { AnalysisLine } from '../facts/lines';
import { clauseLocator, type ClauseLocator } from '../text/clauses';
import { findMoney, type Money } from '../facts/money';
import { holdsAny } from '../text/holdsAny';
import { extractFacts } from '../facts/facts';
import { CNY_PER_USD, formatAmount } from '../engine/format';
import type { ReportModel } from '../engine/reportModel';
import { REPORT_SECTION_TITLES } from '../engine/sectionTitles';
import { localize, t } from '../l10n';
import type { Intake } from '../model';
import { PlanCodes, verifyPlan } from './verifyPlan';
import { PERSONAL_DATA_CODE, verifyPersonal } from './verifyPersonal';


export const VerifyCodes = {
  missingSection: 'llm.missing-section',
  budgetTotal: 'llm.budget-total',
  budgetSplit: 'llm.budget-split',
  badCitation: 'llm.bad-citation',
  ungroundedProduct: 'llm.ungrounded-product',
  /** Added by generateLlm, not by verifyReport: the answer stopped at the output limit. */
  truncated: 'llm.truncated',
  /** Added by generateLlm: the endpoint answered with no text. */
  empty: 'llm.empty',
  /** Added by generateLlm: links or images to anything but a plain https URL were taken out. */
  unsafeLink: 'llm.unsafe-link',
  ...PlanCodes,
  personalData: PERSONAL_DATA_CODE,
} as const;

export interface VerifyOptions {
  /** The grounding text sent: products named in it count as grounded. Without it, the product check is skipped. */
  groundingText?: string;
  kb?: KnowledgeBase;
  /** False for partial text (cancelled, timed out): missing sections are then expected, not reported. */
  complete?: boolean;
}

export function verifyReport(markdown: string, model: ReportModel, intake: Intake, options: VerifyOptions = {}): VerifyFinding[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  const out: VerifyFinding[] = [];
  if (options.complete !== false) out.push(...missingSections(lines));
  out.push(...standards(lines, intake, options.kb));
  out.push(...budgetTotal(lines, model));
  out.push(...budgetSplit(lines, model));
  out.push(...citations(lines, intake));
  const kb = options.kb ?? getKnowledgeBase();
  if (options.groundingText !== undefined) out.push(...products(lines, options.groundingText, kb));
  out.push(...verifyPlan(markdown, model, kb, options.groundingText));
  out.push(...verifyPersonal(markdown, intake, options.groundingText, kb));
  return out;
}

/** Whether the findings include an error or a warning (the CLI exits 3). */
export function hasProblems(findings: readonly VerifyFinding[]): boolean {
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}

const HEADING_START = /^\s{0,3}#{1,4}/;
const NUMBERING = /^(?:[一二三四五六七八九十]{1,6}[、.．]|\d{1,6}[.、．])/;

/**
 * The title of a Markdown heading line (`## 三、适用性分析 ##` → `适用性分析`), or undefined. A scan
 * rather than one regular expression: `(.+?)\s*#*\s*$` backtracks quadratically on a heading
 * padded with thousands of blanks.
 */
function headingTitle(line: string): string | undefined {
  const start = HEADING_START.exec(line);
  if (!start) return undefined;
  let rest = line.slice(start[0].length).trimStart();
  const numbering = NUMBERING.exec(rest);
  if (numbering) {
    const after = rest.slice(numbering[0].length).trimStart();
    if (after) rest = after;
  }
  let end = rest.trimEnd();
  while (end.endsWith('#')) end = end.slice(0, -1);
  return end.trimEnd() || undefined;
}

function missingSections(lines: readonly string[]): VerifyFinding[] {
  const headings = new Set(lines.map((l) => headingTitle(l)?.replace(/[*_]/g, '').trim()).filter((h): h is string => !!h));
  const missing = REPORT_SECTION_TITLES.filter((title) => ![...headings].some((h) => h === title || h.startsWith(title)));
  if (missing.length === 0) return [];
  return [{ code: VerifyCodes.missingSection, severity: 'warning', message: t('The report lacks {0} of the 8 sections: {1}.', missing.length, missing.join('、')) }];
}

/** A sentence that says the mention is wrong: not a claim that it is valid. */
const CORRECTION = /不存在|并无|无此|没有这|没有该|没有所谓|不是|并非|有误|错误|笔误|应为|应改为|改为|更正|纠正|废止|作废|已过期|已停用|不再有效|已失效|不适用|并不|does\s+not\s+exist|doesn't\s+exist|no\s+such|not\s+exist|retired|invalid/i;
const SENTENCE_END = /[。！？!?；;]/;

function standards(lines: readonly string[], intake: Intake, kb: KnowledgeBase | undefined): VerifyFinding[] {
  const analysisLines: AnalysisLine[] = lines.map((text, i) => ({ section: '', fieldPath: [], text, line: i, character: 0, children: [] }));
  const frameworks = kb?.frameworks ?? getFrameworks();
  const found = checkStandards({ intake, facts: extractFacts(intake), lines: analysisLines, frameworks: () => frameworks, locations: () => kb?.locations ?? getLocations() });
  // Many mentions can share one long sentence: judge each sentence once (a line that repeats a
  // standard's name thousands of times would otherwise be scanned once per mention).
  const judged = new Map<string, boolean>();
  const locators = new Map<number, ClauseLocator>();
  const correctedAt = (lineNo: number, at: number): boolean => {
    const text = lines[lineNo] ?? '';
    let locate = locators.get(lineNo);
    if (!locate) locators.set(lineNo, (locate = clauseLocator(text, SENTENCE_END)));
    const sentence = locate(at);
    const k = `${lineNo}:${sentence.start}`;
    let corrected = judged.get(k);
    if (corrected === undefined) judged.set(k, (corrected = CORRECTION.test(text.slice(sentence.start, sentence.end))));
    return corrected;
  };
  return found.map((f) => {
    const corrected = f.check !== 'wording' && correctedAt(f.range.start.line, f.range.start.character);
    const line = f.range.start.line + 1;
    return corrected
      ? { code: f.code, severity: 'information' as const, message: t('Report line {0} names it only to correct it: {1}', line, localize(f.message)), line }
      : { code: f.code, severity: f.severity === 'hint' ? ('information' as const) : f.severity, message: t('Report line {0}: {1}', line, localize(f.message)), line };
  });
}

const TOTAL_KEY = /总预算|预算总额|预算总计|总体预算|整体预算|预算上限|总投入/g;
/** Between the keyword and the amount only a connector may stand: `总预算：`, `总预算为约`, `总预算（`. */
const CONNECTOR = /^[\s:：（(为是约达共计合总额]*$/;

function budgetTotal(lines: readonly string[], model: ReportModel): VerifyFinding[] {
  const b = model.understanding.budget;
  const total = b.total ? { ...b.total, text: `${b.total.text}${b.perYear ? '/年' : ''}` } : undefined;
  const years = b.horizonYears;
  const out: VerifyFinding[] = [];
  lines.forEach((text, i) => {
    TOTAL_KEY.lastIndex = 0;
    for (let m = TOTAL_KEY.exec(text); m; m = TOTAL_KEY.exec(text)) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const money = findMoney(after, { bare: true })[0];
      if (!money || !CONNECTOR.test(after.slice(0, money.start))) continue;
      if (!total) {
        out.push({ code: VerifyCodes.budgetTotal, severity: 'warning', message: t('Report line {0} states a total budget of {1}, but the intake gives none the engine could read.', i + 1, money.text), line: i + 1 });
        continue;
      }
      const engineText = /\/年$/.test(total.text) ? `${total.text}（${years}年合计${formatAmount(total.amount * years, total.currency)}）` : total.text;
      if (matchesTotal(money, total.amount, total.currency, /\/年$/.test(total.text), years) === false) {
        out.push({ code: VerifyCodes.budgetTotal, severity: 'warning', message: t('Report line {0} states a total budget of {1}; the engine computed {2}.', i + 1, money.text, engineText), line: i + 1 });
      }
    }
  });
  return out;
}

/** True when `m` is the engine's total (per year or over the period, or converted USD↔CNY); undefined when it cannot tell (another currency). */
function matchesTotal(m: Money, amount: number, currency: string, perYear: boolean, years: number): boolean | undefined {
  const candidates = [amount];
  if (perYear) candidates.push(amount * years);
  if (m.perYear && !perYear) candidates.push(amount / years);
  let rate = 1;
  let tolerance = 0.005;
  if (m.currency !== currency) {
    if (m.currency === 'CNY' && currency === 'USD') rate = CNY_PER_USD;
    else if (m.currency === 'USD' && currency === 'CNY') rate = 1 / CNY_PER_USD;
    else return undefined;
    // Converted figures get rounded: allow 3%.
    tolerance = 0.03;
  }
  return candidates.some((c) => Math.abs(m.amount - c * rate) <= c * rate * tolerance);
}

const PERCENT_AFTER = /^[\s:：（(为占约比例预算的是]{0,6}(\d{1,3}(?:\.\d+)?)\s*[%％]/;

function budgetSplit(lines: readonly string[], model: ReportModel): VerifyFinding[] {
  const shares: Array<{ label: string; percent: number }> = [
    ...model.understanding.budget.split.filter((s): s is typeof s & { percent: number } => s.percent !== undefined),
    ...(model.costs?.chart ?? []),
  ];
  const byLabel = new Map<string, number[]>();
  for (const s of shares) {
    const label = s.label.replace(/（[^（）]*）|\([^()]*\)/g, '').trim();
    if (label.length < 2) continue;
    byLabel.set(label, [...(byLabel.get(label) ?? []), s.percent]);
  }
  const out: VerifyFinding[] = [];
  lines.forEach((text, i) => {
    for (const [label, percents] of byLabel) {
      for (let at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + label.length)) {
        const rest = text.slice(at + label.length).replace(/^（[^）]{0,10}）|^\([^)]{0,10}\)/, '');
        const m = PERCENT_AFTER.exec(rest);
        if (!m) continue;
        const value = Number(m[1]);
        if (percents.some((p) => Math.abs(p - value) <= 0.5)) continue;
        out.push({ code: VerifyCodes.budgetSplit, severity: 'warning', message: t('Report line {0} gives {1} as {2}%; the engine computed {3}.', i + 1, label, value, percents.map((p) => `${p}%`).join(' / ')), line: i + 1 });
      }
    }
  });
  return out;
}

const CITATION = /〔([^〔〕\n]{1,80})〕/g;

function citations(lines: readonly string[], intake: Intake): VerifyFinding[] {
  const first = intake.range.start.line + 1;
  const last = intake.range.end.line + 1;
  const out: VerifyFinding[] = [];
  lines.forEach((text, i) => {
    const bad: string[] = [];
    CITATION.lastIndex = 0;
    for (let m = CITATION.exec(text); m; m = CITATION.exec(text)) {
      if (!/^\s*L\d/.test(m[1]!)) continue;
      for (const n of m[1]!.match(/\d+/g) ?? []) if (Number(n) < first || Number(n) > last) bad.push(`L${n}`);
    }
    if (bad.length > 0) out.push({ code: VerifyCodes.badCitation, severity: 'warning', message: t('Report line {0} cites {1}, outside the intake (lines {2}–{3}).', i + 1, [...new Set(bad)].join(', '), first, last), line: i + 1 });
  });
  return out;
}

function normalize(s: string): string {
  return s.toLowerCase().replace(/[\s（）()·・\-_/]/g, '');
}

function products(lines: readonly string[], grounding: string, kb: KnowledgeBase): VerifyFinding[] {
  const grounded = normalize(grounding);
  const normLines = lines.map(normalize);
  const out: VerifyFinding[] = [];
  for (const p of kb.products) {
    const keys = [...new Set([p.name, p.name.replace(/[（(].*$/, '').trim()].map(normalize))].filter((k) => k.length >= 4);
    if (holdsAny(grounded, keys)) continue;
    const i = normLines.findIndex((l) => holdsAny(l, keys) && !l.includes('自行建议'));
    if (i >= 0) out.push({ code: VerifyCodes.ungroundedProduct, severity: 'information', message: t('Report line {0} names {1}, which was not in the grounding and is not labelled （自行建议）.', i + 1, p.name), line: i + 1 });
  }
  return out;
}
