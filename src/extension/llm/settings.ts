/**
 * Typed access to the `intake.llm.*` settings and to VS Code's `http.*` proxy settings. There is
 * no key setting: the key lives in SecretStorage (apiKey.ts). In an untrusted workspace VS Code
 * ignores the workspace's values of the settings listed in package.json's
 * `restrictedConfigurations` (provider, base URL, extra headers, redaction), so a cloned
 * repository cannot send the intake, or the key, somewhere else.
 */
import * as vscode from 'vscode';
import type { ProxySettings } from '../../core/llm/proxy';

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

export function llmSettings(scope?: vscode.Uri): LlmSettings {
  const c = vscode.workspace.getConfiguration('intake.llm', scope);
  const headers: Record<string, string> = {};
  const raw = c.get<unknown>('extraHeaders');
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) if (name.trim() && typeof value === 'string') headers[name.trim()] = value;
  }
  const maxTokens = finite(c.get('maxTokens'), 1, 1_000_000);
  return {
    provider: c.get<string>('provider') === 'openai-compatible' ? 'openai-compatible' : 'offline',
    baseUrl: text(c.get('baseUrl')),
    model: text(c.get('model')),
    temperature: finite(c.get('temperature'), 0, 2),
    maxTokens: maxTokens !== undefined ? Math.round(maxTokens) : undefined,
    timeoutSeconds: finite(c.get('timeoutSeconds'), 1, 3600),
    extraHeaders: headers,
    azureApiVersion: text(c.get('azureApiVersion')) || undefined,
    redact: c.get<boolean>('redact', true) !== false,
  };
}

/** VS Code's proxy settings, with the environment, for proxyFor(). */
export interface HttpSettings extends ProxySettings {
  strictSSL: boolean;
  /** `http.proxyAuthorization`: a secret of its own; never logged. */
  authorization: string | undefined;
}

export function httpSettings(): HttpSettings {
  const c = vscode.workspace.getConfiguration('http');
  const noProxy = c.get<unknown>('noProxy');
  const auth = c.get<unknown>('proxyAuthorization');
  return {
    proxy: text(c.get('proxy')) || undefined,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((e): e is string => typeof e === 'string') : [],
    support: text(c.get('proxySupport')) || undefined,
    env: process.env,
    strictSSL: c.get<boolean>('proxyStrictSSL', true) !== false,
    authorization: typeof auth === 'string' && auth ? auth : undefined,
  };
}
