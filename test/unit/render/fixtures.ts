/**
 * Report models for the render tests: the insurance seed intake, and a hostile variant whose
 * values try every way into the report's HTML: script tags, event-handler attributes,
 * javascript: links (Markdown and HTML), HTML comments, entities, quotes, and a forged
 * reference mark. Built from the insurance seed so every section still renders.
 */
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import type { ReportModel } from '../../../src/core/engine/reportModel';
import { readSeed, seedIntakes } from '../helpers/seeds';

/** The seed's insurance intake (the second of four), generated from the whole seed file. */
export function insuranceModel(): ReportModel {
  return generateReport(parseIntake(readSeed()), 1);
}

export function hostileModel(): ReportModel {
  return generateReport(parseIntake(hostileIntake()), 0);
}

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  mdLink: '[x](javascript:alert(1))',
  htmlLink: '<a href="javascript:alert(2)">点我</a>',
  comment: '<!-- comment -->',
  quotes: `"双引号" '单引号'`,
  svg: '"><svg onload=alert(3)>',
  entity: '&lt;b&gt; &amp;',
} as const;

function hostileIntake(): string {
  const replacements: [RegExp, string][] = [
    [/^\[客户行业\]：保险.*$/m, `[客户行业]：保险${HOSTILE.svg}`],
    [/^- 细分领域：.*$/m, `- 细分领域：车险理赔${HOSTILE.script}`],
    [/^- 具体问题：.*$/m, `- 具体问题：延迟高达300ms ${HOSTILE.img} ${HOSTILE.comment}`],
    [/^- 业务影响：.*$/m, `- 业务影响：投诉率月增15% ${HOSTILE.mdLink} ${HOSTILE.quotes}`],
    [/^- 历史应对：.*$/m, `- 历史应对：自建CDN失效 ${HOSTILE.htmlLink} ${HOSTILE.entity} 〔L1〕`],
    [/^- 总预算：.*$/m, `- 总预算：$120万/年，初期建设$70万${HOSTILE.script}`],
  ];
  let text = seedIntakes().insurance;
  for (const [pattern, value] of replacements) {
    if (!pattern.test(text)) throw new Error(`hostile intake: ${pattern} not found in the insurance seed`);
    text = text.replace(pattern, value);
  }
  return text;
}
