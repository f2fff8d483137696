/**
 * The report as data. `generateReport()` builds it from an intake and the knowledge base;
 * renderers (Markdown, HTML, Word, the preview) only present its `sections` and `appendix`,
 * and `--format json` prints it whole, for tools.
 *
 * Two kinds: a `report` (the eight sections of the sample reports, then `## 附录`), or a
 * `brief` (the questions to ask the customer) when the intake is too thin for a recommendation.
 * Both carry what the engine understood of the intake and the clarifications it needs.
 *
 * Numbering is one-based throughout, as in the CLI and the Markdown: `intake.number`, every
 * `refs` entry (intake lines), phases. Money is in the intake's budget currency when it has one
 * (CNY otherwise), in base units (dollars, yuan), as `{ low, high }` ranges.
 */
import { z } from '../zod';

/** 1-based intake lines a statement is based on. */
const Refs = z.array(z.number().int().positive());

export interface Point {
  /** A short lead shown in bold before the text (客户与核心业务, 首要目标…). */
  label?: string;
  text: string;
  refs: number[];
  children?: Point[];
}
const PointSchema: z.ZodType<Point> = z.lazy(() => z.object({ label: z.string().optional(), text: z.string(), refs: Refs, children: z.array(PointSchema).optional() }));

/** A piece of a section as the writer laid it out; the renderers turn each into Markdown. */
const BlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string().min(1), refs: Refs }),
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(3), z.literal(4)]), text: z.string().min(1), refs: Refs }),
  z.object({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(PointSchema) }),
  z.object({
    kind: z.literal('table'),
    header: z.array(z.string()),
    rows: z.array(z.object({ cells: z.array(z.string()), refs: Refs })),
  }),
  z.object({ kind: z.literal('note'), text: z.string().min(1), refs: Refs }),
]);
export type Block = z.infer<typeof BlockSchema>;

const SectionSchema = z.object({ id: z.string(), title: z.string(), blocks: z.array(BlockSchema) });
export type Section = z.infer<typeof SectionSchema>;

const Money = z.object({ amount: z.number(), currency: z.string(), text: z.string() });
export type MoneyValue = z.infer<typeof Money>;
const MoneyRange = z.object({ low: z.number(), high: z.number(), currency: z.string(), text: z.string() });
type MoneyRange = z.infer<typeof MoneyRange>;

/** What the engine understood of the intake: typed facts, each with the lines it came from. */
const UnderstandingSchema = z.object({
  industry: z.object({ id: z.string().optional(), name: z.string(), written: z.string(), segment: z.string(), subIndustry: z.string().optional(), refs: Refs }),
  coreSystem: z.object({
    /** Category id (categories.yaml) when known. */
    category: z.string().optional(),
    name: z.string(),
    /** How it was found: named in the intake, implied by the segment or the industry, or unknown. */
    basis: z.enum(['stated', 'segment', 'industry', 'unknown']),
    /** The project builds or replaces it (not only integrates with it). */
    inScope: z.boolean(),
    /** The intake says it stays. */
    kept: z.boolean(),
    /** In scope as a replacement (替换, 替代, 更换): the product the customer runs for it is not the pick by default. */
    replaces: z.boolean().optional(),
    refs: Refs,
  }),
  /** Further business systems the intake asks for (LIMS, QMS… besides the core one). */
  statedSystems: z.array(z.object({ category: z.string(), name: z.string(), refs: Refs })),
  estate: z.object({
    clouds: z.array(
      z.object({
        provider: z.string(),
        name: z.string(),
        regions: z.array(z.object({ id: z.string().optional(), name: z.string(), written: z.string(), approximate: z.boolean(), jurisdiction: z.string(), refs: Refs })),
        refs: Refs,
      }),
    ),
    onPrem: z.array(z.object({ text: z.string(), refs: Refs })),
    products: z.array(
      z.object({
        name: z.string(),
        family: z.string().optional(),
        product: z.string().optional(),
        categories: z.array(z.string()),
        version: z.string().optional(),
        written: z.string(),
        /** The engine the product is compatible with, as written after it ("PolarDB MySQL 8.0": MySQL); `version` is then the product's. */
        compatible: z.string().optional(),
        /** The system it is written to serve ("Oracle 11g（SAP ECC）": SAP ECC 6.0), by its estate name. */
        serves: z.string().optional(),
        /** The system in brackets after it when that is no product the estate knows ("Oracle 11g（门店系统）": 门店系统). */
        servesWritten: z.string().optional(),
        refs: Refs,
      }),
    ),
    /**
     * The systems and components the customer runs, as its 基础设施现状 lines write them
     * ("致远OA", "AutoCAD", "自研POS"), known to the knowledge base or not; `covers`: the
     * estate entries (family or product ids) each names.
     */
    systems: z.array(z.object({ name: z.string(), covers: z.array(z.string()), refs: Refs })),
    nodes: z.number().optional(),
    dataTb: z.number().optional(),
    /** The intake asks to move to or add a cloud it does not use yet: other clouds are then not ruled out. */
    newCloudRequested: z.boolean(),
    /** The public clouds a goal moves the estate to ("迁移到公有云（倾向华为云或阿里云）"), in the order written. */
    targetClouds: z.array(z.string()).optional(),
  }),
  triedAndFailed: z.array(z.object({ what: z.string(), why: z.string(), products: z.array(z.string()), refs: Refs })),
  constraints: z.array(z.object({ kind: z.string(), text: z.string(), system: z.string().optional(), refs: Refs })),
  locations: z.array(z.object({ name: z.string(), role: z.enum(['deployment', 'users', 'support', 'market']), jurisdiction: z.string(), refs: Refs })),
  jurisdictions: z.array(z.object({ code: z.string(), basis: z.string(), refs: Refs })),
  data: z.array(z.string()),
  traits: z.array(z.string()),
  scale: z.object({
    size: z.enum(['sme', 'mid', 'large']),
    assumed: z.boolean(),
    figures: z.array(
      z.object({
        label: z.string(),
        value: z.number(),
        text: z.string(),
        refs: Refs,
        /** People who work in the customer's premises for others (园区员工, 入驻企业员工): end users of its services, not its staff. */
        occupants: z.literal(true).optional(),
      }),
    ),
    /** The customer's own staff, as counted (never the people who work in its premises for others). */
    internalUsers: z.number().optional(),
    /**
     * Why a large customer is large (set with size `large` only): its own staff (`staff`), its end
     * users or their daily volume (`endUsers`), what it runs as a landlord (`premises`: floor area,
     * tenants, people working in its parks) or its budget (`budget`). A landlord large by its
     * premises alone has no large staff to assume: a per-user system for its staff is sized as a
     * mid-size company's where the intake gives no head count (plan/costs.ts).
     */
    largeBy: z.array(z.enum(['staff', 'endUsers', 'premises', 'budget'])).optional(),
    sites: z.number().optional(),
  }),
  budget: z.object({
    total: Money.optional(),
    /** Years the total covers (a per-year budget spans the horizon). */
    horizonYears: z.number().int().positive(),
    horizonAssumed: z.boolean(),
    perYear: z.boolean(),
    /** The total is the first year's ("¥600万（首年）"): it is compared with the first year's spend. */
    firstYear: z.boolean().optional(),
    oneTime: Money.optional(),
    recurringPerYear: Money.optional(),
    /** The recurring amount is a ceiling ("年运维不超过¥1500万/年", "每年¥200万以内"), not only an allocation. */
    recurringCap: z.boolean().optional(),
    /**
     * `oneTime` and `recurringPerYear` are the total's shares its split gives ("初期建设70% vs 持续运维30%",
     * "软件与实施60%、硬件与基础设施25%、三年运维15%"), the recurring share spread over `years`.
     */
    shares: z.object({ oneTime: z.number(), recurring: z.number(), years: z.number().int().positive() }).optional(),
    split: z.array(z.object({ label: z.string(), percent: z.number().optional(), amount: Money.optional(), refs: Refs })),
    preference: z.string().optional(),
    /**
     * The customer buys software outright ("软件买断，5年维保", "财政资金一次性投入"): the estimate
     * prices a product it can buy so as a perpetual licence with yearly maintenance, and says which
     * it cannot (plan/costs.ts). `said`: the preference as written; `orSubscription`: a
     * subscription is acceptable too ("可接受私有化部署的订阅").
     */
    perpetual: z.object({ said: z.string(), orSubscription: z.boolean(), refs: Refs }).optional(),
    refs: Refs,
  }),
  deadline: z.object({ months: z.number().optional(), text: z.string(), refs: Refs }),
  /**
   * `maxOutageMinutes`: the longest outage allowed (MES停机不得超过10分钟); `recovery`: the recovery
   * targets as written (RTO<5分钟、RPO=0), which the DR answer and the failover drill are held to.
   */
  sla: z.object({ availability: z.number().optional(), rtoMinutes: z.number().optional(), rpoMinutes: z.number().optional(), maxOutageMinutes: z.number().optional(), recovery: z.object({ text: z.string(), refs: Refs }).optional(), zeroDowntime: z.boolean(), refs: Refs }),
  mainGoal: z.object({ text: z.string(), refs: Refs }).optional(),
  secondaryGoals: z.array(z.object({ text: z.string(), refs: Refs })),
  pains: z.array(z.object({ text: z.string(), kind: z.enum(['problem', 'impact', 'cause', 'bottleneck', 'debt']), refs: Refs })),
  /** Money the customer says it loses, or spends today: the only basis for benefits. */
  lossFigures: z.array(z.object({ text: z.string(), amount: z.number(), currency: z.string(), perMonths: z.number(), refs: Refs })),
  integrations: z.array(z.object({ system: z.string(), protocols: z.array(z.string()), refs: Refs })),
  /** Intake lines with personal data (contacts): never quoted. */
  personalDataLines: Refs,
});
export type UnderstandingModel = z.infer<typeof UnderstandingSchema>;

const ClarificationSchema = z.object({
  /** The intake section the question belongs to. */
  section: z.string(),
  /** What the question is about (budget, deadline, region, regulation…): one question per topic and subject. */
  topic: z.string(),
  question: z.string(),
  why: z.string(),
  refs: Refs,
  /** 1: blocks a sound recommendation; 2: changes the numbers; 3: refines. */
  priority: z.number().int().min(1).max(3),
});
export type Clarification = z.infer<typeof ClarificationSchema>;

const NeedSchema = z.object({
  kind: z.enum(['main-goal', 'goal', 'pain', 'debt', 'compliance', 'integration', 'constraint']),
  /** The need restated. */
  text: z.string(),
  refs: Refs,
  /** The mechanisms that answer it (rule ids, or `lifecycle:`/`plan:` ones, with their one-line summary). */
  mechanisms: z.array(z.object({ rule: z.string(), title: z.string(), summary: z.string(), categories: z.array(z.string()) })),
  /** No mechanism: the question to ask instead. */
  clarify: z.string().optional(),
  /**
   * A goal's current level as the intake gives it (开盘峰值委托1.5万笔/秒), with its line: not
   * asked for. Its line is the goal's own when the goal says it (从82%提升到90%).
   */
  baseline: z.object({ text: z.string(), refs: Refs }).optional(),
});
export type Need = z.infer<typeof NeedSchema>;

const SystemTypeSchema = z.object({
  category: z.string(),
  name: z.string(),
  role: z.enum(['core', 'supporting']),
  /** Why it is in the plan: the needs it serves. */
  reason: z.string(),
  refs: Refs,
  /** The customer keeps its current system of this kind: integrate or upgrade it, do not replace it. */
  kept: z.string().optional(),
  /** The narrower system of the kind the intake asks for (categories.yaml `scopes`, plan/scopes.ts): its name is `name`; its POC and price are the scope's. */
  scope: z.string().optional(),
});
export type SystemType = z.infer<typeof SystemTypeSchema>;

/** Where a piece of knowledge comes from: embedded, or a team's overlay (team/merge.ts). */
const KnowledgeSourceSchema = z.enum(['embedded', 'user', 'workspace']);

const ProductRef = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  /** With a team's overlays: where the product's entry comes from (the highest layer that added or changed it). */
  source: KnowledgeSourceSchema.optional(),
  /** The team's policy for its vendor, when it favours it (a blocked one is an exclusion). */
  policy: z.enum(['preferred', 'partner']).optional(),
});

const PickSchema = z.object({
  category: z.string(),
  categoryName: z.string(),
  product: ProductRef,
  /** Why it fits, citing the customer's own facts. */
  why: z.string(),
  /**
   * What `why` rests on: the customer's own facts; a strength of the product that speaks to what
   * the customer wrote; or nothing in the intake tells the candidates apart, so `why` is what the POC must prove.
   */
  basis: z.enum(['customer', 'product', 'poc']),
  /**
   * The core system's best candidate misses what the customer needs most (picks.ts MISFIT_LEAD):
   * it is chosen against its alternative by POC, and priced as the dearer of the two (costs.ts).
   */
  misfit: z.literal(true).optional(),
  refs: Refs,
  /** The customer already runs it: keep and upgrade. */
  existing: z.boolean(),
  /** No candidate of the option's kind passed (no domestic product of this type), so this is the best acceptable one. */
  fallback: z.boolean().optional(),
  /**
   * At most one alternative. For a system the customer keeps there is none, unless the kept system
   * covers only part of the type: `scope` then names the part it is for (the EMR, when only the HIS stays).
   */
  alternative: z.object({ product: ProductRef, why: z.string(), refs: Refs, scope: z.string().optional() }).optional(),
  score: z.number(),
});
export type Pick = z.infer<typeof PickSchema>;

const OptionSchema = z.object({
  id: z.enum(['A', 'B']),
  strategy: z.enum(['domestic', 'domestic-alt', 'international', 'international-alt', 'cloud-native', 'cloud-neutral']),
  title: z.string(),
  summary: z.string(),
  recommended: z.boolean(),
  /**
   * Recommended because the other option's estimate is over the budget even at its low end and
   * this one's is not: the other scored higher (generate.ts), and the report says why not it.
   */
  withinBudget: z.literal(true).optional(),
  /** False when the option cannot satisfy the constraints at all (it then has no picks). */
  applicable: z.boolean(),
  note: z.string().optional(),
  /** Reasons every pick of the option shares (private deployment, 信创…), said once. */
  shared: z.array(z.string()).optional(),
  picks: z.array(PickSchema),
  /** System types the option has no acceptable product for. */
  gaps: z.array(z.object({ category: z.string(), reason: z.string() })),
});
export type Option = z.infer<typeof OptionSchema>;

const ExclusionSchema = z.object({
  product: ProductRef,
  category: z.string(),
  /**
   * What ruled it out: a hard constraint, a cloud not in use, a failed attempt, a system that
   * stays, 信创, a product that covers only part of what the customer runs (`unsuited`), the
   * team's vendor policy, or the product the project itself replaces (`replaced`).
   */
  kind: z.enum(['constraint', 'cloud', 'failed', 'kept', 'xinchuang', 'domestic', 'unsuited', 'policy', 'compliance', 'replaced']),
  reason: z.string(),
  refs: Refs,
});
export type Exclusion = z.infer<typeof ExclusionSchema>;

/** A scored candidate, for the appendix comparison tables. */
const CandidateSchema = z.object({
  option: z.enum(['A', 'B']),
  category: z.string(),
  product: ProductRef,
  origin: z.enum(['cn', 'intl', 'oss']),
  score: z.number(),
  notes: z.array(z.string()),
});
export type Candidate = z.infer<typeof CandidateSchema>;

const LifecycleFindingSchema = z.object({
  family: z.string(),
  name: z.string(),
  version: z.string(),
  /** `past`: support ended before the report date; `soon`: it ends within twelve months. */
  status: z.enum(['past', 'soon']),
  /** The end-of-support date, or the date by which the line was known to be unsupported. */
  date: z.string(),
  /** `date` is when the line was known to be unsupported, not a published end: the report says "不晚于". */
  byDate: z.boolean().optional(),
  what: z.string(),
  source: z.string(),
  upgrade: z.string(),
  /** The system the project replaces that it serves and goes with ("Oracle 11g（SAP ECC）" under a new ERP). */
  retiresWith: z.string().optional(),
  /**
   * The one application the project replaces, which the intake does not say this database serves
   * ("数据库：Oracle 11g" beside the terminal's old TOS): it goes with it if it serves it alone.
   */
  mayRetireWith: z.string().optional(),
  /** It moves to a cloud service in the customer's move to the cloud, upgraded as it moves (a self-managed MySQL 5.7 to RDS). */
  migrates: z.boolean().optional(),
  /** The project replaces it with a domestic product (an Oracle database in a 数据库国产化替代): no upgrade of its own. */
  replaced: z.boolean().optional(),
  refs: Refs,
});
export type LifecycleFinding = z.infer<typeof LifecycleFindingSchema>;

const RegulationSchema = z.object({
  kind: z.enum(['framework', 'regulator']),
  id: z.string().optional(),
  name: z.string(),
  /** stated: the intake names it; brought-in: its conditions hold (jurisdiction, industry, data). */
  basis: z.enum(['stated', 'brought-in']),
  /** Its testing is in the plan's timeline and costs (等保, 密评 for a project that builds a system), stated or not. */
  planned: z.boolean().optional(),
  /**
   * What the intake says of the customer's standing: it holds the framework already, or seeks it
   * (frameworks.yaml `held`, `sought`), and the lines that say so (a segment's 一级供应商).
   */
  standing: z.object({ is: z.enum(['held', 'sought']), refs: Refs }).optional(),
  why: z.string(),
  refs: Refs,
});
export type Regulation = z.infer<typeof RegulationSchema>;

const CostItemSchema = z.object({
  component: z.string(),
  category: z.string().optional(),
  kind: z.enum(['licence', 'infrastructure', 'implementation', 'operations', 'assessment']),
  period: z.enum(['one-time', 'per-year']),
  low: z.number(),
  high: z.number(),
  assumption: z.string(),
  /** Paid per transaction, by the year's count (categories.yaml's cost `usage`): a CA certificate per signing. */
  usage: z.boolean().optional(),
  /** With a team's price list: where the figure comes from (`embedded`: the planning estimate; `user` or `workspace`: that layer's price list). */
  source: KnowledgeSourceSchema.optional(),
  /** The team's price list it comes from, by name. */
  priceList: z.string().optional(),
});
export type CostItem = z.infer<typeof CostItemSchema>;

const CostsSchema = z.object({
  currency: z.string(),
  years: z.number().int().positive(),
  items: z.array(CostItemSchema),
  totals: z.array(z.object({ period: z.enum(['one-time', 'per-year', 'total']), low: z.number(), high: z.number(), text: z.string() })),
  budget: z
    .object({
      total: z.number(),
      text: z.string(),
      /** within: the estimate's high end fits; tight: only the low end fits; over: even the low end exceeds it. */
      verdict: z.enum(['within', 'tight', 'over']),
      /** The low end of what the budget was compared with: the TCO, the one-time spend for a build budget, or the first year's. */
      low: z.number().optional(),
      statement: z.string(),
      refs: Refs,
      /**
       * The yearly running estimate against the yearly running budget the intake states
       * (`recurringPerYear`): `decides` when it fails worse than the comparison above, which then
       * takes its verdict; `drivers`, the largest yearly items, as the statement names them.
       */
      running: z
        .object({
          cap: z.number(),
          text: z.string(),
          verdict: z.enum(['within', 'tight', 'over']),
          low: z.number(),
          high: z.number(),
          capWord: z.string(),
          drivers: z.array(z.string()),
          decides: z.boolean(),
          /** The verdict of the comparison above, before the yearly cap decided. */
          totalVerdict: z.enum(['within', 'tight', 'over']),
        })
        .optional(),
      /**
       * What the estimate leaves out that is a principal investment (a DR site's rooms and links,
       * a DMA programme's meters): the verdict is then of the estimated part only. `left`, what
       * the budget leaves for it (past the estimate's high end where it fits, its low end where
       * only that fits, none where even that is over), in the costs' currency, and as `text`.
       */
      unpriced: z.object({ what: z.array(z.string()).min(1), left: z.number(), text: z.string() }).optional(),
    })
    .optional(),
  currentSpend: z.object({ text: z.string(), refs: Refs }).optional(),
  benefits: z.array(z.object({ text: z.string(), refs: Refs, perYear: MoneyRange.optional() })),
  payback: z.string().optional(),
  assumptions: z.array(z.string()),
  /** The pie of the budget or estimate, for the chart. */
  chart: z.array(z.object({ label: z.string(), percent: z.number(), amount: z.string().optional(), assumption: z.boolean() })),
});
export type Costs = z.infer<typeof CostsSchema>;

const PhaseSchema = z.object({
  number: z.number().int().positive(),
  name: z.string(),
  startWeek: z.number().int().nonnegative(),
  weeks: z.number().int().positive(),
  deliverables: z.array(z.string()).min(1),
});
export type Phase = z.infer<typeof PhaseSchema>;

const TimelineSchema = z.object({
  template: z.string(),
  totalWeeks: z.number().int().positive(),
  minimumWeeks: z.number().int().positive(),
  deadlineMonths: z.number().optional(),
  feasible: z.boolean(),
  statement: z.string(),
  phases: z.array(PhaseSchema).min(1),
  refs: Refs,
});
export type Timeline = z.infer<typeof TimelineSchema>;

const RiskSchema = z.object({
  title: z.string(),
  risk: z.string(),
  mitigation: z.string(),
  source: z.enum(['analysis', 'lifecycle', 'rule', 'history', 'plan', 'constraint']),
  code: z.string().optional(),
  refs: Refs,
});
export type Risk = z.infer<typeof RiskSchema>;

export const ReportModelSchema = z.object({
  schemaVersion: z.literal(2),
  kind: z.enum(['report', 'brief']),
  title: z.string(),
  /** The report date (YYYY-MM-DD) lifecycles were compared with. */
  asOf: z.string(),
  intake: z.object({ number: z.number().int().positive(), firstLine: z.number().int().positive(), lastLine: z.number().int().positive(), industry: z.string(), segment: z.string() }),
  understanding: UnderstandingSchema,
  /**
   * Required sections and fields that are missing, empty or still placeholders, by name
   * (`[客户行业]`, `客户行业/业务规模`): the validator's required-field rule (facts/coverage.ts).
   */
  incomplete: z.array(z.string()),
  clarifications: z.array(ClarificationSchema),
  plan: z.object({ needs: z.array(NeedSchema), systems: z.array(SystemTypeSchema) }).optional(),
  options: z.array(OptionSchema),
  exclusions: z.array(ExclusionSchema),
  candidates: z.array(CandidateSchema),
  lifecycle: z.array(LifecycleFindingSchema),
  regulations: z.array(RegulationSchema),
  costs: CostsSchema.optional(),
  timeline: TimelineSchema.optional(),
  risks: z.array(RiskSchema),
  /** The body: the eight sections of a report, or the brief's sections. */
  sections: z.array(SectionSchema),
  /** `## 附录`: for the engineer (comparisons, exclusions, assumptions, rule evidence). */
  appendix: z.array(SectionSchema),
});
export type ReportModel = z.infer<typeof ReportModelSchema>;

// Kept apart from the schemas above, so that code needing only the titles does not load zod at run time.
export {  REPORT_SECTION_TITLES } from './sectionTitles';
