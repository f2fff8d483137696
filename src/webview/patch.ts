/** Applies the extension's patches to the report's DOM: keyed replacements, insertions and removals of top-level blocks. */
import type { Patch } from '../protocol/messages';

function child(root: HTMLElement, block: string): Element | undefined {
  for (const el of Array.from(root.children)) if (el.getAttribute('data-block') === block) return el;
  return undefined;
}

/** Parses one element of trusted renderer output (the page's CSP still blocks any script in it). */
function element(html: string): Element | undefined {
  const template = document.createElement('template');
  template.innerHTML = html;
  const el = template.content.firstElementChild;
  return el ?? undefined;
}

/** Replaces the whole report, keeping the scroll position. */
export function setReport(root: HTMLElement, html: string): void {
  const y = window.scrollY;
  root.innerHTML = html;
  window.scrollTo(0, y);
}

/** True if the patch applied; false if it named a block that is not there (the caller then asks for a full render). */
export function applyPatch(root: HTMLElement, patch: Patch): boolean {
  if (patch.kind === 'html') {
    setReport(root, patch.html);
    return true;
  }
  for (const op of patch.ops) {
    if (op.op === 'remove') {
      const el = child(root, op.block);
      if (!el) return false;
      el.remove();
    } else if (op.op === 'replace') {
      const el = child(root, op.block);
      const next = element(op.html);
      if (!el || !next) return false;
      el.replaceWith(next);
    } else {
      const next = element(op.html);
      if (!next) return false;
      if (op.after === null) root.prepend(next);
      else {
        const prev = child(root, op.after);
        if (!prev) return false;
        prev.after(next);
      }
    }
  }
  return true;
}
