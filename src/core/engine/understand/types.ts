/**
 * The engine's understanding of one intake: the serialisable part (`model`, the JSON model's
 * `understanding`) plus the look-up sets the planner reasons with.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { Cloud, ConstraintKind, DataKind, Industry, Jurisdiction, Trait, XinchuangLayer } from '../../knowledge/schema';
import type { Fact, IntakeFacts } from '../../facts/facts';
import type { EngineFinding } from '../findings';
import type { UnderstandingModel } from '../reportModel';
import type { PersonalData } from './personal';
import type { StatedRule } from './statedRules';
import type { MlpsLevel } from './mlpsLevel';

export interface KeptSystem {
  /** As the intake names it (卫宁HIS, 统一身份认证平台). */
  name: string;
  category?: string;
  product?: string;
  refs: number[];
}

/** A partial 信创 requirement that one layer be domestic (核心交易系统数据库国产化). */
export interface DomesticRequirement {
  /** The requirement's clause, as the customer wrote it. */
  text: string;
  refs: number[];
}

export interface Understanding {
  model: UnderstandingModel;
  facts: IntakeFacts;
  /** Facts with a value, personal lines left out. */
  usable: Fact[];
  personal: PersonalData;
  /** 0-based lines that are not facts about the customer: personal data, blank-template residue. */
  ignored: Set<number>;
  kb: KnowledgeBase;
  /** The report date, YYYY-MM-DD. */
  asOf: string;
  industry?: Industry;
  cloudsInUse: Set<Exclude<Cloud, 'none'>>;
  /** The intake asks for a cloud it does not use yet (迁移到/引入…云). */
  newCloudRequested: boolean;
  /** The clouds a goal moves the estate to, in the order written: the plan's systems will run there. */
  targetClouds: ReadonlySet<Exclude<Cloud, 'none'>>;
  /**
   * The cloud vendors whose stack the customer runs in its own data centre (华为云Stack), with the
   * lines that say so: that vendor's services deployable in private run there, as the customer's.
   */
  privateStacks: ReadonlyMap<Exclude<Cloud, 'none'>, readonly number[]>;
  /** The clouds the plan builds on: those in use and those a goal moves to. */
  cloudsAhead: ReadonlySet<Exclude<Cloud, 'none'>>;
  /** The lines of the goals that move the estate to a public cloud (cloud-migration). */
  cloudMigration: readonly number[];
  /** Lifecycle family ids, product ids and category ids of what the customer runs. */
  estateIds: Set<string>;
  /** Products the customer plans to move to ("逐步升级到用友BIP"), with the lines that say so. */
  upgradeTargets: ReadonlyMap<string, readonly number[]>;
  constraintKinds: Set<ConstraintKind>;
  /** The layers (数据库…) a partial 信创 requirement says must be domestic, with the requirement. */
  domesticLayers: ReadonlyMap<XinchuangLayer, DomesticRequirement>;
  jurisdictions: Set<Jurisdiction>;
  data: Set<DataKind>;
  traits: Set<Trait>;
  kept: KeptSystem[];
  /** Products tried before and abandoned, with why. */
  tried: Map<string, { why: string; refs: number[] }>;
  /** Analysis findings (budget, SLA, latency, standards), in Chinese. */
  findings: EngineFinding[];
  /** Framework ids the intake names, with the lines. */
  statedFrameworks: Map<string, number[]>;
  /**
   * The compliance rules the intake names that no framework of the knowledge base is
   * (《电信和互联网用户个人信息保护规定》, 国资委信息化监管要求), as written, with the lines.
   */
  statedRules: readonly StatedRule[];
  /** The 等保 level the intake states (mlpsLevel.ts), the highest where it states several; none stated, absent. */
  mlpsLevel?: MlpsLevel;
}
