/** The zip's file times set to the report date, and nothing touched in a zip it does not recognise. */
import * as assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { coreProperties, stampZipDates } from '../../../src/core/render/docxIdentity';

/** Each entry's DOS date and time, from the central directory and the local headers. */
function stamps(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) out.push(view.getUint16(i + 12, true), view.getUint16(i + 14, true));
    if (sig === 0x04034b50) out.push(view.getUint16(i + 10, true), view.getUint16(i + 12, true));
  }
  return out;
}

describe('Word export identity', () => {
  const zip = () => zipSync({ 'a.xml': strToU8('<a/>'), 'word/b.xml': strToU8('<b>'.repeat(50)) }, { mtime: new Date('2024-03-05T10:11:12') });

  it('sets every file time, central and local, to midnight of the report date', () => {
    const out = stampZipDates(zip(), '2026-06-01');
    const dosDate = ((2026 - 1980) << 9) | (6 << 5) | 1;
    const found = stamps(out);
    assert.equal(found.length, 8, 'two entries, each in two places');
    for (let i = 0; i < found.length; i += 2) assert.deepEqual([found[i], found[i + 1]], [0, dosDate]);
  });

  it('leaves a zip with a comment, or a truncated one, as it was', () => {
    const withComment = zipSync({ 'a.xml': strToU8('<a/>') }, { mtime: new Date('2024-03-05T10:11:12') });
    const commented = new Uint8Array(withComment.length + 3);
    commented.set(withComment);
    new DataView(commented.buffer).setUint16(withComment.length - 2, 3, true);
    const before = Buffer.from(commented);
    assert.ok(Buffer.from(stampZipDates(commented, '2026-06-01')).equals(before));
    const cut = zip().subarray(0, 40);
    assert.ok(Buffer.from(stampZipDates(cut, '2026-06-01')).equals(Buffer.from(zip().subarray(0, 40))));
    assert.ok(Buffer.from(stampZipDates(zip(), 'not a date')).equals(Buffer.from(zip())));
  });

  it('writes the properties with escaped text', () => {
    const xml = coreProperties({ title: 'A & <B>', creator: '云枢', date: '2026-06-01' });
    assert.match(xml, /<dc:title>A &amp; &lt;B&gt;<\/dc:title>/);
    assert.match(xml, /<dcterms:modified xsi:type="dcterms:W3CDTF">2026-06-01T00:00:00Z<\/dcterms:modified>/);
  });
});
