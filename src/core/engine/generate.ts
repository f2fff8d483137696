/**
 * The offline recommendation engine: intake → facts → profile → rule hits → report model.
 * Deterministic (no clock, no randomness, stable sort orders): the same intake gives the
 * same report, byte for byte.
 */
import { analyzeFindings, findingToDiagnostic, type AnalysisFinding } from '../analysis/analyze';
import { getFieldCatalog } from '../catalog/catalog';
import type { IntakeFile } from '../model';
import { inReportLanguage } from '../reportLanguage';
import { getKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge';
import { walkFields } from '../walk';
import { chooseCategories } from './categories';
import type { EngineContext } from './context';
import { requiredGaps } from '../facts/coverage';
import { extractFacts, type IntakeFacts } from '../facts/facts';
import { buildProfile } from './profile';
import type { ReportModel } from './reportModel';
import { evaluateRules } from './rules';
import { buildCostBenefit } from './sections/costBenefit';
import { buildFeatures } from './sections/features';
import { buildFit } from './sections/fit';
import { buildImplementation } from './sections/implementation';
import { buildNextSteps } from './sections/nextSteps';
import { buildRequirements } from './sections/requirements';
import { buildRisks } from './sections/risks';
import { buildSolution } from './sections/solution';

export interface GenerateOptions {
  kb?: KnowledgeBase;
  /** The intake's facts and analysis findings, when the caller has them (the editor's DocumentAnalysis). */
  facts?: IntakeFacts;
  findings?: readonly AnalysisFinding[];
}

export class IntakeIndexError extends Error {}

/** Builds the report for intake `index` (0-based) of a parsed file. */
export function generateReport(file: IntakeFile, index = 0, options: GenerateOptions = {}): ReportModel {
  const intake = file.intakes[index];
  if (!intake) throw new IntakeIndexError(`intake ${index + 1} does not exist (the file has ${file.intakes.length})`);
  const kb = options.kb ?? getKnowledgeBase();
  const catalog = getFieldCatalog();
  const facts = options.facts ?? extractFacts(intake, catalog);
  const profile = buildProfile(facts, kb);
  const hits = evaluateRules(facts, kb.rules);
  // The report is Chinese: quote the findings in Chinese whatever the editor's language.
  const findings = (options.findings ?? analyzeFindings(intake)).map((f) => findingToDiagnostic(f, intake.index, inReportLanguage));
  const ctx: EngineContext = { kb, facts, profile, hits, findings, categories: chooseCategories(hits, profile, kb) };
  const incomplete = missingInformation(file, index);
  const industry = profile.industryText || profile.industry?.name || '未注明行业';
  return {
    schemaVersion: 1,
    title: `企业IT系统推荐报告：${[industry, profile.segment].filter(Boolean).join(' · ')}`,
    intake: { index, industry, ...(profile.industry ? { industryId: profile.industry.id } : {}), segment: profile.segment },
    incomplete,
    requirements: buildRequirements(ctx),
    solution: buildSolution(ctx),
    fit: buildFit(ctx),
    features: buildFeatures(ctx),
    implementation: buildImplementation(ctx),
    costBenefit: buildCostBenefit(ctx),
    risks: buildRisks(ctx),
    nextSteps: buildNextSteps(ctx, incomplete),
  };
}

/** Required sections and fields that are missing, empty or still placeholders, by name. */
function missingInformation(file: IntakeFile, index: number): string[] {
  const intake = file.intakes[index]!;
  const names: string[] = [];
  for (const gap of requiredGaps(intake)) {
    if (gap.kind === 'missing-section') names.push(`[${gap.section}]`);
    else if (gap.kind === 'missing-field') names.push(`${gap.section}/${gap.field}`);
    else names.push(gap.key);
  }
  for (const section of intake.sections) {
    if (section.value && section.value.placeholders.length > 0) names.push(`[${section.name}]`);
    for (const field of walkFields(section.items)) {
      if (field.value && field.value.placeholders.length > 0) names.push(`${section.name}/${field.key}`);
    }
  }
  return [...new Set(names)];
}
