/**
 * Schemas of the embedded knowledge base (the YAML files beside this one). Knowledge is data:
 * industries, solution categories, products, compliance frameworks, locations, lifecycles and
 * rules are authored as YAML, bundled as JSON by esbuild.js, and checked here — at build time,
 * in tests and on first load. Cross-references (a rule naming a product, a product naming a
 * category…) and the constraints zod cannot express (a product's certifications name standards,
 * never laws) are checked by {@link checkKnowledgeIntegrity} in integrity.ts.
 *
 * Each YAML file's header documents its fields for authors; keep the two in step.
 */
import { z } from '../zod';

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case ascii');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const NonEmpty = z.string().min(1);
/** A low–high range; low must not exceed high. */
const Range = z
  .tuple([z.number().nonnegative(), z.number().nonnegative()])
  .refine(([low, high]) => low <= high, 'low must not exceed high');

/**
 * What a framework or regulator governs when it is not the whole organisation's: the kinds of
 * system (category ids) whose building brings it in, and `words` that bring it in where the
 * intake's goals, pains or special requirements say them (医保 for 国家医疗保障局, 互联互通 for
 * its assessment). Brought in for the industry, such a one is listed only when the plan builds one
 * of `categories` or the intake says one of `words`; one the intake names is listed all the same
 * (engine/plan/regulation.ts, withinProject). A campus network of a hospital answers to neither the
 * 医保局 nor the interoperability assessment.
 */
const GovernsSchema = z.object({ categories: z.array(Id).min(1), words: z.array(NonEmpty).min(1).optional() }).strict();

/** Jurisdictions the engine reasons about: where sites, users, entities and regulators are. */
const JurisdictionSchema = z.enum(['cn', 'hk', 'eu', 'uk', 'us', 'sg', 'global']);
/** Kinds of data a customer processes, which bring regulations in. */
const DataKindSchema = z.enum(['personal', 'health', 'cardholder', 'financial', 'student', 'production-control', 'gmp']);
/** Clouds a product can be tied to. `none`: runs anywhere (on premises or on any cloud). */
const CloudSchema = z.enum(['aws', 'azure', 'gcp', 'alibaba', 'huawei', 'tencent', 'baidu', 'none']);
/**
 * Hard constraints the understanding recognises in an intake; rules and filters refer to them.
 * - `no-public-cloud`: production systems/data may not run in a public cloud.
 * - `no-saas`: no vendor-hosted SaaS for the data in scope (self-hosted or private deployment only).
 * - `data-in-country`: data stays in mainland China (数据不出境); `data-in-eu`: stays in the EU.
 * - `xinchuang-full`: full 信创 stack (domestic CPU, OS, database, middleware) is required;
 *   `xinchuang-preferred`: domestic products preferred for new systems.
 * - `no-second-cloud`: no new cloud vendor beyond those in use.
 * - `keep-system`: a named system stays (integrated, not replaced).
 */
const ConstraintKindSchema = z.enum(['no-public-cloud', 'no-saas', 'data-in-country', 'data-in-eu', 'xinchuang-full', 'xinchuang-preferred', 'no-second-cloud', 'keep-system']);
/** Customer traits derived from the understanding, for rule preconditions. */
export const TraitSchema = z.enum([
  'china-site',
  'overseas-site',
  /**
   * The customer's systems all run outside mainland China: a public cloud in regions abroad only,
   * its own site at home at most keeping what is left there (仅保留财务与ERP服务器).
   */
  'hosted-abroad',
  'cross-border',
  'multi-cloud',
  'hybrid',
  'on-prem',
  'public-cloud',
  'global-users',
  'zero-downtime',
  'eu-entity',
  'peak-traffic',
  'legacy-integration',
  /** 等保 level 3 or above is stated (brings 密评 in). */
  'mlps-3plus',
  /** A goal moves the estate off its own data centre onto a public cloud (整体迁移上云, IDC退租). */
  'cloud-migration',
  /** A goal or pain replaces the databases under the applications with domestic ones (数据库国产化替代, 去O). */
  'database-replacement',
  /** A goal builds an application on a large language model (知识问答助手, 基于内部文档回答). */
  'llm-application',
  /** The customer connects and services equipment it has sold (在网设备, 销往…工厂) through an IoT platform. */
  'equipment-service',
  /** A goal moves people's desktops into the data centre (云桌面, 桌面云, VDI). */
  'virtual-desktop',
  /** A goal or pain replaces the office PCs and office software (their email among them) with domestic ones (办公信创替代). */
  'office-xinchuang',
  /** A goal rebuilds the campus network (园区网络改造, 无线全覆盖, 核心双活). */
  'campus-network',
  /** A goal replaces the virtualisation platform (VMware替换, 虚拟化平台国产化), not by moving to a public cloud. */
  'virtualization-replacement',
  /** The customer generates, transmits or sells electricity (电网, 发电, 风电, 光伏): the power sector of energy and utilities. */
  'power-sector',
  /** A goal builds or completes backup and recovery (防勒索的备份体系, 备份覆盖全部系统), with no disaster-recovery site. */
  'backup-programme',
  /** A goal builds the software delivery platform (研发效能平台, DevOps, CI/CD, 持续交付). */
  'devops-platform',
  /** A goal builds or replaces the unified identity and single sign-on platform (建成统一身份认证与单点登录平台). */
  'identity-platform',
  /** A goal builds privileged access management (堡垒机, 特权账号管理, 运维审计): every system is run through it as it is. */
  'privileged-access',
  /** A goal replaces the email system (邮件系统信创替代, 邮箱国产化, Exchange替换), whether or not the office PCs go with it. */
  'email-replacement',
  /** A goal builds the enterprise integration platform (建设企业集成平台, 上线ESB, 搭建API网关). */
  'integration-platform',
  /** A goal builds private-domain operations on WeCom (基于企业微信建设私域SCRM, 私域运营). */
  'private-domain',
  /** A goal inventories the data assets or prepares them for the balance sheet (数据资产盘点, 数据资产入表). */
  'data-asset',
]);

/**
 * Preconditions on the understanding of an intake (understand/index.ts). Every given list must
 * be satisfied: `industries` any of, `clouds` any in use or moved to, `constraints` all present, `frameworks`
 * any applicable, `estate` any product family present, `traits` all present, `data` any,
 * `jurisdictions` all, `abroad` one outside mainland China.
 */
const ConditionSchema = z
  .object({
    industries: z.array(Id).optional(),
    clouds: z.array(CloudSchema.exclude(['none'])).optional(),
    constraints: z.array(ConstraintKindSchema).optional(),
    frameworks: z.array(Id).optional(),
    estate: z.array(Id).optional(),
    traits: z.array(TraitSchema).optional(),
    data: z.array(DataKindSchema).optional(),
    jurisdictions: z.array(JurisdictionSchema).optional(),
    /**
     * The customer is also somewhere outside mainland China (a site, a cloud region or users in a
     * jurisdiction other than `cn`): what is about crossing the border (AWS China's partition from
     * the global regions) says nothing to a customer wholly inside it.
     */
    abroad: z.literal(true).optional(),
  })
  .strict();

export const IndustrySchema = z
  .object({
    id: Id,
    name: NonEmpty,
    nameEn: NonEmpty,
    /** Words in an intake's [客户行业] or 细分领域 that select this industry. */
    aliases: z.array(NonEmpty).min(1),
    businessModel: NonEmpty,
    /**
     * The kinds of data every customer of the industry holds, whatever its lines say: a bank's
     * financial data, a dealer's buyers' personal data, a care home's health records. They bring
     * in the frameworks that govern those kinds (个人信息保护法…).
     */
    data: z.array(DataKindSchema).optional(),
    /** The core business system when the segment does not name another one (category id); absent when it cannot be inferred. */
    coreSystem: Id.optional(),
    /** Sub-industries: words in 细分领域 that select one, and the core system it implies. */
    segments: z
      .array(z.object({ name: NonEmpty, aliases: z.array(NonEmpty).min(1), coreSystem: Id, coreName: NonEmpty }).strict())
      .default([]),
    /** Typical systems of the industry (category ids), the core one first. */
    coreSystems: z.array(z.object({ name: NonEmpty, category: Id, note: z.string().optional() }).strict()).min(2),
    /** Regulators with the jurisdiction they act in: one outside the customer's jurisdictions is never listed. */
    regulators: z
      .array(
        z
          .object({
            name: NonEmpty,
            jurisdiction: JurisdictionSchema,
            /** Supervises only locally licensed entities: listed when the intake says the customer has one there, else asked about. */
            localEntity: z.boolean().default(false),
            /** Supervises only some of the industry (中医 for 国家中医药管理局): listed when the intake's industry or segment names one of these words. */
            segments: z.array(NonEmpty).optional(),
            /** Does not supervise the part of the industry these words name (水务 for 国家能源局): not listed when the intake's industry or segment names one. */
            notSegments: z.array(NonEmpty).optional(),
            /** Supervises only what these systems or words cover (GovernsSchema): not listed for a project that touches none. */
            governs: GovernsSchema.optional(),
          })
          .strict(),
      )
      .min(1),
    /** Framework ids (frameworks.yaml) that may apply; each framework's own `appliesWhen` decides. */
    frameworks: z.array(Id),
    /** Industry standards and rules that are not frameworks of their own (appendix only). */
    standards: z.array(NonEmpty).min(1),
    controlPoints: z.array(NonEmpty).min(2),
    kpis: z.array(NonEmpty).min(2),
  })
  .strict();

/** How a category is priced, for the cost model (engine/plan/costs.ts). Amounts in 万元 (10,000 CNY), mid price tier. */
const CostProfileSchema = z
  .object({
    /**
     * What the licence and infrastructure scale with: the customer's servers (`hosts`: monitored,
     * containerised, patched), the product's own cluster nodes (`nodes`), internal users, the
     * endpoints an agent runs on (`endpoints`: devices the intake counts, plus its servers), TB of
     * data, sites (plants, campuses, stations, data centres), network links, or the project.
     */
    driver: z.enum(['hosts', 'nodes', 'users', 'endpoints', 'tb', 'sites', 'links', 'project']),
    /**
     * What counts the units where the intake gives a figure for them: a scale figure whose text
     * names one of `words` ("其中财务人员约480人", "Oracle数据库实例约120个") gives them, said as
     * its number and `unit` (480名财务人员, 120个数据库实例). With `users` (or `hardware`) and no
     * such figure, `defaultUnits` do, said as assumed: never every employee, as a finance platform is
     * licensed for its finance staff; never "a cluster", as servers bought are counted.
     * `adds`: each kind the words name is counted, and the figures add up (冷藏车约120辆 and
     * 保温箱约3000个: a monitoring terminal each), where otherwise the first figure counts.
     */
    countedBy: z.object({ words: z.array(NonEmpty).min(1), unit: NonEmpty, adds: z.literal(true).optional() }).strict().optional(),
    /**
     * `subscription`: the licence is paid every year; `perpetual`: bought once, with annual
     * maintenance (counted in operations); `hardware`: `licencePerUnit` buys the unit's hardware
     * (a GPU server) once, shown as infrastructure, its maintenance counted in operations.
     */
    licenceModel: z.enum(['subscription', 'perpetual', 'hardware']),
    /** Licence per unit (万元 = 10,000 CNY, mid price tier): per year for a subscription, once for a perpetual licence. */
    licencePerUnit: Range,
    /** Units assumed when the intake gives none, by customer scale (sme, mid, large). */
    defaultUnits: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
    /** One-time implementation and integration (万元) for a mid-size customer; scaled by size. */
    implementation: Range,
    /**
     * Where part of the implementation is done again for each of the customer's legal entities,
     * stores or sites (each entity's books set up and its opening balances migrated), which the
     * profile's own units (its finance staff) do not count: a scale figure whose text names one of
     * `words` (85家4S店, 下属法人单位42家) gives the count, and the implementation is then `base`
     * (万元, the work done once: the group's chart of accounts, consolidation, interfaces) plus
     * `perUnit` (万元) for each, said with the figure and `what` (the work repeated), in place of
     * `implementation`, which stands where the intake counts none. A figure counting people
     * (子公司员工约3000人) counts no entity. `once` names where the work done once is done, said
     * before its amount (集团层面 when absent: a group's books; 市级平台 for a city's exchange platform).
     */
    implementationPer: z.object({ words: z.array(NonEmpty).min(1), what: NonEmpty, once: NonEmpty.optional(), base: Range, perUnit: Range }).strict().optional(),
    /** Infrastructure per unit per year (万元): hosts, storage, circuits. */
    infraPerUnit: Range,
    /**
     * The infrastructure is the customer's own whoever runs the platform (a charging operator's app
     * back end and integrations, growing with its piles): priced for a SaaS too. Without it, a SaaS
     * its vendor runs has no infrastructure of the customer's (plan/costs.ts).
     */
    infraBesideSaas: z.literal(true).optional(),
    /** Operations per year as a share of the licence (support, patching, people). */
    operationsShare: Range,
    /**
     * What the system costs per transaction besides its licence, where the intake counts the
     * transactions of a year: a signature's CA event certificate and trusted timestamp. A scale
     * figure whose text names one of `words` and a year (年放款合同约600万份) gives the count, said
     * as its number and `unit`; `yuanPerUnit` is the price of one (元, not 万元); `what` names the cost.
     */
    usage: z.object({ words: z.array(NonEmpty).min(1), unit: NonEmpty, what: NonEmpty, yuanPerUnit: Range }).strict().optional(),
    /**
     * What the estimate of this kind assumes or leaves out, said with the estimate's assumptions
     * whenever a system of the kind is priced: a signing SaaS billed per signature, a container
     * platform's own servers.
     */
    note: NonEmpty.optional(),
    /**
     * The note to say instead when the plan also prices a system of one of `categories`: what the
     * note leaves out is then in the estimate (a credit system's domestic database, once a 信创
     * plan buys one). With `infraPerUnit`, such a system holds part of this kind's infrastructure
     * (the backup storage, bought once as a backup storage of its own): this kind's infrastructure
     * per unit per year is then `infraPerUnit` (the backup servers and proxies left), not the profile's.
     */
    noteWith: z.object({ categories: z.array(Id).min(1), note: NonEmpty, infraPerUnit: Range.optional() }).strict().optional(),
    /**
     * What `note` leaves out when that part is a principal investment of the system, not a minor
     * extra (分区计量的流量计、压力监测点、阀门与表井改造, usually the largest spend of a DMA
     * programme; not terminals, data plans or gateways). The budget comparison then judges only
     * the estimated part, names this, and says what the budget leaves for it. Said with `note`
     * only: `noteWith`, where it applies, speaks of an estimate that prices more.
     */
    majorExclusion: NonEmpty.optional(),
  })
  .strict();

/**
 * A narrower system of the category that an intake may ask for under the same name, with the
 * POC and the price of what it asks: a drinks brand's one-code against diversion (codes bound to
 * dealers at shipping) is no dairy's traceability from the raw milk, priced by plant; a dealer
 * group's books unified under one ledger are the ERP's finance modules, not a full ERP.
 * The first scope applies whose `words` one of the lines that bring the system into the plan
 * names, unless the intake's goals or pains name one of `notWords` (then it asks for the whole
 * system: 追溯 beside 防窜货, 供应链 beside 账套). Matched case-insensitively, as plain words.
 */
const CategoryScopeSchema = z
  .object({
    id: Id,
    /** The system type's name in the report when the scope applies (一物一码（渠道防窜货）). */
    name: NonEmpty,
    words: z.array(NonEmpty).min(1),
    notWords: z.array(NonEmpty).optional(),
    /**
     * Sections (canonical names) whose lines may name `words` besides the lines that bring the
     * system in: an online seller says so in its segment (客户行业: 跨境电商), not in the goal that
     * asks for an OMS.
     */
    wordsAlsoIn: z.array(NonEmpty).min(1).optional(),
    /**
     * Words that, on any line of the intake, rule the scope out: a seller that names its stores
     * (门店) needs the whole kind, store fulfilment included, wherever it says so.
     */
    notAnywhere: z.array(NonEmpty).min(1).optional(),
    /**
     * The products of the category made for it (products.yaml ids): a system of the scope takes
     * only these as candidates, besides one the customer runs and keeps, and a team's own product,
     * which the list cannot name (plan/picks.ts). A drug
     * traceability platform is no channel code platform; a maker's ERP is no group's finance modules.
     */
    products: z.array(Id).min(1).optional(),
    /** Its typical features (关键特性), when they differ from the category's. */
    features: z.array(NonEmpty).min(2).optional(),
    /** What a POC of it proves (the category's `proof`, for the scope). */
    proof: NonEmpty,
    /** Its cost profile (the category's `cost`, for the scope), note included. */
    cost: CostProfileSchema,
  })
  .strict();
export type CategoryScope = z.infer<typeof CategoryScopeSchema>;

/** The layers a partial 信创 requirement names: 数据库, 操作系统, 中间件. */
const XinchuangLayerSchema = z.enum(['database', 'os', 'middleware']);
export type XinchuangLayer = z.infer<typeof XinchuangLayerSchema>;

export const CategorySchema = z
  .object({
    id: Id,
    name: NonEmpty,
    nameEn: NonEmpty,
    /** What the category does, one line. */
    purpose: NonEmpty,
    /**
     * business: a business system (HIS, core banking, MES…); the others are platform layers.
     * The plan lists business systems first and keeps platform layers to what the needs ask for.
     */
    layer: z.enum(['business', 'data', 'integration', 'platform', 'network', 'security', 'operations']),
    /** How intakes name a system of this category (HIS, 电子病历, 核心系统…), matched case-insensitively. */
    aliases: z.array(NonEmpty).default([]),
    /** Typical features, used in 关键特性. */
    features: z.array(NonEmpty).min(2),
    /**
     * What a POC of this kind of system proves, measured on the customer's own data or load
     * (注入一次真实故障，测从告警到定位根因的时间): the acceptance test when the intake gives no
     * measurable target, and the reason to compare when nothing in the intake tells two candidates apart.
     */
    proof: NonEmpty,
    /**
     * A system of this kind is proven in a POC even where no other candidate competes with the
     * pick: what it promises (a backup copy nobody can delete or encrypt) holds only once it has
     * been attacked and restored from, not because the vendor says so.
     */
    proofAlways: z.literal(true).optional(),
    /**
     * A system of this kind is a hub the customer's other systems connect through (an ESB, a
     * hospital integration platform): one the customer already runs is either kept, and the plan
     * connects to it, or replaced by the hub the plan builds, and the report says which.
     */
    hub: z.literal(true).optional(),
    /**
     * Words of the customer's measurable targets a system of this kind is accepted on that its
     * purpose, features and proof do not say (客户满意度 for a contact center): such a goal,
     * answered by no rule, is the system's acceptance target rather than a question (plan/targets.ts).
     */
    targetWords: z.array(NonEmpty).min(1).optional(),
    cost: CostProfileSchema,
    /**
     * The layer a partial 信创 requirement names this category by (数据库国产化 → database): under
     * such a requirement only domestic products of the category qualify, in either option.
     */
    xinchuangLayer: XinchuangLayerSchema.optional(),
    /**
     * Where what a system of this kind produces must have legal effect in China (a seal on
     * drawings for 施工图审查, a contract signed with a third-party CA certificate under 电子签名法):
     * only domestic products qualify, in either option, the others left out with `reason`. It
     * holds when the customer's goals or pains name one of `words`, or it states one of
     * `frameworks` and deals only in China (a cross-border customer may sign with foreign parties
     * on an international platform).
     */
    domesticWhen: z
      .object({ words: z.array(NonEmpty).min(1), frameworks: z.array(Id).optional(), reason: NonEmpty })
      .strict()
      .optional(),
    /**
     * A system every kind of organisation runs (HR, OA): named in an intake, it is a business
     * system of the project whatever the industry (other business systems count only among the
     * industry's own).
     */
    anyIndustry: z.boolean().optional(),
    /**
     * Words that, right before one of the aliases, make it name something else: fixed assets'
     * 资产管理平台 inside 数据资产管理平台 (a data asset platform, data-governance's).
     */
    aliasNotAfter: z.array(NonEmpty).optional(),
    /**
     * The kinds of system a system of this kind takes its data from (an accounting archive its
     * vouchers from the ERP and the expense system): the vendor of the customer's own system of
     * such a kind counts in a candidate's score (engine/plan/sourceSystems.ts). The budget advice
     * defers no such system while keeping one of this kind (engine/plan/deferral.ts).
     */
    takesDataFrom: z.array(Id).optional(),
    /**
     * Of `takesDataFrom`, the kinds a system of this kind starts without, on the data's current
     * path (a water billing system bills on handheld reads until the AMI platform comes): the
     * budget advice may defer such a system alone while keeping one of this kind.
     */
    startsWithout: z.array(Id).optional(),
    /**
     * A programme that rolls a kept product of this kind out to everything (a backup programme to
     * every system, a delivery platform to every team): with the trait, the customer's own product
     * is priced for all of it, licences and infrastructure, its current licences to credit, and the
     * report says it is extended `to` (全部系统); without, a kept product is only upgraded.
     */
    extendedBy: z.object({ trait: TraitSchema, to: NonEmpty }).strict().optional(),
    /**
     * Authorities that supervise what a system of this kind does, whatever the customer's industry
     * (a tax platform's invoices: 国家税务总局): listed with the industry's when the plan builds one,
     * in the jurisdictions the customer is in.
     */
    regulators: z.array(z.object({ name: NonEmpty, jurisdiction: JurisdictionSchema }).strict()).min(1).optional(),
    /** Narrower systems of the kind an intake may ask for, each with its own POC and price (CategoryScopeSchema). */
    scopes: z.array(CategoryScopeSchema).min(1).optional(),
    /**
     * A platform layer the customer has without buying it (a server OS): its systems run on a cloud
     * a 基础设施现状 line names by one of `clouds` (政务云: the operator, a 大数据局, supplies the
     * hosts and the VMs' images), or it already runs a 信创-adapted domestic product of the kind.
     * Then the plan has no system of this kind, unless the customer also runs one of it without
     * 信创 adaptation (CentOS still to move), and the report says which (engine/plan/supplied.ts).
     */
    suppliedBy: z.object({ clouds: z.array(NonEmpty).min(1) }).strict().optional(),
  })
  .strict();

const OriginSchema = z.enum(['cn', 'intl', 'oss']);
const DeploymentSchema = z.enum(['saas', 'private', 'hybrid']);
const PriceTierSchema = z.enum(['low', 'mid', 'high', 'premium']);
const ScaleSchema = z.enum(['sme', 'mid', 'large']);

export const ProductSchema = z
  .object({
    id: Id,
    name: NonEmpty,
    vendor: NonEmpty,
    /** Domestic Chinese vendor, international vendor, or open source. */
    origin: OriginSchema,
    /**
     * An open-source product whose development a Chinese company leads (PaddleOCR: 百度飞桨): not
     * of an option of international products, which the report introduces as such (plan/picks.ts).
     */
    domesticLed: z.literal(true).optional(),
    /** How intakes name it besides `name` (Kong, 聚水潭, RDS MySQL…), for the estate and tried-and-failed. */
    aliases: z.array(NonEmpty).default([]),
    categories: z.array(Id).min(1),
    /** Industries the product is made for (industries.yaml ids); absent: any industry. */
    industries: z.array(Id).optional(),
    /**
     * The scopes of its categories (categories.yaml `scopes` ids) it is made for, and only these: a
     * candidate only of a system that takes one of them, besides one the customer runs and keeps
     * (plan/picks.ts). A truck fleet's telematics platform is no plant's equipment connectivity,
     * a plant's SCADA no hub for machines sold to thousands of customers; absent: any scope or none.
     */
    scopes: z.array(Id).optional(),
    deployment: z.array(DeploymentSchema).min(1),
    /** The public cloud the product belongs to (a managed service of that cloud), or `none`. */
    cloud: CloudSchema,
    /**
     * Where its control plane runs: `customer` (everything can run in the customer's own data
     * centre), `vendor` (the vendor's or a public cloud's, even when agents or gateways run on
     * premises: Azure API Management, ACK One), or `either` (a self-hosted edition exists).
     */
    controlPlane: z.enum(['customer', 'vendor', 'either']),
    /**
     * Certifications and attestations the product (or its managed service) holds: framework ids
     * whose kind is `certification` (ISO 27001, SOC 2, PCI DSS, 等保 filings). Laws are never certified.
     */
    certifications: z.array(Id),
    /** Laws and regulations the product has features for (GDPR consent, 21 CFR Part 11 audit trails). */
    supports: z.array(Id).default([]),
    /** 信创: adapted to domestic CPUs/OS/databases (the note says which). */
    xinchuang: z.object({ adapted: z.boolean(), note: z.string().optional() }).strict(),
    /** Where it is sold and supported: mainland China, global, or both. */
    regions: z.array(z.enum(['cn', 'global'])).min(1),
    priceTier: PriceTierSchema,
    scale: z.array(ScaleSchema).min(1),
    /** Integration protocols it speaks natively (SOAP, REST, IDoc, MQTT, …). */
    protocols: z.array(NonEmpty).optional(),
    /**
     * What its licence counts, when that grows with the hardware: `core` (per core, processor or
     * IBM VPC). A customer who already gave up because per-core licensing made scaling too dear
     * is told so at such a product (picks.ts).
     */
    licensedBy: z.enum(['core']).optional(),
    /**
     * How its vendor sells a private deployment, where its category's cost profile prices a
     * subscription: `perpetual`, a perpetual licence (买断) with yearly maintenance is sold (a
     * subscription may be too); `subscription`, only a subscription (a term licence). A customer who
     * buys outright gets the first priced as it buys, and is told of the second (plan/costs.ts).
     * Absent: not recorded; the estimate keeps the subscription and says it is to be asked.
     */
    licensing: z.enum(['perpetual', 'subscription']).optional(),
    strength: NonEmpty,
    caveat: NonEmpty,
    /**
     * Sentences of the caveat that speak only to customers who do not run a system of one vendor
     * (非东华HIS的医院需核对接口工作量): the sentence of the caveat that holds `sentence` is not said to
     * a customer whose estate names a product or lifecycle family of `vendor` (as the products'
     * `vendor` says it, the aside aside) in one of `categories`, unless the project replaces it
     * (plan/caveats.ts). Every other customer is told.
     */
    caveatUnlessRuns: z.array(z.object({ sentence: NonEmpty, vendor: NonEmpty, categories: z.array(Id).min(1) }).strict()).optional(),
    /**
     * Sentences of the caveat that speak only to customers in one situation: the sentence of the
     * caveat that holds `sentence` is said only to a customer whose understanding names one of
     * `words` (case aside; plan/caveats.ts). `in: industry` looks in the industry as written, its
     * segment and the industry's name (离散装配行业的…需POC验证, to a discrete manufacturer and not
     * to a biologics plant); `in: intake` looks also in the systems the customer runs, its
     * integrations, goals, pains, constraints and failed attempts (IDoc/RFC需SAP JCo库…, to a
     * customer who names SAP). Every other customer is not told it.
     */
    caveatOnlyIf: z.array(z.object({ sentence: NonEmpty, words: z.array(NonEmpty).min(1), in: z.enum(['industry', 'intake']) }).strict()).optional(),
    /**
     * The product covers only part of its category (a PV-plant system among new-energy SCADA): it is
     * not proposed when the intake's industry, segment, goals or pains name one of `words` (风电),
     * and the exclusion says `reason`.
     */
    notFor: z.object({ words: z.array(NonEmpty).min(1), reason: NonEmpty }).strict().optional(),
    /**
     * What the product does only with an add-on (the vendor's or a third party's) that others in its
     * category do out of the box: a customer whose goals or pains name one of `words` (SPC, 8D) is
     * told so at the product, "客户要求的SPC、8D" followed by `reason` (需SAP或第三方的扩展), and it
     * scores lower (picks.ts). A word may list spellings of one thing ("薪资|薪酬|算薪"), counted
     * once. The caveat says it to everyone; this weighs it where it matters. The reason a past
     * attempt failed counts as something asked for, its negation dropped ("业务人员无法维护" asks
     * for 业务人员维护): a product that would fail the same way is told so. `weaker`: it does the
     * thing, only less well than the category's leaders (鼎捷MES's multi-plant template, for a
     * rollout to three plants): a degree, not a part to buy, so it weighs less; the caveat then need
     * not say it to customers who do not ask for it.
     */
    lacks: z.object({ words: z.array(NonEmpty).min(1), reason: NonEmpty, weaker: z.literal(true).optional() }).strict().optional(),
    /**
     * Interface protocols it speaks only with a component that is not part of it and must be
     * obtained apart (Apache Camel's SAP IDoc/RFC: the SAP JCo library and a commercial
     * distribution's SAP component), so not listed in `protocols`: a customer whose integration
     * names one of `protocols` (case aside) and none the product speaks natively is told so at the
     * product, "对接SAP的RFC、IDoc" followed by `reason`, and it scores lower (picks.ts).
     */
    addOn: z.object({ protocols: z.array(NonEmpty).min(1), reason: NonEmpty }).strict().optional(),
    /**
     * The other side of `lacks`: what the product does out of the box that others in its category
     * do not (业务人员维护 of rules, for IBM ODM's Decision Center). A customer whose goals, pains or
     * a failed attempt's reason name one of `words` is told `reason`, and it scores higher.
     */
    provides: z.object({ words: z.array(NonEmpty).min(1), reason: NonEmpty }).strict().optional(),
    /**
     * It joins public clouds to one another over a private path, its own router between them (a
     * colocation exchange's cloud router: Megaport Cloud Router, Equinix Fabric Cloud Router). Where
     * a rule that is `acrossClouds` answers a need of a customer on two clouds or more, it does what
     * the need asks; one cloud's own link (AWS Direct Connect) reaches only that cloud (plan/picks.ts).
     */
    joinsClouds: z.literal(true).optional(),
    /**
     * What it does where it covers only a part of its category (a rules engine in BPM/规则引擎,
     * which models no BPMN process): the key features the report names with it as the example,
     * instead of the category's (or its scope's), which it would not have.
     */
    features: z.array(NonEmpty).min(1).optional(),
    /**
     * The product line its vendor now sells in this one's place (用友NC Cloud → 用友BIP): known so
     * that a customer's estate names its vendor and kind, and proposed only to a customer who runs
     * it already.
     */
    successor: Id.optional(),
    /**
     * The product the same words name on people's devices (统信UOS under 终端 is the desktop
     * edition, not this server one): an estate line whose key names terminals or PCs reads it as that one.
     */
    onDevices: Id.optional(),
  })
  .strict();

/**
 * What the intake says of the customer's standing towards a framework: `words` found in a clause
 * naming it (for `held`, also in the industry's lines), case aside, and the next step it then takes.
 */
const StandingSchema = z.object({ words: z.array(NonEmpty).min(1), nextStep: NonEmpty }).strict();

export const FrameworkSchema = z
  .object({
    id: Id,
    name: NonEmpty,
    /**
     * `law`: a statute or binding regulation; `certification`: a standard a product or service
     * provider can be certified or attested against (ISO 27001, SOC 2, PCI DSS, 等保 filings of a
     * cloud platform); `assessment`: an assessment of the customer's own system or organisation
     * (密评, IATF 16949, 电子病历分级评价). Only certifications may appear in a product's `certifications`.
     */
    kind: z.enum(['law', 'certification', 'assessment']),
    /** Spellings that refer to it in an intake: PCI DSS, PCIDSS, PCI-DSS, 支付卡行业数据安全标准… */
    aliases: z.array(NonEmpty).min(1),
    currentVersion: NonEmpty,
    /** Versions that are no longer valid, with the date they were retired. */
    retiredVersions: z.array(z.object({ version: NonEmpty, retired: IsoDate.optional(), note: z.string().optional() }).strict()).default([]),
    /** Levels, types or classes that exist (等保 第一级…第五级, SOC 2 Type I / Type II). */
    levels: z.array(NonEmpty).default([]),
    /** Level words that must match one of `levels` when present in the intake (regex source). */
    levelPattern: z.string().optional(),
    jurisdiction: NonEmpty,
    /**
     * When the framework applies without the intake naming it: any listed condition that holds
     * (within a condition every given key must hold). Empty: only when the intake names it.
     */
    appliesWhen: z.array(ConditionSchema).default([]),
    /**
     * Brought in by `appliesWhen`, it still does not apply where the intake's industry or segment
     * names one of these words: the part of the industry it does not reach (农民工工资 for a design
     * institute, which builds nothing on site). One the intake names applies all the same.
     */
    notSegments: z.array(NonEmpty).optional(),
    /**
     * Brought in by `appliesWhen`, it still does not apply where one of these conditions holds:
     * 等保 tests systems in mainland China, not the cloud abroad of a customer with Chinese
     * business (trait hosted-abroad). One the intake names applies all the same.
     */
    unless: z.array(ConditionSchema).optional(),
    /**
     * Governs only what these systems or words cover (GovernsSchema): brought in by `appliesWhen`,
     * it is not listed for a project that touches none of them (电子病历分级评价 for a hospital's
     * backup project). One the intake names applies all the same.
     */
    governs: GovernsSchema.optional(),
    requires: NonEmpty,
    /** What "passing" is: a certificate, an attestation report, a filing, an assessment, or compliance with a law. */
    outcome: z.enum(['certificate', 'attestation', 'filing-and-assessment', 'assessment', 'compliance']),
    outcomeNote: NonEmpty,
    /** One short line for the report body: what the customer must do. */
    summary: NonEmpty,
    /**
     * The line for the report body where the intake states the level (等保2.0二级: tested about
     * every two years, not every year as 第三级): one per level of `levels`, in place of `summary`.
     * A level without one, or none stated, keeps `summary`.
     */
    levelSummaries: z.array(z.object({ level: NonEmpty, summary: NonEmpty }).strict()).optional(),
    /**
     * The customer's next step towards it (下一步建议), when the outcome's generic step is wrong for
     * it: 电子病历分级评价 is declared through the annual notice, not booked with an assessor.
     */
    nextStep: z.string().optional(),
    /**
     * Where the intake says the customer already holds it (StandingSchema): the words that say so
     * (IATF 16949年度审核, 认证工厂, or an industry line's 一级供应商: a carmaker's supplier holds the
     * certificate), and the next step then, keeping it, instead of `nextStep`.
     */
    held: StandingSchema.optional(),
    /** Where the intake says the customer seeks it (取得, 申请 in a line naming it): the first certification's step. */
    sought: StandingSchema.optional(),
    /** The correct wording, when people habitually say "认证" for something that is not a certification. */
    preferredWording: z.string().optional(),
    /**
     * Categories in which only a product that `supports` this framework can meet it, and why: under
     * 密评 a key manager or HSM without certified commercial cryptography cannot. Where the framework
     * applies, the others in those categories are left out of both options, with `reason`.
     */
    onlyWithSupport: z.object({ categories: z.array(Id).min(1), reason: NonEmpty }).strict().optional(),
    asOf: IsoDate,
  })
  .strict();

const LocationSchema = z
  .object({
    id: Id,
    name: NonEmpty,
    provider: z.enum(['aws', 'azure', 'gcp', 'alibaba', 'huawei', 'tencent', 'city']),
    /** Region code where there is one (cn-north-1, eastus, …). */
    code: z.string().optional(),
    /** Spellings in intakes: AWS北京, 北京区, Azure East US, 美国东部… Matched case-insensitively. */
    aliases: z.array(NonEmpty).min(1),
    /**
     * Aliases that are not the provider's own names but a nearest guess (Azure has no 东欧 region;
     * "Azure东欧" resolves to Poland Central for the latency floor). The engine asks which region
     * is meant instead of assuming.
     */
    approximate: z.array(NonEmpty).default([]),
    city: NonEmpty,
    country: NonEmpty,
    /** The jurisdiction the location is in. */
    jurisdiction: JurisdictionSchema,
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  })
  .strict();

/** A release line of a product family and when its support ends (or by when it was known to have ended). */
const LifecycleVersionSchema = z
  .object({
    /** The version prefix as intakes write it: "8.0", "14", "2016", "11" (for 11g), "1.19". */
    version: NonEmpty,
    /** End of support (the last date fixes are published). */
    endOfSupport: IsoDate.optional(),
    /** No dated end of support, but known unsupported on this date (a newer line took over). */
    unsupportedAsOf: IsoDate.optional(),
    /** What ends: community fixes, vendor mainstream or extended support, general support. */
    what: NonEmpty,
    /** Where the date comes from (vendor policy, release notes). */
    source: NonEmpty,
  })
  .strict()
  .refine((v) => (v.endOfSupport === undefined) !== (v.unsupportedAsOf === undefined), 'give exactly one of endOfSupport and unsupportedAsOf');

export const LifecycleFamilySchema = z
  .object({
    id: Id,
    name: NonEmpty,
    /** How intakes name it, matched case-insensitively as words; a version may follow. Longest wins. */
    aliases: z.array(NonEmpty).min(1),
    /**
     * Words that, right after an alias, make it another product (matched case-insensitively,
     * spaces between allowed): "Windows AD" is the directory, which runs on Windows Server, not
     * the Windows desktop.
     */
    notBefore: z.array(NonEmpty).optional(),
    /** The knowledge-base product this family is, when there is one. */
    product: Id.optional(),
    /** The system type it is, for a family with no product entry (SAP ECC 6.0 is an ERP the knowledge base does not offer). */
    category: Id.optional(),
    /**
     * Its vendor, for a family with no product entry: SAP ECC 6.0 is SAP's, so that a system that
     * takes its data from the ERP counts SAP's own (plan/sourceSystems.ts) as a product's would.
     */
    vendor: NonEmpty.optional(),
    versions: z.array(LifecycleVersionSchema).min(1),
    /** What to upgrade to, one short line. */
    upgrade: NonEmpty,
    /** Where full 信创 rules the upgrade path out (Oracle 19c, Windows Server 2022): the domestic move instead. */
    xinchuangUpgrade: z.string().optional(),
    /**
     * The system types the domestic move goes to (a database: transactional-db, distributed-sql):
     * a component whose path is that move brings the first into the plan, unless the plan builds
     * one of them already (plan/domesticMove.ts).
     */
    xinchuangTo: z.array(Id).min(1).optional(),
  })
  .strict();

/** Where a rule looks: a field (by catalog name, synonyms apply) or the whole intake text. */
const MatcherSchema = z
  .object({
    /** Section name (catalog canonical), optional: restricts the search to that section. */
    section: z.string().optional(),
    /** Field name (catalog canonical), optional: restricts the search to that field's value and children. */
    field: z.string().optional(),
    /** Regular expression source, matched case-insensitively against each line. Must be linear-time. */
    pattern: NonEmpty,
  })
  .strict();

export const RuleSchema = z
  .object({
    id: Id,
    /** Every `all` matcher must match (on some line), and at least one `any` matcher when given. */
    all: z.array(MatcherSchema).default([]),
    any: z.array(MatcherSchema).default([]),
    /** Matchers that veto the rule. */
    none: z.array(MatcherSchema).default([]),
    /** Preconditions on the understanding: the context the rule applies to. */
    when: ConditionSchema.default({}),
    /** Exclusions on the understanding: any condition that holds vetoes the rule. */
    unless: z.array(ConditionSchema).default([]),
    /**
     * What the rule produces: 推荐系统方案 a mechanism for a need (adds its system types),
     * 适用性分析 an answer to a need, 实施建议 a practice, 关键特性 a capability, 风险提示 a risk
     * with its 应对, 下一步建议 a next step.
     */
    section: z.enum(['推荐系统方案', '关键特性', '实施建议', '风险提示', '下一步建议', '适用性分析']),
    title: NonEmpty,
    /** The customer's problem in a few words (跨云链路时延高): how the report restates the need. */
    need: z.string().optional(),
    /** The answer in one line (≤ 80 characters), no product names: what the report body says. */
    summary: NonEmpty,
    recommendation: NonEmpty,
    rationale: NonEmpty,
    /** For 风险提示: the response (应对). */
    mitigation: z.string().optional(),
    /** Solution categories the rule asks for (adds them to the system types). */
    categories: z.array(Id).default([]),
    /** Products that answer the need best (preferred when picking, if they pass the filters). */
    products: z.array(Id).default([]),
    frameworks: z.array(Id).default([]),
    priority: z.number().int().min(1).max(5).default(3),
    /**
     * A term of the contract the customer asks for (KPI对赌, 按季度支付, 驻场与7×24支持): the
     * report lists its summary among the terms to agree before signing (下一步建议), whatever its
     * section, instead of as a practice or a step of its own.
     */
    terms: z.boolean().optional(),
    /**
     * Its answer joins the customer's public clouds to one another (跨AWS与Azure的专线互联): for a
     * customer on two clouds or more, a product that `joinsClouds` is what the need asks, and one
     * cloud's own link (AWS Direct Connect, Azure ExpressRoute) only one end of it (plan/picks.ts).
     */
    acrossClouds: z.literal(true).optional(),
  })
  .strict()
  .refine((r) => r.all.length + r.any.length > 0, 'a rule needs at least one matcher')
  .refine((r) => r.summary.length <= 90, 'summary: at most 90 characters');

export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
export type DataKind = z.infer<typeof DataKindSchema>;
export type Cloud = z.infer<typeof CloudSchema>;
export type ConstraintKind = z.infer<typeof ConstraintKindSchema>;
export type Trait = z.infer<typeof TraitSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type Industry = z.infer<typeof IndustrySchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Product = z.infer<typeof ProductSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type LifecycleFamily = z.infer<typeof LifecycleFamilySchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type Matcher = z.infer<typeof MatcherSchema>;

export const IndustriesFileSchema = z.object({ industries: z.array(IndustrySchema).min(12) }).strict();
export const CategoriesFileSchema = z.object({ categories: z.array(CategorySchema).min(30) }).strict();
export const ProductsFileSchema = z.object({ products: z.array(ProductSchema).min(1) }).strict();
export const FrameworksFileSchema = z.object({ frameworks: z.array(FrameworkSchema).min(15) }).strict();
export const LocationsFileSchema = z.object({ locations: z.array(LocationSchema).min(1) }).strict();
export const LifecycleFileSchema = z.object({ families: z.array(LifecycleFamilySchema).min(1) }).strict();
export const RulesFileSchema = z.object({ rules: z.array(RuleSchema).min(1) }).strict();
