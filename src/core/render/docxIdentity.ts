/**
 * What makes a Word export the same file each time: the `docx` package stamps the package
 * properties with the current time and numbers each drawing from a counter that lives as long as
 * the process, so two exports of one report differed in bytes (and a batch's files depended on
 * which worker thread made them). The properties are written here with the report's date, and
 * each drawing has a fixed id of its own, and the zip's file times are set to the report date: the
 * same report on the same report date gives the same bytes, for a team that keeps its reports
 * under version control or compares two exports.
 */
import { escapeXml } from './escape';
import type { ChartKind } from './charts';

/** The package part `docx` writes the document properties to. */
export const CORE_PROPERTIES_PART = 'docProps/core.xml';

/**
 * Drawing ids (`wp:docPr/@id`), unique within a document: each chart kind is placed at most
 * once, and the logo at most once on the cover and once in the header.
 */
export const DRAWING_IDS: Record<ChartKind | 'coverLogo' | 'headerLogo', string> = { gantt: '1', budget: '2', coverLogo: '3', headerLogo: '4' };

/** The package properties: title, author (and last modified by: the same), dated with the report date (YYYY-MM-DD). */
export function coreProperties(p: { title: string; creator: string; date: string }): string {
  const when = `${p.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title><dc:creator>${escapeXml(p.creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Sets every file time in a zip (each central directory entry and its local header) to midnight
 * of `date` (YYYY-MM-DD), in place: the zip writer stamps the current time. Anything it does not
 * recognise (a comment, ZIP64, an entry out of bounds) leaves the zip as it was.
 */
export function stampZipDates(zip: Uint8Array, date: string): Uint8Array {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (!(year >= 1980 && year <= 2107 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return zip;
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end of central directory record, without a comment: the last 22 bytes.
  const end = zip.byteLength - 22;
  if (end < 0 || view.getUint32(end, true) !== EOCD) return zip;
  const entries = view.getUint16(end + 10, true);
  const centralStart = view.getUint32(end + 16, true);
  const stamps: number[] = [];
  let at = centralStart;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) return zip;
    const local = view.getUint32(at + 42, true);
    if (local + 30 > centralStart || view.getUint32(local, true) !== LOCAL) return zip;
    stamps.push(at + 12, local + 10);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  // Time 00:00:00, then the date, in both places.
  for (const offset of stamps) {
    view.setUint16(offset, 0, true);
    view.setUint16(offset + 2, dosDate, true);
  }
  return zip;
}
