import * as assert from 'node:assert/strict';
import { parseIntake } from '../../../src/core/parser';
import { getCompletions, type CompletionEntry } from '../../../src/core/features/completion';
import { readSeed, seedIntakes } from '../helpers/seeds';

/** Completions at the `|` marker of `text` (the marker is removed). */
function complete(textWithCursor: string, options: { locale?: 'en' | 'zh-cn'; trigger?: string } = {}): CompletionEntry[] {
  const lines = textWithCursor.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  assert.ok(line >= 0, 'test text has no | cursor marker');
  const character = lines[line]!.indexOf('|');
  lines[line] = lines[line]!.replace('|', '');
  const text = lines.join('\n');
  const entries = getCompletions(parseIntake(text), { line, character }, lines[line]!, options.locale ?? 'en', options.trigger === undefined ? {} : { triggerCharacter: options.trigger });
  for (const e of entries) {
    assert.ok(e.replaceRange, `${e.label}: no replaceRange`);
    const r = e.replaceRange;
    assert.equal(r.start.line, line, `${e.label}: range not on the cursor line`);
    assert.equal(r.end.line, line, `${e.label}: range spans lines`);
    assert.ok(r.start.character <= character && character <= r.end.character, `${e.label}: range ${JSON.stringify(r)} does not contain the cursor ${character}`);
    assert.ok(r.end.character <= lines[line]!.length, `${e.label}: range past the end of the line`);
  }
  return entries;
}

function labels(entries: CompletionEntry[]): string[] {
  return entries.map((e) => e.label);
}

function byLabel(entries: CompletionEntry[], label: string): CompletionEntry {
  const e = entries.find((x) => x.label === label);
  assert.ok(e, `no completion "${label}" in ${labels(entries).join(', ')}`);
  return e;
}

function sorted(entries: CompletionEntry[]): string[] {
  return [...entries].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((e) => e.label);
}

describe('features: completion', () => {
  const seeds = seedIntakes();

  describe('field names on a bullet line', () => {
    it('offers a field deleted from its section, and not one still present', () => {
      const text = seeds.insurance.replace(/- 业务规模：.*\n/, '- |\n');
      const entries = complete(text);
      assert.ok(labels(entries).includes('业务规模'));
      assert.ok(!labels(entries).includes('细分领域'), 'a present field must not be offered');
      assert.ok(entries.every((e) => e.kind === 'field'));
      const e = byLabel(entries, '业务规模');
      assert.ok(e.insertText.startsWith('业务规模：'), e.insertText);
      assert.match(e.insertText, /\$\{1:__\(.+\)__\}$/, 'a placeholder tab stop follows the full-width colon');
      assert.ok(e.documentation && e.documentation.includes('Users, transactions'), 'English description as documentation');
      assert.ok(e.detail?.includes('required'));
    });

    it('treats synonyms as present (细分场景 is 细分领域)', () => {
      const text = seeds.aviation.replace(/- \*\*业务连续性要求\*\*：.*\n/, '- |\n');
      const entries = complete(text);
      assert.ok(!labels(entries).includes('细分领域'), labels(entries).join(', '));
      assert.ok(labels(entries).includes('业务连续性要求'));
    });

    it('writes bold keys where the sibling keys are bold', () => {
      const text = seeds.aviation.replace(/- \*\*业务连续性要求\*\*：.*\n/, '- |\n');
      const e = byLabel(complete(text), '业务连续性要求');
      assert.ok(e.insertText.startsWith('**业务连续性要求**：'), e.insertText);
    });

    it('keeps plain keys where the siblings are plain, and inserts no tab stop when text follows', () => {
      const text = seeds.insurance.replace('- 业务规模：', '- 业务|规模：');
      const entries = complete(text);
      const e = byLabel(entries, '业务规模');
      assert.equal(e.insertText, '业务规模：');
      // The existing key and its colon are replaced; the value after it stays.
      assert.equal(e.replaceRange!.start.character, 2);
      assert.equal(e.replaceRange!.end.character, '- 业务规模：'.length);
    });

    it('ranks the sub-fields of the parent first on a nested bullet', () => {
      const text = seeds['blank-simple'].replace(/(  - 私有云：.*\n)/, '$1  - |\n');
      const entries = complete(text);
      assert.equal(sorted(entries)[0], '网络架构');
      assert.ok(!labels(entries).includes('公有云'));
      assert.ok(!labels(entries).includes('云环境'));
    });

    it('offers fields after a bare bullet marker, with the space', () => {
      const text = seeds.insurance.replace(/- 业务规模：.*\n/, '-|\n');
      const e = byLabel(complete(text, { trigger: '-' }), '业务规模');
      assert.ok(e.insertText.startsWith(' 业务规模：'), e.insertText);
    });

    it('answers the space trigger right after "- " but not inside a key', () => {
      const text = seeds.insurance.replace(/- 业务规模：.*\n/, '- |\n');
      assert.ok(complete(text, { trigger: ' ' }).length > 0);
      const typing = seeds.insurance.replace(/- 业务规模：.*\n/, '- 业务 |\n');
      assert.deepEqual(complete(typing, { trigger: ' ' }), []);
    });

    it('gives nothing on a bullet outside any section', () => {
      assert.deepEqual(complete('- |\n'), []);
    });
  });

  describe('section names at the start of a line', () => {
    const withoutPain = seeds.insurance.replace(/\[当前痛点\]：[\s\S]*?\n\n/, '');

    it('offers only the sections missing from the intake', () => {
      const entries = complete(`${withoutPain}\n|\n`);
      assert.deepEqual(labels(entries), ['当前痛点']);
      const e = entries[0]!;
      assert.equal(e.kind, 'section');
      assert.equal(e.insertText, '[当前痛点]：');
      assert.ok(e.documentation?.includes('Feeds:'));
    });

    it('offers every section in a new intake after a separator', () => {
      const entries = complete(`${seeds.insurance}\n=====\n\n|\n`);
      assert.deepEqual(labels(entries), ['客户行业', '当前痛点', '基础设施现状', '核心目标', '预算限制', '特殊要求']);
      const industry = byLabel(entries, '客户行业');
      assert.equal(industry.insertText, '[客户行业]：${1:__(保险/政府/航空/零售等)__}');
    });

    it('does not duplicate a typed "[" and swallows an auto-closed "]"', () => {
      const entries = complete(`${withoutPain}\n[|]\n`, { trigger: '[' });
      const e = byLabel(entries, '当前痛点');
      assert.equal(e.insertText, '[当前痛点]：');
      assert.deepEqual([e.replaceRange!.start.character, e.replaceRange!.end.character], [0, 2]);
      assert.ok(e.filterText?.startsWith('[当前痛点'), e.filterText);
    });

    it('replaces a partly typed name after "【"', () => {
      const entries = complete(`${withoutPain}\n【当前|\n`);
      const e = byLabel(entries, '当前痛点');
      assert.deepEqual([e.replaceRange!.start.character, e.replaceRange!.end.character], [0, 3]);
      assert.ok(e.filterText?.startsWith('【'));
    });

    it('adds the ### heading in a structured intake', () => {
      const structured = seeds.aviation.replace(/### 二、[^\n]*\n\[当前痛点\]：[\s\S]*?\n\n/, '');
      const e = byLabel(complete(`${structured}\n|\n`), '当前痛点');
      assert.equal(e.insertText, '### 二、痛点诊断与技术债分析\n[当前痛点]：');
    });

    it('does not repeat a ### heading the user already typed', () => {
      const structured = seeds.aviation.replace(/### 二、[^\n]*\n\[当前痛点\]：[\s\S]*?\n\n/, '');
      const e = byLabel(complete(`${structured}\n### 二、痛点诊断与技术债分析\n|\n`), '当前痛点');
      assert.equal(e.insertText, '[当前痛点]：');
    });

    it('stays quiet when a space is typed on an empty line', () => {
      assert.deepEqual(complete(`${withoutPain}\n |\n`, { trigger: ' ' }), []);
    });
  });

  describe('values after a colon', () => {
    it('offers the industries after [客户行业]：', () => {
      const text = seeds.insurance.replace('[客户行业]：保险', '[客户行业]：|');
      const entries = complete(text, { trigger: '：' });
      assert.ok(entries.length >= 10);
      assert.ok(entries.every((e) => e.kind === 'value'));
      for (const v of ['保险', '银行', '航空']) assert.ok(labels(entries).includes(v), v);
      assert.ok(byLabel(entries, '保险').documentation?.includes("The customer's industry"));
    });

    it('filters from the text typed after the colon', () => {
      const text = seeds.insurance.replace('[客户行业]：保险', '[客户行业]：保|');
      const e = byLabel(complete(text), '保险');
      assert.deepEqual([e.replaceRange!.start.character, e.replaceRange!.end.character], ['[客户行业]：'.length, '[客户行业]：保'.length]);
    });

    it('offers a nested field\'s values after several values', () => {
      const text = seeds.insurance.replace('- 合规性：符合中国保险业监管与欧盟GDPR', '- 合规性：GDPR、|');
      const entries = complete(text);
      assert.ok(labels(entries).includes('PIPL'));
      const e = byLabel(entries, 'PIPL');
      assert.equal(e.replaceRange!.start.character, '- 合规性：GDPR、'.length);
    });

    it('offers the placeholder options first, replacing the whole placeholder', () => {
      const text = seeds['blank-simple'].replace('[客户行业]：__(', '[客户行业]：|__(');
      const entries = complete(text);
      assert.deepEqual(sorted(entries).slice(0, 4), ['保险', '政府', '航空', '零售']);
      const e = byLabel(entries, '保险');
      assert.equal(e.replaceRange!.start.character, '[客户行业]：'.length);
      assert.equal(e.replaceRange!.end.character, '[客户行业]：__(保险/政府/航空/零售等)__'.length);
      assert.ok(labels(entries).includes('银行'), 'catalog values follow the options');
    });

    it('offers placeholder options in a field without catalog values', () => {
      const text = seeds['blank-simple'].replace('- 业务影响：导致__(收入', '- 业务影响：导致__(|收入');
      assert.deepEqual(labels(complete(text)), ['收入损失', '合规风险', '客户投诉率上升']);
    });

    it('offers nothing after the colon of a field without values', () => {
      const text = seeds.insurance.replace(/- 业务规模：.*\n/, '- 业务规模：|\n');
      assert.deepEqual(complete(text, { trigger: '：' }), []);
    });

    it('offers values of a bold key in a structured intake', () => {
      const text = seeds.aviation.replace('- **细分场景**：飞机租赁资产管理系统', '- **细分场景**：|');
      assert.ok(labels(complete(text)).includes('航空资产租赁'));
    });
  });

  it('speaks the locale in documentation', () => {
    const text = seeds.insurance.replace(/- 业务规模：.*\n/, '- |\n');
    const e = byLabel(complete(text, { locale: 'zh-cn' }), '业务规模');
    assert.ok(e.documentation?.includes('用户量、交易量'), e.documentation);
  });

  it('escapes snippet syntax in inserted text', () => {
    const text = seeds.insurance.replace(/- 总预算：.*\n/, '- |\n');
    const e = byLabel(complete(text), '总预算');
    assert.ok(e.insertText.includes('\\$150万/年'), e.insertText);
  });

  it('never throws and keeps every range on the cursor line, at every position of the seed', () => {
    const text = readSeed();
    const file = parseIntake(text);
    const lines = text.split('\n');
    let offered = 0;
    lines.forEach((lineText, line) => {
      for (let character = 0; character <= lineText.length; character++) {
        for (const trigger of [undefined, '[', '-', '：', ' ']) {
          const entries = getCompletions(file, { line, character }, lineText, 'en', trigger === undefined ? {} : { triggerCharacter: trigger });
          offered += entries.length;
          for (const e of entries) {
            const r = e.replaceRange!;
            assert.ok(r.start.line === line && r.end.line === line && r.start.character <= character && character <= r.end.character && r.end.character <= lineText.length, `${line}:${character} ${e.label}`);
          }
        }
      }
    });
    assert.ok(offered > 1000);
  });
});
