/**
 * The `fetch` and dispatcher that send the LLM request through an HTTP(S) proxy. Node's own fetch
 * ignores proxies, and a CONNECT-tunnelling agent with TLS to the origin and proxy credentials is
 * not something to write ourselves: undici's ProxyAgent does it, and undici's own `fetch` is the
 * one that accepts its dispatcher. `undici` is imported here on first use only, so neither the
 * extension's activation nor an offline report ever loads it.
 *
 * A private CA (a corporate proxy that re-signs TLS) needs nothing here: Node adds the
 * certificates of `NODE_EXTRA_CA_CERTS` to its default store at start-up, and undici uses it.
 */
import type { LlmConfig } from './config';

export interface ProxyFetchOptions {
  /** VS Code's `http.proxyStrictSSL`: false accepts any certificate (proxy and origin). */
  strictSSL: boolean;
  /** VS Code's `http.proxyAuthorization`: the Proxy-Authorization header's value. */
  authorization?: string;
}

export interface ProxyFetch extends Required<Pick<LlmConfig, 'fetch' | 'fetchOptions'>> {
  /** Closes the agent's connections once the run is over. */
  close(): Promise<void>;
}

export async function proxyFetch(proxyUrl: string, options: ProxyFetchOptions): Promise<ProxyFetch> {
  const loaded = await import('undici');
  // undici is CommonJS: bundled into a chunk of an ES module build, its exports are the default export.
  const undici = ((loaded as { default?: unknown }).default ?? loaded) as typeof loaded;
  const tls = options.strictSSL ? {} : { requestTls: { rejectUnauthorized: false }, proxyTls: { rejectUnauthorized: false } };
  // Credentials in the URL (http://user:pass@proxy:8080) become Proxy-Authorization: Basic; an
  // explicit http.proxyAuthorization replaces them.
  const dispatcher = new undici.ProxyAgent({ uri: proxyUrl, ...(options.authorization ? { token: options.authorization } : {}), ...tls });
  return {
    fetch: undici.fetch as unknown as typeof fetch,
    fetchOptions: { dispatcher },
    close: () => dispatcher.close().catch(() => undefined),
  };
}
