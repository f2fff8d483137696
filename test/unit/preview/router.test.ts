/** The preview's message router (src/extension/preview/router.ts): checked messages to one handler per type. */
import * as assert from 'node:assert/strict';
import { MessageRouter } from '../../../src/extension/preview/router';

const URI = 'file:///w/a.intake';

describe('the preview message router', () => {
  it('hands each valid message to the handler of its type', async () => {
    const router = new MessageRouter(URI);
    const seen: string[] = [];
    router.on('revealLine', (m) => {
      seen.push(`reveal ${m.line}`);
    });
    router.on('scroll', async (m) => {
      await Promise.resolve();
      seen.push(`scroll ${m.scrollY}`);
    });
    assert.equal(await router.route({ type: 'revealLine', documentUri: URI, line: 4 }), true);
    assert.equal(await router.route({ type: 'scroll', documentUri: URI, scrollY: 120 }), true);
    assert.deepEqual(seen, ['reveal 4', 'scroll 120']);
  });

  it('rejects what is not a message about its document, and accepts a valid one nobody handles', async () => {
    const router = new MessageRouter(URI);
    let calls = 0;
    router.on('revealLine', () => {
      calls++;
    });
    assert.equal(await router.route({ type: 'revealLine', documentUri: 'file:///w/other.intake', line: 4 }), false);
    assert.equal(await router.route({ type: 'revealLine', documentUri: URI, line: -1 }), false);
    assert.equal(await router.route({ type: 'nonsense', documentUri: URI }), false);
    assert.equal(await router.route('revealLine'), false);
    assert.equal(await router.route({ type: 'openProblems', documentUri: URI }), true);
    assert.equal(calls, 0);
  });

  it('takes one handler per type, which can be removed', async () => {
    const router = new MessageRouter(URI);
    const registration = router.on('openProblems', () => undefined);
    assert.throws(() => router.on('openProblems', () => undefined), /already registered/);
    registration.dispose();
    let calls = 0;
    router.on('openProblems', () => {
      calls++;
    });
    await router.route({ type: 'openProblems', documentUri: URI });
    assert.equal(calls, 1);
  });
});
