import * as assert from 'node:assert/strict';
import { InMemoryDocument, lineStarts, type Position } from '../../../src/core/document';
import { detectEol, parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { nodeRanges } from '../helpers/ranges';
import { listFixtures, readFixture, readSeed, withCr, withCrlf } from '../helpers/seeds';

/** The text a range covers, read through the document's own offsets. */
function slice(doc: InMemoryDocument, r: { start: Position; end: Position }): string {
  return doc.getText().slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
}

describe('line endings', () => {
  const lf = readSeed();
  const variants = [
    ['CRLF', withCrlf(lf)],
    ['lone CR', withCr(lf)],
  ] as const;

  it('the seed is stored with LF endings (so the CRLF variants differ)', () => {
    assert.ok(!lf.includes('\r'));
  });

  for (const [label, text] of variants) {
    describe(label, () => {
      const lfFile = parseIntake(lf);
      const file = parseIntake(text);

      it('detects the line ending', () => {
        assert.equal(lfFile.eol, '\n');
        assert.equal(file.eol, label === 'CRLF' ? '\r\n' : '\r');
      });

      it('gives the same model, position for position (only eol differs)', () => {
        assert.deepEqual({ ...file, eol: '\n' }, lfFile);
      });

      it('gives every node the same line/character range as the LF version', () => {
        const a = nodeRanges(lfFile);
        const b = nodeRanges(file);
        assert.equal(b.length, a.length);
        assert.ok(a.length > 500, `only ${a.length} ranges`);
        b.forEach((x, i) => assert.deepEqual(x, a[i]));
      });

      it('gives every diagnostic the same code, range, intake and message', () => {
        const a = validate(lfFile);
        const b = validate(file);
        assert.equal(a.filter((d) => d.code === 'intake.placeholder').length, 75);
        assert.deepEqual(b, a);
      });

      it('maps every diagnostic range to the same text as in the LF version', () => {
        const docLf = new InMemoryDocument(lf);
        const doc = new InMemoryDocument(text);
        for (const d of validate(file)) {
          const s = slice(doc, d.range);
          assert.equal(s, slice(docLf, d.range));
          assert.ok(!s.includes('\r') && !s.includes('\n'), 'a single-line range holds no line break');
          if (d.code === 'intake.placeholder') assert.match(s, /^__\(.*\)__$/);
        }
      });

      it('maps every section name range to the section name', () => {
        const doc = new InMemoryDocument(text);
        for (const intake of file.intakes) for (const s of intake.sections) assert.equal(slice(doc, s.nameRange), s.name);
      });
    });
  }

  it('gives a mixed-ending file the same positions as its LF version', () => {
    const lines = lf.split('\n');
    const eols = ['\r\n', '\n', '\r'];
    const mixed = lines.map((l, i) => l + (i < lines.length - 1 ? eols[i % 3]! : '')).join('');
    assert.deepEqual({ ...parseIntake(mixed), eol: '\n' }, parseIntake(lf));
    assert.deepEqual(validate(parseIntake(mixed)), validate(parseIntake(lf)));
  });

  it('gives the eol of the first 64 line feeds (\\r\\n against \\n), \\r only without any \\n', () => {
    const cases: Array<[string, '\n' | '\r\n' | '\r']> = [
      ['', '\n'],
      ['a', '\n'],
      ['a\rb\r', '\r'],
      ['a\r', '\r'],
      ['\r\r\n', '\r\n'],
      ['a\r\nb\nc\r', '\n'],
      ['a\r\nb\r\nc\nd\r', '\r\n'],
      // Only the first 64 line feeds count; lone \r among them count for nothing.
      ['a\n'.repeat(40) + 'b\r\n'.repeat(100), '\n'],
      ['a\n'.repeat(31) + 'b\r\n'.repeat(33) + 'c\n'.repeat(50), '\r\n'],
      ['a\n'.repeat(32) + 'b\r\n'.repeat(32) + 'c\r\n'.repeat(50), '\n'],
      ['c\r'.repeat(100) + 'a\n'.repeat(30) + 'b\r\n'.repeat(31), '\r\n'],
    ];
    for (const [text, eol] of cases) {
      assert.equal(parseIntake(text).eol, eol, JSON.stringify(text.slice(0, 20)));
      assert.equal(detectEol(text), eol, JSON.stringify(text.slice(0, 20)));
    }
  });

  it('keeps fixture positions independent of the line ending', () => {
    for (const name of listFixtures()) {
      const text = readFixture(name);
      const asLf = text.replace(/\r\n|\r/g, '\n');
      const a = parseIntake(asLf);
      const b = parseIntake(text);
      assert.deepEqual({ ...b, eol: a.eol }, a, name);
      assert.deepEqual(validate(b), validate(a), name);
    }
  });

  describe('InMemoryDocument', () => {
    const samples: Array<[string, string]> = [
      ['LF', 'ab\ncd\n\nef'],
      ['CRLF', 'ab\r\ncd\r\n\r\nef'],
      ['lone CR', 'ab\rcd\r\ref'],
      ['mixed', 'ab\r\ncd\ref\n\r\ngh\r'],
      ['seed CRLF', withCrlf(lf)],
      ['seed CR', withCr(lf)],
      ['empty', ''],
      ['only breaks', '\r\n\r\r\n\n'],
      ['breaks in every order', '\n\r\n\r\r\n\n\ra\r\rb\n\n'],
      ['surrogates', '𠀀a\r\n😀\r'],
    ];

    for (const [label, text] of samples) {
      it(`lineStarts gives the offset after every line break (${label})`, () => {
        const expected = [0];
        for (const m of text.matchAll(/\r\n|\r|\n/g)) expected.push(m.index + m[0].length);
        assert.deepEqual(lineStarts(text), expected);
      });

      it(`round-trips every position and offset (${label})`, () => {
        const doc = new InMemoryDocument(text);
        const lines = text.split(/\r\n|\r|\n/);
        assert.equal(doc.lineCount(), lines.length);
        assert.deepEqual(lineStarts(text).length, lines.length);
        // Position → offset → position, for every character of every line (end of line included).
        let offset = 0;
        lines.forEach((line, n) => {
          for (let c = 0; c <= line.length; c++) {
            const p = { line: n, character: c };
            assert.equal(doc.offsetAt(p), offset + c, `offsetAt ${n}:${c}`);
            assert.deepEqual(doc.positionAt(offset + c), p, `positionAt ${offset + c}`);
          }
          offset += line.length;
          if (text.startsWith('\r\n', offset)) offset += 2;
          else if (offset < text.length) offset += 1;
        });
        assert.equal(offset, text.length);
        // Every offset, including those between \r and \n, maps to a valid position and back onto a line.
        for (let o = 0; o <= text.length; o++) {
          const p = doc.positionAt(o);
          assert.ok(p.line < lines.length && p.character <= lines[p.line]!.length, `offset ${o} → ${JSON.stringify(p)}`);
          const back = doc.offsetAt(p);
          if (text[o - 1] === '\r' && text[o] === '\n') assert.equal(back, o - 1, 'inside \\r\\n: the end of the line');
          else assert.equal(back, o);
        }
      });
    }

    it('clamps out-of-range offsets and positions', () => {
      const doc = new InMemoryDocument('ab\r\ncd');
      assert.deepEqual(doc.positionAt(-5), { line: 0, character: 0 });
      assert.deepEqual(doc.positionAt(99), { line: 1, character: 2 });
      assert.equal(doc.offsetAt({ line: -1, character: 0 }), 0);
      assert.equal(doc.offsetAt({ line: 7, character: 0 }), 6);
      assert.equal(doc.offsetAt({ line: 0, character: 99 }), 2, 'past the end of a line: its end, before \\r\\n');
      assert.equal(doc.offsetAt({ line: 1, character: -3 }), 4);
    });
  });
});
