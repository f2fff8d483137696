/** Highlights the report blocks that cite the intake lines under the cursor. */
import { citesAnyLine } from '../protocol/dataLines';

const CLASS = 'intake-highlight';

/** Marks the blocks citing `lines`; scrolls the first into view (gently) if asked and it is off-screen. */
export function highlightLines(root: HTMLElement, lines: readonly number[], reveal: boolean): void {
  for (const el of Array.from(root.querySelectorAll(`.${CLASS}`))) el.classList.remove(CLASS);
  if (lines.length === 0) return;
  let first: Element | undefined;
  for (const el of Array.from(root.querySelectorAll('[data-lines]'))) {
    if (!citesAnyLine(el.getAttribute('data-lines'), lines)) continue;
    el.classList.add(CLASS);
    first ??= el;
  }
  if (reveal && first && !inView(first)) {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    first.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  }
}

function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
}

/** The first intake line cited by the topmost visible block, for the scroll message. */
export function topmostCitedLine(root: HTMLElement): number | undefined {
  for (const el of Array.from(root.querySelectorAll('[data-lines]'))) {
    const r = el.getBoundingClientRect();
    if (r.bottom < 0) continue;
    const first = /^\d+/.exec(el.getAttribute('data-lines') ?? '');
    return first ? Number(first[0]) : undefined;
  }
  return undefined;
}
