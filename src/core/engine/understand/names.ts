import type { ConstraintKind, Trait } from '../../knowledge/schema';

/**
 * How the report and the LLM grounding name the engine's constraint kinds and customer traits.
 * The ids are the knowledge base's vocabulary (rule preconditions); a customer reads these names.
 * Both tables are total over their kinds, so a new kind fails the type check until it is named.
 */
const CONSTRAINT_NAMES: Readonly<Record<ConstraintKind, string>> = {
  'no-public-cloud': '不上公有云',
  'no-saas': '不用SaaS',
  'data-in-country': '数据不出境',
  'data-in-eu': '数据留在欧盟',
  'xinchuang-full': '全栈信创',
  'xinchuang-preferred': '国产优先',
  'no-second-cloud': '不引入新的云厂商',
  'keep-system': '保留系统',
};

const TRAIT_NAMES: Readonly<Record<Trait, string>> = {
  'china-site': '境内站点',
  'overseas-site': '境外站点',
  'hosted-abroad': '本期系统部署在境外',
  'cross-border': '跨境数据流动',
  'multi-cloud': '多云',
  hybrid: '云上与本地并存',
  'on-prem': '本地部署',
  'public-cloud': '使用公有云',
  'global-users': '全球用户',
  'zero-downtime': '要求不停机',
  'eu-entity': '欧盟实体',
  'peak-traffic': '业务高峰',
  'legacy-integration': '对接遗留系统',
  'mlps-3plus': '等保三级及以上',
  'cloud-migration': '迁移上云',
  'database-replacement': '数据库国产化替代',
  'llm-application': '大模型应用',
  'equipment-service': '售出设备联网服务',
  'virtual-desktop': '云桌面',
  'office-xinchuang': '办公信创替代',
  'campus-network': '园区网络改造',
  'virtualization-replacement': '虚拟化平台替换',
  'power-sector': '电力行业',
  'backup-programme': '备份与恢复建设',
  'devops-platform': '研发效能平台建设',
  'identity-platform': '统一身份平台建设',
  'privileged-access': '特权访问管理（堡垒机）建设',
  'email-replacement': '邮件系统替换',
  'integration-platform': '企业集成平台建设',
  'private-domain': '私域运营建设',
  'data-asset': '数据资产管理',
};

/** The name of a constraint kind as the report model carries it (a string); an unknown id as is. */
export function constraintName(kind: string): string {
  return (CONSTRAINT_NAMES as Readonly<Record<string, string>>)[kind] ?? kind;
}

export function traitName(trait: string): string {
  return (TRAIT_NAMES as Readonly<Record<string, string>>)[trait] ?? trait;
}
