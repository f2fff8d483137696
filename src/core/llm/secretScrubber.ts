/**
 * Keeps the API key (and other secrets: `extraHeaders` values) out of the model's answer. A
 * server or a model can echo the key back; the answer is shown, printed and exported, so every
 * occurrence becomes `***`. As a stream: the end of what arrived is held back while it could be
 * the start of a secret split across two chunks.
 */
export class SecretScrubber {
  private pending = '';
  private readonly secrets: string[];
  private readonly longest: number;

  constructor(secrets: readonly (string | undefined)[]) {
    this.secrets = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 8))].sort((a, b) => b.length - a.length);
    this.longest = this.secrets[0]?.length ?? 0;
  }

  /** Replaces every secret in a whole text. */
  scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join('***');
    return out;
  }

  /** The part of `delta` (with what was held back before) that is safe to pass on now. */
  push(delta: string): string {
    if (this.longest === 0) return delta;
    const text = this.scrub(this.pending + delta);
    // Hold back the longest tail that is the start of some secret.
    let hold = 0;
    for (const s of this.secrets) {
      for (let n = Math.min(s.length - 1, text.length); n > hold; n--) {
        if (text.endsWith(s.slice(0, n))) {
          hold = n;
          break;
        }
      }
    }
    this.pending = text.slice(text.length - hold);
    return text.slice(0, text.length - hold);
  }

  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }
}
