/**
 * Understanding: an intake's line facts turned into typed customer facts, each with the intake
 * lines it came from — industry and core system, estate, constraints, what failed, locations and
 * jurisdictions, budget, deadline, service levels, scale, goals and pains. Personal data is
 * found first and kept out of everything else.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import type { KnowledgeBase } from '../../knowledge/knowledge';
import type { DataKind, Jurisdiction, Trait } from '../../knowledge/schema';
import type { IntakeFacts } from '../../facts/facts';
import type { EngineFinding } from '../findings';
import type { UnderstandingModel } from '../reportModel';
import { knowledgeIndex } from '../text/knowledgeIndexes';
import { detectConstraints, detectTried } from './constraints';
import { detectEstate } from './estate';
import { currentSystems } from './systems';
import { detectGoals, detectPains, detectScale, detectSla } from './goals';
import { detectCoreSystem, detectIndustry } from './industry';
import { detectBudget, detectLosses } from './money';
import { findPersonalData } from './personal';
import { detectPlaces } from './places';
import { residueLines, usableFacts } from './shared';
import type { Understanding } from './types';
import { deniedAt } from './denied';
import { detectStatedRules } from './statedRules';
import { statedMlpsLevel } from './mlpsLevel';
import { inCny } from '../format';
import { holdsAny, holdingAny, type TextTest } from '../../text/holdsAny';

/**
 * A goal or pain to replace the databases with domestic ones: "数据库全部替换为国产数据库",
 * "数据库国产化替代", "去O". The rules of the replacement (rules.yaml, domestic-database-
 * replacement) hold a copy, which a test keeps equal.
 */
const DATABASE_REPLACEMENT = caseInsensitiveRegExp('(数据库|Oracle|DB2|SQL\\s?Server)[^，；。]{0,16}(国产化|国产替代|(替换|替代|迁移|迁|切换|换)(为|到|至|成)国产)|国产数据库[^，；。]{0,6}(替换|替代)|去\\s?O(?![a-z])|去Oracle', 'iu');

/**
 * A goal to build an application on a large language model: "上线售后技术问答助手，基于内部文档
 * 回答并给出出处". The rules of it (rules.yaml, enterprise-rag-assistant) hold a copy, which a
 * test keeps equal.
 */
const LLM_APPLICATION = caseInsensitiveRegExp('问答助手|智能问答|知识问答|知识助手|AI助手|智能助手|检索增强|(?<![a-z])RAG(?![a-z])|(基于|依据)[^，；。]{0,6}(文档|知识库|手册)[^，；。]{0,6}(回答|问答|答复)|大模型[^，；。]{0,10}(问答|知识库|助手|应用)', 'iu');

/** Equipment the customer has sold and serves at its customers' sites, not a plant's own machines. */
const SOLD_EQUIPMENT = /销往|售出|在网设备|已售设备|客户现场/;
/** A goal to connect equipment and serve it remotely. */
const EQUIPMENT_SERVICE_GOAL = /物联网平台|远程(?:监控|运维|诊断)|预测性维护|故障预警|设备联网/;

/**
 * A goal to move people's desktops into the data centre: "研发和外包人员全部通过云桌面办公",
 * "建设桌面云". The rules of it (rules.yaml, virtual-desktop-platform) hold a copy, which a test
 * keeps equal.
 */
const VIRTUAL_DESKTOP = caseInsensitiveRegExp('云桌面|桌面云|虚拟桌面|(?<![a-z])(VDI|DaaS)(?![a-z])|云工作站', 'iu');

/**
 * A goal or pain to replace the office PCs and office software (with the email among them) with
 * domestic ones: "完成全集团办公终端、邮件和办公软件的信创替代", "办公系统信创替代进度不到10%".
 * Not the email system alone ("邮件系统信创替代": email-migration answers it); not a replacement
 * already under way in another project ("办公终端正在换信创电脑"); not domestic terminals named
 * among the estate ("Windows与信创终端统一管理"). The rules of it (rules.yaml,
 * office-xinchuang-programme) hold a copy, which a test keeps equal.
 */
const OFFICE_XINCHUANG = /(办公|终端|桌面|公文)[^，；。正已]{0,16}(信创|国产化)|(?<![与和及、]|(正在|已经?)[^，；。]{0,4}换[成为]?)(信创|国产化)[^，；。]{0,8}(办公|终端|电脑)/;

/**
 * A goal to replace the email system: "一年内完成邮件系统信创替代", "邮箱国产化", "Exchange替换为国产
 * 邮件系统". Migrating the mailboxes alone ("迁移全部邮箱") is what a replacement does, not a reason
 * to read one: a move to a newer version of the same product migrates mailboxes too.
 */
const EMAIL_REPLACEMENT = caseInsensitiveRegExp('(邮件|邮箱)[^，；。]{0,12}(替换|替代|信创|国产化|换成|换为)|Exchange[^，；。]{0,12}(替换|替代|下线)', 'iu');

/**
 * A goal to build the enterprise integration platform: "建设企业集成平台（API网关与ESB）", "上线
 * iPaaS". The rule of it (rules.yaml, integration-platform) holds a copy, which a test keeps equal.
 */
const INTEGRATION_PLATFORM = caseInsensitiveRegExp('(建设|上线|搭建|建立|建成|引入)[^，；。]{0,10}(集成平台|企业服务总线|(?<![a-z])(ESB|iPaaS)(?![a-z])|API网关|API管理平台)', 'iu');

/**
 * A goal to build private-domain operations on WeCom: "基于企业微信建设私域SCRM", "私域运营".
 * The rules of it (rules.yaml, scrm-private-domain) hold a copy, which a test keeps equal.
 */
const PRIVATE_DOMAIN = caseInsensitiveRegExp('(?<![a-z])SCRM(?![a-z])|私域[^，；。]{0,6}(运营|流量|社群|会员|销售)|企业微信[^，；。]{0,10}(加好友|社群|客户联系)|企微[^，；。]{0,6}(好友|社群|私域)', 'iu');

/**
 * A goal to inventory the data assets or book them: "完成数据资产盘点与目录，具备数据资产入表条件".
 * The rules of it (rules.yaml, data-asset-catalog) hold a copy, which a test keeps equal.
 */
const DATA_ASSET = /数据资产|入表|数据资源[^，；。]{0,6}(会计|入表|登记)/;

/**
 * A goal to rebuild the campus network: "三院区园区网络改造，核心双活、无线全覆盖". The rules of it
 * (rules.yaml, campus-network-refresh) hold a copy, which a test keeps equal.
 */
const CAMPUS_NETWORK = /(园区|院区|校园|厂区|楼宇)网络?[^，；。]{0,6}(改造|升级|建设|重建|更新)|无线(网络)?全覆盖|核心(交换机?)?双活/;

/**
 * A goal to replace the virtualisation platform: "VMware到期前完成虚拟化平台替换", "vSphere迁移到国产
 * 超融合". The rules of it (rules.yaml, virtualization-replacement-platform) hold a copy, which a
 * test keeps equal.
 */
const VIRTUALIZATION_REPLACEMENT = caseInsensitiveRegExp('(VMware|vSphere|ESXi)[^，；。]{0,16}(替换|替代|迁出|国产化|下线|迁移到(国产|超融合|新))|(替换|替代|迁出|摆脱)[^，；。]{0,8}(VMware|vSphere|ESXi)|虚拟化(平台)?[^，；。]{0,6}(替换|替代|国产化)', 'iu');

/**
 * A goal to build the software delivery platform: "建成统一的研发效能平台（DevOps）", "CI/CD平台",
 * "持续交付平台"; not a goal for the releases alone ("CI/CD全自动" in a move to the cloud). The
 * rules of it (rules.yaml, devops-platform) hold a copy, which a test keeps equal.
 */
const DEVOPS_PLATFORM = caseInsensitiveRegExp('研发效能|\\bDevOps\\b|软件工厂|(\\bCI ?/ ?CD|持续(集成|交付|部署))[^，；。]{0,2}平台', 'iu');

/**
 * A goal to build or replace the unified identity platform: "建成统一身份认证与单点登录平台". The
 * rules of it (rules.yaml, iam-sso-platform) hold a copy, which a test keeps equal.
 */
const IDENTITY_PLATFORM = caseInsensitiveRegExp('(建成|建设|上线|新建|搭建|构建|替换)[^，；。]{0,10}(统一身份|统一认证|单点登录|\\bSSO\\b|\\bIAM\\b)', 'iu');

/**
 * A goal to build privileged access management: "建设特权账号管理和运维审计（堡垒机）". The rules of
 * it (rules.yaml, privileged-access-management) hold a copy, which a test keeps equal.
 */
const PRIVILEGED_ACCESS = caseInsensitiveRegExp('堡垒机|特权(账号|账户|访问)|运维(安全)?审计|(?<![a-z])PAM(?![a-z])', 'iu');

/**
 * The power sector, from how an energy and utilities customer describes itself: "新能源发电集团",
 * "省级电网公司". The industry also holds oil, gas and water, which the power grid's rules
 * (电力监控系统安全防护规定) do not bind; outside it, "电网" may be a cable network's (广电网络).
 */
const POWER_SECTOR = /电力|电网|发电|风电|光伏|储能电站|核电|水电站|火电|变电|配电|输电|售电|电厂/;

/**
 * A goal to build or complete backup and recovery: "建成防勒索的备份与恢复体系", "备份覆盖全部虚拟机".
 * The goal matcher of its rule (rules.yaml, backup-platform) holds a copy, which a test keeps equal.
 */
const BACKUP_PROGRAMME = /备份[^，；。]{0,8}(体系|系统|平台|与恢复|覆盖)|防勒索|(建设|建成|完善|补齐)[^，；。]{0,6}备份/;
/** A goal to build a disaster-recovery site: the project is then a DR programme, its backups a part of it. */
const DR_SITE_GOAL = /灾备中心|容灾中心|同城灾备|异地灾备|两地三中心/;

/** The sections a trait's goal, or its goal or pain, is read from. */
const GOAL = ['核心目标'];
const GOAL_OR_PAIN = ['核心目标', '当前痛点'];

/** A budget from which the project is a large enterprise's (scale `large`). */
const LARGE_BUDGET_CNY = 50_000_000;

export type { Understanding } from './types';

const CARDHOLDER = caseInsensitiveRegExp('银行卡|信用卡|支付卡|持卡人|PCI', 'i');
/** An approach that put the data in a vendor's cloud. */
const VENDOR_CLOUD = caseInsensitiveRegExp('SaaS|公有云|云平台|厂商云', 'i');

const STATEMENTS: Array<[TextTest, Jurisdiction, string]> = [
  [holdingAny('中国', '境内', '国内', '等保', '个人信息保护法', '个保法', 'PIPL', '信创', '国家金融监督管理总局', '银保监'), 'cn', '调研表提到中国境内的合规要求'],
  [holdingAny('欧盟', 'GDPR', '欧洲'), 'eu', '调研表提到欧盟'],
  [/美国|\bFAA\b|\bFDA\b|\bSEC\b|HIPAA/, 'us', '调研表提到美国的监管要求'],
  [/新加坡|\bMAS\b/, 'sg', '调研表提到新加坡'],
  [holdingAny('香港'), 'hk', '调研表提到香港'],
  [/英国|\bUK\b/, 'uk', '调研表提到英国'],
];

export function understand(facts: IntakeFacts, kb: KnowledgeBase, asOf: string, findings: EngineFinding[]): Understanding {
  const personal = findPersonalData(facts);
  // Personal data and what a blank template leaves behind are not facts about the customer.
  const ignored = new Set([...personal.lines, ...residueLines(facts)]);
  const usable = usableFacts(facts, ignored);
  const industry = detectIndustry(facts, ignored, kb);
  const places = detectPlaces(usable, kb);
  const estate = detectEstate(usable, kb);
  const constraints = detectConstraints(usable, kb);
  const tried = detectTried(usable, kb);
  const goals = detectGoals(usable, asOf);
  const pains = detectPains(usable);
  const budget = detectBudget(usable);
  const segmentFact = usable.find((f) => f.section === '客户行业' && f.fieldPath[0] === '细分领域');
  const goalFacts = usable.filter((f) => f.section === '核心目标');
  const painFacts = usable.filter((f) => f.section === '当前痛点' && !f.fieldPath.includes('历史应对'));
  const purchaseFacts = usable.filter((f) => f.section === '预算限制');
  const estateFacts = usable.filter((f) => f.section === '基础设施现状');
  const core = detectCoreSystem(industry.industry, segmentFact, goalFacts, painFacts, constraints.kept, kb, purchaseFacts, estateFacts);

  // Frameworks the intake names.
  const frameworkIndex = knowledgeIndex(kb, 'framework-aliases');
  const statedFrameworks = new Map<string, number[]>();
  for (const f of usable) {
    if (f.fieldPath.includes('历史应对')) continue;
    for (const hit of frameworkIndex.find(f.value)) {
      // "SOX 404不适用" names SOX to rule it out.
      if (deniedAt(f.value, hit.start, hit.end)) continue;
      statedFrameworks.set(hit.value, [...new Set([...(statedFrameworks.get(hit.value) ?? []), f.line + 1])]);
    }
  }
  // And the rules it names that are none of them, in its words (互联网诊疗管理办法（试行）).
  const statedRules = detectStatedRules(usable, (text) => frameworkIndex.test(text));

  // Jurisdictions: sites, users and markets, then what the compliance lines name.
  const jurisdictions = new Map<Jurisdiction, { basis: string; refs: number[] }>();
  for (const [j, lines] of places.siteJurisdictions) jurisdictions.set(j, { basis: '部署站点或用户所在地', refs: [...new Set(lines)].sort((a, b) => a - b) });
  for (const f of usable) {
    if (f.section !== '特殊要求' && !(f.section === '核心目标' && f.fieldPath.some((p) => p === '安全' || p === '合规'))) continue;
    for (const [re, j, basis] of STATEMENTS) {
      if (!re.test(f.value)) continue;
      const existing = jurisdictions.get(j);
      if (existing) existing.refs = [...new Set([...existing.refs, f.line + 1])].sort((a, b) => a - b);
      else jurisdictions.set(j, { basis, refs: [f.line + 1] });
    }
  }
  const overseas = [...jurisdictions.keys()].some((j) => j !== 'cn');
  if (!jurisdictions.has('cn') && !overseas) jurisdictions.set('cn', { basis: '调研表未提及境外站点或市场，按国内客户考虑', refs: [] });

  // Data kinds.
  const data = new Set<DataKind>();
  const all = usable.map((f) => f.value).join('\n');
  const scale = detectScale(usable);
  // A budget of ¥5000万 or more is a large enterprise's project, whatever its head counts say: an
  // ERP's 2,600 named users are a fraction of the staff, and the products that fit it are those
  // for large groups.
  const budgetCny = budget.total ? inCny(budget.total.amount, budget.total.currency) : 0;
  if (scale.size === 'mid' && budgetCny >= LARGE_BUDGET_CNY) {
    scale.size = 'large';
    scale.largeBy = ['budget'];
  }
  // The people who work in a landlord's parks (园区员工) use its App and gates: its end users too.
  const endUsers = scale.figures.some((x) => (x.occupants || holdsAny(x.label, ['用户', '会员', '客户', '在校生', '患者', '门急诊', '个人客户', '业主'])) && x.value >= 1000);
  if (endUsers || /个人信息|个人数据|隐私|PIPL|GDPR|患者|学生|实名/.test(all)) data.add('personal');
  // What every customer of the industry holds (industries.yaml's `data`: a bank's financial data, a
  // care home's health records), then what the intake's own lines say.
  for (const kind of industry.industry?.data ?? []) data.add(kind);
  if (holdsAny(all, ['患者', '病历', '健康信息'])) data.add('health');
  if (CARDHOLDER.test(all)) data.add('cardholder');
  if (holdsAny(all, ['生产控制', '工控', 'SCADA', 'PLC'])) data.add('production-control');
  if (holdsAny(all, ['GMP', 'GxP'])) data.add('gmp');

  // Traits.
  const traits = new Set<Trait>();
  const deployJ = new Set(places.locations.filter((l) => l.role === 'deployment').map((l) => l.jurisdiction));
  if (deployJ.has('cn') || (jurisdictions.has('cn') && !overseas)) traits.add('china-site');
  if ([...deployJ].some((j) => j !== 'cn')) traits.add('overseas-site');
  // The systems run abroad only (places.ts): 等保 tests systems in mainland China, not a Chinese company's cloud in Singapore.
  if (places.hostedAbroad && !constraints.kinds.has('no-public-cloud') && !constraints.kinds.has('data-in-country')) traits.add('hosted-abroad');
  if (jurisdictions.has('cn') && overseas) traits.add('cross-border');
  if (places.cloudsInUse.size >= 2) traits.add('multi-cloud');
  if (places.cloudsInUse.size > 0) traits.add('public-cloud');
  if (places.onPrem.length > 0 && places.cloudsInUse.size > 0) traits.add('hybrid');
  if (places.onPrem.length > 0 && places.cloudsInUse.size === 0) traits.add('on-prem');
  if (places.globalUsers.length > 0) traits.add('global-users');
  // The estate moves to a public cloud: the plan's systems run there, whatever runs on premises now.
  if (places.cloudMigration.length > 0 && !constraints.kinds.has('no-public-cloud')) {
    traits.add('cloud-migration');
    traits.add('public-cloud');
  }
  // Whether a line of these sections says what `re` matches.
  const says = (sections: readonly string[], re: RegExp) => usable.some((f) => sections.includes(f.section) && re.test(f.value));
  // The databases under the applications are replaced with domestic ones: a goal or pain says so.
  if (says(GOAL_OR_PAIN, DATABASE_REPLACEMENT)) traits.add('database-replacement');
  // A goal builds an application on a large language model.
  if (says(GOAL, LLM_APPLICATION)) traits.add('llm-application');
  // A maker connecting the equipment it sold: the intake says so, and a goal connects or serves it remotely.
  if (usable.some((f) => SOLD_EQUIPMENT.test(f.value)) && says(GOAL, EQUIPMENT_SERVICE_GOAL)) traits.add('equipment-service');
  // A goal moves the desktops into the data centre.
  if (says(GOAL, VIRTUAL_DESKTOP)) traits.add('virtual-desktop');
  // The office PCs, office software or email are replaced with domestic ones.
  if (says(GOAL_OR_PAIN, OFFICE_XINCHUANG)) traits.add('office-xinchuang');
  // A goal replaces the email system (with the office PCs or alone).
  if (says(GOAL, EMAIL_REPLACEMENT)) traits.add('email-replacement');
  // A goal builds the enterprise integration platform.
  if (says(GOAL, INTEGRATION_PLATFORM)) traits.add('integration-platform');
  // A goal builds private-domain operations on WeCom.
  if (says(GOAL, PRIVATE_DOMAIN)) traits.add('private-domain');
  // A goal inventories or books the data assets.
  if (says(GOAL, DATA_ASSET)) traits.add('data-asset');
  // A goal rebuilds the campus network.
  if (says(GOAL, CAMPUS_NETWORK)) traits.add('campus-network');
  // An energy or utilities customer in the power sector: its industry lines say so.
  if (industry.industry?.id === 'energy-utilities' && says(['客户行业'], POWER_SECTOR)) traits.add('power-sector');
  // A goal replaces the virtualisation platform in the data centre (moving the machines to a public cloud is a cloud migration).
  if (!traits.has('cloud-migration') && says(GOAL, VIRTUALIZATION_REPLACEMENT)) traits.add('virtualization-replacement');
  // A goal builds the software delivery platform.
  if (says(GOAL, DEVOPS_PLATFORM)) traits.add('devops-platform');
  // A goal builds or replaces the unified identity platform.
  if (says(GOAL, IDENTITY_PLATFORM)) traits.add('identity-platform');
  // A goal builds privileged access management (a bastion).
  if (says(GOAL, PRIVILEGED_ACCESS)) traits.add('privileged-access');
  // A goal builds or completes backup and recovery, and none builds a DR site.
  if (says(GOAL, BACKUP_PROGRAMME) && !says(GOAL, DR_SITE_GOAL)) traits.add('backup-programme');
  const sla = detectSla(usable);
  if (sla.zeroDowntime) traits.add('zero-downtime');
  if (/欧盟(?:子公司|分公司|实体|法人|持牌)|欧洲(?:子公司|分公司|法人)/.test(all)) traits.add('eu-entity');
  if (/大促|双\s{0,1}11|双十一|秒杀|黑五|高峰|峰值/.test(all)) traits.add('peak-traffic');
  if (constraints.integrations.length > 0) traits.add('legacy-integration');
  const mlpsLevel = statedMlpsLevel(usable);
  if (mlpsLevel === '第三级' || mlpsLevel === '第四级') traits.add('mlps-3plus');
  if (places.cloudsInUse.size > 0 && constraints.kinds.has('no-public-cloud')) {
    // A customer on a private/government cloud stack (华为云Stack, 政务云) is not on a public cloud.
    if (/Stack|政务云|专属云|私有云/.test(all)) traits.delete('public-cloud');
  }

  // An approach that failed because the data could not sit in a vendor's cloud is a constraint too.
  for (const t of tried) {
    if (!VENDOR_CLOUD.test(t.what + t.why) || !/存放|出境|校外|出区|不符合|不允许|不满足|数据/.test(t.why)) continue;
    if (constraints.kinds.has('no-saas') || constraints.kinds.has('no-public-cloud')) continue;
    constraints.kinds.add('no-saas');
    constraints.constraints.push({ kind: 'no-saas', text: `数据不能放在厂商云上（${t.what}因此停用）`, refs: t.refs });
  }
  const tried2 = new Map<string, { why: string; refs: number[] }>();
  for (const t of tried) for (const p of t.products) tried2.set(p, { why: t.why, refs: t.refs });

  const model: UnderstandingModel = {
    industry: industry.model,
    coreSystem: core.core,
    statedSystems: core.stated,
    estate: { clouds: places.clouds, onPrem: places.onPrem, products: estate.products, systems: currentSystems(usable, estate.products, kb, new Set(places.onPrem.flatMap((o) => o.refs))), ...(estate.nodes ? { nodes: estate.nodes } : {}), ...(estate.dataTb !== undefined ? { dataTb: estate.dataTb } : {}), newCloudRequested: places.newCloudRequested, ...(places.targetClouds.length > 0 ? { targetClouds: places.targetClouds } : {}) },
    triedAndFailed: tried,
    constraints: constraints.constraints,
    locations: places.locations,
    jurisdictions: [...jurisdictions].map(([code, j]) => ({ code, basis: j.basis, refs: j.refs })),
    data: [...data],
    traits: [...traits],
    scale,
    budget,
    deadline: goals.deadline,
    sla,
    ...(goals.mainGoal ? { mainGoal: goals.mainGoal } : {}),
    secondaryGoals: goals.secondary,
    pains,
    lossFigures: detectLosses(usable),
    integrations: constraints.integrations,
    personalDataLines: [...personal.lines].map((l) => l + 1).sort((a, b) => a - b),
  };
  return {
    model,
    facts,
    usable,
    ignored,
    personal,
    kb,
    asOf,
    ...(industry.industry ? { industry: industry.industry } : {}),
    cloudsInUse: places.cloudsInUse,
    newCloudRequested: places.newCloudRequested,
    targetClouds: new Set(places.targetClouds),
    cloudsAhead: new Set([...places.cloudsInUse, ...places.targetClouds]),
    privateStacks: places.privateStacks,
    cloudMigration: places.cloudMigration,
    estateIds: estate.ids,
    upgradeTargets: estate.upgradeTargets,
    constraintKinds: constraints.kinds,
    domesticLayers: constraints.domesticLayers,
    jurisdictions: new Set(jurisdictions.keys()),
    data,
    traits,
    kept: constraints.kept,
    tried: tried2,
    findings,
    statedFrameworks,
    statedRules,
    ...(mlpsLevel ? { mlpsLevel } : {}),
  };
}
