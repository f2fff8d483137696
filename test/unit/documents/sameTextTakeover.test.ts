import * as assert from 'node:assert/strict';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { plain } from '../helpers/ranges';
import { seedIntakeList } from '../helpers/seeds';

/** `text` with `remove` characters at `at` replaced by `insert`. */
function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

describe('DocumentAnalysis: an intake parsed again with the same text', () => {
  // Found by the property test (test/fuzz/documents.test.ts, seed 631317000): a separator typed
  // after an intake changed how its last lines parse (a `### ` line became its heading) while its
  // text stayed the same, and the intake took over the results of the one it replaced, made from
  // the other tree: six placeholder diagnostics went missing.
  it('takes over the results of the one it replaced only where both parsed alike', () => {
    const [blank, insurance, structured, aviation] = seedIntakeList();
    let text = `\n${[blank, insurance, structured].join('\n=====\n')}\n${aviation}\n-----\n${insurance}`;
    const cut = text.indexOf('\n### 六、约束条件与兼容性要求\n[特殊');
    assert.ok(cut > 0);
    text = splice(text, cut, '\n### 六、约束条件与兼容性要求\n[特殊'.length, '### 一、标题\n');
    let a = DocumentAnalysis.of(text);
    assert.deepEqual(plain(a.diagnostics()), plain(validate(parseIntake(text))));
    const industry = text.indexOf('：航空  \n- **细分场景**：飞机租赁资产管理系统  \n-');
    text = splice(text, industry, '：航空  \n- **细分场景**：飞机租赁资产管理系统  \n-'.length, '[客户行业]：保险\n');
    a = a.next(text);
    // The blank line between the structured intake and the aviation one becomes a separator.
    const blankLine = text.lastIndexOf('\n', text.indexOf('### 一、行业背景与业务特性', text.indexOf('### 一、标题')) - 1);
    text = splice(text, blankLine, 1, '  !!!!!\n');
    a = a.next(text);
    const fresh = validate(parseIntake(text));
    assert.ok(fresh.filter((d) => d.code === 'intake.placeholder' && d.intake === 2).length >= 6);
    assert.deepEqual(plain(a.diagnostics()), plain(fresh));
  });
});
