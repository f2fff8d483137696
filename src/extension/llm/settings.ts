/**
 * Typed access to the `intake.llm.*` settings and to VS Code's `http.*` proxy settings. There is
 * no key setting: the key lives in SecretStorage (apiKey.ts). In an untrusted workspace VS Code
 * ignores the workspace's values of the settings listed in package.json's
 * `restrictedConfigurations` (provider, base URL, extra headers, redaction), so a cloned
 * repository cannot send the intake, or the key, somewhere else.
 */
import type { ProxySettings } from '../../core/llm/proxy';
import type { SettingsGetter } from '../settings';

type LlmProvider = 'offline' | 'openai-compatible';

export interface LlmSettings {
  provider: LlmProvider;
  baseUrl: string;
  model: string;
  temperature: number | undefined;
  maxTokens: number | undefined;
  timeoutSeconds: number | undefined;
  extraHeaders: Record<string, string>;
  azureApiVersion: string | undefined;
  redact: boolean;
}

function finite(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The `intake.llm.*` settings, read through the configuration object (../config.ts). */
export function readLlmSettings(get: SettingsGetter): LlmSettings {
  const headers: Record<string, string> = {};
  const raw = get('extraHeaders');
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) if (name.trim() && typeof value === 'string') headers[name.trim()] = value;
  }
  const maxTokens = finite(get('maxTokens'), 1, 1_000_000);
  return {
    provider: get('provider') === 'openai-compatible' ? 'openai-compatible' : 'offline',
    baseUrl: text(get('baseUrl')),
    model: text(get('model')),
    temperature: finite(get('temperature'), 0, 2),
    maxTokens: maxTokens !== undefined ? Math.round(maxTokens) : undefined,
    timeoutSeconds: finite(get('timeoutSeconds'), 1, 3600),
    extraHeaders: headers,
    azureApiVersion: text(get('azureApiVersion')) || undefined,
    redact: get('redact') !== false,
  };
}

/** VS Code's proxy settings, with the environment, for proxyFor(). */
export interface HttpSettings extends ProxySettings {
  strictSSL: boolean;
  /** `http.proxyAuthorization`: a secret of its own; never logged. */
  authorization: string | undefined;
}

/** VS Code's `http.*` settings, read through the configuration object (../config.ts). */
export function readHttpSettings(get: SettingsGetter, env: NodeJS.ProcessEnv): HttpSettings {
  const noProxy = get('noProxy');
  const auth = get('proxyAuthorization');
  return {
    proxy: text(get('proxy')) || undefined,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((e): e is string => typeof e === 'string') : [],
    support: text(get('proxySupport')) || undefined,
    env,
    strictSSL: get('proxyStrictSSL') !== false,
    authorization: typeof auth === 'string' && auth ? auth : undefined,
  };
}
