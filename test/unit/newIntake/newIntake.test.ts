import * as assert from 'node:assert/strict';
import { analyzePlaceholder } from '../../../src/core/placeholder';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { getKnowledgeBase } from '../../../src/core/knowledge/knowledge';
import { buildNewIntake, escapeSnippetText, industryChoices, TEMPLATES, type IndustryChoice, type TemplateVariant } from '../../../src/core/newIntake/newIntake';
import { industrySegments } from '../../../src/core/newIntake/segments';
import { readExample } from '../helpers/seeds';

const VARIANTS: TemplateVariant[] = ['simple', 'structured'];

/**
 * Reads a snippet the way VS Code does for the syntax we write (`${n:text}` and `\` escapes):
 * the text it inserts and where each tab stop lands, by number.
 */
function expandSnippet(snippet: string): { text: string; stops: Map<number, { start: number; end: number }> } {
  let text = '';
  const stops = new Map<number, { start: number; end: number }>();
  let open: { n: number; start: number } | undefined;
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1]!)) {
      text += snippet[++i];
    } else if (c === '$') {
      const m = /^\$\{(\d+):/.exec(snippet.slice(i));
      assert.ok(m && !open, `unexpected "$" at ${i}: ${snippet.slice(i, i + 20)}`);
      open = { n: Number(m[1]), start: text.length };
      i += m[0].length - 1;
    } else if (c === '}') {
      assert.ok(open, `unescaped "}" at ${i}`);
      stops.set(open.n, { start: open.start, end: text.length });
      open = undefined;
    } else text += c;
  }
  assert.equal(open, undefined, 'an unclosed tab stop');
  return { text, stops };
}

function offsetOf(text: string, line: number, character: number): number {
  return text.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
}

describe('New Intake (src/core/newIntake)', () => {
  const choices = industryChoices(getKnowledgeBase());
  const insurance = choices.find((c) => c.id === 'insurance')!;

  it('offers every industry of the knowledge base, in its order, each with typical segments', () => {
    assert.deepEqual(
      choices.map((c) => c.id),
      getKnowledgeBase().industries.map((i) => i.id),
    );
    for (const c of choices) {
      assert.ok(c.segments.length >= 2, `${c.id}: ${c.segments.join(', ')}`);
      assert.ok(c.name && c.nameEn, c.id);
    }
    assert.deepEqual(Object.keys(industrySegments()).sort(), choices.map((c) => c.id).sort(), 'segments.yaml names an industry the knowledge base lacks');
  });

  it('starts from the blank templates of examples/ (trailing spaces aside)', () => {
    const strip = (t: string) => t.split('\n').map((l) => l.trimEnd()).join('\n');
    assert.equal(TEMPLATES.simple, strip(readExample('blank-simple')));
    assert.equal(TEMPLATES.structured, strip(readExample('blank-structured')));
  });

  for (const variant of VARIANTS) {
    describe(`${variant} template`, () => {
      const built = buildNewIntake(variant, insurance);
      const file = parseIntake(built.text);
      const intake = file.intakes[0]!;

      it('fills in the industry and offers its segments as the 细分领域 placeholder', () => {
        assert.equal(file.intakes.length, 1);
        assert.equal(intake.sections.find((s) => s.name === '客户行业')?.value?.text.trim(), '保险');
        const first = built.tabStops[0]!;
        const line = built.text.split('\n')[first.start.line]!;
        assert.match(line, /细分(领域|场景)/);
        const placeholder = intake.sections[0]!.items.flatMap((i) => i.value?.placeholders ?? [])[0]!;
        assert.deepEqual(analyzePlaceholder(placeholder.inner).options, insurance.segments);
      });

      it('has every placeholder of the template but the industry one as a tab stop, in document order', () => {
        const templatePlaceholders = validate(parseIntake(TEMPLATES[variant])).filter((d) => d.code === 'intake.placeholder').length;
        const placeholders = validate(file).filter((d) => d.code === 'intake.placeholder');
        assert.equal(placeholders.length, templatePlaceholders - 1);
        assert.deepEqual(
          built.tabStops,
          placeholders.map((d) => d.range),
        );
      });

      it('writes a snippet that inserts exactly the text, with tab stop n on the n-th placeholder', () => {
        const { text, stops } = expandSnippet(built.snippet);
        assert.equal(text, built.text);
        assert.equal(stops.size, built.tabStops.length);
        built.tabStops.forEach((r, i) => {
          const stop = stops.get(i + 1)!;
          assert.deepEqual(stop, { start: offsetOf(text, r.start.line, r.start.character), end: offsetOf(text, r.end.line, r.end.character) }, `tab stop ${i + 1}`);
          assert.match(text.slice(stop.start, stop.end), /^__\(.*\)__$/);
        });
      });

      it('has no errors: only the placeholders are left to fill', () => {
        const other = validate(file).filter((d) => d.code !== 'intake.placeholder' && d.severity !== 'information');
        assert.deepEqual(other.map((d) => `${d.code}: ${d.message}`), []);
      });
    });
  }

  it('escapes $, } and \\ in the snippet (the template has "$150万")', () => {
    assert.equal(escapeSnippetText('a$b}c\\d{e'), 'a\\$b\\}c\\\\d{e');
    assert.ok(buildNewIntake('simple', insurance).snippet.includes('\\$150万'));
  });

  it('works for every industry, and an industry without segments keeps the generic placeholder', () => {
    for (const c of choices) for (const v of VARIANTS) assert.equal(expandSnippet(buildNewIntake(v, c).snippet).text, buildNewIntake(v, c).text);
    const bare: IndustryChoice = { ...insurance, segments: [] };
    assert.match(buildNewIntake('simple', bare).text, /细分领域：__\(寿险\/政务云/);
  });
});
