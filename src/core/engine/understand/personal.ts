/**
 * Personal data in an intake (a contact's name, phone, e-mail, ID number): found with the LLM
 * redaction detectors (imported, not copied), so the report never quotes them. Lines that carry
 * contact details are left out of the understanding altogether.
 */
import { caseInsensitiveRegExp } from '../../text/caseExpand';
import { discoverPeople, findPatterns } from '../../text/detect';
import { memoByText } from '../../text/memo';
import type { IntakeFacts } from '../../facts/facts';

const CONTACT_KEY = caseInsensitiveRegExp('联系人|联系方式|联系电话|电话|手机|邮箱|e-?mail|负责人|对接人|姓名', 'i');

export interface PersonalData {
  /** 0-based lines to leave out. */
  lines: Set<number>;
  /** The strings to remove from any text the report writes. */
  strings: string[];
}

/** What one fact's text holds: its personal strings (the patterns' spans, then the people), in the order found. */
interface TextPersonal {
  /** Something personal was found (a span or a person), even if every string is shorter than 2. */
  found: boolean;
  strings: readonly string[];
}

const NOTHING: TextPersonal = { found: false, strings: [] };

/**
 * Kept per text (text/memo.ts): every report reads the same lines with about a dozen patterns
 * and some fifty words each, and most lines hold nothing personal.
 */
const personalIn = memoByText((text: string): TextPersonal => {
  const spans = findPatterns(text);
  const people = discoverPeople(text);
  if (spans.length === 0 && people.length === 0) return NOTHING;
  return { found: true, strings: [...spans.map((s) => text.slice(s.start, s.end)), ...people] };
});

export function findPersonalData(facts: IntakeFacts): PersonalData {
  const lines = new Set<number>();
  const strings = new Set<string>();
  for (const f of facts.facts) {
    if (!f.value) continue;
    const found = personalIn(f.text);
    const contactKey = f.key !== undefined && CONTACT_KEY.test(f.key);
    if (found.found || contactKey) lines.add(f.line);
    for (const s of found.strings) strings.add(s);
  }
  return { lines, strings: [...strings].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length) };
}

/** `text` with every personal string removed. */
export function scrub(text: string, personal: PersonalData): string {
  let out = text;
  for (const s of personal.strings) if (out.includes(s)) out = out.split(s).join('');
  return out;
}
