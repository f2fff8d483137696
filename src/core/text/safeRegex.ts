/**
 * A static check that a JavaScript regular expression runs in linear time in a backtracking
 * engine (V8's Irregexp), used at build time on the knowledge base's rule patterns and by the
 * tests on every pattern in `src/`.
 *
 * The method is the classic ambiguity analysis of the pattern's automaton (Weideman et al.,
 * "Analyzing Matching Time Behavior of Backtracking Regular Expression Matchers by Using
 * Ambiguity of NFA", 2016): a backtracking matcher that fails tries every path of the automaton,
 * so it is
 * - exponential when some state can loop back to itself along two different paths on the same
 *   word (EDA: `(a+)+`, `(a|a)*`),
 * - polynomial when two different looping states p ≠ q have a word w with p →w p, p →w q and
 *   q →w q (IDA: `\d+\s*\d+`, `\s*-?\s*`).
 * An unanchored pattern is searched from every position, which is an implicit `[^]*` loop in
 * front of it: `\d+%` on a long run of digits is quadratic, `(?<!\d)\d+%` is not.
 *
 * How the automaton is made finite and small:
 * - The alphabet is a sample of characters: every character written in the pattern (both cases
 *   under `i`, the ends of class ranges) plus representatives of the usual classes (digits,
 *   letters, spaces, Han, full-width and CJK punctuation…). Each character class is tested against
 *   the sample with the JavaScript engine itself (so `\p{…}`, `[^…]`, `i` and `s` mean exactly
 *   what they mean at run time), and the sample is cut into minterms (characters no class tells
 *   apart).
 * - A bounded repetition `x{n,m}` is unrolled to at most 3 copies: it never loops, so it only
 *   multiplies the work by a constant.
 * - Lookbehinds that test one character (`(?<!\d)`, `(?<=^|[^A-Za-z])`) and `^` are kept as
 *   conditions on the previous character, since they are what makes a leading loop linear.
 *   Lookaheads, `$`, `\b` and `\B` are treated as always passing, and a back-reference as any
 *   text: that only adds paths, so the check stays on the safe side (it may reject a pattern
 *   that is linear, never accept one that is not).
 */

type RegexComplexity = 'linear' | 'polynomial' | 'exponential';

export interface RegexVerdict {
  complexity: RegexComplexity;
  /** Why, for a message: the part of the pattern that repeats ambiguously. */
  reason?: string;
}

/** Unrolling limit for `{n,m}` (see the file comment). */
const MAX_UNROLL = 3;

// ---------------------------------------------------------------- parsing

type Node =
  | { type: 'char'; source: string }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; alts: Node[] }
  | { type: 'repeat'; node: Node; min: number; max: number; source: string }
  | { type: 'start' }
  | { type: 'epsilon' }
  | { type: 'lookbehind'; negative: boolean; node: Node }
  | { type: 'any' };

class Parser {
  private i = 0;
  readonly literals: string[] = [];

  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new SyntaxError(`unexpected ${this.src[this.i]} at ${this.i}`);
    return node;
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : { type: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atomStart = this.i;
      const atom = this.atom();
      items.push(this.quantified(atom, atomStart));
    }
    return { type: 'seq', items };
  }

  private quantified(atom: Node, atomStart: number): Node {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i, this.i + 24));
      if (!m) return atom; // a literal `{` outside unicode mode
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: the same paths, tried in another order
    return { type: 'repeat', node: atom, min, max, source: this.src.slice(atomStart, this.i) };
  }

  private atom(): Node {
    const start = this.i;
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') {
      this.classEnd();
      return { type: 'char', source: this.src.slice(start, this.i) };
    }
    if (c === '^') {
      this.i++;
      return { type: 'start' };
    }
    if (c === '$') {
      this.i++;
      return { type: 'epsilon' };
    }
    if (c === '\\') return this.escape();
    this.i += c.codePointAt(0)! > 0xffff ? 2 : 1;
    const text = this.src.slice(start, this.i);
    if (text !== '.') this.literals.push(text);
    return { type: 'char', source: text };
  }

  private escape(): Node {
    const start = this.i;
    this.i++;
    const c = this.src[this.i]!;
    if (c === 'b' || c === 'B') {
      this.i++;
      return { type: 'epsilon' };
    }
    if (/[1-9]/.test(c)) {
      while (/\d/.test(this.src[this.i] ?? '')) this.i++;
      return { type: 'any' };
    }
    if (c === 'k' && this.src[this.i + 1] === '<') {
      this.i = this.src.indexOf('>', this.i) + 1;
      return { type: 'any' };
    }
    this.skipEscapeBody();
    const source = this.src.slice(start, this.i);
    this.literals.push(decodeEscape(source));
    return { type: 'char', source };
  }

  /** Moves past the body of an escape whose backslash has been read (`d`, `u{1F600}`, `p{Script=Han}`, `x41`…). */
  private skipEscapeBody(): void {
    const c = this.src[this.i]!;
    if ((c === 'p' || c === 'P') && this.unicode && this.src[this.i + 1] === '{') this.i = this.src.indexOf('}', this.i) + 1;
    else if (c === 'u' && this.src[this.i + 1] === '{') this.i = this.src.indexOf('}', this.i) + 1;
    else if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.src.slice(this.i + 1, this.i + 5))) this.i += 5;
    else if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(this.src.slice(this.i + 1, this.i + 3))) this.i += 3;
    else if (c === 'c' && /[A-Za-z]/.test(this.src[this.i + 1] ?? '')) this.i += 2;
    else this.i += c.codePointAt(0)! > 0xffff ? 2 : 1;
  }

  /** Moves past a character class, collecting its characters. */
  private classEnd(): void {
    this.i++; // [
    if (this.src[this.i] === '^') this.i++;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      if (this.src[this.i] === '\\') {
        const start = this.i;
        this.i++;
        this.skipEscapeBody();
        this.literals.push(decodeEscape(this.src.slice(start, this.i)));
      } else {
        const cp = this.src.codePointAt(this.i)!;
        this.literals.push(String.fromCodePoint(cp));
        this.i += cp > 0xffff ? 2 : 1;
      }
    }
    this.i++; // ]
  }

  private group(): Node {
    this.i++; // (
    let kind: 'plain' | 'lookahead' | 'lookbehind' | 'neg-lookbehind' = 'plain';
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
      this.i += 2;
      kind = 'lookahead';
    } else if (this.src.startsWith('?<=', this.i)) {
      this.i += 3;
      kind = 'lookbehind';
    } else if (this.src.startsWith('?<!', this.i)) {
      this.i += 3;
      kind = 'neg-lookbehind';
    } else if (this.src.startsWith('?<', this.i)) this.i = this.src.indexOf('>', this.i) + 1;
    else if (this.src[this.i] === '?') this.i = this.src.indexOf(':', this.i) + 1; // (?i:…) modifiers
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new SyntaxError(`unclosed group at ${this.i}`);
    this.i++;
    if (kind === 'lookahead') return { type: 'epsilon' };
    if (kind === 'lookbehind' || kind === 'neg-lookbehind') return { type: 'lookbehind', negative: kind === 'neg-lookbehind', node: inner };
    return inner;
  }
}

function decodeEscape(source: string): string {
  const body = source.slice(1);
  const braces = /^u\{([0-9a-fA-F]+)\}$/.exec(body);
  if (braces) return String.fromCodePoint(parseInt(braces[1]!, 16));
  if (/^u[0-9a-fA-F]{4}$/.test(body) || /^x[0-9a-fA-F]{2}$/.test(body)) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (/^[dDsSwWpPntrfv0c]/.test(body)) return '';
  return body;
}

// ---------------------------------------------------------------- the alphabet

/** Characters that stand for the usual classes, besides those the pattern names itself. */
const REPRESENTATIVES = [
  ...'019aqzAQZ_ \t\n\r\u000b\u3000\u00a0\u2028中文年万。，、；：！？（）【】「」『』“”‘’—…·・－／％＋．：:;,.!?()[]{}<>"\'`~@#$%^&*-+=/\\|',
  'é', 'ß', 'Ω', 'ⅻ', 'ａ', 'Ａ', '１', '𠀀', '😀', '\u0000', '\u007f', '\ufeff', '\ufffd',
];

interface Alphabet {
  /** One sample character per minterm. */
  samples: string[];
  /** For each char node source (and guard set), the minterms it matches. */
  setOf(source: string): Uint8Array;
}

function buildAlphabet(literals: readonly string[], charSources: readonly string[], flags: string): Alphabet {
  const chars = new Set<string>(REPRESENTATIVES);
  for (const lit of literals) {
    for (const ch of lit) {
      chars.add(ch);
      if (flags.includes('i')) {
        chars.add(ch.toLowerCase());
        chars.add(ch.toUpperCase());
      }
    }
  }
  const sample = [...chars].filter((c) => c.length > 0);
  const testFlags = flags.replace(/[gym]/g, '');
  const membership = new Map<string, boolean[]>();
  for (const source of charSources) {
    if (membership.has(source)) continue;
    const re = new RegExp(`^(?:${source})$`, testFlags);
    membership.set(source, sample.map((c) => re.test(c)));
  }
  // Minterms: the sample characters no class tells apart are one symbol.
  const byVector = new Map<string, number>();
  const mintermOfChar: number[] = [];
  const samples: string[] = [];
  const vectors = [...membership.values()];
  sample.forEach((c, i) => {
    const key = vectors.map((v) => (v[i] ? '1' : '0')).join('');
    let m = byVector.get(key);
    if (m === undefined) {
      m = samples.length;
      byVector.set(key, m);
      samples.push(c);
    }
    mintermOfChar.push(m);
  });
  const sets = new Map<string, Uint8Array>();
  for (const [source, v] of membership) {
    const set = new Uint8Array(samples.length);
    v.forEach((yes, i) => {
      if (yes) set[mintermOfChar[i]!] = 1;
    });
    sets.set(source, set);
  }
  return { samples, setOf: (source) => sets.get(source)! };
}

function collectCharSources(node: Node, out: string[]): void {
  switch (node.type) {
    case 'char':
      out.push(node.source);
      return;
    case 'seq':
      node.items.forEach((n) => collectCharSources(n, out));
      return;
    case 'alt':
      node.alts.forEach((n) => collectCharSources(n, out));
      return;
    case 'repeat':
      collectCharSources(node.node, out);
      return;
    case 'lookbehind':
      collectCharSources(node.node, out);
      return;
  }
}

// ---------------------------------------------------------------- the automaton

/**
 * A condition on the previous character: passes at the start of the text when `atStart`, and
 * after a character of minterm m when `after[m]`.
 */
interface Guard {
  atStart: boolean;
  after: Uint8Array;
}

interface Nfa {
  /** Epsilon edges, each with an optional guard. */
  eps: Array<Array<{ to: number; guard?: Guard }>>;
  /** Consuming edges: minterm set → target. */
  edges: Array<Array<{ set: Uint8Array; to: number }>>;
  /** Where each consuming edge comes from in the pattern, for messages. */
  label: Map<number, string>;
  start: number;
  accept: number;
}

class NfaBuilder {
  readonly nfa: Nfa;
  private readonly all: Uint8Array;

  constructor(
    private readonly alphabet: Alphabet,
    private readonly multiline: boolean,
  ) {
    this.nfa = { eps: [], edges: [], label: new Map(), start: 0, accept: 0 };
    this.all = new Uint8Array(alphabet.samples.length).fill(1);
  }

  state(): number {
    this.nfa.eps.push([]);
    this.nfa.edges.push([]);
    return this.nfa.eps.length - 1;
  }

  /** Builds `node` from state `from`; returns the state where it ends. */
  build(node: Node, from: number, label: string): number {
    switch (node.type) {
      case 'char': {
        const to = this.state();
        this.nfa.edges[from]!.push({ set: this.alphabet.setOf(node.source), to });
        this.nfa.label.set(to, label || node.source);
        return to;
      }
      case 'any': {
        // A back-reference: any text (a loop on every character).
        const loop = this.state();
        this.nfa.eps[from]!.push({ to: loop });
        this.nfa.edges[loop]!.push({ set: this.all, to: loop });
        this.nfa.label.set(loop, label || 'a back-reference');
        return loop;
      }
      case 'epsilon':
        return from;
      case 'start': {
        const to = this.state();
        const after = new Uint8Array(this.alphabet.samples.length);
        if (this.multiline) this.alphabet.samples.forEach((c, m) => (after[m] = /[\n\r\u2028\u2029]/.test(c) ? 1 : 0));
        this.nfa.eps[from]!.push({ to, guard: { atStart: true, after } });
        return to;
      }
      case 'lookbehind': {
        const to = this.state();
        this.nfa.eps[from]!.push({ to, guard: this.lookbehindGuard(node) });
        return to;
      }
      case 'seq': {
        let at = from;
        for (const item of node.items) at = this.build(item, at, label);
        return at;
      }
      case 'alt': {
        const join = this.state();
        for (const alt of node.alts) this.nfa.eps[this.build(alt, from, label)]!.push({ to: join });
        return join;
      }
      case 'repeat': {
        const inner = label || node.source;
        const min = Math.min(node.min, MAX_UNROLL);
        const max = node.max === Infinity ? Infinity : Math.max(min, Math.min(node.max, MAX_UNROLL));
        let at = from;
        for (let k = 0; k < min; k++) at = this.build(node.node, at, inner);
        if (max === Infinity) {
          // Thompson's star, with the repeat edge and the exit apart, so that leaving an inner
          // loop for the next round of an outer one is a path of its own (`(a*)*`).
          const body = this.state();
          const exit = this.state();
          this.nfa.eps[at]!.push({ to: body }, { to: exit });
          const end = this.build(node.node, body, inner);
          this.nfa.eps[end]!.push({ to: body }, { to: exit });
          return exit;
        }
        const exit = this.state();
        for (let k = min; k < max; k++) {
          this.nfa.eps[at]!.push({ to: exit });
          at = this.build(node.node, at, inner);
        }
        this.nfa.eps[at]!.push({ to: exit });
        return exit;
      }
    }
  }

  /**
   * The condition a lookbehind puts on the previous character. Only what one character can tell
   * is kept: a positive lookbehind passes after any last character of its alternatives (more than
   * it allows: safe), a negative one rejects only its one-character alternatives.
   */
  private lookbehindGuard(node: Extract<Node, { type: 'lookbehind' }>): Guard {
    const n = this.alphabet.samples.length;
    const alts = node.node.type === 'alt' ? node.node.alts : [node.node];
    const last = new Uint8Array(n);
    let atStart = false;
    const single = new Uint8Array(n);
    for (const alt of alts) {
      const items = flatten(alt);
      if (items.length === 0 || (items.length === 1 && items[0]!.type === 'start')) {
        atStart = true;
        continue;
      }
      const tail = items[items.length - 1]!;
      const set = tail.type === 'char' ? this.alphabet.setOf(tail.source) : this.all;
      for (let m = 0; m < n; m++) if (set[m]) last[m] = 1;
      if (items.length === 1 && tail.type === 'char') for (let m = 0; m < n; m++) if (set[m]) single[m] = 1;
    }
    if (!node.negative) return { atStart, after: last };
    // (?<!x): passes at the start (unless the alternative is empty) and after anything but x.
    const after = new Uint8Array(n);
    for (let m = 0; m < n; m++) after[m] = single[m] ? 0 : 1;
    return { atStart: !atStart, after };
  }
}

/** A sequence's items, with nested sequences spliced in. */
function flatten(node: Node): Node[] {
  if (node.type !== 'seq') return node.type === 'epsilon' ? [] : [node];
  return node.items.flatMap(flatten);
}

// ---------------------------------------------------------------- the analysis

/**
 * The epsilon-free automaton over (state, previous minterm) pairs: what each pair reaches on
 * each minterm. The previous minterm is what lookbehind guards need; START stands for "at the
 * start of the text".
 */
interface Dfa {
  /** successors[s][m]: the pairs reached from pair s by a character of minterm m. */
  successors: number[][][];
  /** Transitions that two different paths take on the same character. */
  parallel: Array<{ from: number; to: number }>;
  /** The pattern part each pair's state consumes, for messages. */
  labelOf: (pair: number) => string | undefined;
  count: number;
}

function eliminateEpsilons(nfa: Nfa, minterms: number, searchLoop: boolean): Dfa {
  // Only the guards look at the previous character: minterms they all treat alike are one
  // "previous" (without guards, one in all), which keeps the pairs few.
  const guards = nfa.eps.flatMap((edges) => edges.flatMap((e) => (e.guard ? [e.guard] : [])));
  const classIds = new Map<string, number>();
  const prevClass: number[] = [];
  const classSample: number[] = [];
  for (let m = 0; m < minterms; m++) {
    const key = guards.map((g) => (g.after[m] ? '1' : '0')).join('');
    let c = classIds.get(key);
    if (c === undefined) {
      c = classSample.length;
      classIds.set(key, c);
      classSample.push(m);
    }
    prevClass.push(c);
  }
  const START = -1;
  const pairs = new Map<string, number>();
  const list: Array<{ state: number; prev: number }> = [];
  const id = (state: number, prev: number): number => {
    const key = `${state},${prev}`;
    let i = pairs.get(key);
    if (i === undefined) {
      i = list.length;
      pairs.set(key, i);
      list.push({ state, prev });
    }
    return i;
  };
  /**
   * The states reachable from `state` through epsilon edges (guards checked against `prev`), each
   * with the number of distinct paths to it, capped at 2: two paths to the same consuming edge
   * are two ways to match the same character (`(a*)*`). Epsilon cycles (a loop whose body can
   * match nothing) are not paths: the engine stops such an iteration.
   */
  const closure = (state: number, prev: number): Map<number, number> => {
    const order: number[] = [];
    const seen = new Set<number>([state]);
    const visit = (s: number): void => {
      for (const e of nfa.eps[s]!) {
        if (e.guard && !(prev === START ? e.guard.atStart : e.guard.after[classSample[prev]!])) continue;
        if (seen.has(e.to)) continue;
        seen.add(e.to);
        visit(e.to);
      }
      order.push(s);
    };
    visit(state);
    order.reverse();
    const rank = new Map(order.map((s, i) => [s, i]));
    const paths = new Map<number, number>([[state, 1]]);
    for (const s of order) {
      const n = paths.get(s) ?? 0;
      if (n === 0) continue;
      for (const e of nfa.eps[s]!) {
        if (e.guard && !(prev === START ? e.guard.atStart : e.guard.after[classSample[prev]!])) continue;
        // Only forward edges: a back edge closes an epsilon cycle.
        if ((rank.get(e.to) ?? -1) <= rank.get(s)!) continue;
        paths.set(e.to, Math.min(2, (paths.get(e.to) ?? 0) + n));
      }
    }
    return paths;
  };
  // The implicit search loop: a state that stays put on every character and enters the pattern.
  const loopState = nfa.eps.length;
  const successors: number[][][] = [];
  const parallel: Array<{ from: number; to: number }> = [];
  id(searchLoop ? loopState : nfa.start, START);
  for (let k = 0; k < list.length; k++) {
    const { state, prev } = list[k]!;
    const out: Array<Map<number, number>> = Array.from({ length: minterms }, () => new Map());
    const from = closure(state === loopState ? nfa.start : state, prev);
    for (const [s, ways] of from) {
      for (const e of nfa.edges[s]!) {
        for (let m = 0; m < minterms; m++) {
          if (!e.set[m]) continue;
          const to = id(e.to, prevClass[m]!);
          out[m]!.set(to, (out[m]!.get(to) ?? 0) + ways);
        }
      }
    }
    if (state === loopState) for (let m = 0; m < minterms; m++) out[m]!.set(id(loopState, prevClass[m]!), 1);
    for (const targets of out) for (const [to, ways] of targets) if (ways > 1) parallel.push({ from: k, to });
    successors.push(out.map((targets) => [...targets.keys()]));
  }
  return { successors, parallel, count: list.length, labelOf: (pair) => (list[pair]!.state === loopState ? 'the search for a match' : nfa.label.get(list[pair]!.state)) };
}

/** Strongly connected components (Tarjan, iterative); comp[v] and whether each has a cycle. */
function components(count: number, next: (v: number) => Iterable<number>): { comp: number[]; cyclic: boolean[] } {
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const comp = new Array<number>(count).fill(-1);
  const cyclic: boolean[] = [];
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: Array<{ v: number; it: Iterator<number> }> = [{ v: root, it: next(root)[Symbol.iterator]() }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const step = top.it.next();
      if (!step.done) {
        const w = step.value;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, it: next(w)[Symbol.iterator]() });
        } else if (onStack[w]) low[top.v] = Math.min(low[top.v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) low[work[work.length - 1]!.v] = Math.min(low[work[work.length - 1]!.v]!, low[top.v]!);
      if (low[top.v] === index[top.v]) {
        const c = cyclic.length;
        let size = 0;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          comp[w] = c;
          size++;
        } while (w !== top.v);
        cyclic.push(size > 1);
      }
    }
  }
  // A single vertex is cyclic when it has an edge to itself.
  for (let v = 0; v < count; v++) if (!cyclic[comp[v]!]) for (const w of next(v)) if (w === v) cyclic[comp[v]!] = true;
  return { comp, cyclic };
}

/** Bounds on the product searches, so that a huge pattern cannot make the check itself slow. */
const MAX_PRODUCT_STATES = 400_000;

export function analyzeRegex(source: string, flags = ''): RegexVerdict {
  const parser = new Parser(source, flags.includes('u') || flags.includes('v'));
  const ast = parser.parse();
  const charSources: string[] = [];
  collectCharSources(ast, charSources);
  const alphabet = buildAlphabet(parser.literals, charSources, flags);
  const builder = new NfaBuilder(alphabet, flags.includes('m'));
  const nfa = builder.nfa;
  nfa.start = builder.state();
  nfa.accept = builder.build(ast, nfa.start, '');
  const minterms = alphabet.samples.length;
  const dfa = eliminateEpsilons(nfa, minterms, !flags.includes('y'));
  const succ = dfa.successors;

  const single = components(dfa.count, (v) => succ[v]!.flat());
  const cyclic = (v: number) => single.cyclic[single.comp[v]!]!;

  // ---- exponential: two paths around one loop on the same word. Either a transition taken two
  // ways (`(a*)*`), or an SCC of the pair automaton holding a diagonal and an off-diagonal pair;
  // both members of such pairs are in one cyclic SCC of the automaton, so only those are paired.
  for (const { from, to } of dfa.parallel) {
    if (cyclic(from) && single.comp[from] === single.comp[to]) return { complexity: 'exponential', reason: `${describe(dfa.labelOf(to))} can repeat in more than one way` };
  }
  const pairIds = new Map<number, number>();
  const pairList: Array<[number, number]> = [];
  const pairId = (a: number, b: number): number => {
    const key = a * dfa.count + b;
    let i = pairIds.get(key);
    if (i === undefined) {
      i = pairList.length;
      pairIds.set(key, i);
      pairList.push([a, b]);
    }
    return i;
  };
  for (let s = 0; s < dfa.count; s++) if (cyclic(s)) pairId(s, s);
  const pairNext: number[][] = [];
  for (let k = 0; k < pairList.length; k++) {
    if (k >= MAX_PRODUCT_STATES) return { complexity: 'exponential', reason: 'the pattern is too large to check' };
    const [a, b] = pairList[k]!;
    const out: number[] = [];
    for (let m = 0; m < minterms; m++) {
      for (const x of succ[a]![m]!) {
        if (single.comp[x] !== single.comp[a]) continue;
        for (const y of succ[b]![m]!) if (single.comp[y] === single.comp[a]) out.push(pairId(x, y));
      }
    }
    pairNext.push(out);
  }
  const pairScc = components(pairList.length, (v) => pairNext[v]!);
  const diagonalIn = new Set<number>();
  for (let k = 0; k < pairList.length; k++) if (pairList[k]![0] === pairList[k]![1] && pairScc.cyclic[pairScc.comp[k]!]) diagonalIn.add(pairScc.comp[k]!);
  for (let k = 0; k < pairList.length; k++) {
    const [a, b] = pairList[k]!;
    if (a !== b && diagonalIn.has(pairScc.comp[k]!)) return { complexity: 'exponential', reason: `${describe(dfa.labelOf(a))} can repeat in more than one way` };
  }

  // ---- polynomial: looping states p ≠ q in different SCCs with (p, p, q) →* (p, q, q) in the
  // triple product. On such a path the first member never leaves SCC(p), the last never leaves
  // SCC(q), and the middle one stays between them: the search is pruned to that.
  const forward = reachability((v) => succ[v]!.flat());
  const backwardEdges: number[][] = Array.from({ length: dfa.count }, () => []);
  for (let v = 0; v < dfa.count; v++) for (const w of new Set(succ[v]!.flat())) backwardEdges[w]!.push(v);
  const backward = reachability((v) => backwardEdges[v]!);
  const looping = [...Array(dfa.count).keys()].filter(cyclic);
  let budget = MAX_PRODUCT_STATES;
  for (const p of looping) {
    for (const q of looping) {
      if (single.comp[p] === single.comp[q] || !forward(p).has(q)) continue;
      const reachesQ = backward(q);
      const between = (v: number) => v === q || reachesQ.has(v);
      const found = tripleReaches(succ, minterms, dfa.count, p, q, (a, b, c) => single.comp[a] === single.comp[p] && single.comp[c] === single.comp[q] && between(b), () => --budget > 0);
      if (found === undefined) return { complexity: 'polynomial', reason: 'the pattern is too large to check' };
      if (found) return { complexity: 'polynomial', reason: `${describe(dfa.labelOf(p))} and ${describe(dfa.labelOf(q))} can match the same text` };
    }
  }
  return { complexity: 'linear' };
}

function describe(label: string | undefined): string {
  return label === 'the search for a match' ? label : `\`${label ?? '?'}\``;
}

function reachability(next: (v: number) => number[]): (v: number) => Set<number> {
  const cache = new Map<number, Set<number>>();
  return (v) => {
    let seen = cache.get(v);
    if (seen) return seen;
    seen = new Set<number>();
    const stack = [...next(v)];
    while (stack.length > 0) {
      const w = stack.pop()!;
      if (seen.has(w)) continue;
      seen.add(w);
      for (const x of next(w)) if (!seen.has(x)) stack.push(x);
    }
    cache.set(v, seen);
    return seen;
  };
}

/** Whether (p, q, q) is reachable from (p, p, q) in the triple product, through triples `keep` accepts; undefined when the budget ran out. */
function tripleReaches(
  succ: number[][][],
  minterms: number,
  count: number,
  p: number,
  q: number,
  keep: (a: number, b: number, c: number) => boolean,
  spend: () => boolean,
): boolean | undefined {
  const key = (a: number, b: number, c: number) => (a * count + b) * count + c;
  const target = key(p, q, q);
  const seen = new Set<number>([key(p, p, q)]);
  const queue: number[] = [p, p, q];
  for (let head = 0; head < queue.length; head += 3) {
    const a = queue[head]!;
    const b = queue[head + 1]!;
    const c = queue[head + 2]!;
    for (let m = 0; m < minterms; m++) {
      const xs = succ[a]![m]!;
      if (xs.length === 0) continue;
      const ys = succ[b]![m]!;
      if (ys.length === 0) continue;
      const zs = succ[c]![m]!;
      for (const x of xs)
        for (const y of ys)
          for (const z of zs) {
            const k = key(x, y, z);
            if (k === target) return true;
            if (seen.has(k) || !keep(x, y, z)) continue;
            seen.add(k);
            queue.push(x, y, z);
          }
    }
    if (!spend()) return undefined;
  }
  return false;
}

/**
 * The literal words of a pattern (`AWS`, `阿里云`, `并发`): what a worst-case input repeats to
 * exercise the pattern (the tests' generators use them).
 */
export function literalRuns(source: string, flags = ''): string[] {
  const out = new Set<string>();
  const walk = (node: Node): void => {
    if (node.type === 'seq') {
      let run = '';
      for (const item of node.items) {
        const literal = item.type === 'char' ? plainLiteral(item.source) : undefined;
        if (literal !== undefined) {
          run += literal;
          continue;
        }
        if (run) out.add(run);
        run = '';
        walk(item);
      }
      if (run) out.add(run);
    } else if (node.type === 'alt') node.alts.forEach(walk);
    else if (node.type === 'repeat' || node.type === 'lookbehind') walk(node.node);
    else if (node.type === 'char') {
      const literal = plainLiteral(node.source);
      if (literal) out.add(literal);
    }
  };
  walk(new Parser(source, flags.includes('u') || flags.includes('v')).parse());
  return [...out];
}

function plainLiteral(source: string): string | undefined {
  if (source === '.' || source.startsWith('[')) return undefined;
  if (!source.startsWith('\\')) return source;
  const decoded = decodeEscape(source);
  return decoded || undefined;
}

/** One line for a build error or a test failure: the pattern, its complexity and why. */
export function describeUnsafeRegex(source: string, flags: string, verdict: RegexVerdict): string {
  return `/${source}/${flags} can take ${verdict.complexity} time on a long input: ${verdict.reason ?? ''}. Bound the quantifiers ({0,n}), anchor a leading run with a lookbehind such as (?<!\\d), or merge adjacent runs.`;
}
