/**
 * The compliance items an intake names that no framework of the knowledge base is: a rule in
 * 《…》 ("满足《电信和互联网用户个人信息保护规定》"), or a clause of a compliance line that ends
 * in 要求/规定/办法/规范/标准 ("互联网诊疗管理办法（试行）", "国资委信息化监管要求"), or names a
 * policy document in a title's form (关于…的指导意见, 关于…的通知, …监管指引). The report
 * carries them in the customer's words, with the lines: what the customer named is never dropped.
 *
 * Read conservatively: only the 特殊要求 lines about compliance (合规性, 审计要求, 监管…), only a
 * clause that is a name (at least MIN_HEAD characters before its ending word, so "信创要求" and
 * "行业监管要求" are no rule), never a clause a known framework is named in (等保2.0三级要求 is
 * 等保2.0), nor one that says the rule does not apply. Every pattern here is linear: fixed
 * alternatives and bounded runs of one class.
 */
import { CLAUSE_SEPARATOR_NO_LIST, clauseAround } from '../../facts/lines';
import type { Fact } from '../../facts/facts';

export interface StatedRule {
  /** As the customer wrote it, with its 《》 when written so. */
  name: string;
  refs: number[];
}

/** A field of 特殊要求 about compliance: 合规性, 合规性穿透 > 审计要求, 行业监管, 法规. */
const COMPLIANCE_FIELD = /合规|监管|审计|法规/u;
/** A title in 《》. */
const TITLE = /《([^《》\n]{2,60})》/gu;
const CLAUSE_BREAK = /[，,；;、。\n]/u;
/** The word a rule's name ends in. */
const NAME_END = /(?:要求|规定|办法|规范|标准)$/u;
/**
 * A policy document's name, whose last word is an ordinary one (征求意见, 客户意见, 处理意见, 收到通知,
 * 操作指引): an opinion or notice only in the form of a title, 关于…的(指导|实施)?意见 or 关于…的通知
 * ("国资委关于推动中央企业加快司库体系建设的指导意见"), and guidelines only on management, governance
 * or supervision ("银行业金融机构数据治理指引"). Linear: a bounded run of one class between fixed words.
 */
const DOCUMENT_END = /关于[^，；。]{2,50}的(?:(?:指导|实施)?意见|通知)$|(?:管理|治理|监管|合规|风险|安全|保护|内控|审计|披露)指引$/u;
/** The least characters before it: "信创要求", "行业监管要求" and "数据安全标准" are no names. */
const MIN_HEAD = 5;
/** The verb in front of a rule ("满足", "需符合", "按"), not part of its name. */
const LEAD = /^(?:需|须|应|要)?(?:满足|符合|遵守|遵循|执行|落实|按照|依照|依据|参照|参考|通过|按)/u;
/** The edition of a rule written after it, part of its name: （试行）, （2018年修订）. */
const EDITION = /[（(](?:试行|暂行|修订|\d{4}年?(?:修订|版)?)[)）]$/u;
/** Any other aside after it, not part of the name: 信创要求（数据库国产化）. */
const ASIDE = /[（(][^（）()]{0,40}[)）]$/u;
/** Words that make a clause a summary of rules, not one: 相关法律法规要求, 各项监管规定. */
const VAGUE = /相关法律|法律法规|有关|各项|相应|等相关|以上|上述/u;
/** Said of a rule that does not apply. */
const DENIED = /不适用|不涉及|无需|不需要|不要求|不强制|不在范围/u;

/** The stated rules of `facts` that `known` (the framework aliases found in a text) does not name. */
export function detectStatedRules(facts: readonly Fact[], known: (text: string) => boolean): StatedRule[] {
  // By the name without its 《》 and edition: one rule written twice is one, with both lines.
  const byName = new Map<string, StatedRule>();
  const add = (name: string, line: number) => {
    const key = plain(name);
    const same = byName.get(key);
    if (!same) byName.set(key, { name, refs: [line + 1] });
    else if (same.refs.at(-1) !== line + 1) same.refs.push(line + 1); // facts come in line order
  };
  for (const f of facts) {
    if (f.section !== '特殊要求' || !f.fieldPath.some((p) => COMPLIANCE_FIELD.test(p))) continue;
    for (const m of f.value.matchAll(TITLE)) {
      const title = m[1]!.trim();
      if (title.length > 0 && !known(title) && !DENIED.test(denialClause(f.value, m.index, m.index + m[0].length))) add(`《${title}》`, f.line);
    }
    for (const clause of f.value.replace(TITLE, '，').split(CLAUSE_BREAK)) {
      const name = ruleName(clause);
      if (name !== undefined && !known(clause)) add(name, f.line);
    }
  }
  return [...byName.values()];
}

/** The rule a clause names, or undefined: "需符合医保结算清单填写规范" → 医保结算清单填写规范. */
export function ruleName(clause: string): string | undefined {
  let text = clause.trim();
  // A clause cut at a comma inside brackets: "审计（按企业内部控制基本规范）" gives "按企业内部控制基本规范）".
  const open = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
  if (open >= 0 && !/[)）]/u.test(text.slice(open))) text = text.slice(open + 1);
  if (/^[^（(]*[)）]$/u.test(text)) text = text.slice(0, -1);
  text = text.trim();
  if (DENIED.test(text) || VAGUE.test(text)) return undefined;
  text = text.replace(LEAD, '').trim();
  const edition = EDITION.exec(text)?.[0] ?? '';
  let head = text.slice(0, text.length - edition.length);
  if (!edition) head = head.replace(ASIDE, '');
  if (!(NAME_END.test(head) || DOCUMENT_END.test(head)) || head.length - 2 < MIN_HEAD || head.length > 60) return undefined;
  // Not put in 《》: "国有企业采购管理规定" may be the customer's own name for its rules, not a title.
  return head + edition;
}

/** A rule's name without its 《》 and edition, to tell one written twice. */
function plain(name: string): string {
  return name.replace(/[《》]/gu, '').replace(EDITION, '');
}

/** How far either side of a title a denial is looked for: a line of many titles stays linear. */
const REACH = 24;

/** The clause around [start, end), to the nearest breaks within REACH: where a denial of a title is looked for. */
function denialClause(text: string, start: number, end: number): string {
  const clause = clauseAround(text, start, CLAUSE_SEPARATOR_NO_LIST, { to: end, reach: REACH });
  return text.slice(clause.start, clause.end);
}
