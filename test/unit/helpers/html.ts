/**
 * A strict little HTML reader for the report renderers' own output, to check structure in
 * plain Node: balanced tags (void elements aside), raw `<` never left in text, every
 * attribute parsed. Not a general HTML parser: it throws on anything our renderers should
 * never produce.
 */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent?: HtmlElement;
}
type HtmlNode = HtmlElement | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is raw text up to their closing tag. */
const RAW = new Set(['style', 'script']);
const TOKEN = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/gi;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[name] ?? whole;
  });
}

export interface ParsedHtml {
  root: HtmlElement;
  comments: string[];
}

export function parseHtml(html: string): ParsedHtml {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const comments: string[] = [];
  let current = root;
  let last = 0;
  const text = (s: string): void => {
    if (!s) return;
    if (s.includes('<')) throw new Error(`unescaped "<" in text: ${JSON.stringify(s.slice(0, 80))}`);
    current.children.push(decodeEntities(s));
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    text(html.slice(last, m.index));
    last = TOKEN.lastIndex;
    const [whole, closing, opening, attrText, selfClosing] = m;
    if (whole.startsWith('<!--')) comments.push(whole);
    else if (closing) {
      const tag = closing.toLowerCase();
      if (current.tag !== tag) throw new Error(`</${tag}> closes <${current.tag}> at ${m.index}`);
      current = current.parent!;
    } else if (opening) {
      const tag = opening.toLowerCase();
      const attrs: Record<string, string> = {};
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(attrText ?? ''); a; a = ATTR.exec(attrText ?? '')) attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      const element: HtmlElement = { tag, attrs, children: [], parent: current };
      current.children.push(element);
      if (RAW.has(tag)) {
        const end = html.toLowerCase().indexOf(`</${tag}`, last);
        if (end < 0) throw new Error(`<${tag}> is never closed`);
        element.children.push(html.slice(last, end));
        TOKEN.lastIndex = end;
        last = end;
        current = element;
      } else if (!selfClosing && !VOID.has(tag)) current = element;
    }
  }
  text(html.slice(last));
  if (current !== root) throw new Error(`<${current.tag}> is never closed`);
  return { root, comments };
}

export function elements(node: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  const walk = (e: HtmlElement): void => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The text of an element, entities decoded; raw text of <style> and <title> included. */
export function textOf(node: HtmlElement): string {
  return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

export function hasClass(e: HtmlElement, name: string): boolean {
  return (e.attrs.class ?? '').split(/\s+/).includes(name);
}
