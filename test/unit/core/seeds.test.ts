import * as assert from 'node:assert/strict';
import type { IntakeDiagnostic } from '../../../src/core/diagnostics';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { coreOnly } from '../helpers/codes';
import { readSeed, seedIntakes, splitIntakes, SEED_NAMES } from '../helpers/seeds';
import { keyRangeOf } from '../../../src/core/fieldParts';

const REQUIRED_SECTIONS = ['客户行业', '当前痛点', '基础设施现状', '核心目标', '预算限制', '特殊要求'];
const STRUCTURED_HEADINGS = ['一、行业背景与业务特性', '二、痛点诊断与技术债分析', '三、基础设施全景图', '四、目标体系与验收标准', '五、预算与采购模型', '六、约束条件与兼容性要求'];

function count(diags: readonly IntakeDiagnostic[], code: string, intake?: number): number {
  return diags.filter((d) => d.code === code && (intake === undefined || d.intake === intake)).length;
}

function summary(diags: readonly IntakeDiagnostic[]): string {
  return diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}: ${d.message}`).join('\n');
}

describe('seed file', () => {
  const text = readSeed();
  const lines = text.split('\n');
  const file = parseIntake(text);
  const diags = validate(file);

  describe('four intakes', () => {
    it('parses into exactly 4 intakes', () => {
      assert.equal(file.intakes.length, 4);
      assert.deepEqual(
        file.intakes.map((i) => i.index),
        [0, 1, 2, 3],
      );
    });

    it('finds no parse problems', () => {
      assert.deepEqual(file.problems, []);
    });

    it('gives every intake the six sections in template order', () => {
      for (const intake of file.intakes) {
        assert.deepEqual(
          intake.sections.map((s) => s.name),
          REQUIRED_SECTIONS,
          `intake ${intake.index}`,
        );
      }
    });

    it('records the separator that ends each of the first three intakes', () => {
      const seps = file.intakes.map((i) => (i.separatorAfter ? lines[i.separatorAfter.start.line]!.slice(i.separatorAfter.start.character, i.separatorAfter.end.character) : undefined));
      assert.deepEqual(seps, ['=====', '===!!!', '!!!!!', undefined]);
      // The indented `  !!!!!` separator: its range starts after the indentation.
      assert.equal(file.intakes[2]!.separatorAfter!.start.character, 2);
    });

    it('orders intakes by line and does not let them overlap', () => {
      for (let i = 1; i < file.intakes.length; i++) {
        const prev = file.intakes[i - 1]!;
        const cur = file.intakes[i]!;
        assert.ok(prev.separatorAfter, `intake ${i - 1} has a separator`);
        assert.ok(prev.range.end.line < prev.separatorAfter.start.line, `intake ${i - 1} ends before its separator`);
        assert.ok(prev.separatorAfter.start.line < cur.range.start.line, `intake ${i} starts after the separator`);
      }
    });

    it('gives the simple intakes no headings and the structured ones their six', () => {
      assert.deepEqual(file.intakes[0]!.headings, []);
      assert.deepEqual(file.intakes[1]!.headings, []);
      assert.deepEqual(
        file.intakes[2]!.headings.map((h) => h.text),
        STRUCTURED_HEADINGS,
      );
      assert.deepEqual(
        file.intakes[3]!.headings.map((h) => h.text),
        STRUCTURED_HEADINGS,
      );
      for (const h of [...file.intakes[2]!.headings, ...file.intakes[3]!.headings]) assert.equal(h.level, 3);
    });

    it('attaches each ### heading to the section below it', () => {
      for (const intake of file.intakes.slice(2)) {
        intake.sections.forEach((s, i) => {
          assert.equal(s.heading?.text, STRUCTURED_HEADINGS[i], `intake ${intake.index} [${s.name}]`);
          assert.equal(s.heading!.range.start.line + 1, s.nameRange.start.line, 'the heading is on the line above');
        });
      }
    });

    it('gives the heading on the indented line after `  !!!!!` to intake 4, not intake 3', () => {
      const sepLine = lines.findIndex((l) => l.trim() === '!!!!!');
      assert.ok(sepLine > 0);
      assert.match(lines[sepLine + 1]!, /^ {2}### 一、行业背景与业务特性/);
      const fourth = file.intakes[3]!;
      const first = fourth.headings[0]!;
      assert.equal(first.text, '一、行业背景与业务特性');
      assert.deepEqual(first.range.start, { line: sepLine + 1, character: 2 });
      assert.deepEqual(fourth.range.start, first.range.start, 'intake 4 starts at its first heading');
      assert.ok(file.intakes[2]!.range.end.line < sepLine, 'intake 3 ends before the separator');
      assert.ok(
        file.intakes[2]!.headings.every((h) => h.range.start.line < sepLine),
        'intake 3 has no heading after the separator',
      );
    });

    it('reads the header values of [客户行业]', () => {
      assert.deepEqual(
        file.intakes.map((i) => i.sections[0]!.value?.text),
        ['__(保险/政府/航空/零售等)__', '保险', '__(保险/政府/航空/零售等)__', '航空'],
      );
    });

    it('reads bold keys in the structured intakes', () => {
      const industry = file.intakes[3]!.sections[0]!;
      const first = industry.items[0]!;
      assert.equal(first.kind, 'field');
      if (first.kind !== 'field') return;
      assert.equal(first.key, '细分场景');
      assert.equal(first.bold, true);
      assert.equal(first.value?.text, '飞机租赁资产管理系统');
      const scale = industry.items[1]!;
      assert.equal(scale.kind === 'field' && scale.key, '业务规模');
      assert.deepEqual(
        scale.children.map((c) => c.kind === 'field' && c.key),
        ['用户量', '数据量'],
      );
    });

    it('keeps the key ranges on the key text', () => {
      for (const intake of file.intakes) {
        for (const s of intake.sections) {
          const l = lines[s.nameRange.start.line]!;
          assert.equal(l.slice(s.nameRange.start.character, s.nameRange.end.character), s.name);
          for (const item of s.items) {
            if (item.kind !== 'field') continue;
            const key = keyRangeOf(item);
            const kl = lines[key.start.line]!;
            assert.equal(kl.slice(key.start.character, key.end.character), item.key);
          }
        }
      }
    });
  });

  describe('placeholder counts', () => {
    it('reports 35 intake.placeholder warnings on the blank simple template (intake 1)', () => {
      assert.equal(count(diags, 'intake.placeholder', 0), 35);
    });

    it('reports 40 intake.placeholder warnings on the blank structured template (intake 3)', () => {
      assert.equal(count(diags, 'intake.placeholder', 2), 40);
    });

    it('reports 75 in the whole file, one per `__(…)__`, all warnings', () => {
      const placeholders = diags.filter((d) => d.code === 'intake.placeholder');
      assert.equal(placeholders.length, 75);
      assert.equal((text.match(/__\(/g) ?? []).length, 75);
      assert.ok(placeholders.every((d) => d.severity === 'warning'));
      assert.equal(file.placeholders.length, 75);
    });

    it('gives the same counts when each template is checked on its own', () => {
      const parts = seedIntakes();
      assert.equal(count(validate(parseIntake(parts['blank-simple'])), 'intake.placeholder'), 35);
      assert.equal(count(validate(parseIntake(parts['blank-structured'])), 'intake.placeholder'), 40);
    });

    it('gives the blank templates no diagnostic other than placeholders', () => {
      const other = coreOnly(diags).filter((d) => (d.intake === 0 || d.intake === 2) && d.code !== 'intake.placeholder');
      assert.deepEqual(other, [], summary(other));
    });
  });

  describe('filled intakes', () => {
    for (const index of [1, 3]) {
      it(`gives intake ${index + 1} (${SEED_NAMES[index]}) no errors and no placeholder warnings from the core validator`, () => {
        // The analysis checks (issue 4) do report the aviation intake's own contradictions.
        const mine = coreOnly(diags.filter((d) => d.intake === index));
        assert.equal(mine.filter((d) => d.severity === 'error').length, 0, summary(mine));
        assert.equal(count(mine, 'intake.placeholder'), 0);
      });

      it(`gives intake ${index + 1} (${SEED_NAMES[index]}) no diagnostic of the core validator at all`, () => {
        const mine = coreOnly(diags.filter((d) => d.intake === index));
        assert.deepEqual(mine, [], summary(mine));
      });

      it(`gives intake ${index + 1} the same diagnostics when checked on its own`, () => {
        const own = validate(parseIntake(seedIntakes()[SEED_NAMES[index]!]));
        const offset = file.intakes[index]!.range.start.line;
        const shift = (d: IntakeDiagnostic) => ({
          code: d.code,
          message: d.message,
          range: { start: { line: d.range.start.line - offset, character: d.range.start.character }, end: { line: d.range.end.line - offset, character: d.range.end.character } },
        });
        assert.deepEqual(
          own.map((d) => ({ code: d.code, message: d.message, range: d.range })),
          diags.filter((d) => d.intake === index).map(shift),
        );
      });
    }
  });

  it('reports exactly the seeds’ own contradictions through the analysis checks', () => {
    const analysis = (index: number) =>
      diags
        .filter((d) => d.intake === index && d.data.kind === 'analysis')
        .map((d) => `${d.range.start.line + 1} ${d.code}`)
        .sort();
    assert.deepEqual(analysis(1), ['70 intake.retired-standard', '70 intake.wording']);
    assert.deepEqual(analysis(3), ['184 intake.latency-physics', '187 intake.unknown-standard', '187 intake.wording']);
  });

  describe('splitting', () => {
    it('splits the seed into four texts by the parser ranges', () => {
      const parts = splitIntakes(text);
      assert.equal(parts.length, 4);
      assert.match(parts[0]!, /^\[客户行业\]：__\(保险/);
      assert.match(parts[1]!, /^\[客户行业\]：保险/);
      assert.match(parts[2]!, /^### 一、行业背景与业务特性\n\[客户行业\]/);
      assert.match(parts[3]!, /^ {2}### 一、行业背景与业务特性\n\[客户行业\]：航空/);
      for (const p of parts) assert.doesNotMatch(p, /^\s*[=!-]{3,}\s*$/m, 'no separator line inside an intake');
    });

    it('splits simple intakes by a new [客户行业] block without separator lines', () => {
      const parts = seedIntakes();
      const joined = parts['blank-simple'] + '\n' + parts.insurance + parts['blank-simple'];
      const f = parseIntake(joined);
      assert.equal(f.intakes.length, 3);
      for (const intake of f.intakes) assert.deepEqual(intake.sections.map((s) => s.name), REQUIRED_SECTIONS);
      assert.ok(f.intakes.every((i) => i.separatorAfter === undefined));
      const d = validate(f);
      assert.equal(count(d, 'intake.placeholder', 0), 35);
      assert.equal(coreOnly(d).filter((x) => x.intake === 1).length, 0, summary(d.filter((x) => x.intake === 1)));
      assert.equal(count(d, 'intake.placeholder', 2), 35);
      assert.equal(count(d, 'intake.duplicate-section'), 0);
    });

    it('splits the whole seed by [客户行业] alone once the separator lines are removed', () => {
      const noSeparators = lines.filter((l) => !/^\s*[=!-]{3,}\s*$/.test(l)).join('\n');
      const f = parseIntake(noSeparators);
      assert.equal(f.intakes.length, 4);
      for (const intake of f.intakes) assert.deepEqual(intake.sections.map((s) => s.name), REQUIRED_SECTIONS);
      const d = validate(f);
      assert.equal(count(d, 'intake.placeholder', 0), 35);
      assert.equal(count(d, 'intake.placeholder', 2), 40);
      assert.equal(coreOnly(d).filter((x) => x.severity === 'error').length, 0, summary(d));
    });

    it('gives a ### heading above a new [客户行业] block to the intake that follows it', () => {
      const parts = seedIntakes();
      // Structured template directly followed by the aviation intake, no separator.
      const f = parseIntake(parts['blank-structured'] + '\n' + parts.aviation);
      assert.equal(f.intakes.length, 2);
      assert.deepEqual(
        f.intakes[0]!.headings.map((h) => h.text),
        STRUCTURED_HEADINGS,
      );
      assert.deepEqual(
        f.intakes[1]!.headings.map((h) => h.text),
        STRUCTURED_HEADINGS,
      );
      assert.equal(f.intakes[1]!.sections[0]!.heading?.text, '一、行业背景与业务特性');
    });

    it('accepts `-----` and other =/!/- runs of 3 or more as separators, with blanks around', () => {
      const parts = seedIntakes();
      for (const sep of ['---', '-----', '===', '!!!', ' \t=!-=!- \t', '\t!!!!!']) {
        const f = parseIntake(parts['blank-simple'] + sep + '\n' + parts.insurance);
        assert.equal(f.intakes.length, 2, JSON.stringify(sep));
        assert.ok(f.intakes[0]!.separatorAfter, JSON.stringify(sep));
      }
    });

    it('does not split on runs shorter than 3 or mixed with other characters', () => {
      const parts = seedIntakes();
      for (const notSep of ['==', '--', '=== x', '==a==']) {
        const f = parseIntake(parts.insurance.replace('\n\n[当前痛点]', `\n${notSep}\n[当前痛点]`));
        assert.equal(f.intakes.length, 1, JSON.stringify(notSep));
      }
    });
  });
});
