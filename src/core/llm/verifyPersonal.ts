/**
 * Personal data in the model's text. A report never carries a contact's name, phone number,
 * e-mail or ID number (issue 11): the prompt leaves the intake's contact lines out and masks the
 * rest, but a masked value comes back un-masked for display, and a model can make one up.
 *
 * - The intake's own personal data (the offline engine's list: engine/understand/personal.ts)
 *   anywhere in the text: an error.
 * - Anything else the redaction detectors (text/detect.ts) take for a phone number, e-mail, ID
 *   number or person's name: a warning, unless the grounding itself has it (a vendor, a product).
 */
import { extractFacts } from '../facts/facts';
import { findPersonalData } from '../engine/understand/personal';
import type { KnowledgeBase } from '../knowledge/knowledge';
import { t } from '../l10n';
import type { Intake } from '../model';
import { discoverPeople, findPatterns, type RedactionKind } from '../text/detect';
import type { VerifyFinding } from './verifyFinding';

export const PERSONAL_DATA_CODE = 'llm.personal-data';

export function verifyPersonal(markdown: string, intake: Intake, groundingText: string | undefined, kb: KnowledgeBase): VerifyFinding[] {
  const known = findPersonalData(extractFacts(intake)).strings.map((s) => ({ text: s, kind: kindOf(s) }));
  const vendors = new Set(kb.products.map((p) => p.vendor));
  const grounded = (s: string) => (groundingText !== undefined && groundingText.includes(s)) || vendors.has(s);
  const out: VerifyFinding[] = [];
  markdown.split(/\r\n|\r|\n/).forEach((text, i) => {
    const line = i + 1;
    const fromIntake = new Set(known.filter((k) => text.includes(k.text)).map((k) => k.kind));
    if (fromIntake.size > 0) {
      out.push({ code: PERSONAL_DATA_CODE, severity: 'error', message: t('Report line {0} prints personal data from the intake ({1}): a report never carries contacts.', line, kindNames(fromIntake)), line });
      return;
    }
    const kinds = new Set<RedactionKind>();
    for (const span of findPatterns(text)) if (!grounded(text.slice(span.start, span.end))) kinds.add(span.kind);
    for (const name of discoverPeople(text)) if (!grounded(name)) kinds.add('person');
    if (kinds.size > 0) out.push({ code: PERSONAL_DATA_CODE, severity: 'warning', message: t('Report line {0} seems to print personal data ({1}): a report never carries contacts.', line, kindNames(kinds)), line });
  });
  return out;
}

function kindOf(s: string): RedactionKind {
  const span = findPatterns(s).find((x) => x.start === 0 && x.end === s.length);
  return span?.kind ?? 'person';
}

const KIND_ORDER: readonly RedactionKind[] = ['person', 'phone', 'email', 'id', 'company'];

/** What was found, never the value itself: the finding goes to logs and terminals. */
function kindNames(kinds: ReadonlySet<RedactionKind>): string {
  return KIND_ORDER.filter((k) => kinds.has(k)).map(kindName).join(', ');
}

function kindName(kind: RedactionKind): string {
  switch (kind) {
    case 'person':
      return t("a person's name");
    case 'phone':
      return t('a phone number');
    case 'email':
      return t('an e-mail address');
    case 'id':
      return t('an ID number');
    case 'company':
      return t('a company name');
  }
}
