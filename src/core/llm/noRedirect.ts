/**
 * Redirects are never followed on the LLM path. Following one sends the prompt (the customer's
 * intake) and, for Azure or a gateway, the key in `api-key` or an `extraHeaders` value, to
 * wherever the server points; and a loopback URL that redirects would still be labelled
 * "local only". fetch's own `redirect: 'error'` does not say where the redirect pointed, so the
 * request is made with `redirect: 'manual'` and any 3xx answer becomes {@link RedirectRefused},
 * naming the target: the user can then put the final address in the base URL.
 */
export class RedirectRefused extends Error {
  constructor(
    readonly status: number,
    /** The absolute target, when the answer named one. */
    readonly location: string | undefined,
  ) {
    super(`redirect (HTTP ${status}) to ${location ?? 'an unnamed location'} not followed`);
    this.name = 'RedirectRefused';
  }
}

export function refuseRedirects(base: typeof fetch): typeof fetch {
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> => {
    const response = await base(input, { ...init, redirect: 'manual' });
    if (response.status < 300 || response.status >= 400 || response.status === 304) return response;
    const from = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const raw = response.headers.get('location');
    let location: string | undefined;
    try {
      location = raw ? new URL(raw, from).toString() : undefined;
    } catch {
      location = raw ?? undefined;
    }
    // Nothing of the answer is read: close it.
    await response.body?.cancel().catch(() => undefined);
    throw new RedirectRefused(response.status, location);
  };
  return wrapped as typeof fetch;
}

/** The RedirectRefused in an error's cause chain (the SDK wraps what fetch throws). */
export function redirectIn(e: unknown, depth = 0): RedirectRefused | undefined {
  if (e instanceof RedirectRefused) return e;
  if (!e || typeof e !== 'object' || depth > 6) return undefined;
  return redirectIn((e as { cause?: unknown }).cause, depth + 1);
}
