import * as assert from 'node:assert/strict';
import { Once } from '../../../src/core/engine/write/blocks';

describe('Once (the writer’s guard against saying a sentence twice)', () => {
  it('takes texts that differ only in blanks and punctuation for the same sentence', () => {
    const once = new Once();
    assert.equal(once.first('部署在本地机房，满足等保三级。', 'a'), true);
    assert.equal(once.first('部署在本地机房 满足等保三级', 'b'), false);
    assert.equal(once.by('部署在本地机房；满足等保三级'), 'a');
    assert.equal(once.first('部署在本地机房，满足等保二级。'), true);
  });

  it('answers the same in every report (the keys are kept per text), and anew for a changed text', () => {
    const texts = ['核心系统上云，降低运维成本。', '核心系统上云, 降低运维成本', '核心系统上云，降低人工成本。', 'API网关：统一鉴权与限流', 'API 网关 统一鉴权与限流'];
    const answers = (): boolean[] => {
      const once = new Once();
      return texts.map((t) => once.first(t));
    };
    const first = answers();
    assert.deepEqual(first, [true, false, true, true, false]);
    for (let report = 0; report < 3; report++) assert.deepEqual(answers(), first);
    // A text edited after its key was kept: its own key, not the old one's.
    const once = new Once();
    assert.equal(once.first('核心系统上云，降低运维成本。', 'x'), true);
    assert.equal(once.first('核心系统上云，降低运维费用。', 'y'), true);
    assert.equal(once.by('核心系统上云 降低运维费用'), 'y');
    assert.equal(once.by('核心系统上云 降低运维成本'), 'x');
  });
});
