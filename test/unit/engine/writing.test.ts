/**
 * How the report reasons and reads, checked on the model's structure rather than on wording, on
 * every evaluation intake, every example and the seed's two filled intakes:
 * - 适用性分析 states each mechanism once and never points back at another point ("见上");
 * - POC acceptance is a measurable target of the customer's or what a POC of that kind of system
 *   proves — never a pain quoted back;
 * - a risk states the risk, its 应对 the response: no advice in the risk, nothing said twice;
 * - a kept system gets no alternative unless it covers only part of its type;
 * - a pick's reason is the customer's fact, a strength that speaks to what the customer wrote, or
 *   what the POC must prove — never a brochure line that fits anyone.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import type { Point, ReportModel } from '../../../src/core/engine/reportModel';
import { sharesWords } from '../../../src/core/engine/text/overlap';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { bodyOf, renderMarkdown } from '../../../src/core/render/markdown';
import { fixturesDir, listExamples, readExample, readFixture } from '../helpers/seeds';
import { AS_OF, evalReport } from './helpers';

const kb = getKnowledgeBase();

/** The evaluation intakes' names (test/fixtures/eval/<name>.intake). */
const EVAL = fs
  .readdirSync(path.join(fixturesDir(), 'eval'))
  .filter((f) => f.endsWith('.intake'))
  .map((f) => f.replace(/\.intake$/, ''))
  .sort();

/** Every report (not brief) the repository's intakes give: eval fixtures and examples (the seed's filled intakes are examples). */
function reports(): Array<{ name: string; model: ReportModel; body: string }> {
  const out: Array<{ name: string; model: ReportModel; body: string }> = [];
  for (const name of EVAL) {
    const { model, body } = evalReport(name);
    if (model.kind === 'report') out.push({ name: `eval/${name}`, model, body });
  }
  for (const name of listExamples()) {
    const file = parseIntake(readExample(name));
    file.intakes.forEach((_, i) => {
      const model = generateReport(file, i, { asOf: AS_OF });
      if (model.kind === 'report') out.push({ name: `examples/${name}#${i + 1}`, model, body: bodyOf(renderMarkdown(model, { refs: false })).replace(/\\/g, '') });
    });
  }
  return out;
}

const ALL = reports();

function points(model: ReportModel, section: string): Point[] {
  const flat = (p: Point): Point[] => [p, ...(p.children ?? []).flatMap(flat)];
  return (model.sections.find((s) => s.id === section)?.blocks ?? []).flatMap((b) => (b.kind === 'list' ? b.items.flatMap(flat) : []));
}

const textOf = (p: Point) => `${p.label ?? ''}：${p.text}`;

/** Clauses that open with an instruction: advice, which belongs in 应对. */
const ADVICE = /^(?:建议|请|先|应当|应(?!用)|需要|须在|改用|改为|核算|评估|升级到|迁移到|采用|部署|建立|制定|选用|提前|续约前|统一|逐项|把|与客户)/;
const clauses = (text: string) => text.split(/[，；。：,;:]/).map((c) => c.trim()).filter(Boolean);

/** What the customer wrote about itself, as the engine reads it. */
function customerText(model: ReportModel): string {
  const m = model.understanding;
  return [m.industry.written, m.industry.segment, m.mainGoal?.text ?? '', ...m.secondaryGoals.map((g) => g.text), ...m.pains.map((p) => p.text), ...m.integrations.map((i) => i.system), ...m.scale.figures.map((f) => f.text), ...m.estate.products.map((e) => e.written)].join('\n');
}

describe('report reasoning and writing (all intakes)', () => {
  it('covers the evaluation intakes, the examples and the seed', () => {
    assert.ok(ALL.length >= 15, `${ALL.length} reports`);
  });

  for (const { name, model, body } of ALL) {
    describe(name, () => {
      it('适用性分析: each mechanism once, no back-references, every answered need covered', () => {
        const fit = points(model, 'fit');
        const text = fit.map(textOf).join('\n');
        assert.ok(!/见上|同上|见前/.test(text), 'a point refers back to another');
        const summaries = new Map<string, string>();
        for (const n of model.plan!.needs) for (const m of n.mechanisms) summaries.set(m.rule, m.summary);
        for (const [rule, summary] of summaries) assert.ok(text.split(summary).length - 1 <= 1, `${rule} is stated more than once`);
        for (const n of model.plan!.needs.filter((x) => x.mechanisms.length > 0).slice(0, 8)) {
          assert.ok(
            fit.some((p) => n.refs.every((r) => p.refs.includes(r))),
            `need “${n.text}” (L${n.refs.join(',')}) has no point in 适用性分析`,
          );
        }
      });

      it('POC: accepted on a measurable target or on what the POC proves, never on a pain', () => {
        const poc = points(model, 'next-steps').find((p) => p.text.startsWith('用2–4周做POC'));
        if (!poc) return;
        // What a POC of a kind of system proves, or how a POC rule of the next steps runs it.
        const proofs = [...kb.categories.flatMap((c) => [c.proof, ...(c.scopes ?? []).map((x) => x.proof)]), ...kb.rules.filter((r) => r.section === '下一步建议' && /POC/i.test(r.summary)).map((r) => r.summary.replace(/^[^：]*POC：/i, ''))];
        const pains = model.plan!.needs.filter((n) => n.kind === 'pain' || n.kind === 'debt').map((n) => n.text);
        const rec = model.options.find((o) => o.recommended)!;
        for (const child of poc.children ?? []) {
          for (const pain of pains) assert.ok(!child.text.includes(pain), `POC accepted on a pain: ${child.text}`);
          // A target alone ("验收目标：影像调阅<3秒") leaves the reader asking what is tested against it.
          assert.ok(!child.text.startsWith('验收目标'), `POC item with a target and no test: ${child.text}`);
          const target = /验收目标/.test(child.text) && /\d/.test(child.text.slice(child.text.indexOf('验收目标')));
          const proof = proofs.some((x) => child.text.includes(x));
          if (target || proof) continue;
          // "按方案中所列的验证项比选": every system named said its proof in its pick's line.
          const named = rec.picks.filter((p) => (child.label ?? '').includes(p.categoryName));
          assert.ok(named.length > 0 && named.every((p) => p.basis === 'poc'), `POC item without a target or proof: ${textOf(child)}`);
        }
      });

      it('risks: the risk without advice, the 应对 without repeating it', () => {
        for (const r of model.risks) {
          for (const c of clauses(r.risk)) assert.doesNotMatch(c, ADVICE, `advice in the risk “${r.title}”: ${c}`);
          for (const c of clauses(r.mitigation).filter((x) => x.length >= 8)) assert.ok(!r.risk.includes(c), `“${r.title}” says “${c}” as risk and 应对`);
          assert.ok(!/（零停机）|要求零停机（/.test(r.risk), r.risk);
        }
      });

      it('asks the customer real questions', () => {
        const ask = points(model, 'next-steps').find((p) => p.text.startsWith('先与客户澄清'));
        for (const q of ask?.children ?? []) assert.match(q.text, /？$/, q.text);
        for (const c of model.clarifications) assert.match(c.question, /？/, c.question);
      });

      it('a kept system gets no alternative, unless it covers only part of its type', () => {
        for (const o of model.options) for (const p of o.picks) if (p.existing && p.alternative) assert.ok(p.alternative.scope, `${o.id}/${p.product.name}: alternative ${p.alternative.product.name} for a kept system`);
      });

      it('each reason rests on the customer, a strength that speaks to the customer, or the POC', () => {
        const corpus = customerText(model);
        for (const o of model.options) {
          for (const p of o.picks) {
            const product = kb.product(p.product.id)!;
            const first = p.why.replace(/^该类(?:暂无|未见)[^；]*；|^该云没有[^；]*；|^未见完全符合的产品[^；]*；/, '').split('；')[0]!;
            // The POC of the system's scope where the plan chose one (categories.yaml `scopes`).
            const scope = model.plan?.systems.find((s) => s.category === p.category)?.scope;
            const proof = kb.category(p.category)!.scopes?.find((x) => x.id === scope)?.proof ?? kb.category(p.category)!.proof;
            if (p.basis === 'poc') assert.ok(p.why.includes(proof), `${p.product.name}: ${p.why}`);
            else if (p.basis === 'product') {
              assert.ok(product.strength.includes(first), `${p.product.name}: “${first}” is not its strength`);
              assert.ok(sharesWords(first, corpus), `${p.product.name}: “${first}” does not speak to the intake`);
            } else assert.notEqual(first, product.strength.split(/[，。；]/)[0], `${p.product.name}: brochure line as a customer reason`);
          }
        }
      });

      it('the appendix sums up the understanding by names, with no engine id (keep-system, china-site…)', () => {
        const line = renderMarkdown(model, { refs: false }).split('\n').find((l) => l.startsWith('理解摘要：'));
        assert.ok(line, 'no 理解摘要 line');
        assert.doesNotMatch(line, /[a-z]+-[a-z0-9]/, line);
      });

      it('systems answered alike over the same protocols are one integration need', () => {
        const seen = new Map<string, string>();
        for (const n of model.plan?.needs.filter((x) => x.kind === 'integration') ?? []) {
          const protocols = n.text.endsWith('）') ? n.text.slice(n.text.indexOf('（')) : '';
          const key = `${protocols}|${n.mechanisms.map((x) => x.rule).join()}`;
          assert.ok(!seen.has(key), `“${seen.get(key)}” and “${n.text}” are answered alike`);
          seen.set(key, n.text);
        }
      });

      it('money reads plainly: no "每年…/年", a tight budget says both ends', () => {
        assert.doesNotMatch(body, /每年[^，；。\n]*\/年/);
        const b = model.costs?.budget;
        if (b?.verdict === 'tight') assert.match(b.statement, /下限[^。]*以内[^。]*上限超出/);
      });

      it('the budget margin or overrun adds up with the figures as shown', () => {
        const b = model.costs?.budget;
        // 估算¥1500–2490万，在预算¥4800万以内，上限仍留有约¥2310万 (not ¥2314万: 2490 is shown).
        const sentence = b?.statement.split('。')[0] ?? '';
        const estimate = /估算\D*([\d.]+)–([\d.]+)万/.exec(sentence);
        const total = /预算\D*([\d.]+)万/.exec(sentence);
        const gap = /约\D*([\d.]+)万(?:（\d+%）)?$/.exec(sentence);
        if (!b || !estimate || !total || !gap) return;
        const [low, high, budget, difference] = [estimate[1], estimate[2], total[1], gap[1]].map(Number) as [number, number, number, number];
        const shown = b.verdict === 'over' ? low : high;
        assert.ok(Math.abs(Math.abs(budget - shown) - difference) < 0.05, `${b.statement}: ${budget} − ${shown} is not ${difference}`);
      });

      it('an estimate under half the budget says it covers this plan only', () => {
        const b = model.costs?.budget;
        const sentence = b?.statement.split('。')[0] ?? '';
        const estimate = /估算\D*[\d.]+–([\d.]+)(万|亿)/.exec(sentence);
        const total = /预算\D*([\d.]+)(万|亿)/.exec(sentence);
        if (!b || !estimate || !total) return;
        const amount = (n: string, unit: string) => Number(n) * (unit === '亿' ? 10_000 : 1);
        const half = b.verdict === 'within' && amount(estimate[1]!, estimate[2]!) * 2 < amount(total[1]!, total[2]!);
        assert.equal(b.statement.endsWith('估算只含本方案推荐的系统，余量较大，宜与客户确认预算还覆盖哪些工作。'), half, b.statement);
      });
    });
  }
});

describe('report reasoning on the hospital intake', () => {
  const { model, body } = evalReport('hospital');
  const rec = model.options.find((o) => o.recommended)!;

  it('does not give the integration platform back to the vendor whose interface engine failed', () => {
    const platform = rec.picks.find((p) => p.category === 'his-integration')!;
    assert.notEqual(platform.product.id, 'winning-integration-platform');
    if (platform.alternative?.product.id === 'winning-integration-platform') assert.match(platform.alternative.why, /此前/);
    const history = model.risks.find((r) => r.source === 'history')!;
    assert.match(history.mitigation, /不再由/);
  });

  it('keeps 卫宁HIS, offers an EMR alternative only for the EMR, and asks who supplies the EMR', () => {
    const core = rec.picks.find((p) => p.category === 'his-emr')!;
    assert.ok(core.existing);
    assert.equal(core.alternative?.scope, 'EMR');
    assert.ok(model.clarifications.some((c) => c.topic === 'scope' && c.question.includes('EMR')));
  });

  it('accepts the integration platform’s POC on the customer’s own latency target', () => {
    const poc = points(model, 'next-steps').find((p) => p.text.startsWith('用2–4周做POC'))!;
    const platform = poc.children!.find((c) => (c.label ?? '').includes('医院信息集成平台'))!;
    assert.match(platform.text, /医嘱回传延迟.{0,2}5秒/);
  });

  it('quotes the zero-downtime statement as the customer wrote it, once', () => {
    const sla = model.risks.find((r) => r.code === 'intake.sla-conflict')!;
    assert.match(sla.risk, /“门急诊与住院核心业务零停机”/);
    assert.ok(!body.includes('（零停机）'));
  });

  it('values the staff the goal frees at a stated assumption', () => {
    const staff = model.costs!.benefits.find((b) => b.text.includes('6人降到3人'))!;
    assert.ok(staff.perYear && staff.perYear.low > 0);
    assert.match(staff.text, /假设/);
  });
});

describe('report reasoning on the example hospital (东软HIS 5.0 as a legacy system)', () => {
  const model = generateReport(parseIntake(readExample('hospital.intake')), 0, { asOf: AS_OF });
  const rec = model.options.find((o) => o.recommended)!;

  it('builds on the HIS the customer runs instead of selling a new HIS/EMR, and names it as the customer does', () => {
    const core = rec.picks.find((p) => p.category === 'his-emr')!;
    assert.ok(core.existing, `a new ${core.product.name} was picked over the customer's 东软HIS`);
    const estate = points(model, 'requirements').find((p) => p.label === '现状')!;
    assert.match(estate.text, /东软HIS 5\.0/);
    assert.doesNotMatch(estate.text, /（HIS\/EMR） 5\.0/);
  });

  it("accepts the storage POC on the imaging target only, not on the registration API's", () => {
    const poc = points(model, 'next-steps').find((p) => p.text.startsWith('用2–4周做POC'))!;
    const storage = poc.children!.find((c) => (c.label ?? '').includes('分布式文件存储'))!;
    assert.match(storage.text, /影像调阅/);
    assert.doesNotMatch(storage.text, /挂号/);
  });
});

describe('report reasoning on the cold-chain intake (examples/pipeline-2025-q3.intake#2)', () => {
  const model = generateReport(parseIntake(readExample('pipeline-2025-q3.intake')), 1, { asOf: AS_OF });
  const needs = model.plan!.needs;

  it('answers the main goal (温控异常告警<60秒) with a mechanism instead of asking what it means', () => {
    const main = needs.find((n) => n.kind === 'main-goal')!;
    assert.ok(main.mechanisms.some((m) => m.categories.includes('iot-platform')), JSON.stringify(main));
    assert.ok(!model.clarifications.some((c) => c.question.includes('温控异常告警')));
  });

  it('invents no pain from a product it names (分拨中心通过SD-WAN接入, TMS与WMS没有统一监控)', () => {
    assert.ok(!needs.some((n) => /链路抖动/.test(n.text)), needs.map((n) => n.text).join('\n'));
    const monitoring = points(model, 'fit').find((p) => /监控分散/.test(p.label ?? ''))!;
    assert.doesNotMatch(monitoring.text, /排线|TMS/);
  });

  it('does not say the self-built TMS stays while it picks a new one: it asks', () => {
    const tms = model.options.find((o) => o.recommended)!.picks.find((p) => p.category === 'tms')!;
    assert.ok(!tms.existing);
    assert.doesNotMatch(JSON.stringify(model.sections), /现有系统本期不替换|不替换现有TMS/);
    assert.ok(model.clarifications.some((c) => c.topic === 'scope' && /TMS.*保留.*替换/.test(c.question)));
  });

  it('works the benefit from the customer’s own loss (温控异常货损¥830万, 货损降低50%)', () => {
    assert.ok(model.costs!.benefits.some((b) => /货损¥830万/.test(b.text) && b.perYear !== undefined), JSON.stringify(model.costs!.benefits));
  });
});

describe('report reasoning on the city bank intake (examples/pipeline-2025-q3.intake#1)', () => {
  const model = generateReport(parseIntake(readExample('pipeline-2025-q3.intake')), 0, { asOf: AS_OF });
  const rec = model.options.find((o) => o.recommended)!;
  const needs = model.plan!.needs;

  it('sees the ESB as the bottleneck and offers a scalable service bus, not an aged core', () => {
    assert.ok(rec.picks.some((p) => p.category === 'ipaas-esb' && !p.existing), rec.picks.map((p) => p.category).join(', '));
    assert.ok(!needs.some((n) => /核心系统架构老化/.test(n.text)), needs.map((n) => n.text).join('\n'));
    assert.ok(!JSON.stringify(model.sections).includes('新核心投产前'));
  });

  it('answers the licence-cost goal and the manual releases, and reads 同城双活 as what the bank has', () => {
    const licence = needs.find((n) => /授权费用降低40%/.test(n.text))!;
    assert.ok(licence.mechanisms.length > 0);
    assert.ok(needs.find((n) => /手工发布/.test(n.text))!.mechanisms.length > 0);
    assert.ok(!needs.some((n) => n.text === '业务零停机'));
  });
});

describe('report reasoning on the city government intake (examples/government-cloud.intake)', () => {
  const model = generateReport(parseIntake(readExample('government-cloud.intake')), 0, { asOf: AS_OF });

  it('answers the patch baseline and the consolidation goal rather than asking about them', () => {
    for (const text of [/统一基线/, /整合率60%/]) assert.ok(model.plan!.needs.find((n) => text.test(n.text))!.mechanisms.length > 0, String(text));
    assert.ok(!model.clarifications.some((c) => /基线|整合率/.test(c.question)));
  });

  it('quotes each hard constraint without the item that follows it', () => {
    assert.deepEqual(model.understanding.constraints.map((c) => c.text), ['政务数据不上公有云', '预留信创替代（鲲鹏服务器与麒麟操作系统）']);
  });
});

describe('report reasoning on the aviation intake', () => {
  const model = generateReport(parseIntake(readExample('aviation.intake')), 0, { asOf: AS_OF });

  it('reads the named root cause (缺乏SD-WAN流量调度策略) as the cause of the latency symptom, not a second pain', () => {
    const pains = model.plan!.needs.filter((n) => n.kind === 'pain');
    assert.equal(pains.length, 1, pains.map((n) => n.text).join('\n'));
    assert.deepEqual(pains[0]!.refs, [11, 12]);
    assert.ok(pains[0]!.mechanisms.some((m) => m.rule === 'tcp-congestion-bbr'));
  });
});

describe('report reasoning across domains', () => {
  it('a wind-and-solar control centre is not offered a PV-only plant system', () => {
    const { model, body } = evalReport('energy');
    assert.equal(model.exclusions.find((e) => e.product.id === 'huawei-fusionsolar')?.kind, 'unsuited');
    assert.ok(!body.includes('FusionSolar'));
  });

  it('a Tier 1 automotive supplier gets a discrete manufacturer’s MES, not a process plant’s', () => {
    const mes = evalReport('manufacturing').model.options.find((o) => o.recommended)!.picks.find((p) => p.category === 'mes')!;
    assert.ok(!['hollysys-mes', 'supcon-mes'].includes(mes.product.id), mes.product.name);
  });

  it('weighs 鼎捷MES\'s weaker multi-plant template for a rollout to three plants, says it as the trade-off, and not to one plant', () => {
    const mesOf = (m: ReportModel) => m.options.find((o) => o.recommended)!.picks.find((p) => p.category === 'mes')!;
    const scoreOf = (m: ReportModel) => m.candidates.find((c) => c.product.id === 'digiwin-mes')?.score;
    const three = evalReport('manufacturing').model;
    assert.equal(mesOf(three).product.id, 'digiwin-mes');
    assert.match(mesOf(three).why, /客户要求的三厂统一上线，而其复杂多工厂模板能力弱于国际套件/);
    const one = generateReport(
      parseIntake(
        readFixture('eval/manufacturing')
          .replace('三个工厂（苏州、武汉、长春），多工厂MES统一建设', '苏州一个工厂')
          .replace('三个工厂各用一套MES（其中两套为自研）', '工厂现用一套自研MES')
          .replace('18个月内三厂上线统一MES', '18个月内上线新MES'),
      ),
      0,
      { asOf: AS_OF },
    );
    assert.equal(mesOf(one).product.id, 'digiwin-mes');
    assert.doesNotMatch(renderMarkdown(one), /多工厂模板|全球模板/);
    // One point less where three plants ask for it.
    assert.equal(scoreOf(three)! + 1, scoreOf(one));
  });

  it('only regulators of the customer’s segment: no 国家中医药管理局 for a general hospital', () => {
    const names = evalReport('hospital').model.regulations.map((r) => r.name);
    assert.ok(!names.includes('国家中医药管理局'));
    assert.ok(names.includes('国家卫生健康委员会'));
  });

  it('only what governs the project: a hospital’s network or backup answers to neither 医保局, 药监局 nor the 互联互通 assessment', () => {
    for (const name of ['campus-network', 'ransomware-backup']) {
      const regs = evalReport(name).model.regulations;
      const names = regs.map((r) => r.name);
      const ids = regs.map((r) => r.id);
      for (const off of ['国家医疗保障局', '国家药品监督管理局']) assert.ok(!names.includes(off), `${name}: ${off}`);
      assert.ok(!ids.includes('interop-maturity'), name);
      // The general authority and the generic frameworks stay; the EMR rating too, the intake names it.
      assert.ok(names.includes('国家卫生健康委员会'), name);
      for (const id of ['mlps-2', 'commercial-crypto-assessment', 'pipl', 'data-security-law', 'emr-rating']) assert.ok(ids.includes(id), `${name}: ${id}`);
      assert.equal(regs.find((r) => r.id === 'emr-rating')?.basis, 'stated', name);
    }
  });

  it('the hospital’s own systems keep their regulators: HIS/EMR, DRG, internet hospital, imaging AI', () => {
    const has = (name: string) => new Set(evalReport(name).model.regulations.map((r) => r.id ?? r.name));
    const hospital = has('hospital');
    for (const x of ['emr-rating', 'interop-maturity', '国家卫生健康委员会', '国家医疗保障局', '国家药品监督管理局']) assert.ok(hospital.has(x), `hospital: ${x}`);
    const drg = has('drg-payment');
    assert.ok(drg.has('国家医疗保障局') && drg.has('emr-rating') && !drg.has('国家药品监督管理局') && !drg.has('interop-maturity'));
    // 医保线上支付 and 电子处方与药品配送 are in its goals.
    const online = has('internet-hospital');
    assert.ok(online.has('国家医疗保障局') && online.has('国家药品监督管理局') && online.has('emr-rating'));
    // AI diagnosis software is a registered medical device.
    const imaging = has('regional-imaging');
    assert.ok(imaging.has('国家药品监督管理局') && imaging.has('interop-maturity') && !imaging.has('国家医疗保障局'));
  });

  it('a drug distributor’s HR and OA answer to neither GSP nor the 药监局 and 医保局; its stores’ POS does', () => {
    const oa = evalReport('hr-oa').model.regulations;
    assert.ok(!oa.some((r) => r.id === 'cn-gsp' || r.name.startsWith('国家药品监督管理局') || r.name.startsWith('国家医疗保障局')), oa.map((r) => r.name).join('、'));
    assert.ok(oa.some((r) => r.name === '国资委信息化监管要求'), 'what the intake names stays');
    const pos = evalReport('pharmacy').model.regulations;
    assert.ok(pos.some((r) => r.id === 'cn-gsp') && pos.some((r) => r.name.startsWith('国家药品监督管理局')) && pos.some((r) => r.name.startsWith('国家医疗保障局')));
  });

  it('the power monitoring rules bind a control-centre project, not a power group\'s treasury or its business databases', () => {
    const ids = (name: string) => evalReport(name).model.regulations.map((r) => r.id);
    assert.ok(ids('energy').includes('power-monitoring-security'));
    assert.ok(!ids('treasury').includes('power-monitoring-security'));
    assert.ok(!ids('database-replacement').includes('power-monitoring-security'));
  });

  it('a scope-bound regulator stays where the goals say its word or a line names it', () => {
    const regulators = (...lines: string[]) => {
      const intake = ['[客户行业]：医疗', '- 细分领域：三级甲等综合医院', '[当前痛点]：', '- 院区网络设备老化，核心交换机单点', '[核心目标]：', '- 主要目标：12个月内完成园区网络改造', ...lines, '[预算限制]：', '- 总预算：¥2000万'].join('\n');
      const model = generateReport(parseIntake(intake), 0, { asOf: AS_OF });
      assert.equal(model.kind, 'report');
      return model.regulations.map((r) => r.id ?? r.name);
    };
    const plain = regulators();
    assert.ok(plain.includes('国家卫生健康委员会') && plain.includes('mlps-2'), plain.join('、'));
    assert.ok(!plain.includes('国家医疗保障局') && !plain.includes('interop-maturity'), plain.join('、'));
    assert.ok(regulators('- 次级目标：医保结算终端全部接入新网络').includes('国家医疗保障局'));
    assert.ok(regulators('[特殊要求]：', '- 合规性：互联互通四级甲等').includes('interop-maturity'), 'named, it stays');
    assert.ok(regulators('[特殊要求]：', '- 监管：配合国家药品监督管理局的飞行检查').includes('国家药品监督管理局'), 'named, it stays');
  });

  it('a retailer’s learning platform answers to neither customs nor the central bank’s payment supervision', () => {
    const names = evalReport('employee-learning').model.regulations.map((r) => r.name);
    assert.ok(!names.includes('海关总署（跨境电商）') && !names.includes('中国人民银行（支付）'), names.join('、'));
    assert.ok(names.includes('国家市场监督管理总局'));
    assert.ok(evalReport('crossborder-seller').model.regulations.some((r) => r.name === '海关总署（跨境电商）'));
  });

  it('the SLA practice states the customer’s own downtime budget', () => {
    assert.match(evalReport('hospital').body, /99\.99%即每月约4\.4分钟/);
  });

  it('every 风险提示 rule of the knowledge base states a risk, not advice', () => {
    for (const r of kb.rules.filter((x) => x.section === '风险提示')) {
      for (const c of clauses(r.summary)) assert.doesNotMatch(c, ADVICE, `${r.id}: ${c}`);
      assert.ok(r.mitigation, `${r.id} has a mitigation`);
    }
  });
});

describe('benefits with no money to work from: the customer targets to track', () => {
  const benefits = (...goals: string[]) => {
    const intake = ['[客户行业]：化工', '- 细分领域：精细化工', '[核心目标]：', ...goals, '[预算限制]：', '- 总预算：¥800万'].join('\n');
    return generateReport(parseIntake(intake), 0, { asOf: AS_OF }).costs?.benefits.map((b) => b.text).join('\n') ?? '';
  };

  it('tracks a target of zero, after a target with a figure in the same goal', () => {
    assert.match(benefits('- 主要目标：建设安全生产信息化平台（EHS）', '- 成功标尺：通过省应急管理厅验收，安全事故为零'), /按客户自己的目标衡量：安全事故为零/);
    assert.match(benefits('- 主要目标：建设安全生产信息化平台（EHS）', '- 成功标尺：研发数据外泄事件为零，隐患整改周期缩短50%'), /隐患整改周期缩短50%/);
  });

  it('says a rate\'s target once, from the baseline a pain states for it', () => {
    const intake = ['[客户行业]：化工', '[当前痛点]：', '- 一次合格率约88%，返工多', '[核心目标]：', '- 主要目标：上线质量管理系统，一次合格率提升到95%', '- 成功标尺：一年内一次合格率提升到95%', '[预算限制]：', '- 总预算：¥800万'].join('\n');
    const text = generateReport(parseIntake(intake), 0, { asOf: AS_OF }).costs?.benefits.map((b) => b.text).join('\n') ?? '';
    assert.match(text, /一次合格率从88%提升到95%（提高7个百分点）。/);
    assert.equal(text.split('一次合格率').length - 1, 1, text);
    // No baseline, or one already past the target: the target as written.
    assert.match(benefits('- 主要目标：建设安全生产信息化平台（EHS），隐患整改率提升到95%'), /隐患整改率提升到95%/);
  });

  it('offers no thing the goal builds as a benefit, its aside in brackets or not', () => {
    assert.doesNotMatch(benefits('- 主要目标：建设安全生产信息化平台（EHS）'), /按客户自己的目标衡量/);
  });
});

describe('the recommended option and the budget', () => {
  it("recommends the other option when the better-scored one is over the budget at its low end beyond the estimate's precision", () => {
    const { model, body } = evalReport('field-service');
    const rec = model.options.find((o) => o.recommended)!;
    assert.equal(rec.id, 'A');
    assert.equal(rec.withinBudget, true);
    assert.notEqual(model.costs!.budget!.verdict, 'over');
    assert.match(body, /推荐方案A（国产优先），因为方案B的估算按下限也超出预算/);
  });

  it('keeps the better-scored option when its low end is over by less than the precision (a negotiation)', () => {
    const { model } = evalReport('pharma');
    const rec = model.options.find((o) => o.recommended)!;
    assert.equal(rec.id, 'B');
    assert.equal(rec.withinBudget, undefined);
  });

  it("calls a low end over the budget by less than the estimate's precision a tight budget, as the cost section calls it a negotiation", () => {
    // The expense platform's estimate is over at its low end by 5%: a negotiation, not a cut.
    const { model, body } = evalReport('expense-management');
    assert.equal(model.costs!.budget!.verdict, 'over');
    assert.match(body, /差距在估算误差以内，可在报价谈判中消化/);
    const risk = model.risks.find((r) => r.title.startsWith('预算'))!;
    assert.equal(risk.title, '预算偏紧');
    assert.match(risk.risk, /略超预算（在估算误差以内）/);
    // The one-time spend compared with a build budget, under 1% over: the same.
    const build = generateReport(parseIntake(readFixture('eval/government').replace('¥800万', '¥915万')), 0, { asOf: AS_OF });
    assert.equal(build.costs!.budget!.verdict, 'over');
    assert.equal(build.risks.find((r) => r.title.startsWith('预算'))!.title, '预算偏紧');
  });

  it('keeps "预算不足" where even the low end is over beyond the precision', () => {
    const risk = evalReport('energy').model.risks.find((r) => r.title.startsWith('预算'));
    assert.equal(risk?.title, '预算不足');
    assert.match(risk!.risk, /全部范围无法在预算内完成/);
  });
});

describe('budget advice when the estimate is over', () => {
  const advice = (name: string) => evalReport(name).model.costs!.budget!.statement;

  it('names who to negotiate the largest purchase with: a licence with its vendor, hardware with its supplier', () => {
    assert.match(advice('laboratory'), /与三维天地谈许可分期与报价/);
    // The rooms' terminals, not the server OS beside them.
    assert.match(advice('video-conferencing'), /与设备供应商谈报价与分批供货/);
    assert.doesNotMatch(advice('video-conferencing'), /麒麟/);
  });

  it('says "一期只交付首要目标所需的部分" only where something priced could wait for a later phase', () => {
    assert.doesNotMatch(advice('laboratory'), /一期只交付/);
    // The middleware beside the databases the main goal replaces.
    assert.match(advice('database-replacement'), /一期只交付首要目标所需的部分/);
    // hr-oa's server OS is its main goal's (OA信创替代); bank-1's systems beside the core are the
    // main goal's, 信创's or 等保's: nothing is left to put off.
    assert.doesNotMatch(advice('hr-oa'), /一期只交付/);
    assert.doesNotMatch(advice('bank'), /一期只交付/);
  });
});

describe('a collection rate raised: the extra cash is a share of what is billed', () => {
  const benefits = (...scale: string[]) => {
    const intake = ['[客户行业]：物业管理', '- 业务规模：', '  - 在管项目约600个', ...scale.map((s) => `  - ${s}`), '[当前痛点]：', '- 物业费收缴靠纸质账单和前台收款，收缴率只有82%', '[核心目标]：', '- 主要目标：建设统一的智慧物业管理平台', '- 成功标尺：物业费收缴率提升到92%，报修响应时间缩短50%', '[预算限制]：', '- 总预算：¥800万'].join('\n');
    return generateReport(parseIntake(intake), 0, { asOf: AS_OF }).costs!.benefits;
  };

  it('says the points gained as a share of the yearly billing, and asks for the billing, when the intake gives none', () => {
    const list = benefits();
    assert.match(list[0]!.text, /收缴率从82%提升到92%：每年多收回的款项相当于年应收额的10个百分点（实收增加约12%）/);
    assert.equal(list[0]!.perYear, undefined);
    // The other target is still tracked; the rate is not said twice.
    assert.match(list[1]!.text, /按客户自己的目标衡量：报修响应时间缩短50%。/);
    assert.doesNotMatch(list[1]!.text, /收缴率/);
  });

  it('works it into money from the yearly billing the scale states', () => {
    const list = benefits('年应收物业费约30亿元');
    assert.equal(list[0]!.perYear?.low, 3e8);
    assert.match(list[0]!.text, /每年多收回约¥3亿（10个百分点）/);
  });
});

describe('a loss the customer states, cut by its own goal: a yearly benefit', () => {
  const costs = (pain: string, goal: string) => {
    const intake = ['[客户行业]：零售连锁药房', '- 细分领域：区域连锁药店，直营门店420家', '[当前痛点]：', `- ${pain}`, '[核心目标]：', '- 主要目标：12个月内完成门店系统替换', '- 次级目标：', `  - ${goal}`, '[预算限制]：', '- 总预算：¥1200万'].join('\n');
    return generateReport(parseIntake(intake), 0, { asOf: AS_OF }).costs!;
  };

  it('works 报损 and the goal that cuts it by a share into a yearly benefit, citing both lines, and uses it in the payback', () => {
    const c = costs('近效期药品靠门店自己盘点发现，2024年报损约¥380万', '近效期药品自动预警，报损降低50%');
    const benefit = c.benefits.find((b) => b.perYear)!;
    assert.ok(benefit, JSON.stringify(c.benefits));
    assert.equal(benefit.text, '2024年报损约¥380万；按目标降低50%，每年可减少约¥190万。');
    assert.deepEqual([benefit.perYear!.low, benefit.perYear!.high], [1.9e6, 1.9e6]);
    assert.deepEqual(benefit.refs, [4, 8]);
    assert.match(c.payback ?? '', /可量化收益每年约¥190万/);
    assert.ok(!c.benefits.some((b) => b.text.includes('金额收益待客户提供')), JSON.stringify(c.benefits));
  });

  it('does not ask for a loss figure the intake gave, where no goal cuts it by a share', () => {
    // The loss is said as the ceiling of what the project can win; the goals measured after it ask for nothing more.
    const c = costs('近效期药品靠门店自己盘点发现，2024年报损约¥380万', '近效期预警推送延迟<5秒');
    assert.ok(!c.benefits.some((b) => b.perYear), JSON.stringify(c.benefits));
    assert.ok(c.benefits.some((b) => b.text.includes('报损约¥380万')), JSON.stringify(c.benefits));
    assert.ok(!c.benefits.some((b) => b.text.includes('金额收益待客户提供')), JSON.stringify(c.benefits));
    // With no money stated at all, the customer is asked for it, as before.
    const none = costs('近效期药品靠门店自己盘点发现', '近效期预警推送延迟<5秒');
    assert.ok(none.benefits.some((b) => b.text.endsWith('金额收益待客户提供损失或现有支出后测算。')), JSON.stringify(none.benefits));
  });

  it('joins a goal to the loss by any word naming it ("超卖…赔付" and "赔付减少40%")', () => {
    const benefit = costs('每年因超卖产生的赔付约¥200万', '赔付减少40%').benefits.find((b) => b.perYear);
    assert.deepEqual(benefit && [benefit.perYear!.low, benefit.text], [8e5, '每年因超卖产生的赔付约¥200万；按目标降低40%，每年可减少约¥80万。']);
  });

  it('invents no figure where the intake lacks the loss or the share', () => {
    // A share with no money lost: the target to track.
    const noLoss = costs('近效期药品靠门店自己盘点发现，报损多', '近效期药品自动预警，报损降低50%');
    assert.ok(noLoss.benefits.every((b) => !b.perYear));
    assert.match(noLoss.benefits.map((b) => b.text).join('\n'), /按客户自己的目标衡量：报损降低50%/);
    // Money lost with no share: the upper bound, no yearly figure.
    const noShare = costs('近效期药品靠门店自己盘点发现，2024年报损约¥380万', '近效期药品自动预警');
    assert.ok(noShare.benefits.every((b) => !b.perYear));
    assert.match(noShare.benefits[0]!.text, /2024年报损约¥380万：这是本项目可争取收益的上限/);
    // A goal that cuts another thing is no cut of this loss.
    assert.ok(costs('每年因超卖产生的赔付约¥200万', '投诉下降30%').benefits.every((b) => !b.perYear));
  });
});

describe('money a long cycle ties up: a one-off release, not a yearly benefit', () => {
  const benefits = (pain: string, goal: string) => {
    const intake = ['[客户行业]：医药', '- 细分领域：生物制药，GMP工厂一座', '[当前痛点]：', `- 具体问题：${pain}`, '- 业务影响：每年因放行周期长导致库存资金占用约¥4000万', '[核心目标]：', `- 主要指标：15个月内上线LIMS与QMS，${goal}`, '[预算限制]：', '- 总预算：¥2000万'].join('\n');
    return generateReport(parseIntake(intake), 0, { asOf: AS_OF }).costs!.benefits;
  };

  it('frees the share the goal cuts from the cycle a pain states, once, citing the three lines', () => {
    const tied = benefits('QA审核一批放行平均需要9个工作日', '批放行周期缩短到3个工作日').find((b) => b.text.includes('占用'))!;
    assert.match(tied.text, /放行周期从9个工作日缩短到3个工作日，按占用与周期成正比估算，可一次性释放约¥2670万（营运资金一次性回笼，不计入每年收益）/);
    assert.equal(tied.perYear, undefined);
    assert.deepEqual(tied.refs, [4, 5, 7]);
  });

  it('says no figure without today\'s cycle in the goal\'s unit, or with a goal no shorter', () => {
    for (const [pain, goal] of [['QA审核靠纸质记录', '批放行周期缩短到3个工作日'], ['QA审核一批放行平均需要2周', '批放行周期缩短到3个工作日'], ['QA审核一批放行平均需要3个工作日', '批放行周期缩短到5个工作日']] as const) {
      const tied = benefits(pain, goal).find((b) => b.text.includes('占用'))!;
      assert.match(tied.text, /：缩短周期可释放其中一部分资金；/, `${pain} / ${goal}`);
      assert.doesNotMatch(tied.text, /一次性释放约/);
    }
  });
});

describe('no domestic product to name for what the project chooses', () => {
  it('makes option A the international products and option B a second international set, never recommended', () => {
    // A customs system, the only system type to choose (the ERP and the MES are kept): its bonded
    // ledgers have no domestic product the knowledge base can name.
    const { model, body } = evalReport('customs-compliance');
    assert.deepEqual(
      model.options.map((o) => [o.id, o.strategy, o.recommended]),
      [
        ['A', 'international', true],
        ['B', 'international-alt', false],
      ],
    );
    const [a, b] = model.options;
    assert.equal(a!.picks[0]!.product.id, 'sap-gts');
    assert.equal(b!.picks[0]!.product.id, 'tr-onesource-gt');
    assert.match(body, /推荐方案A（国际主流产品），因为它在各系统类型中选的是最贴合需求的产品，方案B供比选与议价/);
    assert.match(body, /关务管理系统未见可具名推荐的国产产品，方案A选国际主流产品；方案B改为另一组国际厂商/);
    // Not a domestic option that falls back on an international product and calls it cheaper.
    assert.doesNotMatch(body, /该类暂无成熟国产产品|该类未见可具名推荐的国产产品|国产产品的许可与本地服务成本通常更低|国际产品在本项目中没有明显优势/);
  });

  it('keeps a domestic option wherever a system type to choose has a domestic product', () => {
    const { model } = evalReport('expense-management');
    assert.deepEqual(
      model.options.map((o) => o.strategy),
      ['domestic', 'international'],
    );
  });
});
