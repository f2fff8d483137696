/**
 * Report models for the render tests: the insurance seed intake, and a hostile variant whose
 * values try every way into the report's HTML: script tags, event-handler attributes,
 * javascript: links (Markdown and HTML), HTML comments, entities, quotes, and a forged
 * reference mark. Built from the insurance seed so every section still renders; the hostile
 * values sit in the lines the report quotes (segment, goals, what was tried, the budget, the
 * …), since pains are restated rather than quoted. The report date is pinned.
 */
import { parseIntake } from '../../../src/core/parser';
import { generateReport } from '../../../src/core/engine/generate';
import type { ReportModel } from '../../../src/core/engine/reportModel';
import { readSeed, seedIntakes } from '../helpers/seeds';

/** The report date every render test pins (lifecycle findings depend on it). */
export const AS_OF = '2026-06-01';

/** The seed's insurance intake (the second of four), generated from the whole seed file. */
export function insuranceModel(): ReportModel {
  return generateReport(parseIntake(readSeed()), 1, { asOf: AS_OF });
}

export function hostileModel(): ReportModel {
  return generateReport(parseIntake(hostileIntake()), 0, { asOf: AS_OF });
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
    [/^- 细分领域：.*$/m, `- 细分领域：车险理赔${HOSTILE.script}`],
    [/^- 主要指标：.*$/m, `- 主要指标：6个月内实现全球用户访问延迟<150ms ${HOSTILE.img} ${HOSTILE.comment} ${HOSTILE.svg}`],
    [/^ {2}- 性能：.*$/m, `  - 性能：99%理赔请求在15秒内完成 ${HOSTILE.mdLink} ${HOSTILE.quotes}`],
    [/^- 历史应对：.*$/m, `- 历史应对：尝试${HOSTILE.htmlLink} ${HOSTILE.entity} 〔L1〕自建CDN，因跨国网络抖动问题失效`],
        [/^- 总预算：.*$/m, `- 总预算：$120万/年，初期建设$70万${HOSTILE.script}`],
  ];
  let text = seedIntakes().insurance;
  for (const [pattern, value] of replacements) {
    if (!pattern.test(text)) throw new Error(`hostile intake: ${pattern} not found in the insurance seed`);
    text = text.replace(pattern, value);
  }
  return text;
}
