/**
 * Turns "the webview shows report A, the report is now B" into a few element operations, so a
 * re-render after a keystroke does not reload the page (no flicker, scroll position kept).
 *
 * renderReportHtml gives every top-level element a stable `data-block` id, numbered within its
 * section (`s3-0`, `s3-1`, …), so an edit renumbers only its own section. The diff is keyed by
 * those ids: blocks that changed are replaced, new ones inserted after their predecessor, gone
 * ones removed. Anything it cannot express safely (a top-level element without an id, a
 * duplicate id, blocks that changed order, text between blocks, tags that do not nest, a patch
 * about as big as the page) becomes a full replacement.
 *
 * It works on the HTML strings with a small tag scanner, no DOM, so it runs in the extension
 * host and in plain-Node tests.
 */
import type { Patch, PatchOp } from '../../protocol/messages';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/**
 * A comment or a tag. Linear on any input: an unclosed comment runs to the end (as in HTML), and
 * a tag's attributes, quoted values included, stop at the next `<` (the renderer escapes `<`),
 * so no start is rescanned to the end of the page.
 */
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][\w:.-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/g;
const BLOCK_ATTR = /\sdata-block\s*=\s*(?:"([^"]*)"|'([^']*)')/;
/** A patch this large relative to the new page is not worth it: replace everything. */
const FULL_RATIO = 0.6;

export interface HtmlElement {
  tag: string;
  /** Offsets of the whole element, start tag to end tag, in the source string. */
  start: number;
  end: number;
  block?: string;
  children: HtmlElement[];
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

function decodeAttr(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ENTITY[e]!);
}

/**
 * The element tree of an HTML fragment (text and comments are not nodes). Undefined when the
 * tags do not nest properly, which the callers treat as "replace everything".
 */
export function parseElements(html: string): HtmlElement[] | undefined {
  const root: HtmlElement = { tag: '#root', start: 0, end: html.length, children: [] };
  const stack: HtmlElement[] = [root];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[2] === undefined) continue; // a comment
    const tag = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    if (m[1] === '/') {
      const open = stack.pop();
      if (!open || open === root || open.tag !== tag) return undefined;
      open.end = m.index + m[0].length;
      continue;
    }
    const block = BLOCK_ATTR.exec(attrs);
    const el: HtmlElement = { tag, start: m.index, end: m.index + m[0].length, children: [] };
    if (block) el.block = decodeAttr(block[1] ?? block[2] ?? '');
    stack[stack.length - 1]!.children.push(el);
    if (!VOID.has(tag) && !attrs.trimEnd().endsWith('/')) stack.push(el);
  }
  return stack.length === 1 ? root.children : undefined;
}

interface Keyed {
  ids: string[];
  html: Map<string, string>;
}

/** The top-level elements by id, or undefined if the fragment cannot be diffed by key. */
function keyedTopLevel(source: string): Keyed | undefined {
  const top = parseElements(source);
  if (!top || top.length === 0) return undefined;
  const ids: string[] = [];
  const html = new Map<string, string>();
  let at = 0;
  for (const el of top) {
    // Text between top-level elements would be lost by element operations.
    if (source.slice(at, el.start).trim() !== '') return undefined;
    at = el.end;
    if (el.block === undefined || el.block === '' || html.has(el.block)) return undefined;
    ids.push(el.block);
    html.set(el.block, source.slice(el.start, el.end));
  }
  if (source.slice(at).trim() !== '') return undefined;
  return { ids, html };
}

/**
 * The patch that turns the page showing `oldHtml` into `newHtml`: keyed element operations
 * when possible, else the whole new fragment. An empty `ops` list means nothing changed.
 * Operations are in the order to apply them: removals, then replacements and insertions in
 * page order (each insertion follows an element that exists by then).
 */
export function diffReportHtml(oldHtml: string, newHtml: string): Patch {
  if (oldHtml === newHtml) return { kind: 'ops', ops: [] };
  const full: Patch = { kind: 'html', html: newHtml };
  const before = keyedTopLevel(oldHtml);
  const after = keyedTopLevel(newHtml);
  if (!before || !after) return full;
  // Blocks present on both pages must keep their order, or moving them would need more than these operations.
  const keptBefore = before.ids.filter((id) => after.html.has(id));
  const keptAfter = after.ids.filter((id) => before.html.has(id));
  if (keptBefore.join('\u0000') !== keptAfter.join('\u0000')) return full;
  const ops: PatchOp[] = [];
  for (const id of before.ids) if (!after.html.has(id)) ops.push({ op: 'remove', block: id });
  let size = 0;
  after.ids.forEach((id, i) => {
    const html = after.html.get(id)!;
    const old = before.html.get(id);
    if (old === html) return;
    size += html.length;
    ops.push(old === undefined ? { op: 'insert', after: i === 0 ? null : after.ids[i - 1]!, html } : { op: 'replace', block: id, html });
  });
  if (size > newHtml.length * FULL_RATIO) return full;
  return { kind: 'ops', ops };
}

/**
 * Applies a patch to a list of (id, html) blocks: what the webview does to its DOM, as a pure
 * function, so tests can check that diff + apply reproduces the new page. Undefined when an
 * operation names a block that is not there (the webview then asks for a full render).
 */
export function applyPatchToBlocks(blocks: readonly { id: string; html: string }[], patch: Patch): { id: string; html: string }[] | undefined {
  if (patch.kind === 'html') {
    const keyed = keyedTopLevel(patch.html);
    return keyed ? keyed.ids.map((id) => ({ id, html: keyed.html.get(id)! })) : undefined;
  }
  const list = blocks.map((b) => ({ ...b }));
  for (const op of patch.ops) {
    if (op.op === 'remove' || op.op === 'replace') {
      const i = list.findIndex((b) => b.id === op.block);
      if (i < 0) return undefined;
      if (op.op === 'remove') list.splice(i, 1);
      else list[i] = { id: op.block, html: op.html };
      continue;
    }
    const id = blockIdOf(op.html);
    if (id === undefined) return undefined;
    const at = op.after === null ? 0 : list.findIndex((b) => b.id === op.after) + 1;
    if (at === 0 && op.after !== null) return undefined;
    list.splice(at, 0, { id, html: op.html });
  }
  return list;
}

/** The `data-block` id of an element's HTML (its first tag). */
export function blockIdOf(html: string): string | undefined {
  const top = parseElements(html);
  return top?.[0]?.block;
}

/** A page's top-level blocks, as applyPatchToBlocks takes them; undefined if it has no keyed structure. */
export function blocksOf(html: string): { id: string; html: string }[] | undefined {
  const keyed = keyedTopLevel(html);
  return keyed?.ids.map((id) => ({ id, html: keyed.html.get(id)! }));
}
