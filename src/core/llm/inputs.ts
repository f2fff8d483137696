/**
 * The four inputs of the seed prompt product (业务性质, 企业规模, 预算范围, 技术需求), derived from an
 * intake's facts and the engine's profile, each with the intake lines it came from (1-based), so
 * the model can cite them as 〔Lnn〕.
 */
import { factsIn, type Fact, type IntakeFacts } from '../facts/facts';
import type { ReportModel } from '../engine/reportModel';
import type { KnowledgeBase } from '../knowledge/knowledge';

export interface SeedInput {
  label: '业务性质' | '企业规模' | '预算范围' | '技术需求';
  text: string;
  /** 1-based intake lines. */
  lines: number[];
}

const SCALE_TEXT = { sme: '中小规模', mid: '中等规模', large: '大型规模' } as const;
/** Longest text per input; the numbered intake lines carry the rest. */
const MAX_CHARS = 600;

type Understood = ReportModel['understanding'];

export function seedInputs(facts: IntakeFacts, model: ReportModel, kb: KnowledgeBase): SeedInput[] {
  const u = model.understanding;
  return [businessNature(facts, u, kb), scale(facts, u), budget(facts, u), techNeeds(facts)];
}

function businessNature(facts: IntakeFacts, u: Understood, kb: KnowledgeBase): SeedInput {
  const used = factsIn(facts, '客户行业').filter((f) => f.fieldPath.length === 0 || f.fieldPath.includes('细分领域'));
  const industry = u.industry.id ? kb.industry(u.industry.id) : undefined;
  const parts = [`行业：${u.industry.written || u.industry.name || '未注明'}`];
  if (u.industry.segment) parts.push(`细分领域：${u.industry.segment}`);
  if (industry) parts.push(`业务模式（知识库）：${industry.businessModel}`);
  const problems = factsIn(facts, '当前痛点', '具体问题').filter((f) => f.value);
  if (problems.length > 0) parts.push(`当前痛点：${values(problems)}`);
  return make('业务性质', parts, [...used, ...problems]);
}

function scale(facts: IntakeFacts, u: Understood): SeedInput {
  const used = factsIn(facts, '客户行业', '业务规模').filter((f) => f.value);
  const parts = used.length > 0 ? [values(used)] : ['调研表未量化业务规模'];
  parts.push(`引擎判断：${SCALE_TEXT[u.scale.size]}${u.scale.assumed ? '（假设）' : ''}`);
  return make('企业规模', parts, used);
}

function budget(facts: IntakeFacts, u: Understood): SeedInput {
  const used = (facts.bySection.get('预算限制') ?? []).filter((f) => f.value);
  const parts = used.length > 0 ? [values(used)] : ['调研表未给出预算'];
  const b = u.budget;
  if (b.total) parts.push(`引擎解析：${b.total.text}${b.perYear ? '/年' : ''}，覆盖${b.horizonYears}年${b.horizonAssumed ? '（假设）' : ''}`);
  return make('预算范围', parts, used);
}

function techNeeds(facts: IntakeFacts): SeedInput {
  const pick = (section: string, field?: string) => factsIn(facts, section, field).filter((f) => f.value);
  const groups: Array<[string, Fact[]]> = [
    ['目标', pick('核心目标')],
    ['现状', pick('基础设施现状')],
    ['合规', pick('特殊要求', '合规性')],
    ['兼容', pick('特殊要求', '兼容性')],
    ['服务等级', [...pick('特殊要求', '服务等级'), ...pick('客户行业', '业务连续性要求')]],
  ];
  const parts = groups.filter(([, fs]) => fs.length > 0).map(([name, fs]) => `${name}：${values(fs)}`);
  return make('技术需求', parts.length > 0 ? parts : ['调研表未给出技术需求'], groups.flatMap(([, fs]) => fs));
}

function values(facts: readonly Fact[]): string {
  return facts.map((f) => (f.key && f.fieldPath.length > 0 ? `${f.key}：${f.value}` : f.value)).join('；');
}

function make(label: SeedInput['label'], parts: string[], facts: readonly Fact[]): SeedInput {
  let text = parts.join('。');
  if (text.length > MAX_CHARS) text = `${text.slice(0, MAX_CHARS)}…`;
  const lines = [...new Set(facts.map((f) => f.line + 1))].sort((a, b) => a - b);
  return { label, text, lines };
}
