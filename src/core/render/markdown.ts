/**
 * Renders a ReportModel (a report or a clarification brief) as Markdown (CommonMark + GFM
 * tables, as markdown-it reads it): the title, a one-line note, the body sections, then
 * `## 附录`. All text from the intake or the knowledge base is escaped, so a hostile intake
 * cannot inject markup; the only markup is the writer's structure (headings, lists, tables,
 * bold labels). Traceability references render as `〔L12〕` (1-based intake lines) at the end
 * of a block when `refs` is on — the preview links them; the customer's copy may leave them out.
 */
import type { Block, Point, ReportModel, Section } from '../engine/reportModel';
import { APPENDIX_TITLE } from '../engine/sectionTitles';

export interface MarkdownOptions {
  /** Append 〔Lnn〕 references to the blocks (default true). */
  refs?: boolean;
}

/**
 * Escapes Markdown-significant characters in plain text. `&` too, so that an intake value
 * that happens to look like an entity (`&lt;`) is shown as typed, not decoded.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** ` 〔L12, L15〕` for 1-based intake lines; '' when there are none. */
export function formatRefs(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  return ` 〔${sorted.map((l) => `L${l}`).join(', ')}〕`;
}

function refsOf(lines: readonly number[], on: boolean): string {
  return on ? formatRefs(lines) : '';
}

function pointText(p: Point): string {
  const label = p.label ? `**${escapeMarkdown(p.label)}**` : '';
  const text = escapeMarkdown(p.text);
  return label && text ? `${label}：${text}` : label || text;
}

function pointLines(p: Point, marker: string, depth: number, refs: boolean): string[] {
  const indent = '   '.repeat(depth);
  const out = [`${indent}${marker} ${pointText(p)}${refsOf(p.refs, refs)}`];
  for (const child of p.children ?? []) out.push(...pointLines(child, '-', depth + 1, refs));
  return out;
}

function block(b: Block, refs: boolean): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [`${escapeMarkdown(b.text)}${refsOf(b.refs, refs)}`, ''];
    case 'note':
      return [`> ${escapeMarkdown(b.text)}${refsOf(b.refs, refs)}`, ''];
    case 'heading':
      return [`${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}${refsOf(b.refs, refs)}`, ''];
    case 'list':
      return [...b.items.flatMap((p, i) => pointLines(p, b.ordered ? `${i + 1}.` : '-', 0, refs)), ''];
    case 'table': {
      const header = `| ${b.header.map(escapeMarkdown).join(' | ')} |`;
      const rule = `| ${b.header.map(() => '---').join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${r.cells.map((c, i) => `${escapeMarkdown(c)}${i === r.cells.length - 1 ? refsOf(r.refs, refs) : ''}`).join(' | ')} |`);
      return [header, rule, ...rows, ''];
    }
  }
}

function section(s: Section, refs: boolean): string[] {
  return [`## ${escapeMarkdown(s.title)}`, '', ...s.blocks.flatMap((b) => block(b, refs))];
}

/**
 * The one-line note under the title (which intake and lines, the date; how to read 〔L12〕 when
 * references are shown). Written unescaped: it holds only the engine's numbers and date.
 */
export function introText(model: ReportModel, refs: boolean): string {
  const lines = `调研表第${model.intake.number}份（第${model.intake.firstLine}–${model.intake.lastLine}行）`;
  return model.kind === 'brief'
    ? `需求澄清清单，不含产品推荐。依据：${lines}；日期：${model.asOf}。`
    : `依据：${lines}；报告日期：${model.asOf}${refs ? '；〔L12〕为依据的调研表行号' : ''}。`;
}

export function renderMarkdown(model: ReportModel, options: MarkdownOptions = {}): string {
  const refs = options.refs ?? true;
  const out: string[] = [`# ${escapeMarkdown(model.title)}`, ''];
  out.push(`> ${introText(model, refs)}`, '');
  for (const s of model.sections) out.push(...section(s, refs));
  for (const s of model.appendix) out.push(...section({ ...s, title: s.title || APPENDIX_TITLE }, refs));
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The Markdown body only: everything before `## 附录` (what the length and repetition checks measure). */
export function bodyOf(markdown: string): string {
  const at = markdown.indexOf(`\n## ${APPENDIX_TITLE}\n`);
  return at >= 0 ? markdown.slice(0, at) : markdown;
}
