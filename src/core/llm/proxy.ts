/**
 * Whether a request to the LLM endpoint goes through a proxy, and which: the decision only (no
 * network code; proxyFetch.ts builds the agent). The extension feeds it VS Code's `http.proxy` /
 * `http.noProxy` and the process environment, with VS Code's own precedence: the setting first,
 * then `HTTPS_PROXY` / `HTTP_PROXY` by the target's scheme; `http.noProxy` and `NO_PROXY` both
 * exempt hosts. Loopback endpoints (a local Ollama, LM Studio…) never go through a proxy.
 *
 * `noProxy` entries follow curl's conventions: `example.com`, `.example.com` and `*.example.com`
 * all match the domain and its subdomains; `host:port` only that port; `10.0.0.0/8` an IPv4
 * range; `*` everything.
 */
import { isLoopback } from './config';

export interface ProxySettings {
  /** VS Code's `http.proxy` (empty: none set). */
  proxy?: string | undefined;
  /** VS Code's `http.noProxy`. */
  noProxy?: readonly string[] | undefined;
  /** VS Code's `http.proxySupport`: `off` turns proxying off altogether. */
  support?: string | undefined;
  /** The process environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, lower-case variants). */
  env?: Readonly<Record<string, string | undefined>>;
}

export type ProxyDecision =
  | { kind: 'direct'; reason: 'loopback' | 'no-proxy' | 'none' | 'off' | 'bad-target' }
  | { kind: 'proxy'; url: string; source: 'setting' | 'env' }
  /** A proxy is configured but cannot be used (not http/https, or not a URL): the caller says so. */
  | { kind: 'invalid'; raw: string; source: 'setting' | 'env' };

export function proxyFor(target: string, settings: ProxySettings): ProxyDecision {
  let url: URL;
  try {
    url = new URL(target.trim());
  } catch {
    return { kind: 'direct', reason: 'bad-target' };
  }
  if (settings.support === 'off') return { kind: 'direct', reason: 'off' };
  if (isLoopback(url.toString())) return { kind: 'direct', reason: 'loopback' };
  const env = settings.env ?? {};
  const noProxy = [...(settings.noProxy ?? []), ...splitList(env.NO_PROXY ?? env.no_proxy)];
  if (bypassesProxy(url, noProxy)) return { kind: 'direct', reason: 'no-proxy' };
  const fromSetting = settings.proxy?.trim();
  const fromEnv = (url.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy))?.trim();
  const raw = fromSetting || fromEnv;
  if (!raw) return { kind: 'direct', reason: 'none' };
  const source = fromSetting ? 'setting' : 'env';
  const proxyUrl = normaliseProxyUrl(raw);
  return proxyUrl ? { kind: 'proxy', url: proxyUrl, source } : { kind: 'invalid', raw: redactProxyUrl(raw), source };
}

/** `proxy.corp:8080` → `http://proxy.corp:8080/`; undefined for what undici's ProxyAgent cannot use (socks, garbage). */
export function normaliseProxyUrl(raw: string): string | undefined {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  try {
    const url = new URL(text);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
    return url.toString();
  } catch {
    return undefined;
  }
}

/** The proxy URL as safe to log: credentials hidden. */
export function redactProxyUrl(raw: string): string {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    if (url.username || url.password) {
      url.username = '***';
      url.password = '';
    }
    return url.toString();
  } catch {
    // Not a URL: show no more than where it seems to point.
    return raw.replace(/^[^@]*@/, '***@');
  }
}

function splitList(value: string | undefined): string[] {
  return value ? value.split(/[,\s]+/).filter(Boolean) : [];
}

/** Whether `url` is exempt from the proxy by one of the `entries` (see the file comment). */
export function bypassesProxy(url: URL, entries: readonly string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of entries) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: string | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) {
      entry = bracketed[1]!;
      entryPort = bracketed[2];
    } else {
      const m = /^([^:]+):(\d+)$/.exec(entry);
      if (m) {
        entry = m[1]!;
        entryPort = m[2];
      }
    }
    if (entryPort && entryPort !== port) continue;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    const domain = entry.replace(/^\*?\./, '');
    if (domain && (host === domain || host.endsWith(`.${domain}`))) return true;
  }
  return false;
}

function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function inCidr(host: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const a = ipv4(host);
  const b = ipv4(base ?? '');
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (a & mask) >>> 0 === (b & mask) >>> 0;
}
