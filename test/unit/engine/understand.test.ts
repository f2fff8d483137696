/**
 * The engine's understanding of an intake (typed facts with their lines) and the lifecycle
 * findings it leads to, on small intakes: clouds with their real regions, approximate regions
 * that need a question, constraints, the budget split, tried-and-failed, versions past support
 * on the report date, and the one-pass alias index that finds them.
 */
import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { extractFacts } from '../../../src/core/facts/facts';
import { engineFindings } from '../../../src/core/engine/findings';
import { lifecycleFindings } from '../../../src/core/engine/plan/lifecycle';
import { blamesPerCoreLicensing } from '../../../src/core/engine/plan/picks';
import { AliasIndex } from '../../../src/core/engine/text/aliasIndex';
import { asideDroppedBeyond, dropTrailingAside, trimEndOf } from '../../../src/core/engine/text/trim';
import { keyFigures, withFigures } from '../../../src/core/engine/text/restate';
import { understand, type Understanding } from '../../../src/core/engine/understand';
import { evaluateRules } from '../../../src/core/engine/rules';
import { inContext } from '../../../src/core/engine/plan/conditions';
import { coreBesideThePoint } from '../../../src/core/engine/plan/coreUntouched';
import { applicableRegulation } from '../../../src/core/engine/plan/regulation';
import { ruleName } from '../../../src/core/engine/understand/statedRules';
import { statedMlpsLevel } from '../../../src/core/engine/understand/mlpsLevel';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import type { Trait } from '../../../src/core/knowledge/schema';
import { AS_OF } from './helpers';

function understood(lines: string[], asOf = AS_OF): Understanding {
  const intake = parseIntake(lines.join('\n')).intakes[0]!;
  return understand(extractFacts(intake), getKnowledgeBase(), asOf, engineFindings(intake));
}

/**
 * Each text as a main goal (through `goal`): the trait holds exactly where the rule fires, the
 * rule holding a copy of the pattern the trait is read by (understand/index.ts).
 */
function assertTraitAgreesWithRule(trait: Trait, ruleId: string, goal: (text: string) => Understanding, texts: readonly string[]): void {
  const rules = getKnowledgeBase().rules.filter((r) => r.id === ruleId);
  assert.equal(rules.length, 1, ruleId);
  for (const text of texts) {
    const u = goal(text);
    assert.equal(evaluateRules(u.facts, rules).length > 0, u.traits.has(trait), text);
  }
}

/** An intake of the industry lines given whose main goal is the text the test passes in. */
const goalIn =
  (...industryLines: string[]) =>
  (text: string): Understanding =>
    understood([...industryLines, '[核心目标]：', `- 主要目标：${text}`]);

const withComponents = (...components: string[]) => ['[客户行业]：零售', '- 细分领域：连锁商超', '[基础设施现状]：', '- 关键组件：', ...components.map((c) => `  - ${c}`)];

function eol(components: string[], asOf = AS_OF): string[] {
  return lifecycleFindings(understood(withComponents(...components), asOf)).map((l) => `${l.family} ${l.version} ${l.status}`);
}

describe('understanding', () => {
  describe('a move to the cloud', () => {
    const goal = (text: string, ...more: string[]) => understood(['[客户行业]：互联网', '- 细分领域：在线教育', '[基础设施现状]：', '- 私有云：IDC托管机房', '[核心目标]：', `- 主要目标：${text}`, ...more]);
    it('reads the estate\'s move and the clouds it names, in order, as where the plan builds', () => {
      const u = goal('12个月内整体迁移到公有云（倾向华为云或阿里云），IDC退租');
      assert.deepEqual(u.model.estate.targetClouds, ['huawei', 'alibaba']);
      assert.deepEqual([...u.cloudsAhead], ['huawei', 'alibaba']);
      assert.equal(u.cloudsInUse.size, 0);
      assert.ok(u.traits.has('cloud-migration') && u.traits.has('public-cloud'));
      for (const text of ['全部业务系统上云', '2026年底前IDC退租', '机房到期后迁出']) assert.ok(goal(text).traits.has('cloud-migration'), text);
    });
    it('reads a move as the cloud-migration rules do: the trait and their goal pattern (a copy in rules.yaml) agree', () => {
      assertTraitAgreesWithRule('cloud-migration', 'cloud-migration-waves', goal, ['12个月内整体迁移到公有云（倾向华为云或阿里云），IDC退租', '全部业务系统上云', '2026年底前IDC退租', '机房到期后迁出', '迁移上云', 'ERP上云，采用SaaS', '数据迁移到阿里云OSS', '上线新ERP', '12个月内业务系统迁移到阿里云', '核心系统迁移到华为云Stack', '应用迁移到阿里云的RDS']);
    });

    it('reads the estate moved to a cloud it names as a move ("业务系统迁移到阿里云"), not its data to a service or to a private cloud stack', () => {
      assert.ok(goal('12个月内业务系统迁移到阿里云').traits.has('cloud-migration'));
      assert.deepEqual(goal('12个月内业务系统迁移到阿里云').model.estate.targetClouds, ['alibaba']);
      for (const text of ['核心系统迁移到华为云Stack', '应用迁移到阿里云的RDS', '数据迁移到阿里云OSS']) assert.ok(!goal(text).traits.has('cloud-migration'), text);
    });

    it('does not take one system\'s move, or a goal the constraints forbid, for the estate\'s', () => {
      assert.ok(!goal('ERP上云，采用SaaS').traits.has('cloud-migration'));
      assert.ok(!goal('整体迁移到公有云', '[特殊要求]：', '- 合规性：核心业务不得使用公有云').traits.has('cloud-migration'));
    });
  });

  it('counts the stores written after their number ("直营与加盟共约1100家门店"), and reads 切换到 as a replacement', () => {
    const u = understood(['[客户行业]：酒店连锁', '- 细分领域：中端连锁酒店，直营与加盟共约1100家门店', '[核心目标]：', '- 主要目标：18个月内全部门店切换到云PMS']);
    assert.equal(u.model.scale.sites, 1100);
    assert.equal(u.model.industry.id, 'hospitality');
    assert.deepEqual([u.model.coreSystem.category, u.model.coreSystem.inScope, u.model.coreSystem.replaces], ['pms', true, true]);
  });

  it('reads a system the goal calls new ("新媒资平台", "新一代核心") as a replacement, even where the segment upgrades it', () => {
    const replaces = (lines: string[]) => understood(lines).model.coreSystem.replaces === true;
    const media = ['[客户行业]：传媒', '- 细分场景：省级广播电视台融媒体中心，媒资管理与制作网升级', '[核心目标]：'];
    assert.ok(replaces([...media, '- 主要目标：10个月内完成新媒资平台上线与历史素材迁移']));
    assert.ok(!replaces([...media, '- 主要目标：10个月内完成媒资平台升级']));
    assert.ok(replaces(['[客户行业]：银行', '- 细分领域：城市商业银行，新一代核心业务系统建设']));
    assert.ok(!replaces(['[客户行业]：银行', '- 细分领域：城市商业银行，核心业务系统建设']));
  });

  describe('a deadline by the calendar', () => {
    const deadline = (text: string) => understood(['[客户行业]：能源', '[核心目标]：', `- 主要目标：${text}`]).model.deadline;

    it('counts the months from the report date to the end of the year or month named', () => {
      // understood() reports as of 2026-06-01.
      assert.deepEqual([deadline('2027年底前38套系统数据库全部替换').months, deadline('2027年底前38套系统数据库全部替换').text], [19, '2027年底前']);
      assert.equal(deadline('2026年12月底前上线').months, 7);
      // "前" alone: before that month begins.
      assert.equal(deadline('2027年3月前上线').months, 9);
    });

    it('does not read the month of a date as a number of months, nor a past date or a bare year as a deadline', () => {
      assert.notEqual(deadline('2026年9月底前上线').months, 9);
      assert.equal(deadline('2025年底前完成').months, undefined);
      assert.equal(deadline('2027年营收翻番').months, undefined);
      // The month of a date with no 前 after it is no count of months either.
      assert.equal(deadline('2027年3月上线新平台').months, undefined);
    });

    it('reads a deadline asked for among the special requirements ("时间要求：一年内全部项目上线")', () => {
      const u = understood(['[客户行业]：物业管理', '[核心目标]：', '- 主要目标：建设统一的智慧物业管理平台', '[特殊要求]：', '- 时间要求：一年内全部项目上线']);
      assert.deepEqual([u.model.deadline.months, u.model.deadline.text, u.model.deadline.refs], [12, '一年', [5]]);
      // A goal's own deadline comes first.
      assert.equal(understood(['[客户行业]：物业管理', '[核心目标]：', '- 主要目标：18个月内建成物业管理平台', '[特殊要求]：', '- 时间要求：一年内']).model.deadline.months, 18);
    });

    it('reads a count in Chinese numerals followed by 内, as the customer said it', () => {
      const said = (text: string) => [deadline(text).months, deadline(text).text];
      assert.deepEqual(said('一年内完成邮件系统信创替代'), [12, '一年']);
      assert.deepEqual(said('半年内上线'), [6, '半年']);
      assert.deepEqual(said('一年半以内建成'), [18, '一年半']);
      assert.deepEqual(said('三个月内上线试点'), [3, '三个月']);
      assert.deepEqual(said('两年之内完成'), [24, '两年']);
      // Without 内 a count is often no deadline; half a month is none a project is planned in.
      assert.equal(deadline('一年一度的盘点不再手工').months, undefined);
      assert.equal(deadline('保留三个月的数据').months, undefined);
      assert.equal(deadline('半个月内完成').months, undefined);
    });

    it('reads a date that something falls due by: "2027年3月VMware到期前"', () => {
      assert.deepEqual([deadline('2027年3月VMware到期前完成虚拟化平台替换').months, deadline('2027年3月VMware到期前完成虚拟化平台替换').text], [9, '2027年3月前']);
      assert.equal(deadline('2026年10月合同截止前完成迁移').months, 4);
      // A clause break between the date and what falls due: no deadline by that date.
      assert.equal(deadline('2027年3月，合同到期前完成迁移').months, undefined);
    });
  });

  it('reads a goal to move the desktops into the data centre as the desktop rules do: the trait and their pattern (a copy in rules.yaml) agree', () => {
    const goal = goalIn('[客户行业]：汽车');
    assertTraitAgreesWithRule('virtual-desktop', 'virtual-desktop-platform', goal, ['研发和外包人员全部通过云桌面办公', '建设桌面云', '虚拟桌面替代PC', '上线VDI', '上线vdi', '采用DaaS', '图形工作站云化为云工作站', '上线新ERP', '桌面运维外包', 'VDIX项目上线']);
    assert.ok(goal('上线vdi').traits.has('virtual-desktop'));
    assert.ok(!goal('VDIX项目上线').traits.has('virtual-desktop'));
    // The pain alone is no project: a slow desktop is not a move of the desktops.
    assert.ok(!understood(['[客户行业]：汽车', '[当前痛点]：', '- 云桌面卡顿']).traits.has('virtual-desktop'));
  });

  it('reads a goal to build backup and recovery as its rule does, and no DR site programme as one', () => {
    const goal = goalIn('[客户行业]：医疗');
    assertTraitAgreesWithRule('backup-programme', 'backup-platform', goal, ['12个月内建成防勒索的备份与恢复体系', '备份覆盖全部虚拟机、数据库与PACS影像', '补齐备份短板', '完善数据备份', '建设备份平台', '上线新ERP', '备份数据保留30天', '核心系统4小时内可恢复']);
    // A DR site programme holds its backups: the trait, and the backup rule, stay off.
    assert.ok(!goal('建设同城灾备中心，建成备份与恢复体系').traits.has('backup-programme'));
  });

  it('reads a goal to build the delivery platform as its rule does: the trait and its pattern (a copy in rules.yaml) agree', () => {
    const goal = goalIn('[客户行业]：证券');
    assertTraitAgreesWithRule('devops-platform', 'devops-platform', goal, ['12个月内建成统一的研发效能平台（DevOps）', '建设CI/CD平台', '上线持续交付平台', '上线devops平台', '发布时间缩短到15分钟，CI/CD全自动', '实现持续交付', '上线新ERP', '研发人员扩充到500人', 'CICD工具选型']);
    // The pain alone is no project: slow releases are a reason, not a platform.
    assert.ok(!understood(['[客户行业]：证券', '[当前痛点]：', '- 缺少CI/CD，发布靠手工']).traits.has('devops-platform'));
    // Its core system is no question to ask first.
    assert.ok(!goal('12个月内建成统一的研发效能平台（DevOps）').traits.has('virtualization-replacement'));
  });

  it('reads a goal to build the identity platform as its rule does: the trait and its pattern (a copy in rules.yaml) agree', () => {
    const goal = goalIn('[客户行业]：教育');
    assertTraitAgreesWithRule('identity-platform', 'iam-sso-platform', goal, ['12个月内建成统一身份认证与单点登录平台', '上线SSO', '替换现有IAM', '建设统一认证平台', '各系统接入统一身份认证', '统一身份认证覆盖全部系统', '上线新ERP']);
    // A customer who has one and asks systems to join it builds none.
    assert.ok(!goal('各系统接入统一身份认证').traits.has('identity-platform'));
  });

  it('reads a goal to build privileged access management as its rule does: the trait and its pattern (a copy in rules.yaml) agree', () => {
    const goal = goalIn('[客户行业]：证券');
    assertTraitAgreesWithRule('privileged-access', 'privileged-access-management', goal, ['建设特权账号管理和运维审计（堡垒机），所有运维操作可追溯到人', '上线堡垒机', '特权访问管理覆盖全部服务器', '引入PAM', '运维安全审计全覆盖', '上线新ERP', 'SPAM邮件拦截率99%', '审计覆盖率100%']);
    assert.ok(!goal('SPAM邮件拦截率99%').traits.has('privileged-access'));
    // Every system is run through the bastion as it is: the core system is no question to ask first.
    const u = goal('建设特权账号管理和运维审计（堡垒机）');
    assert.ok(u.traits.has('privileged-access'));
    assert.ok(coreBesideThePoint(u));
  });

  it('takes the system the main goal builds as the core, over the one the segment names only as the customer\'s own name', () => {
    const u = understood(['[客户行业]：政府', '- 细分领域：地级市政务服务和数据管理局', '[核心目标]：', '- 主要目标：升级12345政务服务便民热线系统，智能派单']);
    assert.equal(u.model.coreSystem.category, 'gov-hotline');
    assert.equal(u.model.coreSystem.inScope, true);
    // The segment's own system stays the core when no main goal builds another one.
    const kept = understood(['[客户行业]：政府', '- 细分领域：地级市政务服务和数据管理局', '[核心目标]：', '- 主要目标：办件平均时长缩短30%']);
    assert.equal(kept.model.coreSystem.category, 'gov-service');
  });

  it('takes the system the main goal builds as the core, over the industry\'s own one that a pain names only as where the data sits', () => {
    const u = understood(['[客户行业]：食品制造', '[当前痛点]：', '- 批次信息分散在MES、WMS和纸质记录中', '[核心目标]：', '- 主要目标：建设全链条质量追溯系统，一物一码']);
    assert.equal(u.model.coreSystem.category, 'product-traceability');
    assert.equal(u.model.coreSystem.inScope, true);
    // A pain about the MES itself keeps it the core, to be decided with the customer.
    const mes = understood(['[客户行业]：食品制造', '[当前痛点]：', '- 各工厂MES老旧，经常宕机', '[核心目标]：', '- 主要目标：建设全链条质量追溯系统，一物一码']);
    assert.equal(mes.model.coreSystem.category, 'mes');
  });

  it('reads a goal to build the integration platform as its rule does: the trait and its pattern (a copy in rules.yaml) agree', () => {
    const goal = goalIn('[客户行业]：零售');
    assertTraitAgreesWithRule('integration-platform', 'integration-platform', goal, ['建设企业集成平台（API网关与ESB），把点对点接口收拢到平台上', '上线iPaaS', '搭建API网关', '引入企业服务总线', '上线新ERP', '对接外卖平台', '新系统经ESB对接', 'MESB项目上线']);
    // Connecting a system through one is no platform to build.
    assert.ok(!goal('新系统经ESB对接').traits.has('integration-platform'));
  });

  it('reads a goal to build private-domain operations on WeCom as its rule does: the trait and its pattern (a copy in rules.yaml) agree', () => {
    const goal = goalIn('[客户行业]：零售');
    assertTraitAgreesWithRule('private-domain', 'scrm-private-domain', goal, ['基于企业微信建设私域SCRM，导购企业微信加好友和社群运营', '上线scrm', '私域运营覆盖全部门店', '企微好友数达到600万', '上线新ERP', '企业微信审批集成', 'OA待办推送到企业微信']);
    // WeCom as the office's messenger is no private domain.
    assert.ok(!goal('OA待办推送到企业微信').traits.has('private-domain'));
  });

  it('reads a goal to inventory or book the data assets as its rule does, and no fixed-asset platform in 数据资产管理平台', () => {
    const goal = goalIn('[客户行业]：能源', '- 细分领域：城市燃气');
    assertTraitAgreesWithRule('data-asset', 'data-asset-catalog', goal, ['一年内建成数据资产管理平台，完成数据资产盘点与目录', '首批数据资产完成入表', '数据资源入表', '上线新ERP', '建设全校资产管理平台']);
    const u = goal('一年内建成数据资产管理平台，完成数据资产盘点与目录');
    assert.ok(!u.model.statedSystems.some((s) => s.category === 'fixed-assets') && u.model.coreSystem.category !== 'fixed-assets');
    // The platform of fixed assets (positive control).
    assert.equal(goal('建设全校资产管理平台，实现RFID盘点').model.coreSystem.category, 'fixed-assets');
  });

  it('reads a goal to replace the virtualisation platform as its rules do: the trait and their pattern (a copy in rules.yaml) agree', () => {
    const goal = goalIn('[客户行业]：制造业');
    assertTraitAgreesWithRule('virtualization-replacement', 'virtualization-replacement-platform', goal, ['2027年3月VMware到期前完成虚拟化平台替换', 'vSphere迁移到国产超融合', '替换VMware', '虚拟化平台国产化', '摆脱vmware', '升级到vSphere 8', '上线新ERP', 'VMware续约']);
    assert.ok(goal('替换vmware').traits.has('virtualization-replacement'));
    assert.ok(!goal('升级到vSphere 8').traits.has('virtualization-replacement'));
    // Moving the machines to a public cloud is a cloud migration, not a new platform in the data centre.
    assert.ok(!goal('12个月内VMware虚拟机全部迁出，整体迁移到阿里云').traits.has('virtualization-replacement'));
    // The pain alone is no project: a renewal that costs more is a reason, not a replacement.
    assert.ok(!understood(['[客户行业]：制造业', '[当前痛点]：', '- VMware续约报价上涨，考虑替换VMware']).traits.has('virtualization-replacement'));
  });

  it('reads the power sector from an energy customer\'s own words, not a gas network\'s or a cable network\'s', () => {
    const sector = (industry: string, segment: string) => understood([`[客户行业]：${industry}`, `- 细分领域：${segment}`]).traits.has('power-sector');
    assert.equal(sector('能源', '新能源发电集团，风电与光伏场站'), true);
    assert.equal(sector('能源', '省级电网公司下属信息通信公司'), true);
    assert.equal(sector('城市燃气', '燃气输配与客户服务'), false);
    assert.equal(sector('能源化工', '大型石化企业，炼油1000万吨/年'), false);
    assert.equal(sector('电信运营商', '省级广电网络公司'), false);
  });

  it('keeps an aside\'s list in one scale figure: "数据中心2个（总部主中心、同城灾备）"', () => {
    const figures = understood(['[客户行业]：制造业', '- 业务规模：', '  - 员工约9000人', '  - 数据中心2个（总部主中心、武汉同城灾备）']).model.scale.figures.map((f) => f.text);
    assert.deepEqual(figures, ['员工约9000人', '数据中心2个（总部主中心、武汉同城灾备）']);
  });

  it('infers a design institute\'s core system as its PLM, not the plant\'s MES', () => {
    for (const [industry, segment] of [['汽车', '整车研发设计院，负责车身与底盘研发'], ['装备制造', '工程机械研究院']] as const) {
      const core = understood([`[客户行业]：${industry}`, `- 细分领域：${segment}`]).model.coreSystem;
      assert.equal(core.category, 'plm', segment);
      assert.equal(core.basis, 'segment', segment);
    }
    assert.equal(understood(['[客户行业]：汽车零部件', '- 细分领域：Tier1 制动系统，三个工厂']).model.coreSystem.category, 'mes');
  });

  it('reads a goal to build an LLM application as the assistant rules do: the trait and their pattern (a copy in rules.yaml) agree', () => {
    const goal = goalIn('[客户行业]：汽车');
    assertTraitAgreesWithRule('llm-application', 'enterprise-rag-assistant', goal, ['上线售后技术问答助手', '基于内部文档回答并给出出处', '建设RAG知识库', '大模型知识库问答', '上线新ERP', '智能客服降低人工量', 'DRAGON项目上线', '搭建AI中台']);
    assert.ok(goal('建设RAG知识库').traits.has('llm-application'));
    assert.ok(!goal('DRAGON项目上线').traits.has('llm-application'));
  });

  it('reads a maker connecting the equipment it sold, not a plant connecting its own machines', () => {
    const intake = (segment: string, goal: string) => understood(['[客户行业]：装备制造', `- 细分领域：${segment}`, '[核心目标]：', `- 主要目标：${goal}`]);
    assert.ok(intake('注塑机制造商，设备销往全国1.2万家工厂', '建成设备物联网平台，远程监控与预测性维护').traits.has('equipment-service'));
    assert.ok(!intake('汽车零部件工厂，3个厂区', '关键设备联网率95%，建成设备物联网平台').traits.has('equipment-service'));
    assert.ok(!intake('注塑机制造商，设备销往全国1.2万家工厂', '上线新ERP').traits.has('equipment-service'));
  });

  describe('a database replacement', () => {
    const goal = goalIn('[客户行业]：能源');
    it('is read as the replacement rules do: the trait and their pattern (a copy in rules.yaml) agree', () => {
      assertTraitAgreesWithRule('database-replacement', 'domestic-database-replacement', goal, ['2027年底前38套核心系统数据库全部替换为国产数据库', '数据库国产化替代', '核心系统去O', 'Oracle迁移到国产数据库', '国产数据库替换Oracle', '上线新ERP', '数据库升级到19c', '去OA系统']);
      assert.ok(goal('数据库国产化替代').traits.has('database-replacement'));
    });

    it('reads the layers before 国产化 as full 信创 ("数据库、操作系统与中间件全部国产化")', () => {
      const u = understood(['[客户行业]：能源', '[特殊要求]：', '- 信创要求：数据库、操作系统与中间件全部国产化']);
      assert.ok(u.constraintKinds.has('xinchuang-full'), [...u.constraintKinds].join());
    });

    it('takes a product a pain says was tried and dropped for no part of the estate', () => {
      const u = understood(['[客户行业]：能源', '[当前痛点]：', '- 历史上一次MySQL替换试点因性能回退被叫停', '[基础设施现状]：', '- 数据库：Oracle 19c']);
      assert.deepEqual(u.model.estate.products.map((p) => p.family), ['oracle-db']);
    });
  });

  it('reads a one-time budget written before its amount ("迁移项目一次性¥600万")', () => {
    const budget = understood(['[客户行业]：互联网', '[预算限制]：', '- 总预算：迁移项目一次性¥600万，之后云资源按年计']).model.budget;
    assert.equal(budget.oneTime?.amount, 6_000_000);
    assert.equal(understood(['[客户行业]：互联网', '[预算限制]：', '- 总预算：¥600万']).model.budget.oneTime, undefined);
  });

  describe('systems to integrate, from the template\'s legacy-system field', () => {
    const legacy = (value: string) => understood(['[客户行业]：制造', '[特殊要求]：', '- 兼容性：', `  - 遗留系统：${value}`]);
    const integrations = (value: string) => legacy(value).model.integrations.map((i) => `${i.system}|${i.protocols.join('/')}`);

    it('reads the systems it names before the protocol, with the protocol', () => {
      assert.deepEqual(integrations('金蝶云星空ERP，接口协议REST'), ['金蝶云星空ERP|REST']);
      assert.deepEqual(integrations('东软HIS 5.0与医保结算接口，接口协议HL7 v2/WebService'), ['东软HIS 5.0|HL7 v2', '医保结算接口|HL7 v2']);
      assert.deepEqual(integrations('省级一体化政务服务平台与46个委办局业务系统，需通过REST/XML接口交互'), ['省级一体化政务服务平台|REST/XML', '46个委办局业务系统|REST/XML']);
    });

    it('keeps a system written before "保留", and integrates it over the protocols it names (FIX, 恒生 T2)', () => {
      const u = legacy('恒生O32投资交易系统保留，接口协议FIX/T2');
      assert.deepEqual(u.kept.map((k) => k.name), ['恒生O32投资交易系统']);
      assert.deepEqual(integrations('恒生O32投资交易系统保留，接口协议FIX/T2'), ['恒生O32投资交易系统|FIX/T2']);
    });

    it('reads FIX and T2 only as whole words, not inside other words or codes', () => {
      assert.deepEqual(integrations('金蝶云星空ERP，接口协议REST，prefix与HT2字段不变'), ['金蝶云星空ERP|REST']);
    });

    it('still reads what follows "对接" when the field says it', () => {
      assert.deepEqual(integrations('保留富勒WMS，TMS需对接WMS与客户EDI'), ['WMS|', '客户EDI|']);
    });

    it('gives the systems a line keeps the protocols it integrates them over, when no system follows 对接', () => {
      const compatible = (value: string) => understood(['[客户行业]：银行', '[特殊要求]：', `- 兼容性：${value}`]).model.integrations.map((i) => `${i.system}|${i.protocols.join('/')}`);
      assert.deepEqual(compatible('保留现有信贷系统与支付系统，通过ESB对接（ISO 8583与SOAP）'), ['信贷系统|SOAP/ISO 8583', '支付系统|SOAP/ISO 8583']);
      // Without 对接 the line does not say that every system it keeps speaks the protocol in its parentheses.
      assert.deepEqual(compatible('保留统一身份认证平台（CAS）与一卡通系统'), []);
    });

    it('reads the customer\'s own system written between 与 and 对接, not one reserved for later nor an outside one', () => {
      const compatible = (value: string) => understood(['[客户行业]：建材', '[特殊要求]：', `- 兼容性：${value}`]).model.integrations.map((i) => i.system);
      assert.deepEqual(compatible('与现有用友NC对接，逐步升级到用友BIP'), ['用友NC']);
      assert.deepEqual(compatible('预留与现有经销商门户对接'), []);
      // An outside system is a requirement a rule answers (住客登记), not a system the customer keeps.
      assert.deepEqual(compatible('与公安旅馆业治安管理系统对接'), []);
    });
  });

  describe('systems to keep', () => {
    it('reads no decision from the estate saying what is left in a server room ("机房仅保留财务与ERP服务器")', () => {
      const u = understood(['[客户行业]：零售', '[基础设施现状]：', '- 私有云：无，深圳总部机房仅保留财务与ERP服务器']);
      assert.deepEqual(u.kept, []);
      assert.ok(!u.constraintKinds.has('keep-system'));
    });

    it('still reads one the requirements state that way, and one the estate states plainly', () => {
      assert.deepEqual(understood(['[客户行业]：制造', '[特殊要求]：', '- 兼容性：仅保留SAP ECC 6.0']).kept.map((k) => k.name), ['SAP ECC 6.0']);
      assert.deepEqual(understood(['[客户行业]：制造', '[基础设施现状]：', '- 私有云：保留现有MES，机房仅保留财务服务器']).kept.map((k) => k.name), ['MES']);
    });
  });

  describe('a 信创 requirement said not to apply', () => {
    const kinds = (value: string) => [...understood(['[客户行业]：医疗', '[特殊要求]：', `- 合规性：${value}`]).constraintKinds];

    it('is no constraint: "无信创要求", "不涉及信创", "信创：否"', () => {
      for (const value of ['需通过等保2.0三级，无信创要求', '不涉及信创', '是否信创：否', '暂无国产化要求']) assert.deepEqual(kinds(value), [], value);
    });

    it('under a 信创 key, states the value up to the clause that says 国产 ("国有企业，优先选择国产软件")', () => {
      const u = understood(['[客户行业]：建材', '[特殊要求]：', '- 信创要求：国有企业，优先选择国产软件，私有化部署']);
      assert.deepEqual([...u.constraintKinds], ['xinchuang-preferred']);
      assert.equal(u.model.constraints[0]!.text, '信创要求：国有企业，优先选择国产软件');
    });

    it('still reads one said in another clause of the same line, with that clause', () => {
      const u = understood(['[客户行业]：医疗', '[特殊要求]：', '- 合规性：不强制信创，国产优先']);
      assert.deepEqual([...u.constraintKinds], ['xinchuang-preferred']);
      assert.equal(u.model.constraints[0]!.text, '国产优先');
    });
  });

  describe('a partial 信创 requirement that a layer be domestic', () => {
    const layers = (value: string) => [...understood(['[客户行业]：证券', '[特殊要求]：', `- 合规性：${value}`]).domesticLayers.keys()];

    it('reads the layers it names, with the clause', () => {
      assert.deepEqual(layers('信创要求（核心交易系统数据库国产化）'), ['database']);
      assert.deepEqual(layers('信创：采用国产操作系统，中间件须国产'), ['os', 'middleware']);
      const u = understood(['[客户行业]：证券', '[特殊要求]：', '- 合规性：信创要求（核心交易系统数据库国产化）']);
      assert.deepEqual(u.domesticLayers.get('database'), { text: '信创要求（核心交易系统数据库国产化）', refs: [3] });
    });

    it('reads none from a preference, from full 信创 (which rules out more), or from 信创 alone', () => {
      assert.deepEqual(layers('信创：国产数据库优先'), []);
      assert.deepEqual(layers('全栈信创（国产芯片、国产操作系统、国产数据库）'), []);
      assert.deepEqual(layers('信创适配'), []);
    });
  });

  it('reads clouds with their real regions and roles of places', () => {
    const u = understood([
      '[客户行业]：航空',
      '[基础设施现状]：',
      '- 多云环境：Azure VM 100节点（美国东部），本地机房在新加坡',
      '[服务要求]：',
      '- 支持SLA：伦敦本地团队支持',
    ]).model;
    assert.deepEqual(u.estate.clouds.map((c) => c.provider), ['azure']);
    assert.ok(u.estate.clouds[0]!.regions.some((r) => r.id !== undefined && !r.approximate), JSON.stringify(u.estate.clouds[0]!.regions));
    assert.ok(u.locations.some((l) => l.name.includes('伦敦') && l.role === 'support'), JSON.stringify(u.locations));
  });

  it('marks “Azure东欧” as approximate (there is no such Azure region)', () => {
    const u = understood(['[客户行业]：保险', '[当前痛点]：', '- 具体问题：AWS北京区与Azure东欧区之间同步延迟高']).model;
    const azure = u.estate.clouds.find((c) => c.provider === 'azure')!;
    assert.ok(azure.regions.length > 0 && azure.regions.every((r) => r.approximate), JSON.stringify(azure.regions));
    const aws = u.estate.clouds.find((c) => c.provider === 'aws')!;
    assert.ok(aws.regions.some((r) => r.jurisdiction === 'cn'));
  });

  it('finds hard constraints with their lines', () => {
    const u = understood([
      '[客户行业]：银行',
      '[特殊要求]：',
      '- 合规性：全栈信创，生产数据不得上公有云，数据不出境',
      '- 兼容性：保留现有信贷系统，仅做接口改造',
    ]);
    for (const k of ['xinchuang-full', 'no-public-cloud', 'data-in-country', 'keep-system']) assert.ok(u.constraintKinds.has(k as never), k);
    assert.ok(u.kept.some((k) => k.name.includes('信贷系统')));
    for (const c of u.model.constraints) assert.ok(c.refs.length > 0);
  });

  it('splits the budget into one-time and recurring, and keeps its currency', () => {
    const b = understood(['[客户行业]：零售', '[预算限制]：', '- 总预算：¥600万（3年）', '- 分配：一次性建设¥400万，年度运维¥200万/年']).model.budget;
    assert.equal(b.total?.amount, 6_000_000);
    assert.equal(b.total?.currency, 'CNY');
    assert.equal(b.horizonYears, 3);
    assert.equal(b.oneTime?.amount, 4_000_000);
    assert.equal(b.recurringPerYear?.amount, 2_000_000);
  });

  it('reads a region named after another one of the same cloud (阿里云新加坡与法兰克福地域)', () => {
    const u = understood(['[客户行业]：零售', '[基础设施现状]：', '- 公有云：阿里云新加坡与法兰克福地域，主要服务ECS 60台', '- 私有云：无，深圳总部机房仅保留财务服务器']).model;
    assert.deepEqual(u.estate.clouds.find((c) => c.provider === 'alibaba')?.regions.map((r) => r.id), ['alibaba-ap-southeast-1', 'alibaba-eu-central-1']);
    // "无，" says there is no private cloud; what follows is the site.
    assert.deepEqual(u.estate.onPrem.map((o) => o.text), ['深圳总部机房仅保留财务服务器']);
  });

  it('quotes a constraint written in brackets by the bracket’s words (无（政务数据不上公有云）)', () => {
    const c = understood(['[客户行业]：政府', '[基础设施现状]：', '- 公有云：无（政务数据不上公有云）']).model.constraints;
    assert.deepEqual(c.map((x) => [x.kind, x.text]), [['no-public-cloud', '政务数据不上公有云']]);
  });

  it('reads a first-year budget as such, not as one covering the TCO model’s years', () => {
    const b = understood(['[客户行业]：零售', '[预算限制]：', '- 总预算：¥600万（首年）', '- 一次性投入：要求3年TCO对比模型']).model.budget;
    assert.equal(b.firstYear, true);
    assert.equal(b.perYear, false);
  });

  it('puts the core system in scope when the budget buys it (接受SaaS模式（订单中台与库存中台）)', () => {
    const lines = ['[客户行业]：零售', '- 细分领域：跨境电商', '[核心目标]：', '- 主要指标：全渠道库存同步延迟<5秒'];
    assert.equal(understood(lines).model.coreSystem.inScope, false);
    const bought = understood([...lines, '[预算限制]：', '- 付费偏好：', '  - 订阅制：接受SaaS模式（订单中台与库存中台）']).model.coreSystem;
    assert.deepEqual([bought.category, bought.inScope], ['oms', true]);
  });

  it('records what was tried and why it failed', () => {
    const u = understood(['[客户行业]：零售', '[当前痛点]：', '- 已尝试方案：2023年上线聚水潭，因无法支撑自有仓与海外仓的库存同步而停用']);
    assert.ok(u.model.triedAndFailed.length === 1);
    assert.match(u.model.triedAndFailed[0]!.why, /库存同步/);
    assert.ok(u.tried.has('jushuitan'));
  });

  it('keeps contacts out: their lines are personal data', () => {
    const u = understood(['[客户行业]：医疗', '- 联系人：信息中心李明，电话 13800138000，邮箱 liming@example.cn', '[当前痛点]：', '- 具体问题：接口故障频发']);
    assert.deepEqual(u.model.personalDataLines, [2]);
    assert.ok(!JSON.stringify(u.model).includes('13800138000'));
  });
});

describe('lifecycle on the report date', () => {
  it('MySQL 8.0 is past support in mid-2026, 8.4 is not', () => {
    assert.deepEqual(eol(['数据库：MySQL 8.0 集群']), ['mysql 8.0 past']);
    assert.deepEqual(eol(['数据库：MySQL 8.4 LTS']), []);
    assert.deepEqual(eol(['数据库：MySQL 5.7 主从']), ['mysql 5.7 past']);
  });

  it('PostgreSQL 14 is due within the year before 2026-11-12 and past after it', () => {
    assert.deepEqual(eol(['数据库：PostgreSQL 14']), ['postgresql 14 soon']);
    assert.deepEqual(eol(['数据库：PostgreSQL 14'], '2026-11-13'), ['postgresql 14 past']);
    assert.deepEqual(eol(['数据库：PostgreSQL 16']), []);
  });

  it('SQL Server 2016 is called out after 2026-07-14', () => {
    assert.deepEqual(eol(['数据库：SQL Server 2016'], '2026-07-15'), ['sql-server 2016 past']);
    assert.deepEqual(eol(['数据库：SQL Server 2016'], '2024-01-01'), []);
  });

  it('Oracle 11g is past support, 19c is not yet', () => {
    assert.deepEqual(eol(['数据库：Oracle 11g']), ['oracle-db 11g past']);
    assert.deepEqual(eol(['数据库：Oracle 19c RAC']), []);
  });

  it('Redis keeps the version written (5.0 is not called 6.x)', () => {
    const u = understood(withComponents('中间件：Redis 5.0 主从'));
    const [f] = lifecycleFindings(u);
    assert.equal(f?.family, 'redis');
    assert.equal(f?.version, '5.0');
  });

  it("a product named with the engine it is compatible with is that product: its version is not the engine's release", () => {
    // Each a product of its own vendor's lifecycle: MySQL 8.0's end of support is not PolarDB MySQL 8.0's.
    for (const line of ['数据库：PolarDB MySQL 8.0（订单库）', '数据库：PolarDB for MySQL 5.7', '数据库：Amazon Aurora MySQL 2（兼容5.7）', '数据库：TDSQL-C MySQL 5.7', '数据库：PolarDB PostgreSQL 11', '缓存：阿里云Tair（兼容Redis 5.0）', '缓存：Amazon ElastiCache for Redis 6.0', '消息：Amazon MSK（Kafka 2.8）', '数据库：OceanBase MySQL模式 5.7']) {
      assert.deepEqual(eol([line]), [], line);
    }
    const [polar] = understood(withComponents('数据库：PolarDB MySQL 8.0（订单库）')).model.estate.products;
    assert.deepEqual({ name: polar?.name, product: polar?.product, family: polar?.family, version: polar?.version, compatible: polar?.compatible }, { name: '阿里云 PolarDB', product: 'alibaba-polardb', family: undefined, version: '8.0', compatible: 'MySQL' });
  });

  it('two products named one after the other stay two, and the community engine keeps its lifecycle', () => {
    assert.deepEqual(eol(['数据库：OceanBase、MySQL 5.7']), ['mysql 5.7 past']);
    assert.deepEqual(eol(['数据库：PolarDB和MySQL 5.7']), ['mysql 5.7 past']);
    // A cloud's hosted community engine is the engine (RDS MySQL is an alias of MySQL).
    assert.deepEqual(eol(['数据库：云数据库 RDS MySQL 5.7']), ['mysql 5.7 past']);
  });

  it("the industry's core system the estate lists by name stays the core when a goal builds another system", () => {
    const bank = (...lines: string[]) => understood(['[客户行业]：银行', '- 细分领域：农村商业银行', '[基础设施现状]：', '- 关键组件：', '  - 核心系统：神州信息', ...lines]).model;
    // A goal builds the mobile bank: the core the estate names is kept and built around.
    const mobile = bank('[核心目标]：', '- 主要目标：重构手机银行，一年内上线新版');
    assert.deepEqual([mobile.coreSystem.category, mobile.coreSystem.inScope, mobile.coreSystem.basis, mobile.coreSystem.refs], ['core-banking', false, 'stated', [5]]);
    assert.ok(mobile.statedSystems.some((s) => s.category === 'mobile-banking'));
    // A goal that replaces the core names it, and the goal's line decides.
    const replaced = bank('[核心目标]：', '- 主要目标：两年内替换核心系统');
    assert.deepEqual([replaced.coreSystem.category, replaced.coreSystem.inScope, replaced.coreSystem.refs], ['core-banking', true, [7]]);
    // No goal builds a system (an EDR project): the estate's line only cites the core, as before.
    const edr = bank('[核心目标]：', '- 主要目标：部署EDR');
    assert.equal(edr.coreSystem.basis, 'industry');
  });

  it('a product named as where an upgrade leads ("逐步升级到用友BIP") is a plan, not the estate', () => {
    const u = understood(['[客户行业]：建材制造', '[特殊要求]：', '- 兼容性：与现有用友NC对接，逐步升级到用友BIP']);
    // 用友NC is what the customer runs (现有); 用友BIP only where it is going.
    assert.deepEqual(u.model.estate.products.map((p) => p.product), ['yonyou-nc-cloud']);
    assert.deepEqual([...u.upgradeTargets.keys()], ['yonyou-bip']);
    assert.deepEqual(understood(['[客户行业]：建材制造', '[基础设施现状]：', '- ERP：用友BIP']).model.estate.products.map((p) => p.product), ['yonyou-bip']);
  });

  it('a domestic OS named under a key about terminals or PCs is its desktop edition; under servers, the server one', () => {
    // (Windows 10 is a lifecycle family of no product entry.)
    const products = (...lines: string[]) => understood(withComponents(...lines)).model.estate.products.filter((p) => p.product !== undefined).map((p) => `${p.product} ${p.categories.join('+')}`);
    assert.deepEqual(products('终端：Windows 10 与 统信UOS 并存'), ['uos-desktop desktop-os']);
    assert.deepEqual(products('办公电脑：银河麒麟'), ['kylin-desktop desktop-os']);
    assert.deepEqual(products('服务器操作系统：统信UOS'), ['uos-server os']);
    assert.deepEqual(products('操作系统：银河麒麟、统信UOS'), ['kylin-server-os os', 'uos-server os']);
  });

  it('"Windows AD" is the directory on its server, not a Windows desktop of no version', () => {
    const families = (line: string) => understood(withComponents(line)).model.estate.products.map((p) => `${p.family} ${p.version ?? '-'}`);
    assert.deepEqual(families('身份：Windows AD（Windows Server 2016）'), ['windows-server 2016']);
    assert.deepEqual(families('身份：windows  active directory；域控：Windows域控'), []);
    // The desktop itself is still read, with or without its release.
    assert.deepEqual(families('终端：Windows 10、Windows Server 2019'), ['windows-client 10', 'windows-server 2019']);
    assert.deepEqual(families('终端：Windows办公电脑'), ['windows-client -']);
  });

  it('a Windows file share or file server is no Windows desktop of no version', () => {
    const families = (line: string) => understood(withComponents(line)).model.estate.products.map((p) => `${p.family} ${p.version ?? '-'}`);
    assert.deepEqual(families('文件服务器：Windows共享盘，约300TB'), []);
    assert.deepEqual(families('存储：Windows文件服务器共享盘约200TB'), []);
    assert.deepEqual(families('存储：Windows服务器上的共享目录'), []);
    assert.deepEqual(families('存储：Windows Server 2016文件服务器'), ['windows-server 2016']);
  });

  it('Kubernetes 1.19 is past, RabbitMQ 4.1 is not', () => {
    assert.deepEqual(eol(['容器：Kubernetes 1.19']), ['kubernetes 1.19 past']);
    // Older than every line listed, minor by minor: 1.18 before 1.19 (its major alone says nothing).
    assert.deepEqual(eol(['容器：Kubernetes 1.18']), ['kubernetes 1.18 past']);
    assert.deepEqual(eol(['中间件：RabbitMQ 4.1']), []);
  });
});

describe('a failure blamed on per-core licensing', () => {
  it('is one whose reason names a per-core (CPU, processor, VPC) licence', () => {
    for (const why of ['商业ESB按CPU授权，扩容成本过高', 'Oracle按处理器许可，扩容太贵', 'IBM按VPC计费', 'licensed per core, too expensive']) assert.ok(blamesPerCoreLicensing(why), why);
    for (const why of ['CPU利用率过高', '按年订阅费用高', '扩容后仍有单点', '按核心业务优先级排期']) assert.ok(!blamesPerCoreLicensing(why), why);
  });
});

describe('AliasIndex', () => {
  const index = new AliasIndex([
    { alias: '北京', value: 'beijing' },
    { alias: 'AWS北京区', value: 'aws-cn-north-1' },
    { alias: 'MQ', value: 'mq' },
    { alias: 'RabbitMQ', value: 'rabbitmq' },
  ]);

  it('keeps the longest alias at a position and never overlaps', () => {
    assert.deepEqual(
      index.find('AWS北京区与北京机房').map((h) => h.value),
      ['aws-cn-north-1', 'beijing'],
    );
  });

  it('matches Latin aliases as whole words only', () => {
    assert.deepEqual(
      index.find('RabbitMQ 3.9 and IBM MQ').map((h) => h.value),
      ['rabbitmq', 'mq'],
    );
    assert.deepEqual(index.find('MQTT broker'), []);
  });
});

describe('end trimming without backtracking', () => {
  it('drops a trailing aside, full-width or ASCII, and keeps text without one', () => {
    assert.equal(dropTrailingAside('国家金融监督管理总局（NFRA）'), '国家金融监督管理总局');
    assert.equal(dropTrailingAside('Grafana LGTM (Grafana, Loki)'), 'Grafana LGTM');
    assert.equal(dropTrailingAside('A（x）B'), 'A（x）B');
    assert.equal(dropTrailingAside('（only）'), '');
    assert.equal(dropTrailingAside('no aside'), 'no aside');
    assert.equal(dropTrailingAside('a）'), 'a）');
  });

  it('drops the aside only from a text longer than the quote, and never down to nothing', () => {
    assert.equal(asideDroppedBeyond('邮件系统老旧、停止支持（去年被勒索软件攻击导致邮件中断两天）', 24), '邮件系统老旧、停止支持');
    assert.equal(asideDroppedBeyond('影像调阅慢（3分钟）', 24), '影像调阅慢（3分钟）');
    assert.equal(asideDroppedBeyond('（一段很长很长很长很长很长很长很长很长的旁注）', 8), '（一段很长很长很长很长很长很长很长很长的旁注）');
  });

  it('trims any of the given characters from the end only', () => {
    assert.equal(trimEndOf('，理赔慢，；。', '，；。'), '，理赔慢');
    assert.equal(trimEndOf('', '，'), '');
    assert.equal(trimEndOf(`x${' '.repeat(100_000)}`, ' '), 'x');
  });
});

describe('key figures of a line', () => {
  it('name a figure by whole words before its metric (同步延迟, not 统间同步延迟)', () => {
    assert.deepEqual(keyFigures('大促期间订单与库存在Shopify独立站、Amazon和Lazada三套系统间同步延迟超过10分钟，超卖频发'), ['同步延迟超10分钟']);
    assert.deepEqual(keyFigures('HIS、LIS、PACS、EMR之间点对点接口超过120个，接口故障时医嘱回传延迟30分钟以上'), ['医嘱回传延迟30分钟']);
    // A rate of answered calls, named by the words before it, not the hotline's number ("12345热线").
    assert.deepEqual(keyFigures('12345热线话务高峰接通率只有70%'), ['话务高峰接通率仅70%']);
  });

  it('keep with a need what the pain cost the customer: a regulator\'s action first, then an incident, never twice or too long', () => {
    assert.equal(withFigures('员工导出外发客户数据', '去年发生一次员工导出客户名单外泄，被证监局出具警示函'), '员工导出外发客户数据（被证监局出具警示函）');
    assert.equal(withFigures('外包人员与自带设备接入内网', '外包人员自带电脑接入内网，去年发生一次供应商泄露车型数模事件'), '外包人员与自带设备接入内网（去年发生一次供应商泄露车型数模事件）');
    // A figure already says it; the need already says it; a clause too long to be an aside.
    assert.equal(withFigures('核心系统宕机', '去年发生宕机3次'), '核心系统宕机（去年发生宕机3次）');
    assert.equal(withFigures('被证监局出具警示函', '被证监局出具警示函'), '被证监局出具警示函');
    assert.equal(withFigures('数据外泄', '去年发生一次由于外包人员误操作导致的测试环境数据库整库被拷贝后外泄'), '数据外泄');
    assert.equal(withFigures('报表滞后', '月结报表要等到次月10日'), '报表滞后');
  });

  it('keep a negation with the word it starts, and name a figure by the words after it when none come before', () => {
    assert.deepEqual(keyFigures('检修靠经验和定期计划，去年两次非计划停车损失约4200万元'), ['非计划停车损失4200万元']);
    assert.deepEqual(keyFigures('设备台账分散在Excel和各车间，约30%设备缺少完整档案'), ['30%设备缺少完整档案']);
    // Too many words after it to be its name: the figure alone.
    assert.deepEqual(keyFigures('约30%的设备在过去五年中从未做过任何一次完整的预防性维护'), ['30%']);
  });

  it('name a sum without a sign when its words say what is paid, and no other bare sum', () => {
    assert.deepEqual(keyFigures('VMware被博通收购后续约报价从每年180万涨到620万，明年3月到期'), ['续约报价从每年180万涨到620万']);
    assert.equal(withFigures('VMware续约成本大幅上升', 'VMware被博通收购后续约报价从每年180万涨到620万'), 'VMware续约成本大幅上升（续约报价从每年180万涨到620万）');
    assert.deepEqual(keyFigures('年营收约30万单，门店扩张到500家'), []);
  });

  it("name an app's monthly or daily actives, a bare number its words measure", () => {
    assert.deepEqual(keyFigures('月活提升到80万'), ['月活提升到80万']);
    assert.deepEqual(keyFigures('注册学员约800万，日活约60万'), ['日活60万']);
    // A bare number with no such word is still no figure.
    assert.deepEqual(keyFigures('网点提升到80万'), []);
  });

  it('say two figures of one clause as one (the second is measured on the first)', () => {
    assert.deepEqual(keyFigures('4K素材转码排队，单条1小时节目转码需要约3小时；近线存储已用到92%'), ['单条1小时节目转码需要约3小时', '近线存储已用到92%']);
    // Apart when a clause or a list separates them.
    assert.deepEqual(keyFigures('月末高峰交易失败率1.8%，年投诉量增长35%'), ['月末高峰交易失败率1.8%', '年投诉量增长35%']);
  });

  it('leave out the template\'s label "量化指标" from a pain: "导致…，量化指标2024年…" reads "导致…，2024年…"', () => {
    const u = understood(['[客户行业]：装备制造', '[当前痛点]：', '- 业务影响：导致管理报表滞后、库存资金占用偏高，量化指标2024年呆滞库存约¥1.2亿']);
    assert.deepEqual(u.model.pains.map((p) => p.text), ['导致管理报表滞后、库存资金占用偏高，2024年呆滞库存约¥1.2亿']);
  });

  it('leave out the template\'s label "量化指标", in a figure and in a loss', () => {
    assert.deepEqual(keyFigures('导致患者候诊时间长、投诉率上升，量化指标门诊平均候诊58分钟，挂号高峰超时率6%'), ['门诊平均候诊58分钟', '挂号高峰超时率6%']);
    const u = understood(['[客户行业]：物流', '[当前痛点]：', '- 业务影响：导致医药货损与客户索赔，量化指标2024年温控异常货损¥830万']);
    assert.deepEqual(u.model.lossFigures.map((l) => l.text), ['2024年温控异常货损¥830万']);
  });

  it('reads stock written off (报损) as money lost, yearly when the year is named', () => {
    const u = understood(['[客户行业]：零售连锁药房', '[当前痛点]：', '- 近效期药品靠门店自己盘点发现，2024年报损约¥380万']);
    assert.deepEqual(u.model.lossFigures.map((l) => [l.text, l.amount, l.perMonths, l.refs]), [['2024年报损约¥380万', 3.8e6, 12, [3]]]);
  });

  it('count weeks as a unit, as days and months are ("新套餐上线…需要6周")', () => {
    assert.deepEqual(keyFigures('新套餐上线周期长，平均需要6周'), ['需要6周']);
  });
});

describe('understand: frameworks the intake rules out', () => {
  it('does not state a framework its clause says does not apply, and keeps the others of the line', () => {
    const u = understood(['[客户行业]：装备制造', '[特殊要求]：', '- 审计要求：上市公司内控审计（SOX 404不适用，按企业内部控制基本规范），等保2.0二级', '- 合规性：满足GDPR，不涉及PCI DSS']);
    const stated = [...u.statedFrameworks.keys()];
    assert.ok(!stated.includes('sox'), stated.join());
    assert.ok(!stated.includes('pci-dss'), stated.join());
    assert.ok(stated.includes('gdpr'), stated.join());
    assert.ok(stated.some((id) => id.startsWith('mlps')), stated.join());
  });

  it('reads a denial in front of the name too: "不适用SOX", "无需GDPR评估"', () => {
    const u = understood(['[客户行业]：装备制造', '[特殊要求]：', '- 合规性：非上市公司，不适用SOX；无需GDPR评估']);
    assert.deepEqual([...u.statedFrameworks.keys()], []);
  });
});

describe('understand: a denial is looked for near the name only', () => {
  it('reads a line of 20,000 framework names with no clause break (each looked at within REACH characters)', () => {
    const line = `- 合规性：${'SOX '.repeat(20_000)}`;
    const u = understood(['[客户行业]：装备制造', '[特殊要求]：', line]);
    assert.ok(u.statedFrameworks.has('sox'));
  });
});

describe('understand: the scale of an ERP project', () => {
  it('counts an ERP\'s named users as staff, and makes a ¥5000万 budget a large enterprise\'s project', () => {
    const base = ['[客户行业]：装备制造', '- 业务规模：', '  - 用户量：ERP用户约2600人'];
    const mid = understood([...base, '[预算限制]：', '- 总预算：¥3000万']);
    assert.equal(mid.model.scale.internalUsers, 2600);
    assert.equal(mid.model.scale.size, 'mid');
    assert.equal(understood([...base, '[预算限制]：', '- 总预算：¥6000万']).model.scale.size, 'large');
    // In another currency, by its value in yuan: $8M is about ¥5760万.
    assert.equal(understood([...base, '[预算限制]：', '- 总预算：$800万']).model.scale.size, 'large');
  });
});

describe('understand: why a large customer is large (scale `largeBy`)', () => {
  const scale = (...figures: string[]) => understood(['[客户行业]：地产', '- 细分领域：产业园区开发运营商', '- 业务规模：', ...figures.map((f) => `  - ${f}`)]).model.scale;

  it('says whether its staff, its end users or the premises it runs make it large, each that holds', () => {
    assert.deepEqual(scale('员工约5000人').largeBy, ['staff']);
    assert.deepEqual(scale('会员约300万').largeBy, ['endUsers']);
    assert.deepEqual(scale('日均访问量约200万次').largeBy, ['endUsers']);
    // The people working in its parks are counted with what it runs, not as its end users.
    assert.deepEqual(scale('运营产业园区8个，总建筑面积约160万平方米', '入驻企业约1200家，园区员工约8万人').largeBy, ['premises']);
    assert.deepEqual(scale('员工约5000人', '总建筑面积约160万平方米').largeBy, ['staff', 'premises']);
  });

  it('says nothing of a customer that is not large, and names the budget that makes one large', () => {
    const mid = scale('员工约800人');
    assert.deepEqual([mid.size, mid.largeBy], ['mid', undefined]);
    const budget = understood(['[客户行业]：装备制造', '- 业务规模：', '  - 用户量：ERP用户约2600人', '[预算限制]：', '- 总预算：¥6000万']).model.scale;
    assert.deepEqual([budget.size, budget.largeBy], ['large', ['budget']]);
  });
});

describe('understand: a small business, by its figures and by how it describes itself', () => {
  const size = (segment: string) => understood(['[客户行业]：保险', `- 细分领域：${segment}`, '- 业务规模：', '  - 自有数据中心2个，机柜约800个', '  - 分公司机房约36个']).model.scale.size;

  it('reads small figures with no head count as a small business', () => {
    assert.equal(size('区域性代理公司'), 'sme');
  });

  it('reads no small business into a national, provincial, group or listed company', () => {
    for (const segment of ['全国性财产保险公司', '省属保险集团', '上市保险公司', '股份制寿险公司']) assert.equal(size(segment), 'mid', segment);
  });
});

describe('understand: sites the profile names', () => {
  it('places plants at home and abroad: 国内 in mainland China, 印尼 and 巴西 by the names written', () => {
    const u = understood(['[客户行业]：装备制造', '- 细分场景：工程机械制造，国内4个生产基地，海外在印尼和巴西各有1个组装厂']);
    for (const t of ['china-site', 'overseas-site', 'cross-border'] as const) assert.ok(u.traits.has(t), t);
    const abroad = u.model.locations.filter((l) => l.role === 'deployment' && l.jurisdiction === 'global').map((l) => l.name);
    assert.deepEqual(abroad, ['印尼', '巴西']);
  });

  it('does not take a country in a market or product line for a site', () => {
    const u = understood(['[客户行业]：装备制造', '- 细分场景：工程机械制造，产品出口巴西']);
    assert.ok(!u.traits.has('overseas-site'));
  });
});

describe('understand: a group\'s HR and OA', () => {
  const group = (...more: string[]) =>
    understood([
      '[客户行业]：医药流通（省属国企）',
      '- 细分场景：药品批发配送与零售连锁药房，集团管控与协同办公信创替代',
      '- 业务规模：',
      '  - 用户量：员工约1.4万人，其中OA活跃用户约6000人，药房店员约5000人',
      '[当前痛点]：',
      '- 系统层面：OA为泛微e-cology 8.0，运行在Windows Server 2012与SQL Server 2012上',
      '[核心目标]：',
      '- 主要目标：18个月内完成OA信创替代与集团HR统一上线',
      ...more,
    ]);

  it('reads a testing company as its own industry, with its LIMS for core system, not a manufacturer', () => {
    for (const industry of ['检验检测', '第三方检测']) {
      const u = understood([`[客户行业]：${industry}`, '- 细分领域：食品与环境检测，8个实验室']);
      assert.equal(u.model.industry.id, 'testing-inspection', industry);
      assert.equal(u.model.coreSystem.category, 'lims', industry);
    }
  });

  it('reads a property manager as its own industry, with its property platform for core system', () => {
    for (const industry of ['物业管理', '物业服务']) {
      const u = understood([`[客户行业]：${industry}`, '- 细分领域：住宅和商业物业', '[核心目标]：', '- 主要目标：建设统一的智慧物业管理平台']);
      assert.equal(u.model.industry.id, 'property-management', industry);
      assert.deepEqual([u.model.coreSystem.category, u.model.coreSystem.inScope], ['property-platform', true], industry);
      // 业主 counted in the scale are people whose data the platform holds.
      assert.ok(understood([`[客户行业]：${industry}`, '- 业务规模：业主约80万户']).data.has('personal'), industry);
    }
  });

  it("reads a care home chain as its own industry: its care home system the core, its elders' records personal and health data, its mattresses no OPC UA", () => {
    for (const industry of ['养老服务', '养老机构']) {
      const u = understood([`[客户行业]：${industry}`, '- 细分领域：连锁养老机构', '- 业务规模：', '  - 养老院14家，床位约3800张', '[核心目标]：', '- 主要目标：上线养老机构管理系统，覆盖入住评估、护理计划和收费', '- 次级目标：智能床垫、跌倒报警等设备接入']);
      assert.equal(u.model.industry.id, 'elderly-care', industry);
      assert.deepEqual([u.model.coreSystem.category, u.model.coreSystem.inScope], ['elder-care', true], industry);
      for (const kind of ['personal', 'health'] as const) assert.ok(u.data.has(kind), `${industry} ${kind}`);
      // Care homes are sites.
      assert.equal(u.model.scale.sites, 14, industry);
      const applicable = applicableRegulation(u).applicable;
      const ids = evaluateRules(u.facts, getKnowledgeBase().rules, undefined, (rule) => inContext(rule, u, applicable)).map((h) => h.rule.id);
      assert.ok(ids.includes('eldercare-safety-alarms'), industry);
      assert.ok(!ids.includes('ot-opc-ua-edge'), industry);
    }
    // An insurer's pension line is no care home.
    assert.equal(understood(['[客户行业]：保险', '- 细分领域：养老保险']).model.industry.id, 'insurance');
  });

  it("warns of AWS China's separate partition only to a customer that is also outside mainland China", () => {
    const ids = (lines: string[]) => {
      const u = understood(lines);
      const applicable = applicableRegulation(u).applicable;
      return evaluateRules(u.facts, getKnowledgeBase().rules, undefined, (rule) => inContext(rule, u, applicable)).map((h) => h.rule.id);
    };
    const ningxia = ['[客户行业]：物流', '- 细分领域：合同物流与城配', '[基础设施现状]：', '- 公有云：AWS宁夏区域（EC2 40台，RDS MySQL）'];
    // Wholly inside China: no global region to join, no cross-border link to plan.
    assert.ok(!ids(ningxia).includes('aws-china-partition'));
    assert.ok(ids([...ningxia, '- 海外站点：AWS法兰克福区域，服务欧洲客户']).includes('aws-china-partition'));
  });

  it('reads real-name registration (劳务实名制) as personal data; head counts of staff alone are not', () => {
    assert.ok(understood(['[客户行业]：建筑业', '[当前痛点]：', '- 工人实名制和工资代发靠劳务公司报表']).data.has('personal'));
    assert.ok(!understood(['[客户行业]：建筑业', '- 业务规模：', '  - 员工约3000人', '[当前痛点]：', '- 工资代发靠劳务公司报表']).data.has('personal'));
  });

  it("reads a car dealer group as a dealer, not a carmaker: its group platform for core system, no MES; a carmaker's dealer-group segment likewise", () => {
    for (const industry of ['汽车经销', '4S集团']) {
      const u = understood([`[客户行业]：${industry}`, '- 细分领域：汽车经销商集团，代理12个品牌']);
      assert.equal(u.model.industry.id, 'auto-dealer', industry);
      assert.equal(u.model.coreSystem.category, 'dealer-group', industry);
      assert.ok(u.data.has('personal'), industry);
    }
    const maker = understood(['[客户行业]：汽车', '- 细分领域：经销商集团，85家4S店']);
    // A carmaker's after-sales network of 4S stores makes it no dealer group.
    assert.equal(understood(['[客户行业]：汽车制造', '- 细分领域：新能源整车厂，售后服务网络覆盖全国600家4S店']).model.industry.subIndustry, undefined);
    assert.deepEqual([maker.model.industry.id, maker.model.coreSystem.category, maker.model.coreSystem.basis], ['automotive', 'dealer-group', 'segment']);
  });

  it('counts "85家4S店" as 85 stores, not 4', () => {
    const figures = understood(['[客户行业]：汽车经销', '- 业务规模：', '  - 85家4S店，分布在6个省']).model.scale.figures;
    assert.deepEqual(figures.map((f) => [f.value, f.text]), [[85, '85家4S店'], [6, '分布在6个省']]);
    // A bare number first is a name, not a count of what follows it.
    const hotline = understood(['[客户行业]：政府', '- 业务规模：', '  - 12345热线年受理量约180万件']).model.scale.figures;
    assert.ok(!hotline.some((f) => f.value === 12345), JSON.stringify(hotline));
  });

  it("answers a dealer group's DMS with the dealer rules, and a consumer-goods maker's distributor DMS with none of them", () => {
    const fired = (lines: string[]) => {
      const u = understood(lines);
      const applicable = applicableRegulation(u).applicable;
      return evaluateRules(u.facts, getKnowledgeBase().rules, undefined, (rule) => inContext(rule, u, applicable)).map((h) => h.rule.id);
    };
    const dealer = ['dealer-group-platform', 'dealer-dms-access-risk', 'dealer-survey'];
    const group = fired(['[客户行业]：汽车经销', '- 细分领域：汽车经销商集团', '[核心目标]：', '- 主要目标：建设集团经营管理平台，汇总各品牌DMS数据']);
    for (const id of dealer) assert.ok(group.includes(id), id);
    const goods = fired(['[客户行业]：快消', '- 细分领域：食品饮料品牌', '[核心目标]：', '- 主要目标：建设渠道管理平台，汇总各经销商DMS数据']);
    for (const id of dealer) assert.ok(!goods.includes(id), id);
    // The brand's channel platform is the brand's, not the dealer group's.
    assert.ok(goods.includes('channel-dms-sfa'));
    assert.ok(!group.includes('channel-dms-sfa'));
  });

  it('reads a segment that refines the industry written (医药 → 医药流通企业) as the more specific industry', () => {
    const distributor = understood(['[客户行业]：医药', '- 细分领域：医药流通企业（疫苗及冷链药品配送）']);
    assert.equal(distributor.model.industry.id, 'pharma-distribution');
    const regulators = applicableRegulation(distributor).regulations.filter((r) => r.kind === 'regulator').map((r) => r.name).join('、');
    assert.match(regulators, /药品监督管理局/);
    // A wholesaler delivering vaccines settles nothing with 医保; a pharmacy chain does.
    assert.doesNotMatch(regulators, /医疗保障局/);
    const pharmacy = understood(['[客户行业]：医药流通', '- 细分领域：零售连锁药房，医保定点门店380家']);
    assert.match(applicableRegulation(pharmacy).regulations.map((r) => r.name).join('、'), /医疗保障局/);
    // A segment of the same industry, or one that does not contain the header's words, changes nothing.
    assert.equal(understood(['[客户行业]：医药', '- 细分领域：生物制药（单抗原液与制剂）']).model.industry.id, 'pharma');
    assert.equal(understood(['[客户行业]：零售', '- 细分领域：连锁药房以外的便利店连锁']).model.industry.id, 'retail-ecommerce');
  });

  it("reads a cold-chain monitoring goal as that platform beside the WMS the distributor keeps, and a server room's sensors as no cold chain", () => {
    const u = understood(['[客户行业]：医药流通', '- 细分领域：疫苗配送', '[基础设施现状]：', '- WMS：自研', '[核心目标]：', '- 主要目标：建设冷链全程温湿度监测平台', '- 次级目标：与WMS出库单和疫苗追溯码关联']);
    assert.deepEqual([u.model.coreSystem.category, u.model.coreSystem.inScope], ['wms', false]);
    assert.ok(u.model.statedSystems.some((s) => s.category === 'cold-chain-monitoring'), JSON.stringify(u.model.statedSystems));
    const room = understood(['[客户行业]：制造', '[核心目标]：', '- 主要目标：建设机房温湿度监测系统']);
    assert.notEqual(room.model.coreSystem.category, 'cold-chain-monitoring');
  });

  it('lists for a logistics customer only the regulators of the trade it names: post for parcels, customs at the border, CAAC for air cargo', () => {
    const regulators = (segment: string) => {
      const u = understood(['[客户行业]：物流', `- 细分领域：${segment}`]);
      assert.equal(u.model.industry.id, 'logistics', segment);
      return applicableRegulation(u).regulations.filter((r) => r.kind === 'regulator').map((r) => r.name);
    };
    const carrier = regulators('合同物流与城配（快消与家电客户）');
    assert.ok(carrier.includes('交通运输部'), carrier.join('、'));
    for (const name of ['国家邮政局', '海关总署', '中国民用航空局（航空货运）']) assert.ok(!carrier.includes(name), name);
    assert.ok(regulators('快递与同城配送').includes('国家邮政局'));
    assert.ok(!regulators('快递与同城配送').includes('海关总署'));
    assert.ok(regulators('跨境电商物流与报关').includes('海关总署'));
    assert.ok(regulators('集装箱码头').includes('海关总署'));
    assert.ok(!regulators('集装箱码头').includes('国家邮政局'));
    assert.ok(regulators('航空货运代理').includes('中国民用航空局（航空货运）'));
  });

  it('reads a drinks brand as consumer goods, not a retailer: its channel (DMS/SFA) the core system, no customs or payments regulator', () => {
    for (const industry of ['快消', '快消品（饮料）', '食品饮料']) {
      const u = understood([`[客户行业]：${industry}`, '- 细分领域：区域性饮料品牌，一级经销商约600家']);
      assert.equal(u.model.industry.id, 'consumer-goods', industry);
      assert.equal(u.model.coreSystem.category, 'dms-sfa', industry);
      const regulators = applicableRegulation(u).regulations.filter((r) => r.kind === 'regulator').map((r) => r.name).join('、');
      assert.doesNotMatch(regulators, /海关|人民银行/, industry);
    }
    // A brand that sells in its own stores is still a retailer.
    assert.equal(understood(['[客户行业]：品牌零售', '- 细分领域：服装连锁门店']).model.industry.id, 'retail-ecommerce');
  });

  it("reads a developer as its own industry: its platform the core, its 招采 no SRM, its buyers' records personal data", () => {
    const fired = (lines: string[]) => {
      const u = understood(lines);
      const applicable = applicableRegulation(u).applicable;
      return { u, ids: evaluateRules(u.facts, getKnowledgeBase().rules, undefined, (rule) => inContext(rule, u, applicable)).map((h) => h.rule.id) };
    };
    for (const industry of ['房地产', '房地产开发']) {
      const { u, ids } = fired([`[客户行业]：${industry}`, '- 细分领域：区域型房地产开发企业，住宅为主', '[核心目标]：', '- 主要目标：建设房地产业务一体化平台，覆盖投资拓展、成本、招采、营销和回款']);
      assert.equal(u.model.industry.id, 'real-estate', industry);
      assert.deepEqual([u.model.coreSystem.category, u.model.coreSystem.inScope], ['realestate-erp', true], industry);
      assert.ok(u.data.has('personal'), industry);
      assert.ok(ids.includes('realestate-platform'), industry);
      assert.ok(!ids.includes('srm-source-to-pay'), industry);
    }
    // A manufacturer's 招采 is still its SRM; a construction group's 目标成本 is not a developer's.
    assert.ok(fired(['[客户行业]：制造', '[核心目标]：', '- 主要目标：建设招采平台，询比价全程线上']).ids.includes('srm-source-to-pay'));
    const builder = fired(['[客户行业]：建筑业', '[当前痛点]：', '- 项目目标成本与动态成本月底才对得上', '- 售楼处的置业顾问']).ids;
    for (const id of ['realestate-dynamic-cost', 'realestate-sales-office']) assert.ok(!builder.includes(id), id);
  });

  it("reads an industrial park's developer and operator as a developer whose core is the park platform, not a telecom operator (运营商)", () => {
    for (const [industry, segment] of [['地产', '产业园区开发运营商'], ['产业园区', '科技园运营'], ['房地产', '产业园区开发运营商']]) {
      const u = understood([`[客户行业]：${industry}`, `- 细分领域：${segment}`, '- 业务规模：', '  - 运营产业园区8个，入驻企业约1200家', '[核心目标]：', '- 主要目标：建设智慧园区运营平台，打通招商租赁、物业服务和园区设施']);
      assert.equal(u.model.industry.id, 'real-estate', industry);
      assert.equal(u.model.industry.subIndustry, '产业园区开发运营', industry);
      assert.deepEqual([u.model.coreSystem.category, u.model.coreSystem.inScope], ['park-operations', true], industry);
      // Parks are sites, counted where the profile names them.
      assert.equal(u.model.scale.sites, 8, industry);
    }
    // A developer that builds homes keeps its development platform for core system.
    assert.equal(understood(['[客户行业]：地产', '- 细分领域：区域型住宅开发']).model.coreSystem.category, 'realestate-erp');
  });

  it("answers a park's energy with building metering and its rent and requests with the park rules, not a plant's or a property manager's", () => {
    const fired = (lines: string[]) => {
      const u = understood(lines);
      const applicable = applicableRegulation(u).applicable;
      return evaluateRules(u.facts, getKnowledgeBase().rules, undefined, (rule) => inContext(rule, u, applicable)).map((h) => h.rule.id);
    };
    const park = fired(['[客户行业]：地产', '- 细分领域：产业园区开发运营商', '[当前痛点]：', '- 能耗只能按月抄表，公共区域能耗居高不下', '[核心目标]：', '- 主要目标：建设智慧园区运营平台，打通招商租赁、物业服务和园区设施', '- 次级目标：设备设施统一接入与能耗监测', '- 成功标尺：租金收缴率达到98%']);
    for (const id of ['park-operations-platform', 'park-rent-collection', 'park-subsystem-integration', 'park-energy-metering']) assert.ok(park.includes(id), id);
    for (const id of ['plant-energy-metering', 'property-fee-collection', 'telecom-bss-streaming']) assert.ok(!park.includes(id), id);
    const plant = fired(['[客户行业]：制造', '[当前痛点]：', '- 只有总表，能耗按月抄表', '[核心目标]：', '- 主要目标：建设能源管理系统，能耗在线监测']);
    assert.ok(plant.includes('plant-energy-metering'));
    assert.ok(!plant.includes('park-energy-metering'));
  });

  it('reads a smart-site goal as the smart-site platform beside the project management system the group keeps', () => {
    const u = understood(['[客户行业]：建筑业', '- 细分领域：省属建工集团，房建和市政工程', '[基础设施现状]：', '- 关键组件：', '  - 项目管理：广联达', '  - 财务：浪潮GS', '[核心目标]：', '- 主要目标：建设集团智慧工地平台，所有在建工地一年内接入']);
    assert.deepEqual([u.model.coreSystem.category, u.model.coreSystem.inScope], ['smart-site', true]);
    assert.deepEqual(u.model.estate.products.map((p) => [p.product, p.categories]), [['glodon-pm', ['construction-pm']], ['inspur-gs-cloud', ['erp', 'fssc-platform', 'treasury-management']]]);
  });

  it("reads a design institute as construction's design segment: its collaboration platform the core, and no migrant-wage rules", () => {
    const regulation = (lines: string[]) => {
      const u = understood(lines);
      const r = applicableRegulation(u);
      return { u, names: r.regulations.map((x) => x.name), applicable: r.applicable };
    };
    const institute = regulation(['[客户行业]：建筑业', '- 细分领域：甲级建筑工程设计院', '[核心目标]：', '- 主要目标：建设协同设计与图档管理平台，实现多专业BIM协同和电子校审出图']);
    assert.deepEqual([institute.u.model.coreSystem.category, institute.u.model.coreSystem.inScope, institute.u.model.industry.subIndustry], ['design-collab', true, '工程勘察设计']);
    assert.ok(!institute.applicable.has('migrant-wage-payment'));
    assert.ok(!institute.names.some((n) => n.includes('农民工')), institute.names.join('、'));
    assert.ok(institute.names.includes('住房和城乡建设部'));
    // Named by the intake, the regulation applies all the same; a contractor's is brought in.
    assert.ok(regulation(['[客户行业]：建筑业', '- 细分领域：设计院', '[特殊要求]：', '- 合规性：保障农民工工资支付条例']).applicable.has('migrant-wage-payment'));
    const contractor = regulation(['[客户行业]：建筑业', '- 细分领域：建筑设计与工程总承包', '[核心目标]：', '- 主要目标：建成统一的企业文档管理平台']);
    assert.ok(contractor.applicable.has('migrant-wage-payment'));
    assert.ok(contractor.names.includes('人力资源和社会保障部（农民工工资支付）'));
  });

  it('reads a charging operator as the charging segment of energy, before a 新能源 plant', () => {
    const operator = understood(['[客户行业]：能源', '- 细分领域：新能源汽车充电站运营', '[核心目标]：', '- 主要目标：优化运营效率']);
    assert.deepEqual([operator.model.coreSystem.category, operator.model.industry.subIndustry], ['ev-charging', '充电运营']);
    assert.ok(!operator.traits.has('power-sector'));
    assert.ok(applicableRegulation(operator).regulations.some((r) => r.name === '市场监督管理部门（充电桩计量检定）'));
    const plant = understood(['[客户行业]：能源', '- 细分领域：新能源发电，风电与光伏场站']);
    assert.equal(plant.model.coreSystem.category, 'scada-ems');
    assert.ok(!applicableRegulation(plant).regulations.some((r) => r.name.includes('充电桩')));
  });

  it("answers a testing company's LIMS with the laboratory rules, a drug maker's with its own, and signs neither's reports on a signing platform", () => {
    const fired = (lines: string[]) => {
      const u = understood(lines);
      const applicable = applicableRegulation(u).applicable;
      return evaluateRules(u.facts, getKnowledgeBase().rules, undefined, (rule) => inContext(rule, u, applicable)).map((h) => h.rule.id);
    };
    const lab = fired(['[客户行业]：检验检测', '- 细分领域：第三方检测机构，8个实验室', '[核心目标]：', '- 主要目标：上线LIMS，电子原始记录和报告电子签章']);
    for (const id of ['lab-lims', 'lims-instrument-risk', 'lims-survey']) assert.ok(lab.includes(id), id);
    for (const id of ['pharma-lims', 'esign-platform', 'esign-availability-risk', 'esign-survey']) assert.ok(!lab.includes(id), id);
    const pharma = fired(['[客户行业]：制药', '- 细分领域：化学药QC实验室', '[核心目标]：', '- 主要目标：上线LIMS，仪器数据直连']);
    assert.ok(pharma.includes('pharma-lims'));
    for (const id of ['lab-lims', 'lims-instrument-risk', 'lims-survey']) assert.ok(!pharma.includes(id), id);
  });

  it('takes a system the segment names and a goal builds for the project to build, not one to keep or replace', () => {
    const u = understood(['[客户行业]：政府', '- 细分领域：地级市城市运行管理中心', '[核心目标]：', '- 主要目标：两年内建成城市运行管理中心（一网统管）']);
    assert.equal(u.model.coreSystem.category, 'city-operations');
    assert.equal(u.model.coreSystem.inScope, true);
    assert.deepEqual(u.model.coreSystem.refs, [4]);
  });

  it('reads a drug distributor as its own industry, not a drug maker', () => {
    assert.equal(group().model.industry.id, 'pharma-distribution');
  });

  it('takes HR and OA for the project\'s systems in any industry, and OA信创替代 for a replacement', () => {
    const u = group();
    assert.equal(u.model.coreSystem.category, 'oa');
    assert.equal(u.model.coreSystem.inScope, true);
    assert.equal(u.model.coreSystem.replaces, true);
    assert.deepEqual(u.model.statedSystems.map((s) => s.category), ['hcm']);
  });

  it('counts the staff once: the figures after 其中 are parts of it', () => {
    assert.equal(group().model.scale.internalUsers, 14_000);
  });

  it('counts the staff once: a group named after the whole staff is a part of it, without 其中 too', () => {
    const staff = (...lines: string[]) => understood(['[客户行业]：制造业', '- 业务规模：', ...lines.map((l) => `  - ${l}`)]).model.scale.internalUsers;
    assert.equal(staff('员工约7000人，研发与工艺人员约1200人'), 7000);
    assert.equal(staff('员工约7000人', '研发与工艺人员约1200人'), 7000, 'on the next line too');
    // Each the staff of a place: they add up.
    assert.equal(staff('门店员工约3000人，总部员工约500人'), 3500);
    // Groups with no whole staff given: they add up, as before.
    assert.equal(staff('医护人员约2000人，行政人员约300人'), 2300);
  });

  it("reads the people who work in a landlord's parks for its end users, not its staff", () => {
    const scale = (segment: string, ...lines: string[]) => understood(['[客户行业]：地产', `- 细分领域：${segment}`, '- 业务规模：', ...lines.map((l) => `  - ${l}`)]).model.scale;
    const park = scale('产业园区开发运营商', '运营产业园区8个，总建筑面积约160万平方米', '入驻企业约1200家，园区员工约8万人');
    assert.equal(park.internalUsers, undefined, "the tenants' 8万 staff are not the operator's");
    assert.equal(park.figures.find((f) => f.text === '园区员工约8万人')?.occupants, true);
    assert.equal(park.figures.find((f) => f.text === '运营产业园区8个')?.occupants, undefined);
    // Its own staff, where the intake gives them, are its head count.
    assert.equal(scale('产业园区开发运营商', '入驻企业约1200家，园区员工约8万人，公司员工约450人').internalUsers, 450);
    // The operator's own team and people at its parks stay staff.
    assert.equal(scale('产业园区开发运营商', '入驻企业约1200家，园区运营团队员工约300人').internalUsers, 300);
    assert.equal(scale('产业园区开发运营商', '入驻企业约1200家，园区工作人员约200人').internalUsers, 200);
    // The tenants' staff whatever the customer says of itself; the parks' and the buildings' where it lets them.
    assert.equal(scale('写字楼', '入驻企业员工约2万人').internalUsers, undefined);
    assert.equal(scale('写字楼', '租户约300家，楼宇内办公人员约2万人').internalUsers, undefined);
    // A company that lets nothing: its campus staff are its staff.
    const plant = understood(['[客户行业]：制造业', '- 业务规模：', '  - 园区员工约5000人']).model.scale;
    assert.deepEqual([plant.internalUsers, plant.figures[0]!.occupants], [5000, undefined]);
  });

  it("judges a landlord's size by what it runs, its floor area, tenants and the people in its parks, not by a head count", () => {
    const size = (...lines: string[]) => understood(['[客户行业]：地产', '- 细分领域：产业园区开发运营商', '- 业务规模：', ...lines.map((l) => `  - ${l}`)]).model.scale.size;
    assert.equal(size('运营产业园区8个，总建筑面积约160万平方米'), 'large', 'a million square metres and more');
    assert.equal(size('运营产业园区8个，入驻企业约1200家'), 'large', 'a thousand tenant companies and more');
    assert.equal(size('运营产业园区8个，园区员工约8万人'), 'large', '50,000 people working in its parks and more');
    assert.equal(size('运营产业园区2个，总建筑面积约12万平方米', '入驻企业约150家，园区员工约6000人'), 'mid');
    // Less than a million square metres makes no large operator by itself.
    assert.equal(understood(['[客户行业]：制造业', '- 业务规模：', '  - 员工约800人，成品仓面积合计约18万平方米']).model.scale.size, 'mid');
  });

  it('reads what a component runs under, for each of a list ("运行在A与B上")', () => {
    const serves = Object.fromEntries(group().model.estate.products.map((p) => [p.name, p.serves]));
    assert.equal(serves['Windows Server'], '泛微 e-cology');
    assert.equal(serves['SQL Server'], '泛微 e-cology');
    assert.equal(serves['泛微 e-cology'], undefined);
  });

  it('retires what runs under the replaced OA with it, and asks no upgrade window for it', () => {
    const l = lifecycleFindings(group());
    const windows = l.find((x) => x.family === 'windows-server')!;
    assert.equal(windows.retiresWith, '泛微 e-cology 8.0');
    assert.match(windows.upgrade, /^随泛微 e-cology 8\.0下线/);
  });

  it('reads a 信创 requirement named by its field ("- 信创要求：国产操作系统、数据库与中间件") as full 信创', () => {
    const u = group('[预算限制]：', '- 采购偏好：', '  - 信创要求：国产操作系统、数据库与中间件，私有化部署');
    assert.ok(u.constraintKinds.has('xinchuang-full'));
    const preferred = group('[预算限制]：', '- 采购偏好：', '  - 信创要求：国产数据库优先');
    assert.ok(!preferred.constraintKinds.has('xinchuang-full'));
  });
});

describe('understand: what an upgrade leads to is not the estate', () => {
  it('reads "计划2027年升级S/4HANA" as a plan, not a system the customer runs', () => {
    const u = understood(['[客户行业]：制造', '[基础设施现状]：', '- 关键组件：', '  - ERP：SAP ECC 6.0（计划2027年升级S/4HANA）']);
    const ids = u.model.estate.products.map((p) => p.product ?? p.family);
    assert.ok(!ids.includes('sap-s4hana'), ids.join(','));
    assert.ok(u.upgradeTargets.has('sap-s4hana'));
    // What was done is what runs.
    const done = understood(['[客户行业]：制造', '[基础设施现状]：', '- 关键组件：', '  - ERP：去年已升级S/4HANA']);
    assert.ok(done.model.estate.products.some((p) => p.product === 'sap-s4hana'));
  });
});

describe('understand: a campus network rebuild', () => {
  it('reads a goal to rebuild the campus network as the network rule does: the trait and its pattern (a copy in rules.yaml) agree', () => {
    const goal = goalIn('[客户行业]：医疗', '- 细分领域：三级甲等综合医院，一院三区');
    assertTraitAgreesWithRule('campus-network', 'campus-network-refresh', goal, ['12个月内完成三院区园区网络改造，核心双活、无线全覆盖', '校园网升级', '厂区网络重建', '病房无线全覆盖', '核心交换机双活', '上线新HIS', '网络安全等级保护']);
  });

  it('counts a hospital\'s "一院三区" as three campuses', () => {
    assert.equal(understood(['[客户行业]：医疗', '- 细分领域：三级甲等综合医院，一院三区']).model.scale.sites, 3);
  });
});

describe('understand: an office 信创 replacement', () => {
  const intake = (...lines: string[]) => understood(['[客户行业]：交通运输', '- 细分领域：省属高速公路集团', ...lines]);

  it('reads a goal or pain to replace the office PCs and software as the programme rule does: the trait and its pattern (a copy in rules.yaml) agree', () => {
    const goal = (text: string) => intake('[核心目标]：', `- 主要目标：${text}`);
    const readings = ['2027年底前完成全集团办公终端、邮件和办公软件的信创替代', '推进信创办公', '全部电脑信创替代', '全部更换信创电脑', '数据库国产化替代', '上线新ERP', '统一办公平台'];
    // The email alone, a replacement under way elsewhere, domestic PCs among the estate: no office programme.
    const notIt = ['一年内完成邮件系统信创替代', '邮箱系统国产化', '办公终端正在换信创电脑，两套操作系统并存', '办公终端已全部换成信创电脑', 'Windows与信创终端统一管理'];
    assertTraitAgreesWithRule('office-xinchuang', 'office-xinchuang-programme', goal, [...readings, ...notIt]);
    for (const text of notIt) assert.ok(!goal(text).traits.has('office-xinchuang'), text);
    assert.ok(goal('全部更换信创电脑').traits.has('office-xinchuang'));
    const pain = intake('[当前痛点]：', '- 国资委要求2027年底前完成办公系统信创替代，目前进度不到10%');
    assert.ok(pain.traits.has('office-xinchuang'));
  });

  it('reads a goal to replace the email system, with the office PCs or alone; not a move of the mailboxes to a newer version', () => {
    const goal = (text: string) => intake('[核心目标]：', `- 主要目标：${text}`);
    for (const text of ['一年内完成邮件系统信创替代', '邮箱系统国产化', 'Exchange替换为国产邮件系统', '2027年底前完成全集团办公终端、邮件和办公软件的信创替代']) assert.ok(goal(text).traits.has('email-replacement'), text);
    for (const text of ['迁移全部邮箱到Exchange 2019', '邮件归档保留5年', '上线新ERP']) assert.ok(!goal(text).traits.has('email-replacement'), text);
    // A pain is a reason, not the project.
    assert.ok(!intake('[当前痛点]：', '- 邮件系统国产化进度落后').traits.has('email-replacement'));
  });

  it('reads "CPU、操作系统、办公软件、邮件全部国产" and "党政机关同等要求" as full 信创, said once beside a goal that finishes a 信创替代', () => {
    for (const value of ['CPU、操作系统、办公软件、邮件全部国产', '党政机关同等要求', '必须信创']) {
      const u = intake('[核心目标]：', '- 主要目标：2027年底前完成办公终端的信创替代', '[特殊要求]：', `- 信创要求：${value}`);
      assert.ok(u.constraintKinds.has('xinchuang-full'), value);
      assert.ok(u.constraintKinds.has('xinchuang-preferred'), value);
      assert.deepEqual(u.model.constraints.filter((c) => c.kind.startsWith('xinchuang')).map((c) => c.kind), ['xinchuang-full'], value);
    }
    // One layer is a partial requirement, not full 信创.
    assert.ok(!intake('[特殊要求]：', '- 信创要求：数据库全部国产').constraintKinds.has('xinchuang-full'));
  });

  it('counts servers, not the office PCs ("约6500台Windows 10台式机和笔记本") nor the 10台 of "Windows 10台式机"', () => {
    const nodes = (...lines: string[]) => intake('[基础设施现状]：', ...lines).model.estate.nodes;
    assert.equal(nodes('- 终端：约6500台Windows 10台式机和笔记本'), undefined);
    assert.equal(nodes('- 办公设备：约3400台台式机和图形工作站'), undefined);
    assert.equal(nodes('- 私有云：服务器约40台', '- 终端：约6500台Windows 10台式机'), 40);
  });

  it('takes away, not upgrades, the Windows, Office and Exchange it replaces; the servers it keeps are still upgraded', () => {
    const u = intake('[核心目标]：', '- 主要目标：完成办公终端、邮件和办公软件的信创替代', '[基础设施现状]：', '- 关键组件：', '  - 邮件：Exchange Server 2013', '  - 终端：Windows 10、Office 2016', '  - 目录：Active Directory（Windows Server 2012 R2）');
    const found = lifecycleFindings(u);
    assert.deepEqual(found.filter((l) => l.replaced).map((l) => l.family).sort(), ['exchange-server', 'microsoft-office', 'windows-client']);
    assert.ok(found.some((l) => l.family === 'windows-server' && !l.replaced));
    // Without the replacement, Windows 10 is upgraded as before.
    const plain = lifecycleFindings(intake('[基础设施现状]：', '- 关键组件：', '  - 终端：Windows 10'));
    assert.ok(plain.some((l) => l.family === 'windows-client' && !l.replaced));
  });
});

describe('understand: a pharmacy chain replacing its store system', () => {
  const chain = () =>
    understood([
      '[客户行业]：零售连锁药房',
      '- 细分领域：区域连锁药店，直营门店420家，其中医保定点门店380家，DTP药房12家',
      '[当前痛点]：',
      '- 门店系统为海典H2，版本老旧',
      '[基础设施现状]：',
      '- 关键组件：',
      '  - 数据库：Oracle 11g（门店系统），MySQL 5.7（小程序），Kafka 2.8（10 broker节点）',
      '[核心目标]：',
      '- 主要目标：12个月内完成门店系统替换',
    ]);

  it('counts the stores once: the counts after 其中 are parts of them', () => {
    assert.equal(chain().model.scale.sites, 420);
  });

  it('takes the store system for the core system the project replaces', () => {
    const core = chain().model.coreSystem;
    assert.deepEqual([core.category, core.inScope, core.replaces], ['pos', true, true]);
  });

  it('keeps the words in brackets that name a kind of system, not a cluster\'s size', () => {
    const written = Object.fromEntries(chain().model.estate.products.map((p) => [p.name, p.servesWritten]));
    assert.equal(written['Oracle Database'], '门店系统');
    assert.ok('Apache Kafka' in written);
    assert.equal(written['Apache Kafka'], undefined);
  });

  it('retires the database of the store system with it', () => {
    const oracle = lifecycleFindings(chain()).find((l) => l.family === 'oracle-db')!;
    assert.equal(oracle.retiresWith, '海典H2');
    const mysql = lifecycleFindings(chain()).find((l) => l.family === 'mysql')!;
    assert.equal(mysql.retiresWith, undefined);
  });
});

describe('understand: a maker replacing its sales CRM', () => {
  const maker = (...more: string[]) =>
    understood([
      '[客户行业]：工业自动化设备制造',
      '- 细分领域：PLC与伺服产品，直销加经销',
      '- 业务规模：',
      '  - 用户量：销售与售前约900人',
      '[核心目标]：',
      '- 主要目标：12个月内替换Salesforce，上线国内CRM与经销商门户',
      ...more,
    ]);

  it('takes a CRM for the project\'s system in any industry, and its sales people for its users', () => {
    const u = maker();
    assert.deepEqual([u.model.coreSystem.category, u.model.coreSystem.inScope, u.model.coreSystem.replaces], ['sales-crm', true, true]);
    assert.equal(u.model.scale.internalUsers, 900);
  });

  it('reads "数据存储在境内" as data that stays in the country', () => {
    assert.ok(maker('[预算限制]：', '- 采购偏好：接受SaaS，数据存储在境内').constraintKinds.has('data-in-country'));
  });
});

describe('understand: a suite is run as the kind of system its line names', () => {
  it('runs 浪潮GS Cloud under "ERP：" as an ERP only, and a suite named under no such key as everything it is', () => {
    const estate = (line: string) => understood(['[客户行业]：能源', '[基础设施现状]：', '- 关键组件：', `  - ${line}`]).model.estate.products;
    assert.deepEqual(estate('ERP：浪潮GS Cloud（财务）').find((p) => p.product === 'inspur-gs-cloud')?.categories, ['erp']);
    assert.deepEqual(estate('财务软件：浪潮GS Cloud').find((p) => p.product === 'inspur-gs-cloud')?.categories, ['erp', 'fssc-platform', 'treasury-management']);
  });
});

describe('understand: the kinds of data an industry holds (industries.yaml `data`)', () => {
  it('reads them from the industry, whatever the lines say, and adds what the lines say', () => {
    const kinds = (lines: string[]) => [...understood(lines).data].sort();
    assert.deepEqual(kinds(['[客户行业]：养老服务', '- 细分领域：连锁养老机构']), ['health', 'personal']);
    assert.deepEqual(kinds(['[客户行业]：银行', '- 细分领域：城市商业银行']), ['financial']);
    assert.deepEqual(kinds(['[客户行业]：制造业', '- 细分领域：家电制造']), []);
    // The lines add their own: a manufacturer's SCADA is production control.
    assert.deepEqual(kinds(['[客户行业]：制造业', '[基础设施现状]：', '- 关键组件：SCADA']), ['production-control']);
    for (const industry of getKnowledgeBase().industries) for (const kind of industry.data ?? []) assert.ok(['personal', 'health', 'cardholder', 'financial', 'student', 'production-control', 'gmp'].includes(kind), `${industry.id}: ${kind}`);
  });
});

describe('understand: compliance rules the knowledge base does not know', () => {
  it('keeps a rule named in 《》 or as a clause ending in 办法/规定/要求/规范/标准, as written, with its line', () => {
    const u = understood(['[客户行业]：三甲医院', '[特殊要求]：', '- 合规性：互联网诊疗管理办法（试行），等保2.0三级，个人信息保护法', '- 审计要求：满足《电信和互联网用户个人信息保护规定》，国资委信息化监管要求']);
    assert.deepEqual(u.statedRules, [
      { name: '互联网诊疗管理办法（试行）', refs: [3] },
      { name: '《电信和互联网用户个人信息保护规定》', refs: [4] },
      { name: '国资委信息化监管要求', refs: [4] },
    ]);
    // Those it knows stay frameworks, not repeated as rules.
    assert.ok(u.statedFrameworks.has('pipl') && u.statedFrameworks.has('mlps-2'));
  });

  it('reads no rule in a generic clause, an aside, a denial, a known framework or a line that is not about compliance', () => {
    const u = understood([
      '[客户行业]：装备制造',
      '[特殊要求]：',
      '- 合规性：信创要求（数据库国产化），行业监管要求，符合国家相关法律法规要求，等保2.0三级相关要求，不适用上市公司信息披露管理办法',
      '- 兼容性：接口符合集团数据交换规范',
    ]);
    assert.deepEqual(u.statedRules, []);
  });

  it('keeps a policy document named as a title (关于…的指导意见, 关于…的通知, …管理指引)', () => {
    const u = understood([
      '[客户行业]：能源集团',
      '[特殊要求]：',
      '- 合规性：国资委关于推动中央企业加快司库体系建设的指导意见，等保2.0三级，银行业金融机构信息科技风险管理指引',
      '- 监管要求：按照财政部关于全面推进管理会计体系建设的通知',
    ]);
    assert.deepEqual(u.statedRules, [
      { name: '国资委关于推动中央企业加快司库体系建设的指导意见', refs: [3] },
      { name: '银行业金融机构信息科技风险管理指引', refs: [3] },
      { name: '财政部关于全面推进管理会计体系建设的通知', refs: [4] },
    ]);
    assert.equal(ruleName('满足国务院办公厅关于加强个人信息保护的实施意见'), '国务院办公厅关于加强个人信息保护的实施意见');
  });

  it('reads no rule in an ordinary word ending in 意见, 通知 or 指引', () => {
    for (const clause of ['重大变更需征求监管部门意见', '上线前收集客户意见', '审计发现问题按审计部门处理意见整改', '关于整改的处理意见', '外部审计出具无保留审计意见', '收到监管通知后两周内完成整改', '按厂商提供的系统操作指引', '征求意见稿']) {
      assert.equal(ruleName(clause), undefined, clause);
    }
    const u = understood(['[客户行业]：城市商业银行', '[特殊要求]：', '- 合规性：重大变更需征求监管部门意见，处理意见48小时内反馈，客户意见纳入考核，等保2.0三级']);
    assert.deepEqual(u.statedRules, []);
  });

  it('takes the rule out of a bracket a comma cut, and drops the verb in front: "（…，按企业内部控制基本规范）"', () => {
    assert.equal(ruleName('按企业内部控制基本规范）'), '企业内部控制基本规范');
    assert.equal(ruleName('需符合医保结算清单填写规范'), '医保结算清单填写规范');
    assert.equal(ruleName('上市公司内控审计（SOX 404不适用'), undefined);
  });

  it('lists them in the regulations as stated, after the known frameworks', () => {
    const u = understood(['[客户行业]：三甲医院', '[特殊要求]：', '- 合规性：互联网诊疗管理办法（试行），等保2.0三级']);
    const regs = applicableRegulation(u).regulations;
    const rule = regs.find((r) => r.name === '互联网诊疗管理办法（试行）');
    assert.deepEqual(rule, { kind: 'framework', name: '互联网诊疗管理办法（试行）', basis: 'stated', why: '调研表明确提出', refs: [3] });
    assert.ok(regs.findIndex((r) => r.id === 'mlps-2') < regs.indexOf(rule));
  });
});

describe('understand: the 等保 level the intake states (mlpsLevel.ts)', () => {
  const levelOf = (...values: string[]) => statedMlpsLevel(values.map((value) => ({ value })));
  it('reads 二级, 2级 and 第二级 after 等保 (and 三级, 四级), the highest where several are stated', () => {
    assert.equal(levelOf('安全：等保2.0二级'), '第二级');
    assert.equal(levelOf('等保2级测评'), '第二级');
    assert.equal(levelOf('通过等保第三级测评'), '第三级');
    assert.equal(levelOf('等保2.0四级与商用密码应用'), '第四级');
    assert.equal(levelOf('办公系统等保2.0二级', '核心系统等保三级'), '第三级');
    // Not a level of 等保: a second-tier unit, a level of another assessment, a level in another clause.
    assert.equal(levelOf('二级单位分布在全省11个地市', '互联互通测评四级甲等', '等保2.0，电子病历5级'), undefined);
  });

  it('is the one reading the trait mlps-3plus and the costs read', () => {
    const at = (level: string) => understood(['[客户行业]：制造', '[特殊要求]：', `- 合规性：等保2.0${level}`]);
    assert.equal(at('二级').mlpsLevel, '第二级');
    assert.ok(!at('二级').traits.has('mlps-3plus'));
    assert.ok(at('三级').traits.has('mlps-3plus') && at('四级').traits.has('mlps-3plus'));
    assert.equal(at('').mlpsLevel, undefined);
  });
});

describe('understand: systems that all run abroad (trait hosted-abroad)', () => {
  const estate = (...lines: string[]) => understood(['[客户行业]：零售', '- 细分领域：跨境电商', '[基础设施现状]：', ...lines]);
  it('holds for a public cloud in regions abroad only, a site at home keeping only what is left there', () => {
    assert.ok(estate('- 公有云：阿里云新加坡与法兰克福地域', '- 私有云：无，深圳总部机房仅保留财务与ERP服务器').traits.has('hosted-abroad'));
    assert.ok(estate('- 公有云：阿里云新加坡与法兰克福地域').traits.has('hosted-abroad'));
  });

  it('does not where a region, a site or an own data centre may run the systems in China', () => {
    assert.ok(!estate('- 公有云：阿里云杭州与新加坡地域').traits.has('hosted-abroad'));
    assert.ok(!estate('- 公有云：阿里云新加坡地域', '- 私有云：深圳总部机房，承载财务、ERP与WMS').traits.has('hosted-abroad'));
    assert.ok(!estate('- 公有云：阿里云新加坡地域', '- 私有云：本地机房VMware').traits.has('hosted-abroad'));
    // A cloud without a region named may be its China partition.
    assert.ok(!estate('- 公有云：Azure').traits.has('hosted-abroad'));
    assert.ok(!estate('- 私有云：深圳总部机房').traits.has('hosted-abroad'));
  });
});
