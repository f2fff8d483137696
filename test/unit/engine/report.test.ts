/**
 * The offline report engine on the filled seed intakes: all eight sections, every pain point,
 * goal, compliance item and legacy system named, the facts the issue requires, traceability,
 * determinism, and a report (with 信息不完整) for partial intakes.
 */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import { ReportModelSchema, REPORT_SECTION_TITLES } from '../../../src/core/engine/reportModel';
import { extractFacts } from '../../../src/core/facts/facts';
import { renderMarkdown } from '../../../src/core/render/markdown';
import { readSeed } from '../helpers/seeds';

const seed = () => parseIntake(readSeed());

function reportFor(index: number): { md: string; file: ReturnType<typeof parseIntake> } {
  const file = seed();
  return { md: renderMarkdown(generateReport(file, index)), file };
}

/** Values of the facts under a section (optionally a field), as the intake states them. */
function values(file: ReturnType<typeof parseIntake>, index: number, section: string, field?: string): string[] {
  const facts = extractFacts(file.intakes[index]!);
  return facts.facts.filter((f) => f.section === section && f.value && (!field || f.fieldPath.includes(field))).map((f) => f.value);
}

describe('report engine', () => {
  for (const [name, index] of [
    ['insurance', 1],
    ['aviation', 3],
  ] as const) {
    describe(`${name} seed intake`, () => {
      it('produces a model that validates against the ReportModel schema', () => {
        const model = generateReport(seed(), index);
        assert.doesNotThrow(() => ReportModelSchema.parse(model));
      });

      it('has the eight sections in the order of the sample reports', () => {
        const { md } = reportFor(index);
        const headings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
        assert.deepEqual(headings, [...REPORT_SECTION_TITLES]);
      });

      it('names every pain point, goal, compliance item and legacy system', () => {
        const { md, file } = reportFor(index);
        const plain = md.replace(/\\/g, '');
        const required = [
          ...values(file, index, '当前痛点'),
          ...values(file, index, '核心目标'),
          ...values(file, index, '特殊要求', '合规性'),
          ...values(file, index, '特殊要求', '兼容性'),
        ];
        assert.ok(required.length >= 5, `expected facts, got ${required.length}`);
        for (const v of required) assert.ok(plain.includes(v), `report does not mention «${v}»`);
      });

      it('cites intake lines that exist, and every recommendation point has a reference', () => {
        const file = seed();
        const model = generateReport(file, index);
        const intake = file.intakes[index]!;
        const json = JSON.stringify(model);
        for (const m of json.matchAll(/"line":(\d+)/g)) {
          const line = Number(m[1]);
          assert.ok(line >= intake.range.start.line && line <= intake.range.end.line, `ref to line ${line} outside the intake`);
        }
        for (const p of model.solution.notes) assert.ok(p.refs.length > 0, `no refs: ${p.text}`);
        for (const r of model.risks.filter((x) => x.source !== 'industry')) assert.ok(r.refs.length > 0, `no refs: ${r.title}`);
        assert.match(renderMarkdown(model), /〔L\d+/);
      });

      it('offers a domestic-first option A and an international option B with 2–3 products per category', () => {
        const model = generateReport(seed(), index);
        const [a, b] = model.solution.options;
        assert.equal(a!.id, 'A');
        assert.equal(b!.id, 'B');
        for (const option of [a!, b!]) {
          assert.ok(option.shortlists.length >= 3);
          for (const s of option.shortlists) assert.ok(s.products.length >= 2 && s.products.length <= 3, `${option.id}/${s.category}: ${s.products.length}`);
        }
        assert.ok(a!.shortlists.some((s) => s.products.some((p) => p.origin === 'cn')));
        assert.ok(b!.shortlists.every((s) => s.products.every((p) => p.origin !== 'cn')));
      });

      it('is deterministic: the same intake gives a byte-identical report', () => {
        assert.equal(reportFor(index).md, reportFor(index).md);
        assert.equal(JSON.stringify(generateReport(seed(), index)), JSON.stringify(generateReport(seed(), index)));
      });
    });
  }

  it('insurance report: PCI DSS 4.0.1, GDPR, a China–EU transfer mechanism, an interconnect and SAP IDoc integration', () => {
    const md = reportFor(1).md.replace(/\\/g, '');
    assert.match(md, /PCI DSS[^\n]*4\.0\.1/);
    assert.match(md, /GDPR/);
    assert.match(md, /标准合同|SCCs|安全评估/);
    assert.match(md, /Megaport|Direct Connect|ExpressRoute|云企业网/);
    assert.match(md, /SAP S\/4HANA[^\n]*IDoc|IDoc[^\n]*SAP/);
  });

  it('insurance report: the budget split uses the intake’s own figures and currency', () => {
    const model = generateReport(seed(), 1);
    assert.equal(model.costBenefit.total?.currency, 'USD');
    const build = model.costBenefit.split.find((s) => s.label.includes('初期建设'));
    assert.ok(build && !build.assumption, 'initial build share from the intake');
    assert.equal(build.amount?.text, '$70万');
    assert.equal(model.costBenefit.years, 3);
    assert.ok(model.costBenefit.assumptions.every((a) => a.startsWith('假设')));
  });

  it('implementation milestones fit the stated deadline', () => {
    for (const index of [1, 3]) {
      const model = generateReport(seed(), index);
      const impl = model.implementation;
      assert.equal(impl.deadline, '6个月');
      const end = Math.max(...impl.milestones.map((m) => m.startWeek + m.weeks));
      assert.equal(end, impl.totalWeeks);
      assert.ok(impl.totalWeeks >= 24 && impl.totalWeeks <= 28, `${impl.totalWeeks} weeks for 6 months`);
    }
  });

  it('aviation report: RabbitMQ quorum queues, the Terraform 0.12 upgrade path and Jeppesen SOAP integration', () => {
    const md = reportFor(3).md.replace(/\\/g, '');
    assert.match(md, /仲裁队列|quorum/i);
    assert.match(md, /Terraform[^\n]*0\.12|0\.12[^\n]*Terraform/);
    assert.match(md, /0\.13/);
    assert.match(md, /Jeppesen/);
    assert.match(md, /SOAP/);
  });

  it('aviation report: the analysis findings come first in 风险提示', () => {
    const model = generateReport(seed(), 3);
    const codes = model.risks.filter((r) => r.source === 'analysis').map((r) => r.code);
    assert.ok(codes.includes('intake.unknown-standard'));
    assert.ok(codes.includes('intake.latency-physics'));
    const firstOther = model.risks.findIndex((r) => r.source !== 'analysis');
    assert.ok(model.risks.slice(0, firstOther).every((r) => r.source === 'analysis'));
    // The report is Chinese whatever the UI language: findings are quoted in Chinese.
    const latency = model.risks.find((r) => r.code === 'intake.latency-physics')!;
    assert.match(latency.risk, /往返|光/);
  });

  it('a partially filled intake still gets a full report with an 信息不完整 note', () => {
    const text = ['[客户行业]：零售', '- 细分领域：__(跨境电商/全渠道)__', '[当前痛点]：', '- 具体问题：大促期间订单系统超时', '[预算限制]：', '- 总预算：¥300万', ''].join('\n');
    const model = generateReport(parseIntake(text), 0);
    assert.ok(model.incomplete.length > 0);
    assert.ok(model.incomplete.some((m) => m.includes('基础设施现状')));
    const md = renderMarkdown(model);
    assert.match(md, /信息不完整/);
    const headings = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    assert.deepEqual(headings, [...REPORT_SECTION_TITLES]);
    assert.match(md, /大促期间订单系统超时/);
  });

  it('the blank templates still render eight sections', () => {
    for (const index of [0, 2]) {
      const md = renderMarkdown(generateReport(seed(), index));
      assert.equal(md.split('\n').filter((l) => l.startsWith('## ')).length, 8);
      assert.match(md, /信息不完整/);
    }
  });

  it('rejects an intake index that does not exist', () => {
    assert.throws(() => generateReport(seed(), 9), /does not exist/);
  });

  it('escapes hostile intake text in the Markdown', () => {
    const text = ['[客户行业]：保险 <script>alert(1)</script>', '- 细分领域：[x](javascript:alert(1)) **粗** `code`', '[当前痛点]：', '- 具体问题：<img src=x onerror=alert(1)> | 管道 <!-- 注释 -->', ''].join('\n');
    const md = renderMarkdown(generateReport(parseIntake(text), 0));
    // Even a renderer that allows raw HTML gets only text from the intake's values.
    const html = new MarkdownIt({ html: true }).render(md);
    assert.ok(!html.includes('<script'), 'script tag');
    assert.ok(!html.includes('<img'), 'img tag');
    assert.ok(!/href="javascript:/i.test(html), 'javascript: link');
    assert.ok(!html.includes('<!--'), 'HTML comment');
    assert.ok(html.includes('&lt;script&gt;'), 'the text is kept, as text');
  });
});
