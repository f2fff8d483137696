/**
 * The report's tables and plain paragraphs as WordprocessingML, written directly: the same XML,
 * byte for byte, that the `docx` package writes for the `Table` and `Paragraph` the template
 * export builds (exportDocx.ts), at a fraction of the cost. Tables are three quarters of a
 * report's document.xml, and the package makes an object per element, copies each one's
 * options, turns the tree into another tree of plain objects and only then into text; here each
 * cell or paragraph is one string.
 *
 * Only what the export uses is written: tables with a fixed grid, single borders, cell margins
 * and a repeated header row with shading; paragraphs with a style, a left indent or no space
 * after; runs in bold, italics, colour and size. An option this file does not know is an error,
 * not a silently different document. List items (numbering) and charts stay `docx`'s.
 */

/** One run of a paragraph, as the export gives it to `docx`'s `TextRun`. */
export interface RunSpec {
  text?: string;
  break?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
}

export interface TableSpec {
  /** The table's width and each column's, in twips. */
  width: number;
  columnWidths: readonly number[];
  /** Cell margins in twips. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** The paragraph style of each cell's text. */
  cellStyle: string;
  /** The header row's shading. */
  headerFill: string;
  rows: readonly { header: boolean; cells: readonly (readonly RunSpec[])[] }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text and attribute values as `docx` escapes them: the five entities, and the C0 controls XML 1.0 forbids dropped. */
export function escapeDocxValue(value: string): string {
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => ESCAPES[ch] ?? '');
}

const KNOWN_RUN_KEYS = new Set(['text', 'break', 'bold', 'italics', 'color', 'size']);

export function runXml(run: RunSpec): string {
  for (const key of Object.keys(run)) if (!KNOWN_RUN_KEYS.has(key)) throw new Error(`docxXml: run option ${key} is not supported`);
  // `docx` writes the properties in the schema's order, and `w:bCs`/`w:iCs` beside `w:b`/`w:i`.
  let props = '';
  // The export only ever sets them to true.
  if (run.bold === false || run.italics === false) throw new Error('docxXml: bold or italics false is not supported');
  if (run.bold) props += '<w:b/><w:bCs/>';
  if (run.italics) props += '<w:i/><w:iCs/>';
  if (run.color) props += `<w:color w:val="${escapeDocxValue(run.color)}"/>`;
  if (run.size !== undefined) props += `<w:sz w:val="${run.size}"/>`;
  if (run.size) props += `<w:szCs w:val="${run.size}"/>`;
  let out = props ? `<w:r><w:rPr>${props}</w:rPr>` : '<w:r>';
  for (let i = 0; i < (run.break ?? 0); i++) out += '<w:br/>';
  if (run.text !== undefined) out += `<w:t xml:space="preserve">${escapeDocxValue(run.text)}</w:t>`;
  return out === '<w:r>' ? '<w:r/>' : `${out}</w:r>`;
}

/** A paragraph's options, as the export gives them to `docx`'s `Paragraph` (list items and charts aside). */
export interface ParagraphSpec {
  style?: string;
  /** Left indent in twips. */
  indentLeft?: number;
  /** Space after in twips. */
  spacingAfter?: number;
  runs: readonly RunSpec[];
}

export function paragraphXml(p: ParagraphSpec): string {
  // `docx` writes the paragraph properties in the schema's order: style, spacing, indent.
  let props = '';
  if (p.style !== undefined) props += `<w:pStyle w:val="${escapeDocxValue(p.style)}"/>`;
  if (p.spacingAfter !== undefined) props += `<w:spacing w:after="${p.spacingAfter}"/>`;
  if (p.indentLeft !== undefined) props += `<w:ind w:left="${p.indentLeft}"/>`;
  const content = (props ? `<w:pPr>${props}</w:pPr>` : '') + p.runs.map(runXml).join('');
  // An element with nothing in it is written self-closed.
  return content ? `<w:p>${content}</w:p>` : '<w:p/>';
}

export function tableXml(t: TableSpec): string {
  const dxa = (tag: string, w: number) => `<${tag} w:type="dxa" w:w="${w}"/>`;
  const border = (side: string) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`;
  const m = t.margins;
  let out =
    `<w:tbl><w:tblPr>${dxa('w:tblW', t.width)}<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar>${dxa('w:top', m.top)}${dxa('w:left', m.left)}${dxa('w:bottom', m.bottom)}${dxa('w:right', m.right)}</w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${t.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const paragraphStart = `<w:p><w:pPr><w:pStyle w:val="${escapeDocxValue(t.cellStyle)}"/></w:pPr>`;
  const shading = `<w:shd w:fill="${escapeDocxValue(t.headerFill)}" w:color="auto" w:val="clear"/>`;
  for (const row of t.rows) {
    out += `<w:tr><w:trPr><w:cantSplit/>${row.header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>`;
    row.cells.forEach((runs, c) => {
      out += `<w:tc><w:tcPr>${dxa('w:tcW', t.columnWidths[c] ?? 0)}${row.header ? shading : ''}</w:tcPr>${paragraphStart}${runs.map(runXml).join('')}</w:p></w:tc>`;
    });
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}
