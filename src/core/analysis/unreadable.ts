/**
 * intake.unreadable-amount: an amount in the budget section too large to be read (a run of
 * hundreds of digits is Infinity as a number). money.ts leaves such an amount out, so the checks
 * and the report never show `$Infinity亿`; this check says why the amount is ignored.
 */
import { Codes } from '../diagnostics';
import { msg } from '../l10n';
import { BUDGET_SECTION } from './budget';
import { findingsRunner, type AnalysisFinding, type CheckRunner } from './finding';
import type { AnalysisLine } from '../facts/lines';
import { findMoney, mayHaveUnreadableAmount } from '../facts/money';

/** How much of the amount the message quotes. */
const QUOTED = 24;

export const unreadableRunner: CheckRunner<readonly AnalysisFinding[]> = findingsRunner(['unreadable-amount'], unreadableAmounts);

function unreadableAmounts(lines: readonly AnalysisLine[]): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const line of lines) {
    if (line.section === BUDGET_SECTION && mayHaveUnreadableAmount(line.text)) unreadableIn(line, out);
  }
  return out;
}

/**
 * The unreadable amounts of one line. A function of its own: a closure over the line in the loop
 * above would make every iteration allocate a context for it, read or not.
 */
function unreadableIn(line: AnalysisLine, out: AnalysisFinding[]): void {
  findMoney(line.text, {
    bare: true,
    unreadable: (text, start, end) => {
      const shown = text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text;
      out.push({
        check: 'unreadable-amount',
        code: Codes.unreadableAmount,
        severity: 'warning',
        message: msg('{0} is too large to be an amount ({1} characters): the budget checks and the report leave it out.', shown, text.length),
        range: { start: { line: line.line, character: line.character + start }, end: { line: line.line, character: line.character + end } },
        lines: [line.line],
        numbers: { length: text.length },
      });
    },
  });
}
