/** A loader handed to features (extension.ts): a failed load is told to the user once per failure, and still fails. */
import * as assert from 'node:assert/strict';
import { toldOnFailure } from '../../../src/extension/loadError';
import { shownErrors } from '../helpers/vscode';

describe('toldOnFailure', () => {
  beforeEach(() => {
    shownErrors.length = 0;
  });

  it('hands on what the load gives, and tells nothing', async () => {
    const load = toldOnFailure(() => Promise.resolve({ loadFolderConfig: 1 }));
    assert.deepEqual(await load(), { loadFolderConfig: 1 });
    assert.deepEqual(shownErrors, []);
  });

  it('tells the user each failed load, and rejects with the same error for the caller to fall back on', async () => {
    const broken = new Error('Cannot find module ./chunks/onDemand.mjs');
    const load = toldOnFailure(() => Promise.reject(broken));
    await assert.rejects(load(), (e) => e === broken);
    assert.deepEqual(shownErrors, ['Intake Studio could not load this feature: Cannot find module ./chunks/onDemand.mjs']);
    await assert.rejects(load(), (e) => e === broken);
    assert.equal(shownErrors.length, 2);
  });
});
