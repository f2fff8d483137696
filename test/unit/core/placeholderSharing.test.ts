import * as assert from 'node:assert/strict';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import { parseIntake } from '../../../src/core/parser';

describe('placeholders of one content share what they offer', () => {
  const text = ['[客户行业]：__(保险/政府/航空)__', '[需求]：', '- 行业：__(保险/政府/航空)__', '- 规模：__(如「500万+」)__', '- 另一规模：__(如「500万+」)__'].join('\n');

  it('one options list, and one diagnostic data object, per content', () => {
    const file = parseIntake(text);
    const [a, b, c, d] = file.placeholders;
    assert.equal(a!.options, b!.options);
    assert.deepEqual(a!.options, ['保险', '政府', '航空']);
    assert.equal(c!.options, d!.options);
    assert.equal(c!.example, '500万+');
    const data = DocumentAnalysis.of(text)
      .diagnostics()
      .filter((x) => x.code === 'intake.placeholder')
      .map((x) => x.data);
    assert.equal(data.length, 4);
    assert.equal(data[0], data[1]);
    assert.equal(data[2], data[3]);
    assert.deepEqual(data[0], { kind: 'placeholder', options: ['保险', '政府', '航空'] });
    assert.deepEqual(data[2], { kind: 'placeholder', options: [], example: '500万+' });
    assert.ok(!('example' in data[0]!));
  });
});
