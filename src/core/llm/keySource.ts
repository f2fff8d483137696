/**
 * Where the API key for an LLM run comes from, in order:
 * 1. VS Code's SecretStorage (`Intake: Set API Key`);
 * 2. a key typed in this session while SecretStorage could not store it (kept in memory only);
 * 3. the environment: `INTAKE_LLM_API_KEY`, then `OPENAI_API_KEY` (what the CLI reads too);
 * 4. none: fine for a loopback endpoint (Ollama, LM Studio…), and sent without a key otherwise
 *    (some gateways authenticate by other headers); a 401 then says to set one.
 * The decision is pure, so it is tested in plain Node; the extension does the reading.
 */
import { isLoopback } from './config';

const ENV_KEYS = ['INTAKE_LLM_API_KEY', 'OPENAI_API_KEY'] as const;

type KeySource = 'secret-storage' | 'session' | (typeof ENV_KEYS)[number] | 'none';

export interface KeyLookup {
  /** What SecretStorage gave: a value (or undefined), or the error it threw. */
  secret: { ok: true; value: string | undefined } | { ok: false; error: string };
  /** A key kept in memory because SecretStorage failed to store it. */
  session?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

export interface KeyChoice {
  key?: string;
  source: KeySource;
  /** SecretStorage failed (e.g. Linux without a keyring): its error, for the message. */
  secretStorageError?: string;
  /** The endpoint is on this machine: no key is needed. */
  loopback: boolean;
  /** No key, and the endpoint is not local: the request goes without one. */
  missing: boolean;
}

export function chooseApiKey(lookup: KeyLookup, baseUrl: string): KeyChoice {
  const loopback = isLoopback(baseUrl);
  const base = lookup.secret.ok ? {} : { secretStorageError: lookup.secret.error };
  const pick = (key: string | undefined): string | undefined => (key && key.trim() ? key.trim() : undefined);
  const stored = lookup.secret.ok ? pick(lookup.secret.value) : undefined;
  if (stored) return { ...base, key: stored, source: 'secret-storage', loopback, missing: false };
  const session = pick(lookup.session);
  if (session) return { ...base, key: session, source: 'session', loopback, missing: false };
  for (const name of ENV_KEYS) {
    const value = pick(lookup.env[name]);
    if (value) return { ...base, key: value, source: name, loopback, missing: false };
  }
  return { ...base, source: 'none', loopback, missing: !loopback };
}
