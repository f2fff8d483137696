/**
 * Packs a `docx` Document whose body has blocks written as XML of our own (docxXml.ts): the
 * package writes a marker paragraph in each one's place, and the marker is replaced by the XML
 * before the parts are zipped, as `Packer.toBuffer` zips them (fflate's zipSync, the files in
 * the compiler's order, strings as UTF-8), so the file is the one the package would have written.
 *
 * The package's compiler (`Packer.compiler`, which `Packer.toBuffer` calls) is not in its public
 * types; if a version of `docx` no longer has it, the export fails loudly (a unit test runs it)
 * rather than writing another file.
 */
import type * as Docx from 'docx';

type DocxModule = typeof Docx;
type Part = string | Uint8Array;

interface Compiler {
  compile(file: Docx.File, prettify: undefined, overrides: readonly { path: string; data: Part }[]): Map<string, Part>;
}

/**
 * The paragraph style of a marker. The marker's XML cannot come from the report's text, where
 * every `<` is escaped, and the report's own paragraphs use other styles.
 */
const RAW_BLOCK_STYLE = 'IntakeStudioRawBlock';
const MARKER = `<w:p><w:pPr><w:pStyle w:val="${RAW_BLOCK_STYLE}"/></w:pPr></w:p>`;
const DOCUMENT = 'word/document.xml';

/** docx's placeholders (numbering, images), as its compiler finds them in document.xml. */
const PLACEHOLDER_LIKE = /\{[^{}]+\}/;

/** Whether XML has text docx would take for one of its placeholders (and rewrite, if it were one). */
export function hasPlaceholderLike(xml: string): boolean {
  return PLACEHOLDER_LIKE.test(xml);
}

/** The paragraph to put in the document where the next of `raw` goes. */
export function rawBlockMarker(d: DocxModule): Docx.Paragraph {
  return new d.Paragraph({ style: RAW_BLOCK_STYLE });
}

/** The zip `Packer.toBuffer(doc, false, overrides)` gives, with each marker replaced by the next of `raw`. */
export async function packWithRawBlocks(d: DocxModule, doc: Docx.File, overrides: readonly { path: string; data: Part }[], raw: readonly string[]): Promise<Uint8Array> {
  const compiler = (d.Packer as unknown as { compiler?: Compiler }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('this version of the docx package has no Packer.compiler');
  const files = compiler.compile(doc, undefined, overrides);
  const xml = files.get(DOCUMENT);
  if (typeof xml !== 'string') throw new Error('docx wrote no word/document.xml');
  const pieces = xml.split(MARKER);
  if (pieces.length !== raw.length + 1) throw new Error(`docx wrote ${pieces.length - 1} block markers for ${raw.length} blocks`);
  files.set(DOCUMENT, pieces.reduce((out, piece, i) => out + raw[i - 1]! + piece));
  const { zipSync } = await import('fflate');
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = {};
  for (const [path, data] of files) entries[path] = typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const zip = zipSync(entries);
  // A Buffer, as Packer.toBuffer gives.
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
