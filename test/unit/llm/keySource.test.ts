/**
 * Where the extension's API key comes from: SecretStorage, then a key kept for this session
 * (when SecretStorage could not store it), then INTAKE_LLM_API_KEY, then OPENAI_API_KEY, then
 * none, which is fine for a loopback endpoint.
 */
import * as assert from 'node:assert/strict';
import { chooseApiKey } from '../../../src/core/llm/keySource';

const REMOTE = 'https://api.deepseek.com/v1';
const LOCAL = 'http://localhost:11434/v1';
const ok = (value?: string) => ({ ok: true as const, value });
const failed = { ok: false as const, error: 'Cannot create an item in a locked collection' };

describe('LLM API key source', () => {
  it('prefers the key in SecretStorage over the environment', () => {
    assert.deepEqual(chooseApiKey({ secret: ok('sk-stored'), env: { INTAKE_LLM_API_KEY: 'sk-env', OPENAI_API_KEY: 'sk-openai' } }, REMOTE), {
      key: 'sk-stored',
      source: 'secret-storage',
      loopback: false,
      missing: false,
    });
  });

  it('falls back to INTAKE_LLM_API_KEY, then OPENAI_API_KEY', () => {
    assert.equal(chooseApiKey({ secret: ok(undefined), env: { INTAKE_LLM_API_KEY: 'sk-env', OPENAI_API_KEY: 'sk-openai' } }, REMOTE).source, 'INTAKE_LLM_API_KEY');
    const openai = chooseApiKey({ secret: ok(undefined), env: { OPENAI_API_KEY: 'sk-openai' } }, REMOTE);
    assert.equal(openai.source, 'OPENAI_API_KEY');
    assert.equal(openai.key, 'sk-openai');
    // Blank values do not count.
    assert.equal(chooseApiKey({ secret: ok('  '), env: { INTAKE_LLM_API_KEY: ' ', OPENAI_API_KEY: 'sk-openai' } }, REMOTE).source, 'OPENAI_API_KEY');
  });

  it('when SecretStorage fails, uses the environment and says why', () => {
    const choice = chooseApiKey({ secret: failed, env: { INTAKE_LLM_API_KEY: 'sk-env' } }, REMOTE);
    assert.deepEqual(choice, { key: 'sk-env', source: 'INTAKE_LLM_API_KEY', secretStorageError: failed.error, loopback: false, missing: false });
  });

  it('when SecretStorage fails, a key set in this session comes before the environment', () => {
    const choice = chooseApiKey({ secret: failed, session: 'sk-session', env: { INTAKE_LLM_API_KEY: 'sk-env' } }, REMOTE);
    assert.equal(choice.source, 'session');
    assert.equal(choice.key, 'sk-session');
    assert.equal(choice.secretStorageError, failed.error);
  });

  it('with no key anywhere: fine for a loopback endpoint, missing for a remote one', () => {
    assert.deepEqual(chooseApiKey({ secret: ok(undefined), env: {} }, LOCAL), { source: 'none', loopback: true, missing: false });
    assert.deepEqual(chooseApiKey({ secret: ok(undefined), env: {} }, 'http://127.0.0.1:8000/v1'), { source: 'none', loopback: true, missing: false });
    assert.deepEqual(chooseApiKey({ secret: ok(undefined), env: {} }, REMOTE), { source: 'none', loopback: false, missing: true });
    assert.deepEqual(chooseApiKey({ secret: failed, env: {} }, REMOTE), { source: 'none', secretStorageError: failed.error, loopback: false, missing: true });
  });

  it('still uses a stored key for a loopback endpoint (a local gateway may want one)', () => {
    assert.equal(chooseApiKey({ secret: ok('sk-local-gateway'), env: {} }, LOCAL).key, 'sk-local-gateway');
  });
});
