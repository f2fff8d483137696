/**
 * One streamed chat completion against an OpenAI-compatible endpoint, with the `openai` package
 * (loaded on first use, so activating the extension never loads it).
 *
 * - Text arrives through `onDelta` as it streams; the promise resolves with the whole text.
 * - Failures reject with an {@link LlmError} of a known `kind`; timeout, disconnect and cancel keep
 *   the text received so far in `partialText`.
 * - Cancel aborts the HTTP request itself, so the server sees the socket close.
 * - 429 and 5xx are retried (bounded, Retry-After honoured) and only before any text streamed;
 *   the SDK's own retries are off.
 * - The key goes only into the `Authorization` header (`api-key` for Azure) and is scrubbed from
 *   every message that comes back from the server, and from the answer's text.
 * - Redirects are never followed (noRedirect.ts): the error names the target.
 * - The answer is capped ({@link answerCap}); beyond it the request is stopped and the result is
 *   marked truncated. Besides the idle timeout there is a limit on the whole answer's time.
 */
import { t } from '../l10n';
import { azureApiVersion, chatCompletionsUrl, DEFAULT_MAX_TOKENS, DEFAULT_TIMEOUT_SECONDS, isAzure, normalizedBaseUrl, redactUrl, validateConfig, wantsUsage, type LlmConfig } from './config';
import { LlmError, scrubSecret } from './errors';
import type { ChatMessage } from './messages';
import { redirectIn, refuseRedirects } from './noRedirect';
import { SecretScrubber } from './secretScrubber';
import { delay, retryAfterMs, retryDelayMs, retryPolicy } from './retry';

export interface RetryInfo {
  /** The attempt that failed (1-based). */
  attempt: number;
  maxAttempts: number;
  /** Wait before the next attempt. */
  delayMs: number;
  kind: 'rate-limit' | 'server';
  status: number;
  /** What the server asked for, when it did. */
  retryAfterSeconds?: number;
}

export interface StreamOptions {
  signal?: AbortSignal;
  /** Each piece of text as it arrives. Must not throw (errors are logged and ignored). */
  onDelta?: (text: string) => void;
  onRetry?: (info: RetryInfo) => void;
  /** Diagnostic lines (localised). Never contain the key or the prompt. */
  log?: (line: string) => void;
}

export interface CompletionUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface CompletionResult {
  text: string;
  /** `stop`, `length`, `content_filter`…; null when the server sent none. */
  finishReason: string | null;
  /** The model hit the output limit (`finish_reason: "length"`): offer "Continue" (see continueMessages). */
  truncated: boolean;
  usage?: CompletionUsage;
  /** Requests made, retries included. */
  attempts: number;
  /** The answer reached {@link answerCap} characters and the rest was not read (`truncated` is set too). */
  capped?: boolean;
}

/** Longest answer read, in characters: 16 per output token (4× a generous 4 characters per token), at most 2 M. */
export function answerCap(config: Pick<LlmConfig, 'maxTokens' | 'maxAnswerChars'>): number {
  return config.maxAnswerChars ?? Math.min(2_000_000, 16 * (config.maxTokens ?? DEFAULT_MAX_TOKENS));
}

/** The whole answer's time limit: the configured one, else 10× the idle timeout, at least 10 minutes. */
function totalTimeoutSeconds(config: Pick<LlmConfig, 'timeoutSeconds' | 'totalTimeoutSeconds'>): number {
  return config.totalTimeoutSeconds ?? Math.max(600, 10 * (config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS));
}

/** setTimeout fires at once beyond 2^31 - 1 ms (24.8 days): longer waits are clamped to it. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The piece of the SDK this module uses (typed loosely: the SDK is only loaded at run time). */
type Sdk = typeof import('openai');

interface ChunkShape {
  choices?: Array<{ delta?: { content?: unknown }; finish_reason?: string | null }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | null;
}

const RETRYABLE_5XX = new Set([500, 502, 503, 504, 408]);

export async function streamCompletion(config: LlmConfig, messages: readonly ChatMessage[], options: StreamOptions = {}): Promise<CompletionResult> {
  const baseUrl = validateConfig(config);
  const url = chatCompletionsUrl(config);
  const policy = retryPolicy(config.retry);
  const secrets = [config.apiKey, ...Object.values(config.extraHeaders ?? {})].filter((s): s is string => !!s && s.length >= 8);
  const scrub = (s: string) => secrets.reduce((acc, secret) => scrubSecret(acc, secret), s);
  if (options.signal?.aborted) throw new LlmError('cancelled', t('Cancelled before the request was sent.'), { url, attempts: 0 });

  let sdk: Sdk;
  try {
    sdk = await import('openai');
  } catch (e) {
    throw new LlmError('config', t('The OpenAI client library could not be loaded: {0}', e instanceof Error ? e.message : String(e)), { url });
  }
  const client = makeClient(sdk, config, normalizedBaseUrl(baseUrl));

  for (let attempt = 1; ; attempt++) {
    options.log?.(t('POST {0} (model {1}, attempt {2} of {3})', url, config.model, attempt, policy.maxAttempts));
    try {
      return { ...(await attemptOnce(sdk, client, config, messages, options, url, scrub)), attempts: attempt };
    } catch (e) {
      const err = e instanceof LlmError ? e : new LlmError('disconnected', scrub(String(e)), { url });
      err.attempts = attempt;
      const retryKind = err.kind === 'rate-limit' || (err.kind === 'server' && err.status !== undefined && RETRYABLE_5XX.has(err.status)) ? err.kind : undefined;
      // Retry only what failed before any text streamed: a half-written answer is never re-requested.
      if (!retryKind || err.partialText.length > 0) throw err;
      const serverMs = err.retryAfterSeconds !== undefined ? err.retryAfterSeconds * 1000 : undefined;
      if (serverMs !== undefined && serverMs > policy.maxRetryAfterSeconds * 1000) {
        throw new LlmError('rate-limit', t('The endpoint asks to wait {0} s before retrying (HTTP 429), longer than the {1} s this run waits. Try again later.', Math.ceil(serverMs / 1000), policy.maxRetryAfterSeconds), {
          url,
          status: err.status ?? 429,
          retryAfterSeconds: err.retryAfterSeconds ?? 0,
          attempts: attempt,
        });
      }
      if (attempt >= policy.maxAttempts) throw exhausted(err, attempt);
      const wait = retryDelayMs(attempt, policy, serverMs);
      const info: RetryInfo = { attempt, maxAttempts: policy.maxAttempts, delayMs: wait, kind: retryKind, status: err.status ?? 0 };
      if (err.retryAfterSeconds !== undefined) info.retryAfterSeconds = err.retryAfterSeconds;
      safeCall(() => options.onRetry?.(info), options.log);
      try {
        await delay(wait, options.signal);
      } catch {
        throw new LlmError('cancelled', t('Cancelled while waiting to retry.'), { url, attempts: attempt });
      }
    }
  }
}

function makeClient(sdk: Sdk, config: LlmConfig, baseURL: string): InstanceType<Sdk['OpenAI']> {
  const azure = isAzure(config);
  const key = config.apiKey || undefined;
  // `${apiKey}` in an extra header's value stands for the key, so a gateway's `api-key` header
  // can be configured without putting the key into settings.
  const headers: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(config.extraHeaders ?? {})) headers[name] = value.includes('${apiKey}') ? (key ? value.split('${apiKey}').join(key) : null) : value;
  if (azure) {
    headers.Authorization = null;
    if (key) headers['api-key'] = key;
  } else if (!key) {
    // No key (a local server): send no Authorization header at all rather than a dummy one.
    headers.Authorization = null;
  }
  const version = azureApiVersion(config);
  const idleMs = (config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  return new sdk.OpenAI({
    // The SDK insists on a key; with `Authorization: null` above this placeholder is never sent.
    apiKey: azure ? 'unused' : (key ?? 'no-key'),
    baseURL,
    organization: null,
    project: null,
    maxRetries: 0,
    // Our idle timer (below) is the real limit; this only stops the SDK from cutting in first.
    timeout: Math.min(MAX_TIMER_MS, idleMs + 30_000),
    logLevel: 'off',
    defaultHeaders: headers,
    ...(version ? { defaultQuery: { 'api-version': version } } : {}),
    fetch: refuseRedirects(config.fetch ?? fetch),
    ...(config.fetchOptions ? { fetchOptions: config.fetchOptions as never } : {}),
  });
}

async function attemptOnce(
  sdk: Sdk,
  client: InstanceType<Sdk['OpenAI']>,
  config: LlmConfig,
  messages: readonly ChatMessage[],
  options: StreamOptions,
  url: string,
  scrub: (s: string) => string,
): Promise<Omit<CompletionResult, 'attempts'>> {
  const controller = new AbortController();
  let stopped: 'cancelled' | 'timeout' | 'total-timeout' | 'capped' | undefined;
  const onAbort = () => {
    stopped ??= 'cancelled';
    controller.abort();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const idleSeconds = config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        stopped ??= 'timeout';
        controller.abort();
      },
      Math.min(MAX_TIMER_MS, idleSeconds * 1000),
    );
  };
  // A server that sends a little every few seconds never trips the idle timer: this one counts the whole answer.
  const totalSeconds = totalTimeoutSeconds(config);
  const totalTimer = setTimeout(
    () => {
      stopped ??= 'total-timeout';
      controller.abort();
    },
    Math.min(MAX_TIMER_MS, totalSeconds * 1000),
  );
  const cap = answerCap(config);
  const secrets = new SecretScrubber([config.apiKey, ...Object.values(config.extraHeaders ?? {})]);

  let text = '';
  let chunks = 0;
  let finishReason: string | null = null;
  let usage: CompletionUsage | undefined;
  try {
    arm();
    const body: Record<string, unknown> = { model: config.model, messages, stream: true, [maxTokensParam(config)]: config.maxTokens ?? DEFAULT_MAX_TOKENS };
    if (config.temperature !== undefined) body.temperature = config.temperature;
    if (wantsUsage(config)) body.stream_options = { include_usage: true };
    const stream = await client.chat.completions.create(body as never, { signal: controller.signal });
    let ignored = 0;
    for await (const raw of stream as unknown as AsyncIterable<ChunkShape | null>) {
      arm();
      chunks++;
      // `data: null`, a number, a string: not a chunk. Skipped (and said once), not taken for a lost connection.
      if (!raw || typeof raw !== 'object') {
        if (ignored++ === 0) options.log?.(t('Ignored a stream event that is not a chat completion chunk.'));
        continue;
      }
      const choice = Array.isArray(raw.choices) ? raw.choices[0] : undefined;
      let content = contentText(choice?.delta?.content);
      if (content && text.length + content.length > cap) content = content.slice(0, Math.max(0, cap - text.length));
      if (content) {
        text += content;
        const shown = secrets.push(content);
        if (shown) safeCall(() => options.onDelta?.(shown), options.log);
      }
      if (typeof choice?.finish_reason === 'string') finishReason = choice.finish_reason;
      if (raw.usage) usage = { promptTokens: raw.usage.prompt_tokens ?? 0, completionTokens: raw.usage.completion_tokens ?? 0, totalTokens: raw.usage.total_tokens ?? 0 };
      if (text.length >= cap) {
        stopped = 'capped';
        controller.abort();
        break;
      }
    }
    const rest = secrets.flush();
    if (rest) safeCall(() => options.onDelta?.(rest), options.log);
    text = secrets.scrub(text);
    if (stopped === 'capped') {
      options.log?.(t('The answer reached {0} characters; the rest was not read.', cap));
      const result: Omit<CompletionResult, 'attempts'> = { text, finishReason, truncated: true, capped: true };
      if (usage) result.usage = usage;
      return result;
    }
    // The SDK ends the iteration quietly when the request is aborted: find out why it ended.
    if (stopped) throw stoppedError(stopped, idleSeconds, totalSeconds, text, url);
    if (chunks === 0) throw withPartial(new LlmError('bad-response', t('The endpoint answered without a stream of chat completion chunks. Is {0} an OpenAI-compatible endpoint?', url), { url }), text);
    const result: Omit<CompletionResult, 'attempts'> = { text, finishReason, truncated: finishReason === 'length' };
    if (usage) result.usage = usage;
    return result;
  } catch (e) {
    text = secrets.scrub(text);
    if (e instanceof LlmError) throw withPartial(e, text);
    if (stopped && stopped !== 'capped') throw stoppedError(stopped, idleSeconds, totalSeconds, text, url);
    throw withPartial(mapError(sdk, e, { url, config, scrub, started: chunks > 0, idleSeconds }), text);
  } finally {
    clearTimeout(timer);
    clearTimeout(totalTimer);
    options.signal?.removeEventListener('abort', onAbort);
    // Whatever happened, do not leave the response open.
    if (!controller.signal.aborted) controller.abort();
  }
}

/** OpenAI's own API wants `max_completion_tokens` (reasoning models reject `max_tokens`); compatible servers want `max_tokens`. */
function maxTokensParam(config: LlmConfig): string {
  try {
    return new URL(config.baseUrl).hostname.toLowerCase() === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens';
  } catch {
    return 'max_tokens';
  }
}

function withPartial(e: LlmError, text: string): LlmError {
  if (!e.partialText) e.partialText = text;
  return e;
}

function stoppedError(why: 'cancelled' | 'timeout' | 'total-timeout', idleSeconds: number, totalSeconds: number, text: string, url: string): LlmError {
  const e =
    why === 'cancelled'
      ? new LlmError('cancelled', t('Cancelled; {0} characters had been received.', text.length), { url })
      : why === 'total-timeout'
        ? new LlmError('timeout', t('The answer from {0} took more than {1} s in all; stopped waiting. {2} characters had been received.', url, totalSeconds, text.length), { url })
        : new LlmError('timeout', t('No data from {0} for {1} s; stopped waiting. {2} characters had been received.', url, idleSeconds, text.length), { url });
  return withPartial(e, text);
}

/**
 * The text of a delta's `content`: a string, or (some servers) an array of parts whose `text`
 * strings are joined. Anything else (an object, a number) carries no text: it is never appended
 * as `[object Object]`.
 */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '')).join('');
  return '';
}

function exhausted(err: LlmError, attempts: number): LlmError {
  const message =
    err.kind === 'rate-limit'
      ? t('The endpoint is still rate-limiting requests (HTTP 429) after {0} attempts. Try again later.', attempts)
      : t('The endpoint failed with HTTP {0} after {1} attempts: {2}', err.status ?? 0, attempts, err.serverMessage ?? '');
  const e = new LlmError(err.kind, message, { attempts });
  if (err.serverMessage !== undefined) e.serverMessage = err.serverMessage;
  if (err.url !== undefined) e.url = err.url;
  if (err.status !== undefined) e.status = err.status;
  if (err.retryAfterSeconds !== undefined) e.retryAfterSeconds = err.retryAfterSeconds;
  return e;
}

interface MapContext {
  url: string;
  config: LlmConfig;
  scrub: (s: string) => string;
  /** Some chunks had arrived. */
  started: boolean;
  idleSeconds: number;
}

function mapError(sdk: Sdk, e: unknown, ctx: MapContext): LlmError {
  const { url } = ctx;
  const redirect = redirectIn(e);
  if (redirect) {
    const target = redirect.location ? safeUrl(redirect.location) : t('an address it did not name');
    return new LlmError('config', t('{0} answered with a redirect (HTTP {1}) to {2}. Redirects are not followed, so that the intake and the key go nowhere but the configured address: if the new address is right, put it in the base URL.', url, redirect.status, target), { url, status: redirect.status });
  }
  if (e instanceof sdk.APIConnectionTimeoutError) return new LlmError('timeout', t('No data from {0} for {1} s; stopped waiting. {2} characters had been received.', url, ctx.idleSeconds, 0), { url });
  if (e instanceof sdk.APIUserAbortError) return new LlmError('cancelled', t('Cancelled; {0} characters had been received.', 0), { url });
  if (e instanceof sdk.APIConnectionError) return connectionError(e, url);
  if (e instanceof sdk.APIError && typeof e.status === 'number') return httpError(e.status, e, ctx);
  if (e instanceof sdk.APIError) return new LlmError('server', t('The endpoint reported an error in the stream: {0}', ctx.scrub(detail(e))), { url });
  if (e instanceof SyntaxError) return new LlmError('bad-response', t('The endpoint sent data that is not an OpenAI-compatible stream ({0}).', ctx.scrub(e.message)), { url });
  if (ctx.started) {
    const code = errorCode(e);
    return new LlmError('disconnected', t('The connection to {0} was lost mid-stream ({1}).', url, code ?? ctx.scrub(String((e as Error)?.message ?? e))), { url, ...(code ? { code } : {}) });
  }
  return connectionError(e, url);
}

function httpError(status: number, e: InstanceType<Sdk['APIError']>, ctx: MapContext): LlmError {
  const err = httpErrorOf(status, e, ctx);
  err.serverMessage = ctx.scrub(detail(e));
  return err;
}

function httpErrorOf(status: number, e: InstanceType<Sdk['APIError']>, ctx: MapContext): LlmError {
  const { url } = ctx;
  const serverSays = ctx.scrub(detail(e));
  if (status === 401 || status === 403) {
    const message = ctx.config.apiKey
      ? t('The endpoint refused the API key (HTTP {0}): {1}. Set a valid key and try again.', status, serverSays)
      : t('The endpoint requires an API key (HTTP {0}) and none was set.', status);
    return new LlmError('auth', message, { url, status });
  }
  if (status === 404) return new LlmError('not-found', t('Nothing found at {0} (HTTP 404). Check the base URL and the model name "{1}".', url, ctx.config.model), { url, status });
  if (status === 429) {
    const ms = retryAfterMs(e.headers ?? undefined);
    const err = new LlmError('rate-limit', t('The endpoint is rate-limiting requests (HTTP 429): {0}', serverSays), { url, status });
    if (ms !== undefined) err.retryAfterSeconds = Math.round(ms / 100) / 10;
    return err;
  }
  if (status >= 500 || status === 408) return new LlmError('server', t('The endpoint failed with HTTP {0}: {1}', status, serverSays), { url, status });
  return new LlmError('bad-request', t('The endpoint rejected the request (HTTP {0}): {1}', status, serverSays), { url, status });
}

/** The server's own words, short. */
function detail(e: InstanceType<Sdk['APIError']>): string {
  const body = e.error as { message?: unknown } | undefined;
  const text = typeof body?.message === 'string' ? body.message : e.message.replace(/^\d{3}\s+/, '');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(?:GET|VERIFY)|ERR_TLS|ERR_SSL/;

/** A URL as safe to show (no credentials, query values hidden), or the text itself when it is not a URL. */
function safeUrl(text: string): string {
  try {
    return redactUrl(new URL(text));
  } catch {
    return text.replace(/[\u0000-\u001f\u007f]/g, '');
  }
}

/** The proxy's status when undici's ProxyAgent could not open the tunnel (`Proxy response (407) !== 200 …`). */
function proxyStatus(e: unknown, depth = 0): number | undefined {
  if (!e || typeof e !== 'object' || depth > 6) return undefined;
  const m = /Proxy response \((\d{3})\)/.exec(String((e as { message?: unknown }).message ?? ''));
  if (m) return Number(m[1]);
  return proxyStatus((e as { cause?: unknown }).cause, depth + 1);
}

function connectionError(e: unknown, url: string): LlmError {
  const code = errorCode(e);
  const details = code ? { url, code } : { url };
  const proxy = proxyStatus(e);
  if (proxy === 407) {
    return new LlmError('connection', t('The proxy asks for authentication (HTTP 407) before it connects to {0}. Put the credentials in the proxy URL (http://user:password@proxy:8080) or, in VS Code, in http.proxyAuthorization.', url), { ...details, status: 407 });
  }
  if (proxy !== undefined) return new LlmError('connection', t('The proxy refused to connect to {0} (HTTP {1}). Check the proxy settings.', url, proxy), { ...details, status: proxy });
  if (code === 'ECONNREFUSED') return new LlmError('connection', t('Connection refused by {0}. Is the server running, and is the port right?', url), details);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new LlmError('connection', t('Cannot resolve the host of {0} ({1}). Check the base URL, the network and the proxy settings.', url, code), details);
  if (code && TLS_CODE.test(code)) {
    return new LlmError('connection', t('The TLS certificate of {0} is not trusted ({1}). Behind a corporate proxy or a private CA, start VS Code or the CLI with NODE_EXTRA_CA_CERTS set to the CA file.', url, code), details);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return new LlmError('timeout', t('Connecting to {0} timed out. Check the network and the proxy settings.', url), details);
  return new LlmError('connection', t('Cannot connect to {0} ({1}). Check the base URL, the network and the proxy settings.', url, code ?? (e instanceof Error ? e.message : String(e))), details);
}

/** The first `code` in an error's cause chain (undici nests it: fetch failed → cause → ECONNREFUSED). */
function errorCode(e: unknown, depth = 0): string | undefined {
  if (!e || typeof e !== 'object' || depth > 6) return undefined;
  const o = e as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof o.code === 'string' && /^[A-Z_]+$/.test(o.code)) return o.code;
  const fromCause = errorCode(o.cause, depth + 1);
  if (fromCause) return fromCause;
  if (Array.isArray(o.errors)) for (const inner of o.errors) {
    const c = errorCode(inner, depth + 1);
    if (c) return c;
  }
  return undefined;
}

function safeCall(fn: () => void, log: ((line: string) => void) | undefined): void {
  try {
    fn();
  } catch (e) {
    log?.(t('A progress callback failed: {0}', e instanceof Error ? e.message : String(e)));
  }
}
