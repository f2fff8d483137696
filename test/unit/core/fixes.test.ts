import * as assert from 'node:assert/strict';
import type { IntakeDiagnostic } from '../../../src/core/diagnostics';
import { applyEdits } from '../../../src/core/edits';
import { fillPlaceholderEdits, fixAll, fixAllEdits, FixContext, fixesFor, type Fix } from '../../../src/core/fixes';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { coreOnly } from '../helpers/codes';
import { listFixtures, readFixture, readSeed, seedIntakes, withCrlf } from '../helpers/seeds';

/** The core validator's diagnostics (the analysis checks are tested on their own). */
function diagnose(text: string): IntakeDiagnostic[] {
  return coreOnly(validate(parseIntake(text)));
}

function only(text: string, code: string, predicate: (d: IntakeDiagnostic) => boolean = () => true): IntakeDiagnostic {
  const found = diagnose(text).filter((d) => d.code === code && predicate(d));
  assert.equal(found.length, 1, `expected one ${code}, got ${found.length}: ${JSON.stringify(diagnose(text).map((d) => d.code))}`);
  return found[0]!;
}

function fixes(text: string, d: IntakeDiagnostic): Fix[] {
  return fixesFor(d, new FixContext(text));
}

function apply(text: string, fix: Fix): string {
  const r = applyEdits(text, fix.edits);
  assert.equal(r.skipped, 0);
  return r.text;
}

function codes(text: string): string[] {
  return diagnose(text).map((d) => d.code);
}

/** Removes the lines of `text` from the one matching `from` up to (not including) the next blank line. */
function removeBlock(text: string, from: RegExp): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => from.test(l));
  assert.ok(start >= 0, `no line matches ${from}`);
  let end = start;
  while (end < lines.length && lines[end]!.trim() !== '') end++;
  while (end < lines.length && lines[end]!.trim() === '') end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

describe('fixes', () => {
  const seeds = seedIntakes();

  describe('placeholder', () => {
    it('offers one replacement per option, none preferred', () => {
      const text = '[客户行业]：__(保险/政府/航空/零售等)__\n';
      const d = only(text, 'intake.placeholder');
      const list = fixes(text, d);
      assert.deepEqual(
        list.map((f) => apply(text, f)),
        ['[客户行业]：保险\n', '[客户行业]：政府\n', '[客户行业]：航空\n', '[客户行业]：零售\n'],
      );
      assert.ok(list.every((f) => !f.isPreferred && !f.safe && f.code === 'intake.placeholder'));
      assert.ok(list.every((f) => f.title.length > 0));
      assert.ok(list[0]!.title.includes('保险'));
    });

    it('offers the example as the single, preferred replacement', () => {
      const text = '[客户行业]：保险\n- 业务规模：用户量__(如「500万+」)__\n';
      const d = only(text, 'intake.placeholder');
      assert.equal(d.severity, 'warning');
      const list = fixes(text, d);
      assert.equal(list.length, 1);
      assert.equal(list[0]!.isPreferred, true);
      assert.equal(list[0]!.safe, false, 'fix-all never picks a value');
      assert.equal(apply(text, list[0]!), '[客户行业]：保险\n- 业务规模：用户量500万+\n');
    });

    it('offers the example of `例：…` placeholders', () => {
      const text = '[客户行业]：保险\n- **业务规模**：\n  - 用户量：C端 __(例：500万+注册用户)__\n';
      const d = only(text, 'intake.placeholder');
      const [fix] = fixes(text, d);
      assert.equal(apply(text, fix!), '[客户行业]：保险\n- **业务规模**：\n  - 用户量：C端 500万+注册用户\n');
    });

    it('replaces every placeholder of the blank templates with a fill that removes its warning', () => {
      for (const name of ['blank-simple', 'blank-structured'] as const) {
        const text = seeds[name];
        for (const d of diagnose(text).filter((x) => x.code === 'intake.placeholder')) {
          const list = fixes(text, d);
          assert.ok(list.length >= 1, `no fix for the placeholder at ${JSON.stringify(d.range)}`);
          for (const f of list) {
            const after = apply(text, f);
            const left = diagnose(after).filter((x) => x.code === 'intake.placeholder');
            assert.equal(left.length, diagnose(text).filter((x) => x.code === 'intake.placeholder').length - 1);
          }
        }
      }
    });
  });

  describe('unclosed placeholder', () => {
    it('closes it with `)__` at the end of its text, as a preferred fix that Fix All leaves alone', () => {
      const text = '[客户行业]：__(保险/政府  \n';
      const d = only(text, 'intake.unclosed-placeholder');
      const [fix, ...rest] = fixes(text, d);
      assert.equal(rest.length, 0);
      assert.equal(fix!.isPreferred, true);
      assert.equal(fix!.safe, false);
      const after = apply(text, fix!);
      assert.equal(after, '[客户行业]：__(保险/政府)__  \n');
      assert.ok(!codes(after).includes('intake.unclosed-placeholder'));
      assert.ok(codes(after).includes('intake.placeholder'));
      assert.equal(fixAll(text).split('\n')[0], '[客户行业]：__(保险/政府  ', 'fix-all does not guess where a placeholder ends');
    });

    it('closes it at the shortest sensible point, leaving the text after it outside', () => {
      const close = (line: string) => apply(`${line}\n`, fixes(`${line}\n`, only(`${line}\n`, 'intake.unclosed-placeholder'))[0]!);
      assert.equal(close('- 细分领域：__(车险/寿险 客户主要做车险，理赔慢'), '- 细分领域：__(车险/寿险)__ 客户主要做车险，理赔慢\n');
      assert.equal(close('- 细分领域：__(车险/寿险，客户主要做车险'), '- 细分领域：__(车险/寿险)__，客户主要做车险\n');
      assert.equal(close('- 细分领域：__(车险/寿险) 车险为主'), '- 细分领域：__(车险/寿险)__ 车险为主\n');
      assert.equal(close('- 细分领域：__(车险/寿险)_车险为主'), '- 细分领域：__(车险/寿险)__车险为主\n');
      assert.equal(close('- 细分领域：__(车险'), '- 细分领域：__(车险)__\n');
      assert.equal(close('- 细分领域：x__('), '- 细分领域：x__()__\n');
    });
  });

  describe('missing section', () => {
    it('inserts the simple skeleton before the next section in catalog order', () => {
      const text = removeBlock(seeds.insurance, /^\[预算限制\]/);
      const d = only(text, 'intake.missing-section');
      assert.equal(d.severity, 'error');
      assert.deepEqual(d.data, { kind: 'missing-section', section: '预算限制' });
      const [fix, ...rest] = fixes(text, d);
      assert.equal(rest.length, 0);
      assert.ok(fix!.safe && fix!.isPreferred);
      const after = apply(text, fix!);
      const file = parseIntake(after);
      assert.deepEqual(
        file.intakes[0]!.sections.map((s) => s.name),
        ['客户行业', '当前痛点', '基础设施现状', '核心目标', '预算限制', '特殊要求'],
      );
      assert.ok(after.includes('[预算限制]：\n- 总预算：__(如「$150万/年」)__'));
      assert.ok(after.includes('要求__(3年ROI模型/分期付款条款)__\n\n[特殊要求]'), 'a blank line separates it from the next section');
      const left = coreOnly(validate(file));
      assert.deepEqual(
        left.filter((x) => x.code !== 'intake.placeholder'),
        [],
      );
      assert.equal(left.filter((x) => x.code === 'intake.placeholder').length, 5);
    });

    it('appends the last section at the end of the intake', () => {
      const text = removeBlock(seeds.insurance, /^\[特殊要求\]/);
      const d = only(text, 'intake.missing-section');
      const after = apply(text, fixes(text, d)[0]!);
      assert.deepEqual(
        parseIntake(after).intakes[0]!.sections.map((s) => s.name).at(-1),
        '特殊要求',
      );
      assert.match(after, /季度优化调优服务 {2}\n\n\[特殊要求\]：\n- 合规性：/);
      assert.deepEqual(codes(after).filter((c) => c !== 'intake.placeholder'), []);
    });

    it('inserts the structured variant with its ### heading', () => {
      const text = removeBlock(seeds.aviation, /^### 五、预算与采购模型/);
      assert.ok(!text.includes('[预算限制]'));
      const d = only(text, 'intake.missing-section');
      const after = apply(text, fixes(text, d)[0]!);
      const intake = parseIntake(after).intakes[0]!;
      const budget = intake.sections.find((s) => s.name === '预算限制');
      assert.ok(budget);
      assert.equal(budget.heading?.text, '五、预算与采购模型');
      assert.equal(intake.headings.length, 6);
      assert.match(after, /\n### 五、预算与采购模型\n\[预算限制\]：\n/);
      assert.deepEqual(codes(after).filter((c) => c !== 'intake.placeholder'), []);
    });

    it('inserts all six sections into an empty intake, and fix-all makes it complete', () => {
      const text = '这是一段说明。\n';
      assert.equal(codes(text).filter((c) => c === 'intake.missing-section').length, 6);
      const after = fixAll(text);
      const sections = parseIntake(after).intakes.flatMap((i) => i.sections.map((s) => s.name));
      assert.deepEqual(sections, ['客户行业', '当前痛点', '基础设施现状', '核心目标', '预算限制', '特殊要求']);
      assert.deepEqual(codes(after).filter((c) => c !== 'intake.placeholder'), []);
    });

    it('uses the document line ending (CRLF) for the inserted lines', () => {
      const text = withCrlf(removeBlock(seeds.insurance, /^\[预算限制\]/));
      const d = only(text, 'intake.missing-section');
      const after = apply(text, fixes(text, d)[0]!);
      assert.doesNotMatch(after, /[^\r]\n/, 'every \\n is preceded by \\r');
      assert.deepEqual(codes(after).filter((c) => c !== 'intake.placeholder'), []);
    });
  });

  describe('missing field', () => {
    it('inserts the field with its placeholder at the end of the section', () => {
      const text = seeds.insurance.replace(/^- 细分领域：.*\n/m, '');
      const d = only(text, 'intake.missing-field');
      assert.equal(d.severity, 'warning');
      assert.deepEqual(d.data, { kind: 'missing-field', section: '客户行业', field: '细分领域' });
      const [fix, ...rest] = fixes(text, d);
      assert.equal(rest.length, 0);
      assert.ok(fix!.safe && fix!.isPreferred);
      const after = apply(text, fix!);
      assert.match(after, /日均理赔申请1\.2万笔 {2}\n- 细分领域：__\(寿险\/政务云\/航空资产租赁\/跨境电商等\)__\n/);
      assert.deepEqual(codes(after), ['intake.placeholder']);
    });

    it('inserts a required sub-field in a structured intake', () => {
      const text = seeds.aviation.replace(/^- \*\*合规性穿透\*\*：.*\n/m, '');
      const d = only(text, 'intake.missing-field');
      assert.deepEqual(d.data, { kind: 'missing-field', section: '特殊要求', field: '合规性' });
      const after = apply(text, fixes(text, d)[0]!);
      assert.deepEqual(codes(after), ['intake.placeholder']);
    });
  });

  describe('format', () => {
    it('normalises a half-width colon after a section header', () => {
      const text = seeds.insurance.replace('[客户行业]：保险', '[客户行业]:保险');
      const d = only(text, 'intake.format');
      assert.equal(d.severity, 'information');
      assert.deepEqual(d.data, { kind: 'format', problem: 'half-width-colon', replacement: '：' });
      const [fix] = fixes(text, d);
      assert.ok(fix!.safe && fix!.isPreferred);
      assert.equal(apply(text, fix!), seeds.insurance);
    });

    it('normalises a half-width colon after a field key (plain and bold)', () => {
      for (const [name, from, to] of [
        ['insurance', '- 细分领域：', '- 细分领域:'],
        ['aviation', '- **细分场景**：', '- **细分场景**:'],
        ['aviation', '  - 用户量：', '  - 用户量:'],
      ] as const) {
        const original = seeds[name];
        const text = original.replace(from, to);
        assert.notEqual(text, original);
        const d = only(text, 'intake.format');
        const after = apply(text, fixes(text, d)[0]!);
        assert.deepEqual(codes(after), [], `${to} → ${JSON.stringify(after.split('\n').find((l) => l.includes(from.replace(/[-* ：]/g, ''))))}`);
      }
    });

    it('adds a missing colon after a section header', () => {
      const text = seeds.insurance.replace('[当前痛点]：', '[当前痛点]');
      const d = only(text, 'intake.format');
      assert.deepEqual(d.data, { kind: 'format', problem: 'missing-colon', replacement: '：' });
      const [fix] = fixes(text, d);
      assert.ok(fix!.safe && fix!.isPreferred);
      assert.equal(apply(text, fix!), seeds.insurance);
    });

    it('replaces 【】 brackets with []', () => {
      const text = seeds.insurance.replace('[核心目标]：', '【核心目标】：');
      const d = only(text, 'intake.format');
      assert.equal(d.data.kind === 'format' && d.data.problem, 'brackets');
      const [fix] = fixes(text, d);
      assert.ok(fix!.safe && fix!.isPreferred);
      assert.equal(apply(text, fix!), seeds.insurance);
    });

    it('fixes 【】 brackets and a missing colon on the same header together', () => {
      const text = seeds.insurance.replace('[核心目标]：', '【核心目标】');
      assert.deepEqual(codes(text), ['intake.format', 'intake.format']);
      assert.equal(fixAll(text), seeds.insurance);
    });

    it('adds the colon after `]` when the name has blanks inside the brackets', () => {
      const text = seeds.insurance.replace('[当前痛点]：', '[ 当前痛点 ]');
      const after = fixAll(text);
      assert.match(after, /\n\[ 当前痛点 \]： *\n/, JSON.stringify(after.split('\n').find((l) => l.includes('当前痛点'))));
      assert.deepEqual(codes(after), []);
    });

    it('replaces 【】 whole when the name has blanks inside the brackets', () => {
      const text = seeds.insurance.replace('[当前痛点]：', '【当前痛点 】：');
      const after = fixAll(text);
      assert.match(after, /\n\[当前痛点\]： *\n/, JSON.stringify(after.split('\n').find((l) => l.includes('当前痛点'))));
      assert.deepEqual(codes(after), []);
    });
  });

  describe('unknown section', () => {
    it('offers a rename to the closest known section (not applied by fix-all)', () => {
      const text = seeds.insurance.replace('[当前痛点]：', '[当前痛苦]：');
      const d = only(text, 'intake.unknown-section');
      assert.equal(d.severity, 'information');
      assert.deepEqual(d.data, { kind: 'unknown-section', name: '当前痛苦', suggestion: '当前痛点' });
      const [fix, ...rest] = fixes(text, d);
      assert.equal(rest.length, 0);
      assert.equal(fix!.safe, false);
      assert.equal(fix!.isPreferred, true);
      assert.equal(apply(text, fix!), seeds.insurance);
      assert.ok(fixAll(text).includes('[当前痛苦]：'), 'fix-all does not rename');
    });

    it('offers nothing when no known section is close', () => {
      const text = seeds.insurance + '\n[附件清单]：无\n';
      const d = only(text, 'intake.unknown-section');
      assert.equal(d.data.kind === 'unknown-section' && d.data.suggestion, undefined);
      assert.deepEqual(fixes(text, d), []);
    });
  });

  describe('diagnostics without fixes', () => {
    it('offers none for empty values and duplicate sections', () => {
      const text = readFixture('messy');
      for (const d of diagnose(text).filter((x) => x.code === 'intake.empty-value' || x.code === 'intake.duplicate-section')) {
        assert.deepEqual(fixes(text, d), [], d.code);
      }
    });
  });

  describe('fix-all', () => {
    it('changes nothing in the seed file', () => {
      assert.equal(fixAll(readSeed()), readSeed());
      assert.deepEqual(fixAllEdits(readSeed()), []);
      assert.equal(fixAll(withCrlf(readSeed())), withCrlf(readSeed()));
    });

    it('is idempotent on every seed intake and on the whole seed, LF and CRLF', () => {
      for (const text of [readSeed(), ...Object.values(seeds)]) {
        for (const variant of [text, withCrlf(text)]) {
          const once = fixAll(variant);
          assert.equal(fixAll(once), once);
        }
      }
    });

    for (const name of listFixtures()) {
      it(`is idempotent on fixture ${name}`, () => {
        const text = readFixture(name);
        const once = fixAll(text);
        const twice = fixAll(once);
        assert.equal(twice, once, `second pass still edits: ${JSON.stringify(fixAllEdits(once))}`);
        assert.deepEqual(fixAllEdits(once), []);
      });
    }

    // Minimal inputs found by the fuzz test (test/fuzz/pipeline.test.ts) where a second
    // fix-all pass still changes the text.
    const REGRESSIONS: Array<[string, string]> = [
      ['a missing field in the last section and appended missing sections', '[客户行业]：保险\n- 细分领域：车险\n- 业务规模：1万\n[当前痛点]：\n'],
      ['an unclosed placeholder on the last line and appended missing sections', 'x__(\n'],
      ['a missing colon on the last line and appended missing sections', '【X】\n'],
      ['an intake with only unknown sections (the appended [客户行业] opens a new intake)', '[附加说明]：x\n'],
      ['a placeholder inside a section name', '【__(】\n'],
      ['blanks inside the brackets of a header without colon', '[ 当前痛点 ]\n'],
      ['blanks inside 【】', '【当前痛点 】：\n'],
    ];
    for (const [label, text] of REGRESSIONS) {
      it(`is idempotent with ${label}: ${JSON.stringify(text)}`, () => {
        const once = fixAll(text);
        assert.equal(fixAll(once), once, `second pass still edits: ${JSON.stringify(fixAllEdits(once)).slice(0, 300)}`);
      });
    }

    it('leaves no safe-fixable diagnostic in the messy fixture', () => {
      const once = fixAll(readFixture('messy'));
      const left = diagnose(once);
      const ctx = new FixContext(once);
      const fixable = left.filter((d) => fixesFor(d, ctx).some((f) => f.safe));
      assert.deepEqual(
        fixable.map((d) => `${d.code} ${JSON.stringify(d.range)}`),
        [],
      );
      assert.ok(!left.some((d) => d.code === 'intake.format' || d.code === 'intake.missing-section'));
      // An unclosed placeholder stays for the user to close: where it ends is a guess.
      assert.ok(left.some((d) => d.code === 'intake.unclosed-placeholder'));
    });

    it('applies every safe fix without skipping an overlapping edit on the messy fixture', () => {
      const text = readFixture('messy');
      const r = applyEdits(text, fixAllEdits(text));
      assert.equal(r.skipped, 0);
    });

    it('keeps CRLF line endings', () => {
      const text = readFixture('messy');
      assert.ok(text.includes('\r\n'), 'the messy fixture is CRLF (check .gitattributes)');
      assert.doesNotMatch(fixAll(text), /[^\r]\n/);
    });
  });

  describe('applyEdits', () => {
    it('applies edits by position, keeping the given order at one position', () => {
      const r = applyEdits('abc', [
        { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, newText: '1' },
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'A' },
        { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, newText: '2' },
      ]);
      assert.deepEqual(r, { text: 'Abc12', skipped: 0 });
    });

    it('skips an edit that overlaps an earlier one', () => {
      const r = applyEdits('abcdef', [
        { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } }, newText: 'X' },
        { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } }, newText: 'Y' },
      ]);
      assert.deepEqual(r, { text: 'aXef', skipped: 1 });
    });

    it('keeps an insertion at the start of a replaced range (it does not overlap)', () => {
      // As in LSP/VS Code: an insert at the start of a replacement applies before it. fix-all
      // needs this when a section is inserted before a header whose 【】 are being replaced.
      const r = applyEdits('【X】：', [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: '[X]' },
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '[客户行业]：\n' },
      ]);
      assert.deepEqual(r, { text: '[客户行业]：\n[X]：', skipped: 0 });
    });

    it('maps positions through CRLF', () => {
      const r = applyEdits('a\r\nb:\r\n', [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, newText: '：' }]);
      assert.equal(r.text, 'a\r\nb：\r\n');
    });
  });

  describe('fill placeholders', () => {
    for (const name of ['blank-simple', 'blank-structured'] as const) {
      it(`removes every placeholder diagnostic from the ${name} template`, () => {
        const text = seeds[name];
        const edits = fillPlaceholderEdits(text);
        assert.equal(edits.length, name === 'blank-simple' ? 35 : 40);
        const r = applyEdits(text, edits);
        assert.equal(r.skipped, 0);
        const left = diagnose(r.text);
        assert.equal(left.filter((d) => d.code === 'intake.placeholder').length, 0);
        assert.equal(parseIntake(r.text).placeholders.length, 0);
        assert.deepEqual(
          left.map((d) => `${d.code}: ${d.message}`),
          [],
        );
      });
    }

    it('fills the whole seed file, CRLF too', () => {
      for (const text of [readSeed(), withCrlf(readSeed())]) {
        const r = applyEdits(text, fillPlaceholderEdits(text));
        assert.equal(parseIntake(r.text).placeholders.length, 0);
        assert.equal(diagnose(r.text).filter((d) => d.code === 'intake.placeholder').length, 0);
      }
    });

    it('leaves unclosed placeholders alone', () => {
      const text = '[客户行业]：__(保险/政府\n';
      assert.deepEqual(fillPlaceholderEdits(text), []);
    });
  });
});
