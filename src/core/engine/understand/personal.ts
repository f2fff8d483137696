/**
 * Personal data in an intake (a contact's name, phone, e-mail, ID number): found with the LLM
 * redaction detectors (imported, not copied), so the report never quotes them. Lines that carry
 * contact details are left out of the understanding altogether.
 */
import { discoverPeople, findPatterns } from '../../text/detect';
import type { IntakeFacts } from '../../facts/facts';

const CONTACT_KEY = /联系人|联系方式|联系电话|电话|手机|邮箱|e-?mail|负责人|对接人|姓名/i;

export interface PersonalData {
  /** 0-based lines to leave out. */
  lines: Set<number>;
  /** The strings to remove from any text the report writes. */
  strings: string[];
}

export function findPersonalData(facts: IntakeFacts): PersonalData {
  const lines = new Set<number>();
  const strings = new Set<string>();
  for (const f of facts.facts) {
    if (!f.value) continue;
    const spans = findPatterns(f.text);
    const people = discoverPeople(f.text);
    const contactKey = f.key !== undefined && CONTACT_KEY.test(f.key);
    if (spans.length > 0 || people.length > 0 || contactKey) lines.add(f.line);
    for (const s of spans) strings.add(f.text.slice(s.start, s.end));
    for (const p of people) strings.add(p);
  }
  return { lines, strings: [...strings].filter((s) => s.length >= 2).sort((a, b) => b.length - a.length) };
}

/** `text` with every personal string removed. */
export function scrub(text: string, personal: PersonalData): string {
  let out = text;
  for (const s of personal.strings) if (out.includes(s)) out = out.split(s).join('');
  return out;
}
