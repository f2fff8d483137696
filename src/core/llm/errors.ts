/**
 * The ways an LLM run can fail, as one typed error. The `message` is localised and says what to
 * do; `partialText` keeps whatever streamed before the failure (timeout, disconnect, cancel), so
 * the preview can still show it. Nothing here ever carries the API key: messages that come from
 * the server are scrubbed of it first (see {@link scrubSecret}).
 */

export type LlmErrorKind =
  /** 401 / 403: the key is missing, wrong or not allowed. */
  | 'auth'
  /** 404: wrong base URL or model; the message names the URL tried. */
  | 'not-found'
  /** 429 after the bounded retries, or a Retry-After too long to wait for. */
  | 'rate-limit'
  /** 5xx after the bounded retries. */
  | 'server'
  /** Another 4xx: the server's own message says why (context too long, bad parameter…). */
  | 'bad-request'
  /** Connection refused, DNS failure, TLS trust, proxy. */
  | 'connection'
  /** No data for `timeoutSeconds`; partial text kept. */
  | 'timeout'
  /** The connection broke mid-stream; partial text kept. */
  | 'disconnected'
  /** The caller's AbortSignal fired; the HTTP request was aborted; partial text kept. */
  | 'cancelled'
  /** The answer was not an OpenAI-compatible stream. */
  | 'bad-response'
  /** The configuration cannot work (bad URL, no model); nothing was sent. */
  | 'config';

/** The error as plain data (for the webview, JSON output and tests). */
export interface LlmErrorInfo {
  kind: LlmErrorKind;
  message: string;
  status?: number;
  url?: string;
  /** Seconds the server asked to wait (429). */
  retryAfterSeconds?: number;
  /** Requests made, retries included. */
  attempts?: number;
  /** ECONNREFUSED, ENOTFOUND, SELF_SIGNED_CERT_IN_CHAIN… */
  code?: string;
  /** What the server itself said (its error message), scrubbed of the key. */
  serverMessage?: string;
  partialText: string;
}

export class LlmError extends Error {
  readonly kind: LlmErrorKind;
  status?: number;
  url?: string;
  retryAfterSeconds?: number;
  attempts?: number;
  code?: string;
  serverMessage?: string;
  partialText = '';

  constructor(kind: LlmErrorKind, message: string, details: Partial<Omit<LlmErrorInfo, 'kind' | 'message'>> = {}) {
    super(message);
    this.name = 'LlmError';
    this.kind = kind;
    Object.assign(this, details);
  }

  /** Whether the report text received so far is still worth showing. */
  get keepsPartialText(): boolean {
    return this.kind === 'timeout' || this.kind === 'disconnected' || this.kind === 'cancelled';
  }

  toJSON(): LlmErrorInfo {
    const info: LlmErrorInfo = { kind: this.kind, message: this.message, partialText: this.partialText };
    if (this.status !== undefined) info.status = this.status;
    if (this.url !== undefined) info.url = this.url;
    if (this.retryAfterSeconds !== undefined) info.retryAfterSeconds = this.retryAfterSeconds;
    if (this.attempts !== undefined) info.attempts = this.attempts;
    if (this.code !== undefined) info.code = this.code;
    if (this.serverMessage !== undefined) info.serverMessage = this.serverMessage;
    return info;
  }
}

/** Replaces every occurrence of the secret (and of its Bearer form) in text coming from elsewhere. */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('***');
}
