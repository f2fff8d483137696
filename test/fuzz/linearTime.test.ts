/**
 * Linear time on any input: every regular expression the product runs (found by regexInventory.ts,
 * so a new one is covered without being registered) against the worst-case generators, and the
 * functions that run them on user or model text against worst-case documents. A case fails
 * when it grows super-linearly from n to 8n characters (see worstCase.ts: CPU time, growth
 * ratio, best of three).
 *
 *   LINEAR_FILTER=verify npm run test:fuzz     only the cases whose name contains "verify"
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from '../../src/core/fixes';
import { getCompletions } from '../../src/core/features/completion';
import { getHover } from '../../src/core/features/hover';
import { parseIntake } from '../../src/core/parser';
import { validate } from '../../src/core/validator';
import { aliasPattern, DEFAULT_LEVEL_PATTERN, levelPatterns } from '../../src/core/knowledge/patterns';
import { generateReport } from '../../src/core/engine/generate';
import { baselineOf } from '../../src/core/engine/plan/baseline';
import { getKnowledgeBase } from '../../src/core/knowledge/knowledge';
import { buildPrompt } from '../../src/core/llm/prompt';
import { redact, StreamUnmasker, unmask } from '../../src/core/llm/redact';
import { verifyReport } from '../../src/core/llm/verify';
import { renderStandaloneHtml } from '../../src/core/render/exportHtml';
import { renderMarkdownExport } from '../../src/core/render/exportMarkdown';
import { renderMarkdownHtml } from '../../src/core/render/html';
import { fixturesDir, seedIntakeList } from '../unit/helpers/seeds';
import { GOOD_REPORT } from '../unit/llm/responses';
import { key, recordRuntimePatterns, sourceLiterals, type PatternInfo } from './regexInventory';
import { GENERIC_GENERATORS, patternGenerators, repeat, scan, superLinear, type Generator } from './worstCase';

const FILTER = process.env.LINEAR_FILTER ?? '';

function fixtureTexts(): string[] {
  const dir = fixturesDir();
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.intake')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** The whole product, once, on realistic input: what recordRuntimePatterns watches. */
function tour(): void {
  for (const text of [...seedIntakeList(), ...fixtureTexts()]) {
    const file = parseIntake(text);
    validate(file);
    fixAll(text);
    const lines = text.split(/\r\n|\r|\n/);
    lines.forEach((line, i) => {
      if (i % 3 !== 0) return;
      getCompletions(file, { line: i, character: line.length }, line, 'zh-cn');
      getHover(file, { line: i, character: Math.floor(line.length / 2) }, 'en');
    });
    file.intakes.forEach((intake, i) => {
      const model = generateReport(file, i);
      renderMarkdownExport(model);
      renderStandaloneHtml(model);
      const prompt = buildPrompt(intake, model);
      verifyReport(GOOD_REPORT, model, intake, { groundingText: prompt.groundingText });
      const masked = redact(text);
      unmask(masked.text, masked.replacements);
    });
  }
  renderMarkdownHtml(GOOD_REPORT);
}

function knowledgePatterns(): PatternInfo[] {
  const kb = getKnowledgeBase();
  const out: PatternInfo[] = [];
  for (const r of kb.rules) for (const m of [...r.all, ...r.any, ...r.none]) out.push({ source: m.pattern, flags: 'iu', origin: `rules.yaml: ${r.id}` });
  for (const f of kb.frameworks) {
    if (f.levels.length > 0) {
      const { after, before } = levelPatterns(f.levelPattern ?? DEFAULT_LEVEL_PATTERN);
      out.push({ source: after, flags: 'iu', origin: `frameworks.yaml: ${f.id} level` }, { source: before, flags: 'iu', origin: `frameworks.yaml: ${f.id} level` });
    }
    for (const a of f.aliases) if (a.trim().length >= 2) out.push({ source: aliasPattern(a.trim()), flags: 'gi', origin: `frameworks.yaml: ${f.id} alias` });
  }
  return out;
}

function inventory(): PatternInfo[] {
  const all = new Map<string, PatternInfo>();
  for (const p of [...sourceLiterals(), ...recordRuntimePatterns(tour), ...knowledgePatterns()]) {
    const k = key(p.source, p.flags);
    if (!all.has(k)) all.set(k, p);
  }
  return [...all.values()];
}

describe('linear time: every regular expression against worst-case inputs', function () {
  this.timeout(20 * 60_000);

  it('finds the patterns by itself (literals, run-time patterns, knowledge base)', () => {
    const found = inventory();
    const origins = found.map((p) => p.origin).join('\n');
    // One of each kind, so a broken collector cannot pass by finding nothing.
    assert.match(origins, /^src\/core\/llm\/verify\.ts:\d+$/m, 'literals');
    assert.match(origins, /\(built at run time\)$/m, 'run-time patterns');
    assert.match(origins, /^rules\.yaml: /m, 'knowledge base');
    assert.ok(found.length > 400, `only ${found.length} patterns found`);
  });

  it('none of them grows super-linearly', () => {
    const slow: string[] = [];
    let cases = 0;
    const started = Date.now();
    for (const p of inventory()) {
      let re: RegExp;
      try {
        re = new RegExp(p.source, p.flags);
      } catch {
        continue;
      }
      for (const g of [...GENERIC_GENERATORS, ...patternGenerators(p.source, p.flags)]) {
        const name = `${p.origin} /${p.source}/${p.flags} on ${g.name}`;
        if (FILTER && !name.includes(FILTER)) continue;
        cases++;
        const inputs = new Map<number, string>();
        const input = (n: number) => inputs.get(n) ?? (inputs.set(n, g.make(n)), inputs.get(n)!);
        const problem = superLinear((n) => scan(re, input(n)), { n: 3000 });
        if (problem) slow.push(`${name}: ${problem}`);
      }
    }
    console.log(`      ${cases} pattern × input cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const s of slow) console.log(`      SLOW ${s}`);
    assert.deepEqual(slow, []);
  });
});

// ---------------------------------------------------------------- whole functions

/** An intake whose `field` value (in `section`) is `value`; the rest filled and short. */
export function intakeWith(value: string, where: 'industry' | 'pain' | 'budget' | 'sla' | 'header' | 'components' = 'pain'): string {
  const v = (w: typeof where) => (w === where ? value : '');
  return [
    `[客户行业]：保险${v('header')}`,
    `- 细分领域：车险${v('industry')}`,
    '- 业务规模：500万+注册用户',
    `- 业务连续性要求：99.95% ${v('sla')}`,
    '[当前痛点]：',
    `- 具体问题：理赔慢${v('pain')}`,
    '[基础设施现状]：',
    '- 云环境：阿里云',
    ...(where === 'components' ? ['- 关键组件：', `  - 数据库：${value}`] : []),
    '[核心目标]：',
    '- 主要指标：理赔时效<1天',
    '[预算限制]：',
    `- 总预算：¥500万${v('budget')}`,
    '- 分配比例：建设60%，运维40%',
    '[特殊要求]：',
    '- 合规性：等保三级',
    '',
  ].join('\n');
}

let hospitalCase: { model: ReturnType<typeof generateReport>; intake: ReturnType<typeof parseIntake>['intakes'][number]; grounding: string } | undefined;
function hospital(): NonNullable<typeof hospitalCase> {
  if (!hospitalCase) {
    const file = parseIntake(fs.readFileSync(path.join(fixturesDir(), 'eval', 'hospital.intake'), 'utf8'));
    const model = generateReport(file, 0);
    hospitalCase = { model, intake: file.intakes[0]!, grounding: buildPrompt(file.intakes[0]!, model).groundingText };
  }
  return hospitalCase;
}

interface FunctionCase {
  name: string;
  run(text: string): void;
}

const FUNCTIONS: FunctionCase[] = [
  { name: 'parse + validate (in a value)', run: (v) => validate(parseIntake(intakeWith(v))) },
  { name: 'parse + validate (budget line)', run: (v) => validate(parseIntake(intakeWith(v, 'budget'))) },
  { name: 'parse + validate (SLA line)', run: (v) => validate(parseIntake(intakeWith(v, 'sla'))) },
  { name: 'parse + validate (section header)', run: (v) => validate(parseIntake(intakeWith(v, 'header'))) },
  { name: 'parse + validate (a placeholder)', run: (v) => validate(parseIntake(intakeWith(`__(${v})__`))) },
  { name: 'parse + validate (an unclosed placeholder)', run: (v) => validate(parseIntake(intakeWith(`__(${v}`))) },
  { name: 'parse + validate (a whole line)', run: (v) => validate(parseIntake(`${intakeWith('')}${v}\n`)) },
  { name: 'fix-all', run: (v) => fixAll(intakeWith(`__(${v}`)) },
  {
    name: 'completion at the end of the line',
    run: (v) => {
      const text = intakeWith(v);
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes(v));
      getCompletions(parseIntake(text), { line, character: lines[line]!.length }, lines[line]!, 'zh-cn');
    },
  },
  { name: 'generate (offline report)', run: (v) => generateReport(parseIntake(intakeWith(v, 'budget')), 0) },
  {
    name: 'verify an LLM answer (a line)',
    run: (v) => {
      const file = parseIntake(intakeWith(''));
      verifyReport(`${GOOD_REPORT}\n${v}\n`, generateReport(file, 0), file.intakes[0]!, { groundingText: '' });
    },
  },
  {
    name: 'verify an LLM answer (a heading)',
    run: (v) => {
      const file = parseIntake(intakeWith(''));
      verifyReport(`# x${v}y\n`, generateReport(file, 0), file.intakes[0]!);
    },
  },
  {
    // The plan checks (verifyPlan.ts) with everything to find: a ban on public cloud, a kept
    // system, excluded products (the hospital of the evaluation set).
    name: 'verify an LLM answer against a plan with constraints (a line)',
    run: (v) => {
      const h = hospital();
      verifyReport(`## 推荐系统方案\n${v}\n`, h.model, h.intake, { groundingText: h.grounding, complete: false });
    },
  },
  { name: 'redact', run: (v) => redact(`客户名称：明远保险股份有限公司\n联系人：张伟\n${v}`) },
  {
    name: 'un-mask a streamed answer',
    run: (v) => {
      const u = new StreamUnmasker([{ kind: 'company', original: '明远保险', mask: '〔客户A〕', count: 1 }]);
      for (let i = 0; i < v.length; i += 97) u.push(v.slice(i, i + 97));
      u.flush();
    },
  },
  { name: 'render an LLM answer', run: (v) => renderMarkdownHtml(`## 业务需求分析\n${v}\n`) },
];

/** Document-level worst cases: the generic runs, and the shapes the hardening sweep found. */
const DOCUMENT_GENERATORS: Generator[] = [
  ...GENERIC_GENERATORS,
  { name: 'quotes in a placeholder', make: (n) => `“${repeat('“a', n)}` },
  { name: 'a standard repeated without separators', make: (n) => repeat('SOC2 Type III', n) },
  { name: 'a standard repeated in one clause', make: (n) => repeat('PCI DSS v4.0 ', n) },
  { name: 'spaces in a heading', make: (n) => repeat(' ', n, 'y') },
  { name: 'digits and a concurrency unit', make: (n) => repeat('1', n, '并') },
  { name: 'excluded products and clouds in one sentence', make: (n) => repeat('选用Prometheus、Datadog与阿里云，', n) },
  { name: 'products and clouds in one sentence', make: (n) => repeat('选用Prometheus与阿里云，', n) },
  { name: 'a kept system replaced, in one sentence', make: (n) => repeat('替换卫宁HIS与公有云SaaS', n) },
  { name: 'terabytes', make: (n) => repeat('1', n, 'T') },
  { name: 'durations', make: (n) => repeat('1', n, '小') },
  { name: 'percent and seconds', make: (n) => repeat('1', n, '%') },
];

/**
 * Functions against the one shape that once made them slow (the current systems' list reader on
 * products joined by 与 and unclosed brackets; a goal's baseline looking back over a line of
 * figures without a clause mark), beside the generic documents above.
 */
const TARGETED: (FunctionCase & Generator)[] = [
  {
    name: 'the current systems on a long list of products, brackets left open',
    run: (v) => generateReport(parseIntake(intakeWith(v, 'components')), 0),
    make: (n) => `${repeat('Oracle与', n / 3)}${repeat('天正、', n / 3)}${repeat('（', n / 3)}`,
  },
  {
    name: "a goal's baseline on a long line of figures",
    run: (v) => baselineOf('客户满意度达到90%', [9], [{ text: v, ref: 2, goal: false }]),
    make: (n) => repeat('误报率超过95%', n),
  },
];

describe('linear time: functions on the shapes that once made them slow', function () {
  this.timeout(10 * 60_000);
  for (const t of TARGETED) {
    it(t.name, () => {
      const inputs = new Map<number, string>();
      const input = (n: number) => inputs.get(n) ?? (inputs.set(n, t.make(n)), inputs.get(n)!);
      assert.equal(superLinear((n) => t.run(input(n)), { n: 4000, floorMs: 60 }), undefined);
    });
  }
});

describe('linear time: functions on worst-case documents', function () {
  this.timeout(20 * 60_000);
  for (const f of FUNCTIONS) {
    it(f.name, () => {
      const slow: string[] = [];
      for (const g of DOCUMENT_GENERATORS) {
        if (FILTER && !`${f.name} on ${g.name}`.includes(FILTER)) continue;
        const inputs = new Map<number, string>();
        const input = (n: number) => inputs.get(n) ?? (inputs.set(n, g.make(n)), inputs.get(n)!);
        // Whole functions carry a fixed cost per call: a larger floor keeps that out of the ratio.
        const problem = superLinear((n) => f.run(input(n)), { n: 2000, floorMs: 60 });
        if (problem) slow.push(`${g.name}: ${problem}`);
      }
      for (const s of slow) console.log(`      SLOW ${f.name} on ${s}`);
      assert.deepEqual(slow, []);
    });
  }
});
