/**
 * The reports' markdown-it finds plain text with a regular expression (src/core/render/markdownText.ts)
 * in place of markdown-it's own `text` rule: the two must cut every text the same way, with the
 * reports' options and with a rule that parses a part of the text (a link label sets posMax).
 */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { generateReport } from '../../../src/core/engine/generate';
import { parseIntake } from '../../../src/core/parser';
import { renderMarkdown } from '../../../src/core/render/markdown';
import { createReportMarkdownIt } from '../../../src/core/render/markdownIt';
import { textRule } from '../../../src/core/render/markdownText';
import { seedIntakes } from '../helpers/seeds';
import { AS_OF } from './fixtures';

/** Every character markdown-it's isTerminatorChar stops at, and some it does not. */
const ALPHABET = [...'\n!#$%&*+-:<=>@[\\]^_`{}~', ...'中文，。a1 .|()"\'/?', '\r\n', '  ', '**', '`code`'];

/** Deterministic texts from the alphabet (a small LCG: the same texts on every run). */
function texts(count: number, seed = 7): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 40) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]!).join(''));
}

/** markdown-it's own `text` inline rule (the first inline rule, by its function's name). */
function markdownItsTextRule(): MarkdownIt.ParserInline.RuleInline {
  const rule = new MarkdownIt().inline.ruler.getRules('').find((r) => r.name === 'text');
  assert.ok(rule, 'markdown-it has no inline rule named text');
  return rule;
}

/** The reports' markdown-it with markdown-it's own `text` rule back. */
function stockReportMarkdownIt(): MarkdownIt {
  const md = createReportMarkdownIt();
  md.inline.ruler.at('text', markdownItsTextRule());
  return md;
}

describe('markdownText: the text rule by regular expression', () => {
  it('the reports use it', () => {
    const rules = createReportMarkdownIt().inline.ruler.getRules('');
    assert.ok(rules.includes(textRule));
    assert.ok(!rules.includes(markdownItsTextRule()));
  });

  it('gives the tokens markdown-it gives, with the reports’ options', () => {
    const ours = createReportMarkdownIt();
    const stock = stockReportMarkdownIt();
    for (const text of [...texts(3000), '', 'a', '中文', '**粗体**：值_斜_`码`', '表头 | 值\n--- | ---\n甲 | 乙']) {
      assert.deepEqual(ours.parse(text, {}), stock.parse(text, {}), JSON.stringify(text));
    }
  });

  it('stops at posMax when a rule parses a part of the text (link labels)', () => {
    const ours = new MarkdownIt();
    ours.inline.ruler.at('text', textRule);
    const stock = new MarkdownIt();
    for (const text of [...texts(1500, 11).map((t) => `[${t}](https://a.example/${t.length}) 后文 ${t}`), '[中文*强调*](x)尾', '![图[嵌套]文](y "t") 末']) {
      assert.equal(ours.render(text), stock.render(text), JSON.stringify(text));
    }
  });

  it('never takes text past posMax, wherever it stands', () => {
    const state = { src: '中文abc中文!尾', pos: 0, posMax: 3, pending: '' } as unknown as MarkdownIt.StateInline;
    assert.equal(textRule(state, false), true);
    assert.deepEqual([state.pos, state.pending], [3, '中文a']);
    state.posMax = state.src.length;
    assert.equal(textRule(state, true), true);
    assert.deepEqual([state.pos, state.pending], [7, '中文a']);
    assert.equal(textRule(state, false), false, 'at a terminator');
  });

  it('renders the seed reports as markdown-it’s own rule does', () => {
    const ours = createReportMarkdownIt();
    const stock = stockReportMarkdownIt();
    for (const [name, text] of Object.entries(seedIntakes())) {
      const markdown = renderMarkdown(generateReport(parseIntake(text), 0, { asOf: AS_OF }));
      assert.equal(ours.render(markdown), stock.render(markdown), name);
    }
  });
});
