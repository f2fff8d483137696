/**
 * Localisation for the core, which cannot use `vscode.l10n`. The bundles are
 * media/l10n/bundle.l10n.<locale>.json, English strings are the keys: the extension hands
 * {@link configureL10n} `vscode.l10n.bundle`, the CLI the bundle file for its locale.
 *
 * Two ways in, one format:
 * - {@link t} localises at once, in the user's language: for text shown where it is made
 *   (the validator's own diagnostics, CLI and LLM messages).
 * - {@link msg} makes a {@link Message}, localised later with {@link localize}, in the language
 *   of where it is shown: the analysis findings are shown in the editor (the user's language)
 *   and quoted in the report (always Chinese), and cached in between, so they carry the key
 *   and its arguments instead of a string.
 */

export type Bundle = Readonly<Record<string, string>>;

/** A message to localise where it is shown: its English text (the bundle key) and arguments, which may be messages too. */
export interface Message {
  readonly key: string;
  readonly args: readonly MessageArg[];
}

export type MessageArg = string | number | Message;

const ENGLISH: Bundle = {};
let current: Bundle = ENGLISH;

/** Configure the user's language from an already-loaded bundle (the extension passes `vscode.l10n.bundle`). */
export function configureL10n(contents: Bundle | undefined): void {
  if (!contents) return;
  current = contents;
}

/** `key` in the user's language, with `{0}`, `{1}`, … replaced by `args`. */
export function t(key: string, ...args: Array<string | number>): string {
  return format(lookup(current, key), args);
}

/** A message whose text is `key` (English, with `{0}`-style holes for `args`), to localise later. */
export function msg(key: string, ...args: MessageArg[]): Message {
  return { key, args };
}

/** `message` in the language of `bundle`: the user's by default, English with `{}`. */
export function localize(message: Message, bundle: Bundle = current): string {
  // Messages never change, and the findings kept across edits are shown again on every keystroke.
  const english = bundle === ENGLISH;
  if (english) {
    const known = englishTexts.get(message);
    if (known !== undefined) return known;
  } else {
    const known = userTexts.get(message);
    if (known?.bundle === bundle) return known.text;
  }
  const args = message.args.map((a) => (typeof a === 'object' ? localize(a, bundle) : a));
  const text = format(lookup(bundle, message.key), args);
  if (english) englishTexts.set(message, text);
  else userTexts.set(message, { bundle, text });
  return text;
}

/** Each message's English text, and its text in the last other language it was shown in. */
const englishTexts = new WeakMap<Message, string>();
const userTexts = new WeakMap<Message, { bundle: Bundle; text: string }>();

/** `message` in English, whatever the user's language: a stable text for comparing messages. */
export function english(message: Message): string {
  return localize(message, ENGLISH);
}

/** The translation of `key`, else the key itself (English). */
function lookup(bundle: Bundle, key: string): string {
  const text = Object.hasOwn(bundle, key) ? bundle[key] : undefined;
  return typeof text === 'string' && text !== '' ? text : key;
}

/**
 * Fills the `{n}` holes of a template (as @vscode/l10n and `vscode.l10n.t` do); holes without an
 * argument stay as written. A hole is what `/\{([^{}]+)\}/g` matches, and it takes an argument
 * when its name is an index (`/^(?:0|[1-9]\d*)$/`). A scan rather than `replace` with a function:
 * that calls back into JavaScript from the runtime for every hole, several times the cost of
 * the scan (a diagnostic's message is formatted when it is made).
 */
function format(template: string, args: ReadonlyArray<string | number>): string {
  if (args.length === 0) return template;
  let out = '';
  // Copied up to `done`; the next hole is looked for from `from`.
  let done = 0;
  let from = 0;
  for (;;) {
    const open = template.indexOf('{', from);
    if (open < 0) break;
    // The hole's name runs to the next brace: a `}` closes it, a `{` (or the end) means no hole opens here.
    let close = open + 1;
    while (close < template.length && !isBrace(template.charCodeAt(close))) close++;
    if (close === open + 1 || close >= template.length || template.charCodeAt(close) !== CLOSE_BRACE) {
      from = open + 1;
      continue;
    }
    const value = args[holeIndex(template, open + 1, close)];
    if (value !== undefined) {
      out += template.slice(done, open) + String(value);
      done = close + 1;
    }
    from = close + 1;
  }
  return done === 0 ? template : out + template.slice(done);
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

function isBrace(c: number): boolean {
  return c === OPEN_BRACE || c === CLOSE_BRACE;
}

/** The index `text[from, to)` names (`0`, or digits without a leading zero); -1 when it names none. */
function holeIndex(text: string, from: number, to: number): number {
  if (text.charCodeAt(from) === 0x30 /* 0 */) return to === from + 1 ? 0 : -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The locale to use outside VS Code: INTAKE_LANG, then LC_ALL / LC_MESSAGES / LANG. */
export function localeFromEnv(env: NodeJS.ProcessEnv): string {
  const raw = env.INTAKE_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en';
  const lang = raw.split('.')[0]!.replace('_', '-').toLowerCase();
  if (lang.startsWith('zh')) return 'zh-cn';
  return 'en';
}
