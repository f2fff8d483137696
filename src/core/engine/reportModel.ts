/**
 * The report as data. `generate()` builds it from an intake and the knowledge base; renderers
 * (Markdown, HTML, docx, the preview) only present it. Every statement carries the intake
 * lines behind it (`refs`), so a reader can trace it back.
 */
import { z } from '../zod';
import { RangeSchema } from '../model';

/** An intake line a statement is based on. `line` is 0-based; renderers show it 1-based. */
export const RefSchema = z.object({ line: z.number().int().nonnegative(), range: RangeSchema });
export type Ref = z.infer<typeof RefSchema>;

export interface Point {
  text: string;
  refs: Ref[];
  /** Marks a statement that rests on an assumption rather than an intake fact. */
  assumption?: boolean;
  children?: Point[];
}
export const PointSchema: z.ZodType<Point> = z.lazy(() =>
  z.object({
    text: z.string().min(1),
    refs: z.array(RefSchema),
    assumption: z.boolean().optional(),
    children: z.array(PointSchema).optional(),
  }),
);

export const CriterionScoreSchema = z.object({
  criterion: z.enum(['deployment', 'compliance', 'xinchuang', 'budget', 'scale', 'region', 'protocols']),
  /** 0 (conflicts), 1 (neutral or unknown), 2 (fits). */
  score: z.number().int().min(0).max(2),
  note: z.string(),
});
export type CriterionScore = z.infer<typeof CriterionScoreSchema>;

export const ScoredProductSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  origin: z.enum(['cn', 'intl', 'oss']),
  total: z.number(),
  criteria: z.array(CriterionScoreSchema),
  strength: z.string(),
  caveat: z.string(),
});
export type ScoredProduct = z.infer<typeof ScoredProductSchema>;

export const ShortlistSchema = z.object({
  category: z.string(),
  categoryName: z.string(),
  /** Why this category is part of the solution. */
  reason: z.string(),
  refs: z.array(RefSchema),
  products: z.array(ScoredProductSchema),
});
export type Shortlist = z.infer<typeof ShortlistSchema>;

export const SolutionOptionSchema = z.object({
  id: z.enum(['A', 'B']),
  title: z.string(),
  summary: z.string(),
  recommended: z.boolean(),
  shortlists: z.array(ShortlistSchema),
  pros: z.array(z.string()),
  cons: z.array(z.string()),
});
export type SolutionOption = z.infer<typeof SolutionOptionSchema>;

export const MilestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  startWeek: z.number().int().nonnegative(),
  weeks: z.number().int().positive(),
  deliverables: z.array(z.string()).min(1),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const MoneySchema = z.object({ amount: z.number().nonnegative(), currency: z.string(), text: z.string() });
export type Money = z.infer<typeof MoneySchema>;

export const BudgetShareSchema = z.object({
  label: z.string(),
  percent: z.number().min(0).max(100),
  amount: MoneySchema.optional(),
  assumption: z.boolean(),
  refs: z.array(RefSchema),
});
export type BudgetShare = z.infer<typeof BudgetShareSchema>;

export const BenefitSchema = z.object({ metric: z.string(), low: z.number(), high: z.number(), unit: z.string(), note: z.string().optional() });

export const RiskSchema = z.object({
  title: z.string(),
  risk: z.string(),
  mitigation: z.string(),
  /** `analysis` findings come first, then rule-based and industry risks. */
  source: z.enum(['analysis', 'rule', 'industry', 'completeness']),
  severity: z.enum(['error', 'warning', 'information']),
  code: z.string().optional(),
  refs: z.array(RefSchema),
});
export type Risk = z.infer<typeof RiskSchema>;

export const ReportModelSchema = z.object({
  schemaVersion: z.literal(1),
  title: z.string(),
  intake: z.object({ index: z.number().int().nonnegative(), industry: z.string(), industryId: z.string().optional(), segment: z.string() }),
  /** Required fields that are missing or still placeholders: the report says 信息不完整. */
  incomplete: z.array(z.string()),
  requirements: z.object({
    industryModel: z.array(PointSchema),
    controlPoints: z.array(PointSchema),
    constraints: z.array(PointSchema),
    scaleAndBudget: z.array(PointSchema),
    painPoints: z.array(PointSchema),
  }),
  solution: z.object({
    systemTypes: z.array(PointSchema),
    options: z.array(SolutionOptionSchema).length(2),
    notes: z.array(PointSchema),
  }),
  fit: z.array(PointSchema),
  features: z.array(PointSchema),
  implementation: z.object({
    totalWeeks: z.number().int().positive(),
    deadline: z.string(),
    deadlineRefs: z.array(RefSchema),
    milestones: z.array(MilestoneSchema).min(3),
    advice: z.array(PointSchema),
  }),
  costBenefit: z.object({
    total: MoneySchema.optional(),
    totalRefs: z.array(RefSchema),
    years: z.number().int().positive(),
    split: z.array(BudgetShareSchema),
    tco: z.array(BudgetShareSchema),
    benefits: z.array(BenefitSchema),
    paybackMonths: z.object({ low: z.number(), high: z.number() }),
    assumptions: z.array(z.string()),
  }),
  risks: z.array(RiskSchema),
  nextSteps: z.array(PointSchema),
});
export type ReportModel = z.infer<typeof ReportModelSchema>;

// Kept apart from the schemas above, so that code needing only the titles does not load zod at run time.
export { REPORT_SECTION_TITLES } from './sectionTitles';
