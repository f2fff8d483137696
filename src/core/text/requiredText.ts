/**
 * A cheap test that rules a pattern out before its regular expression runs: the literal runs one
 * of which every match of the pattern contains, lower-cased. `跨\s*(云|区域).{0,30}(延迟|时延)`
 * needs "跨"; `(延迟|时延|链路)\s*(波动|抖动)` needs "波动" or "抖动"; `SAP.{0,20}(RFC|BAPI)`
 * needs "sap"; `(AWS|阿里云)` needs "aws" or "阿里云". A text whose {@link foldForNeeds} form contains
 * none of them cannot match, and `includes` on a few strings costs far less than running a
 * case-insensitive Unicode pattern over the text.
 *
 * Only Han characters and ASCII letters and digits make up the strings: Han characters have no
 * case forms, and under the `iu` flags an ASCII letter or digit matches only itself, its other
 * case, U+212A KELVIN SIGN (which lower-cases to k) and U+017F LONG S (which foldForNeeds maps
 * to s). What this parser does not know (classes, escapes, other characters, lookarounds, a
 * quantifier that allows zero) requires nothing; syntax it does not know at all gives undefined.
 * Linear in the pattern's length.
 */

import { lazy } from './lazy';

// Made on first use (text/lazy.ts): only the build parses patterns, and every process that loads
// this module for foldForNeeds (each `intake` run) would otherwise look \p{Script=Han} up in ICU.
const LITERAL = lazy(() => /^(?:\p{Script=Han}|[A-Za-z0-9])$/u);

/**
 * Groups of strings, every match containing one string of each group (a conjunction of
 * alternatives, in the pattern's order); undefined when there is no such group we can tell.
 */
type Requirement = readonly (readonly string[])[] | undefined;

class UnknownSyntax extends Error {}

export function requiredText(pattern: string): readonly string[] | undefined {
  const groups = requiredGroups(pattern);
  return groups && mostSelective(groups);
}

/**
 * Every group of strings a match of `pattern` contains one of: `(TPS|QPS|吞吐).{0,20}(网关|Kong)`
 * gives ["tps", "qps", "吞吐"] and ["网关", "kong"]; requiredText's strings are the most selective
 * group. The groups of an alternation of several branches are one: the union of each branch's most
 * selective group.
 */
export function requiredGroups(pattern: string): readonly (readonly string[])[] | undefined {
  try {
    const parser = new Parser(pattern);
    const req = parser.alternation();
    return parser.done() ? req : undefined;
  } catch (e) {
    if (e instanceof UnknownSyntax) return undefined;
    throw e;
  }
}

/** The group with the highest selectivity, the first of those. */
function mostSelective(groups: readonly (readonly string[])[]): readonly string[] {
  let best = groups[0]!;
  for (const g of groups) if (selectivity(g) > selectivity(best)) best = g;
  return best;
}

class Parser {
  private i = 0;

  constructor(private readonly src: string) {}

  done(): boolean {
    return this.i === this.src.length;
  }

  /** Branches up to `)` or the end: every branch must require something; one branch's groups, or the union of each branch's most selective group. */
  alternation(): Requirement {
    const branches = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === undefined)) return undefined;
    if (branches.length === 1) return branches[0];
    return [[...new Set(branches.flatMap((b) => mostSelective(b!)))]];
  }

  /** Items up to `|`, `)` or the end: adjacent single literal characters form one run; every item's groups are required. */
  private sequence(): Requirement {
    const groups: (readonly string[])[] = [];
    let run = '';
    const consider = (req: Requirement) => {
      if (req) groups.push(...req);
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const { req, literal } = this.atom();
      const times = this.quantifier();
      if (literal !== undefined && times === 'once') {
        run += literal;
        continue;
      }
      if (run) groups.push([run]);
      run = '';
      if (times !== 'maybe-none') consider(req);
    }
    if (run) groups.push([run]);
    return groups.length > 0 ? groups : undefined;
  }

  private quantifier(): 'once' | 'at-least-once' | 'maybe-none' {
    const c = this.src[this.i];
    let min: number;
    if (c === '*' || c === '?') {
      min = 0;
      this.i++;
    } else if (c === '+') {
      min = 1;
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.src.slice(this.i, this.i + 24));
      if (!m) throw new UnknownSyntax();
      min = Number(m[1]);
      this.i += m[0].length;
    } else return 'once';
    if (this.src[this.i] === '?') this.i++; // lazy
    return min === 0 ? 'maybe-none' : 'at-least-once';
  }

  private atom(): { req: Requirement; literal?: string } {
    const c = this.src[this.i]!;
    if (c === '(') return { req: this.group() };
    if (c === '[') {
      this.skipClass();
      return { req: undefined };
    }
    if (c === '\\') {
      this.skipEscape();
      return { req: undefined };
    }
    const ch = String.fromCodePoint(this.src.codePointAt(this.i)!);
    this.i += ch.length;
    if (!LITERAL().test(ch)) return { req: undefined };
    const lower = ch.toLowerCase();
    return { req: [[lower]], literal: lower };
  }

  /** A group: what its content requires; a lookaround requires nothing (its text is not the match's). */
  private group(): Requirement {
    this.i++; // (
    let lookaround = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
      this.i += 2;
      lookaround = true;
    } else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
      this.i += 3;
      lookaround = true;
    } else if (this.src.startsWith('?<', this.i)) {
      const end = this.src.indexOf('>', this.i);
      if (end < 0) throw new UnknownSyntax();
      this.i = end + 1;
    } else if (this.src[this.i] === '?') throw new UnknownSyntax(); // modifiers (?i:…) and the like
    const req = this.alternation();
    if (this.src[this.i] !== ')') throw new UnknownSyntax();
    this.i++;
    return lookaround ? undefined : req;
  }

  private skipClass(): void {
    this.i++; // [
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length || this.src[this.i] === '[') throw new UnknownSyntax(); // unclosed, or a v-mode nested class
      if (this.src[this.i] === '\\') this.i++;
      this.i++;
    }
    this.i++; // ]
  }

  /** Past an escape (`\d`, `\.`, `\p{…}`, `\u{…}`, `\uXXXX`, `\xHH`, `\cX`, `\k<name>`, `\12`…): it requires nothing. */
  private skipEscape(): void {
    this.i++; // \
    const c = this.src[this.i];
    if (c === undefined) throw new UnknownSyntax();
    this.i++;
    const next = this.src[this.i];
    if ((c === 'p' || c === 'P' || c === 'u') && next === '{') this.skipPast('}');
    else if (c === 'k' && next === '<') this.skipPast('>');
    else if (c === 'u') this.i += 4;
    else if (c === 'x') this.i += 2;
    else if (c === 'c') this.i += 1;
    else if (c >= '1' && c <= '9') while (/[0-9]/.test(this.src[this.i] ?? '')) this.i++;
    else if (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) < 0xdc00) this.i++; // the rest of a surrogate pair
    if (this.i > this.src.length) throw new UnknownSyntax();
  }

  private skipPast(closing: string): void {
    const end = this.src.indexOf(closing, this.i);
    if (end < 0) throw new UnknownSyntax();
    this.i = end + 1;
  }
}

/** Longer strings are rarer, fewer alternatives are fewer searches. */
function selectivity(req: readonly string[]): number {
  return Math.min(...req.map((s) => s.length)) * 10 - req.length;
}

/** The form of a text that {@link requiredText}'s strings are searched in. */
export function foldForNeeds(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}
