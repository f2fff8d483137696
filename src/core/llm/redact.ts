/**
 * Redaction of everything sent to an LLM (on by default): customer and company names, people's
 * names, phone numbers, e-mails and ID numbers become stable placeholders — 〔客户A〕, 〔人名1〕,
 * 〔电话1〕, 〔邮箱1〕, 〔证件1〕 — the same original always getting the same mask within one run
 * (one {@link Redactor}), so the model can refer to "〔客户A〕" consistently.
 *
 * Un-masking (decided): the model's answer is un-masked locally for display with {@link unmask} /
 * {@link StreamUnmasker} — the user already has the intake, and the report is for them. Nothing
 * un-masked is ever sent: a "continue" request sends the model's masked text back. The list of
 * replacements (kind, original, mask) is returned so the preview can show what was masked.
 *
 * Detection is heuristic (see detect.ts); `names` adds names that must always be masked and
 * `keep` names that must not be (vendors, regulators).
 */
import { discoverCompanies, discoverPeople, escapeRegExp, findPatterns, type RedactionKind, type Span } from '../text/detect';
import { urlZones } from './linkSafety';

export type { RedactionKind } from '../text/detect';

export interface Replacement {
  kind: RedactionKind;
  original: string;
  mask: string;
  /** Occurrences masked so far. */
  count: number;
}

export interface RedactOptions {
  /** Customer or company names to mask always (a setting), besides those discovered. */
  names?: readonly string[];
  /** Never mask these (or names starting with them): vendors, regulators. */
  keep?: readonly string[];
  /** Where names are discovered (the intake text); default: the text being redacted. */
  discoverFrom?: string;
}

export interface RedactResult {
  text: string;
  replacements: Replacement[];
}

const PREFIX: Record<RedactionKind, string> = { company: '客户', person: '人名', phone: '电话', email: '邮箱', id: '证件' };

/** Redacts one text on its own (names discovered in `discoverFrom`, else in the text). */
export function redact(text: string, options: RedactOptions = {}): RedactResult {
  const r = new Redactor({ ...options, discoverFrom: options.discoverFrom ?? text });
  return { text: r.redact(text), replacements: r.replacements };
}

/** Masks several texts with one set of stable placeholders. */
export class Redactor {
  private readonly byOriginal = new Map<string, Replacement>();
  private readonly counters: Record<RedactionKind, number> = { company: 0, person: 0, phone: 0, email: 0, id: 0 };
  private readonly names: Array<{ kind: RedactionKind; text: string }>;
  private readonly namesRe: RegExp | undefined;

  constructor(options: RedactOptions = {}) {
    const source = options.discoverFrom ?? '';
    const keep = options.keep ?? [];
    const companies = [...(options.names ?? []).map((n) => n.trim()).filter((n) => n.length >= 2), ...discoverCompanies(source, keep)];
    const people = discoverPeople(source);
    const seen = new Set<string>();
    this.names = [];
    for (const [kind, list] of [['company', companies], ['person', people]] as const) {
      for (const text of list) if (!seen.has(text)) { seen.add(text); this.names.push({ kind, text }); }
    }
    // Longest first, so 明远保险股份有限公司 is masked whole rather than as 明远保险 + the rest.
    const sorted = [...this.names].sort((a, b) => b.text.length - a.text.length);
    this.namesRe = sorted.length > 0 ? new RegExp(sorted.map((n) => escapeRegExp(n.text)).join('|'), 'g') : undefined;
  }

  get replacements(): Replacement[] {
    return [...this.byOriginal.values()].map((r) => ({ ...r }));
  }

  redact(text: string): string {
    const spans: Span[] = findPatterns(text);
    if (this.namesRe) {
      this.namesRe.lastIndex = 0;
      for (let m = this.namesRe.exec(text); m; m = this.namesRe.exec(text)) {
        const kind = this.names.find((n) => n.text === m![0])!.kind;
        spans.push({ kind, start: m.index, end: m.index + m[0].length });
      }
    }
    // Earliest first, then longest: an e-mail beats the phone number inside it.
    spans.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    let out = '';
    let at = 0;
    for (const s of spans) {
      if (s.start < at) continue;
      out += text.slice(at, s.start) + this.maskFor(s.kind, text.slice(s.start, s.end));
      at = s.end;
    }
    return out + text.slice(at);
  }

  private maskFor(kind: RedactionKind, original: string): string {
    let r = this.byOriginal.get(original);
    if (!r) {
      const n = ++this.counters[kind];
      r = { kind, original, mask: `〔${PREFIX[kind]}${kind === 'company' ? letters(n) : n}〕`, count: 0 };
      this.byOriginal.set(original, r);
    }
    r.count++;
    return r.mask;
  }
}

/** 1 → A, 26 → Z, 27 → AA. */
function letters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Puts the originals back into text the model wrote. Unknown placeholders are left as they are,
 * and so is every mask inside an address (a link or image destination, an autolink, a bare URL):
 * un-masked there, the real name or phone number would go out with the request a viewer makes
 * (linkSafety.ts).
 */
export function unmask(text: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0 || !text.includes('〔')) return text;
  const byMask = new Map(replacements.map((r) => [r.mask, r.original]));
  const zones = urlZones(text);
  let zone = 0;
  return text.replace(/〔[^〔〕\n]{1,8}〕/g, (m, offset: number) => {
    while (zone < zones.length && zones[zone]![1] <= offset) zone++;
    // Zones are sorted by start and may overlap: any zone that has started and not ended covers it.
    for (let z = zone; z < zones.length && zones[z]![0] <= offset; z++) if (zones[z]![1] > offset) return m;
    return byMask.get(m) ?? m;
  });
}

/**
 * Un-masks a stream of deltas: a placeholder split across deltas (`〔客户` + `A〕`) is held back
 * until it is complete, so what is shown never contains half a mask.
 */
export class StreamUnmasker {
  private pending = '';
  constructor(private readonly replacements: readonly Replacement[]) {}

  push(delta: string): string {
    const text = this.pending + delta;
    const open = text.lastIndexOf('〔');
    // Hold back an unclosed 〔… only while it could still become a mask (short, one line).
    if (open >= 0 && !text.includes('〕', open) && text.length - open <= 10 && !text.slice(open).includes('\n')) {
      this.pending = text.slice(open);
      return unmask(text.slice(0, open), this.replacements);
    }
    this.pending = '';
    return unmask(text, this.replacements);
  }

  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return unmask(rest, this.replacements);
  }
}
