/**
 * Retry timing for 429 and 5xx answers: the server's `Retry-After` when it sends one (seconds or
 * an HTTP date; OpenAI's `retry-after-ms` too), otherwise exponential backoff with jitter so that
 * many clients do not retry in step. The SDK's own retries are off; these are the only ones.
 */
import type { RetryPolicy } from './config';

const DEFAULT_RETRY: Required<RetryPolicy> = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterSeconds: 60 };

export function retryPolicy(p: RetryPolicy | undefined): Required<RetryPolicy> {
  return {
    maxAttempts: Math.max(1, Math.floor(p?.maxAttempts ?? DEFAULT_RETRY.maxAttempts)),
    baseDelayMs: Math.max(0, p?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: Math.max(0, p?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs),
    maxRetryAfterSeconds: Math.max(0, p?.maxRetryAfterSeconds ?? DEFAULT_RETRY.maxRetryAfterSeconds),
  };
}

interface HeaderSource {
  get(name: string): string | null;
}

/** Milliseconds the server asks to wait, or undefined when it says nothing usable. */
export function retryAfterMs(headers: HeaderSource | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && /^\d+(?:\.\d+)?$/.test(ms.trim())) return Number(ms.trim());
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1). With a Retry-After, that value
 * plus up to 10% (at most 1 s) of jitter — never less than asked. Without, "equal jitter":
 * half the exponential step plus a random share of the other half.
 */
export function retryDelayMs(attempt: number, policy: Required<RetryPolicy>, serverMs: number | undefined, random: () => number = Math.random): number {
  if (serverMs !== undefined) return Math.ceil(serverMs + random() * Math.min(1000, serverMs * 0.1));
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
