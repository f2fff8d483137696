/** The preview panel's title: "推荐报告：保险 · 车险理赔自动化". Pure; the caller localises the frame. */

const MAX_PART = 24;
/** What the engine writes when the intake names no industry. */
const NO_INDUSTRY = '未注明行业';

function clip(text: string, max = MAX_PART): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

export interface TitleParts {
  industry?: string;
  segment?: string;
  /** 0-based; shown as "#2" only when the file holds several intakes. */
  intakeIndex: number;
  intakeCount: number;
  /** The file's name, used when the intake names neither industry nor segment. */
  fileName: string;
}

/** The subject of the title: `保险 · 车险理赔自动化`, `保险`, or the file name; `#n` for multi-intake files. */
export function previewSubject(p: TitleParts): string {
  const industry = p.industry && p.industry !== NO_INDUSTRY ? clip(p.industry) : '';
  const parts = [industry, clip(p.segment ?? '')].filter((s) => s.length > 0);
  const subject = parts.length > 0 ? parts.join(' · ') : clip(p.fileName, 40);
  return p.intakeCount > 1 ? `${subject} #${p.intakeIndex + 1}` : subject;
}

/** The whole title, given the localised frame (`推荐报告：{0}` / `Recommendation: {0}`). */
export function previewTitle(p: TitleParts, frame: (subject: string) => string): string {
  return frame(previewSubject(p));
}
