/**
 * Whether the intake names something only to say it does not apply: "SOX 404不适用",
 * "不涉及PCI DSS", "无需GDPR评估". Only the clause holding the name counts (the text between the
 * nearest clause breaks, brackets included, at most REACH characters either side), so
 * "满足GDPR，不涉及PCI" denies PCI alone.
 */
const CLAUSE_START = '，；。,;（(：:';
const CLAUSE_END = '，；。,;）)';
/** Said after the name. Fixed alternatives: linear time. */
const DENIED_AFTER = /不适用|不涉及|无需|不需要|不要求|不强制|不在范围/;
/** Said in front of it, at the clause's start. */
const DENIED_BEFORE = /^(?:无需|无|非|不涉及|不适用|不需要|不要求)/;

/** How far either side of the name a denial is looked for: a line of many names stays linear. */
const REACH = 24;

export function deniedAt(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < REACH && !CLAUSE_START.includes(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < REACH && !CLAUSE_END.includes(text[to]!)) to++;
  return DENIED_AFTER.test(text.slice(end, to)) || DENIED_BEFORE.test(text.slice(from, start).trim());
}
