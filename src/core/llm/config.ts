/**
 * How to reach an OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI, DeepSeek, Qwen/DashScope,
 * Ollama, vLLM, LM Studio…), and what the URL says about it: loopback (nothing leaves the machine,
 * no key needed) and Azure (key in `api-key`, `api-version` query).
 *
 * Proxies and private CAs: the client uses Node's fetch (undici), which ignores `HTTP(S)_PROXY`.
 * A caller behind a proxy passes `fetchOptions: { dispatcher: new ProxyAgent(url) }` (undici) or
 * its own `fetch`; the extension builds that from VS Code's `http.proxy` / `http.noProxy`. A
 * corporate CA that re-signs TLS is trusted by starting the process with
 * `NODE_EXTRA_CA_CERTS=/path/to/ca.pem` (Node reads it at startup only).
 */
import { t } from '../l10n';
import { LlmError } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first included (default 4). Only 429 and 5xx before the first token are retried. */
  maxAttempts?: number;
  /** First backoff step (default 1000 ms); doubles per attempt, with jitter. */
  baseDelayMs?: number;
  /** Cap on a computed backoff step (default 30 s). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this (default 60 s) is not waited for: the run fails with rate-limit. */
  maxRetryAfterSeconds?: number;
}

export interface LlmConfig {
  /** `https://api.openai.com/v1`, `http://localhost:11434/v1`, `https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT`… */
  baseUrl: string;
  model: string;
  /** Sent only as `Authorization: Bearer …` (or `api-key` for Azure); never logged. Optional for any endpoint. */
  apiKey?: string;
  /** Omitted from the request when undefined (the server's default applies). */
  temperature?: number;
  /** Output token limit (default 4096). */
  maxTokens?: number;
  /**
   * Seconds without data before giving up (default 120): the wait for the response to start and
   * every gap between streamed chunks. Not a limit on the whole generation.
   */
  timeoutSeconds?: number;
  /** Seconds for the whole answer (default: 10× timeoutSeconds, at least 600). */
  totalTimeoutSeconds?: number;
  /** Longest answer read, in characters (default: 16 × maxTokens, at most 2,000,000); the rest is cut and marked truncated. */
  maxAnswerChars?: number;
  /** Extra request headers (gateways that want `api-key`, tenant headers…). */
  extraHeaders?: Record<string, string>;
  /** `api-version` query for Azure OpenAI (default 2024-10-21). */
  azureApiVersion?: string;
  /** Override Azure detection (default: the host ends with .openai.azure.com or .cognitiveservices.azure.com). */
  azure?: boolean;
  /** Ask for token usage in the stream (`stream_options.include_usage`). Default: only for OpenAI and Azure hosts, as some compatible servers reject the field. */
  includeUsage?: boolean;
  retry?: RetryPolicy;
  /** A fetch to use instead of the global one (proxy support). */
  fetch?: typeof fetch;
  /** Extra fetch options, e.g. `{ dispatcher: new ProxyAgent(url) }` from undici. */
  fetchOptions?: Record<string, unknown>;
}

export const DEFAULT_TIMEOUT_SECONDS = 120;
export const DEFAULT_MAX_TOKENS = 4096;
const DEFAULT_AZURE_API_VERSION = '2024-10-21';

/** The parsed base URL, or a `config` LlmError that says what is wrong. */
export function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new LlmError('config', t('Invalid base URL "{0}": expected something like http://localhost:11434/v1 or https://api.openai.com/v1.', baseUrl));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LlmError('config', t('Invalid base URL "{0}": only http and https are supported.', baseUrl));
  if (url.username || url.password) throw new LlmError('config', t('Invalid base URL "{0}": put credentials in the API key, not in the URL.', redactUrl(url)));
  return url;
}

/** Checks what the request cannot do without; throws a `config` LlmError. */
export function validateConfig(config: LlmConfig): URL {
  const url = parseBaseUrl(config.baseUrl);
  if (!config.model || !config.model.trim()) throw new LlmError('config', t('No model name given.'));
  if (config.timeoutSeconds !== undefined && !(config.timeoutSeconds > 0)) throw new LlmError('config', t('The timeout must be a positive number of seconds.'));
  if (config.maxTokens !== undefined && !(Number.isInteger(config.maxTokens) && config.maxTokens > 0)) throw new LlmError('config', t('The maximum number of tokens must be a positive whole number.'));
  return url;
}

/** The base URL without a trailing slash, as the SDK joins it with `/chat/completions`. */
export function normalizedBaseUrl(url: URL): string {
  const s = url.toString();
  let end = s.length;
  while (end > 0 && s[end - 1] === '/') end--;
  return s.slice(0, end);
}

/**
 * Whether the endpoint is on this machine: localhost, 127.0.0.0/8, ::1, 0.0.0.0. Such endpoints
 * need no key, and the preview shows a "local only" badge. `*.localhost` is not among them:
 * Node hands such a name to the system resolver, which may ask DNS, and nothing then guarantees
 * the answer is a loopback address.
 */
export function isLoopback(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl.trim()).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1' || host === '0.0.0.0' || host === '::ffff:127.0.0.1') return true;
  return /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function isAzure(config: Pick<LlmConfig, 'baseUrl' | 'azure'>): boolean {
  if (config.azure !== undefined) return config.azure;
  try {
    const host = new URL(config.baseUrl.trim()).hostname.toLowerCase();
    return host.endsWith('.openai.azure.com') || host.endsWith('.cognitiveservices.azure.com');
  } catch {
    return false;
  }
}

/** Hosts known to accept `stream_options.include_usage`. */
export function wantsUsage(config: LlmConfig): boolean {
  if (config.includeUsage !== undefined) return config.includeUsage;
  if (isAzure(config)) return true;
  try {
    return new URL(config.baseUrl).hostname.toLowerCase() === 'api.openai.com';
  } catch {
    return false;
  }
}

/** The Azure `api-version`, or undefined when not Azure or when the v1 API (`/openai/v1`) needs none. */
export function azureApiVersion(config: LlmConfig): string | undefined {
  if (!isAzure(config)) return undefined;
  if (config.azureApiVersion) return config.azureApiVersion;
  try {
    if (/\/openai\/v1\/?$/.test(new URL(config.baseUrl).pathname)) return undefined;
  } catch {
    return undefined;
  }
  return DEFAULT_AZURE_API_VERSION;
}

/** The URL a chat request goes to, for messages (404 names it). No credentials, ever. */
export function chatCompletionsUrl(config: LlmConfig): string {
  const url = new URL(`${normalizedBaseUrl(parseBaseUrl(config.baseUrl))}/chat/completions`);
  const version = azureApiVersion(config);
  if (version) url.searchParams.set('api-version', version);
  return redactUrl(url);
}

/** A URL as safe to show: no user info; query values other than api-version hidden (some gateways put keys there). */
export function redactUrl(url: URL): string {
  const copy = new URL(url.toString());
  copy.username = '';
  copy.password = '';
  for (const key of [...copy.searchParams.keys()]) if (key !== 'api-version') copy.searchParams.set(key, '***');
  return copy.toString();
}
