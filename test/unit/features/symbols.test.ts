import * as assert from 'node:assert/strict';
import type { Range } from '../../../src/core/document';
import { parseIntake } from '../../../src/core/parser';
import { getDocumentSymbols, type IntakeSymbol } from '../../../src/core/features/symbols';
import { readSeed, withCrlf } from '../helpers/seeds';
import { rangeProblem, splitLines } from '../helpers/ranges';

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** Every problem VS Code would reject: ranges outside the text, selection outside range, child outside parent. */
function symbolProblems(text: string, symbols: IntakeSymbol[]): string[] {
  const lines = splitLines(text);
  const problems: string[] = [];
  const visit = (s: IntakeSymbol, parent: IntakeSymbol | undefined, path: string) => {
    const where = `${path}/${s.name}`;
    for (const [what, r] of [['range', s.range], ['selectionRange', s.selectionRange]] as const) {
      const p = rangeProblem(lines, r);
      if (p) problems.push(`${where} ${what}: ${p}`);
    }
    if (!contains(s.range, s.selectionRange)) problems.push(`${where}: selectionRange outside range`);
    if (parent && !contains(parent.range, s.range)) problems.push(`${where}: outside its parent`);
    if (s.name.trim() === '') problems.push(`${where}: empty name`);
    s.children.forEach((c) => visit(c, s, where));
  };
  symbols.forEach((s) => visit(s, undefined, ''));
  return problems;
}

describe('features: document symbols', () => {
  const seed = readSeed();
  const symbols = getDocumentSymbols(parseIntake(seed));

  it('gives 4 intakes of 6 sections each', () => {
    assert.equal(symbols.length, 4);
    for (const intake of symbols) {
      assert.equal(intake.kind, 'intake');
      assert.deepEqual(
        intake.children.map((c) => [c.kind, c.name]),
        ['客户行业', '当前痛点', '基础设施现状', '核心目标', '预算限制', '特殊要求'].map((n) => ['section', n]),
      );
    }
  });

  it('names intakes by industry and segment once they are filled', () => {
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Intake 1', 'Intake 2 · 保险 / 车险理赔自动化', 'Intake 3', 'Intake 4 · 航空 / 飞机租赁资产管理系统'],
    );
    assert.equal(symbols[1]!.detail, '100%');
    assert.equal(symbols[0]!.detail, '0%');
  });

  it('nests fields as written, with values as details', () => {
    const infra = symbols[0]!.children[2]!;
    assert.deepEqual(
      infra.children.map((f) => [f.name, f.children.map((c) => c.name)]),
      [
        ['云环境', ['公有云', '私有云']],
        ['关键组件', ['数据库', '中间件']],
        ['现存瓶颈', ['技术层面', '运维层面']],
      ],
    );
    const industry = symbols[1]!.children[0]!;
    assert.equal(industry.detail, '保险');
    assert.equal(industry.children[0]!.detail, '车险理赔自动化');
    assert.ok(infra.children.every((f) => f.kind === 'field'));
  });

  it('keeps fields under free-text lines and bold keys', () => {
    const budget = symbols[2]!.children[4]!;
    assert.deepEqual(
      budget.children.map((f) => f.name),
      ['资金结构', '采购偏好'],
    );
    assert.deepEqual(
      budget.children[0]!.children.map((f) => f.name),
      ['总预算', '分配比例'],
    );
  });

  it('extends a structured section over its ### heading', () => {
    const lines = splitLines(seed);
    const section = symbols[2]!.children[0]!;
    assert.ok(lines[section.range.start.line]!.startsWith('### 一、'));
    assert.ok(lines[section.selectionRange.start.line]!.startsWith('[客户行业]'));
    assert.equal(section.detail, '__(保险/政府/航空/零售等)__');
  });

  it('has valid, nested ranges (LF and CRLF)', () => {
    assert.deepEqual(symbolProblems(seed, symbols), []);
    const crlf = withCrlf(seed);
    assert.deepEqual(symbolProblems(crlf, getDocumentSymbols(parseIntake(crlf))), []);
  });

  it('stays valid on odd input', () => {
    const inputs = [
      '',
      '\n\n',
      '### 只有标题\n',
      '### 一、\n### 二、\n[客户行业]：保险\n',
      '- 孤立字段：值\n[当前痛点]\n  - 深：x\n- 浅：y\n',
      '【客户行业】:保险\n- **细分场景：**车险\n=====\n=====\n[未知段]：\n- a：b\n',
      '[客户行业]：__(未闭合\n- 细分领域：__(a/b)__\n  - 子：c\n    - 孙：d\n',
      seed.slice(0, 1234),
      seed.split('\n').reverse().join('\n'),
    ];
    for (const text of inputs) {
      assert.deepEqual(symbolProblems(text, getDocumentSymbols(parseIntake(text))), [], JSON.stringify(text.slice(0, 60)));
    }
  });

  it('lists a heading with no section after it', () => {
    const text = '[客户行业]：保险\n- 细分领域：寿险\n### 附注\n';
    const intake = getDocumentSymbols(parseIntake(text))[0]!;
    assert.deepEqual(
      intake.children.map((c) => [c.kind, c.name]),
      [
        ['section', '客户行业'],
        ['heading', '附注'],
      ],
    );
  });
});
