/**
 * The model's Markdown as statements: each heading, and each sentence of every other line (a
 * table row or list item is one line), with the headings it sits under. The plan checks
 * (verifyPlan.ts) judge a product or a cloud by the statement that names it: "选用阿里云CEN" is a
 * recommendation, "阿里云CEN属于客户未使用的云，已排除" is not. One pass over the text.
 */

export interface Statement {
  /** 1-based line of the report. */
  line: number;
  text: string;
  /** The headings above it, outermost first (a heading statement includes itself). */
  headings: string[];
}

const HEADING = /^\s{0,3}(#{1,6})[ \t]/;
const SENTENCE_END = '。！？!?；;';

export function statementsOf(markdown: string): Statement[] {
  const out: Statement[] = [];
  const stack: string[] = [];
  const lines = markdown.split(/\r\n|\r|\n/);
  lines.forEach((text, i) => {
    const heading = HEADING.exec(text);
    if (heading) {
      const level = heading[1]!.length;
      stack.length = Math.min(stack.length, level - 1);
      while (stack.length < level - 1) stack.push('');
      stack.push(text.slice(heading[0].length).trim());
      out.push({ line: i + 1, text, headings: [...stack] });
      return;
    }
    let start = 0;
    for (let at = 0; at <= text.length; at++) {
      if (at < text.length && !SENTENCE_END.includes(text[at]!)) continue;
      const sentence = text.slice(start, at + 1).trim();
      if (sentence) out.push({ line: i + 1, text: sentence, headings: [...stack] });
      start = at + 1;
    }
  });
  return out;
}

/**
 * Words that say a product or an approach is not being recommended: excluded, rejected, failed
 * before, ruled out by a constraint. A statement with one of them names things to set them aside.
 */
const SET_ASIDE =
  /排除|不推荐|不建议|不采用|不引入|不使用|不选用|不选择|不选|未选|未采用|未入选|不考虑|不予考虑|不适用|不满足|不符合|违反|放弃|弃用|淘汰|不得|禁止|避免|不再|而非|而不是|不能|无法|不宜|不可|失败|未成功|失效|否决|覆辙|重蹈|曾试用|曾尝试|曾使用|此前尝试|excluded|exclude|not recommended|rather than|instead of|avoid|ruled out|not suitable/i;

/** Headings of a part that lists what was set aside (附录, 已排除的产品…). */
const SET_ASIDE_HEADING = /排除|不推荐|未采用|未入选|不适用|淘汰|附录|否决/;

/** Whether the statement sets aside what it names, by its words or by the part it is in. */
export function setsAside(s: Statement): boolean {
  return SET_ASIDE.test(s.text) || s.headings.some((h) => SET_ASIDE_HEADING.test(h));
}
