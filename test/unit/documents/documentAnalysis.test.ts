/**
 * DocumentAnalysis (core/documents/): one analysis per document version, incremental. Whatever
 * the edit, a version's parse and diagnostics are exactly those of the whole text parsed and
 * validated from scratch; what the edit did not touch is kept (same objects), what only moved is
 * moved without being checked again, and a version once made never changes.
 */
import * as assert from 'node:assert/strict';
import { AnalysisChunk } from '../../../src/core/analysis/analyze';
import { DocumentAnalysis, type ReportInput } from '../../../src/core/documents/documentAnalysis';
import { AnalysisStore } from '../../../src/core/documents/store';
import { generateReport } from '../../../src/core/engine/generate';
import { getFoldingRanges } from '../../../src/core/features/folding';
import { getDocumentSymbols } from '../../../src/core/features/symbols';
import { fillPlaceholderEdits, fixAllEdits } from '../../../src/core/fixes';
import { parseIntake } from '../../../src/core/parser';
import { IntakeValidator, validate } from '../../../src/core/validator';
import { plain } from '../helpers/ranges';
import { readFixture, seedIntakeList, withCrlf } from '../helpers/seeds';

/** Four intakes between separators, then two more split only by a new [客户行业] (an intake cut, see parsedText.ts). */
function document(): string {
  const [blank, insurance, structured, aviation] = seedIntakeList();
  return [blank, insurance, structured, aviation].join('\n=====\n\n') + '\n-----\n' + insurance + '\n' + aviation;
}

/** `text` with `insert` put in place of `remove` characters at the first occurrence of `anchor` plus `offset`. */
function edit(text: string, anchor: string, offset: number, insert: string, remove = 0): string {
  const at = text.indexOf(anchor);
  assert.ok(at >= 0, `no "${anchor}" in the text`);
  return text.slice(0, at + offset) + insert + text.slice(at + offset + remove);
}

function lineOf(text: string, anchor: string): number {
  return text.slice(0, text.indexOf(anchor)).split('\n').length - 1;
}

/** The checks a version must pass: its parse, diagnostics and the rest are those of a fresh start. */
function assertFresh(a: DocumentAnalysis): void {
  const file = parseIntake(a.text);
  // plain(): a moved copy's sections are plain objects, a fresh parse's ParsedSections.
  assert.deepEqual(plain(a.file), plain(file), 'the parse');
  assert.deepEqual(plain(a.diagnostics()), plain(validate(file)), 'the diagnostics');
  assert.deepEqual(a.symbols(), getDocumentSymbols(file), 'the symbols');
  assert.deepEqual(a.folding(), getFoldingRanges(file), 'the folding ranges');
  assert.deepEqual(plain(a.fixAllEdits()), plain(fixAllEdits(a.text)), 'fix all');
  assert.deepEqual(plain(a.fillPlaceholderEdits()), plain(fillPlaceholderEdits(a.text)), 'fill placeholders');
}

/** Applies each edit to the last version in turn; every version must read as a fresh start. */
function editInTurn(text: string, edits: ReadonlyArray<(t: string) => string>): void {
  let a = DocumentAnalysis.of(text);
  for (const [i, change] of edits.entries()) {
    const before = a.text;
    a = a.next(change(a.text));
    assert.notEqual(a.text, before, `edit ${i} changed nothing`);
    assertFresh(a);
  }
}

/** Takes `version` back to `text` (an undo): nothing is analysed again, and the result reads as a fresh start. */
function assertBackWithoutAnalysis(version: DocumentAnalysis, text: string, why: string): void {
  const { result: back, analysed } = counting(() => {
    const next = version.next(text);
    next.diagnostics();
    return next;
  });
  assert.equal(analysed, 0, why);
  assertFresh(back);
}

/** Counts the intakes the validator checks and analyses while `run` runs. */
function counting<T>(run: () => T): { result: T; checked: number; analysed: number } {
  const proto = IntakeValidator.prototype;
  const check = proto.check;
  const findings = proto.findings;
  let checked = 0;
  let analysed = 0;
  proto.check = function (this: IntakeValidator, ...args: Parameters<typeof check>) {
    checked++;
    if (args[2]) analysed++;
    return check.apply(this, args);
  };
  proto.findings = function (this: IntakeValidator, ...args: Parameters<typeof findings>) {
    analysed++;
    return findings.apply(this, args);
  };
  try {
    return { result: run(), checked, analysed };
  } finally {
    proto.check = check;
    proto.findings = findings;
  }
}

describe('DocumentAnalysis', () => {
  const text = document();

  it('reads a text as parseIntake and validate do', () => {
    const a = DocumentAnalysis.of(text);
    assert.equal(a.file.intakes.length, 6);
    assertFresh(a);
  });

  it('cuts a first parse at separator lines only, as parseIntake reads them', () => {
    // A byte-order mark before the dashes: the parser ends the intake there, but the line is no
    // segment boundary; a separator on the last line ends no segment either; a blank line and a
    // CR-only break after a separator start one.
    for (const t of [text.replace('\n=====\n', '\n\ufeff=====\n'), text + '\n=====', text + '\n=====\n', text.replace('\n-----\n', '\n-----\r\n\n')]) {
      const a = DocumentAnalysis.of(t);
      assertFresh(a);
      assertFresh(a.next(edit(t, '[当前痛点]', 1, 'X')));
    }
  });

  it("gives each intake's text, its lines whole, the same after a first parse as after an update", () => {
    const first = DocumentAnalysis.of(text);
    const updated = first.next(edit(text, '[当前痛点]', 1, 'X')).next(text);
    const lines = text.split('\n');
    for (const intake of first.file.intakes) {
      // With the line break after the last line, but at the end of a segment.
      const expected = lines.slice(intake.range.start.line, intake.range.end.line + 1).join('\n');
      const got = first.intakeText(intake.index);
      assert.ok(got === expected || got === expected + '\n', `intake ${intake.index}`);
      assert.equal(updated.intakeText(intake.index), got);
    }
  });

  it('gives the same results after edits of every kind as a fresh start', () => {
    const edits: Array<(t: string) => string> = [
      (t) => edit(t, '[当前痛点]', 1, 'X'), // a character inside one intake
      (t) => edit(t, '[当前痛点]', 0, '- 新增：一行\n'), // a line added
      (t) => edit(t, '=====\n', 0, '', 6), // a separator removed: two intakes become one segment
      (t) => edit(t, '[基础设施现状]', 0, '-----\n'), // a separator added in the middle of an intake
      (t) => edit(t, '[客户行业]', 0, '[客户行业]：银行\n[业务规模]：__(待定)__\n'), // a new intake
      (t) => t.replace(/\n/g, '\r\n'), // every line ending
      (t) => edit(t, '\r\n', 1, 'x'), // a character between \r and \n
      (t) => edit(t, '[客户行业]', 0, '', 200), // a block deleted across intakes
      (t) => t + '\r\n=====\r\n', // a separator at the end
      () => '', // everything deleted
      () => text, // and back
    ];
    editInTurn(text, edits);
  });

  it('reads a separator line at the very start again when text is typed before it', () => {
    // The first segment ends with a separator on line 0: text typed at offset 0 joins that line
    // (`#=====` is no separator), so the segment no longer ends there (found by the property test).
    const edits: Array<(t: string) => string> = [
      (t) => '=====\n' + t, // a separator as the first line
      (t) => '#' + t, // typed before it: no separator now
      (t) => t.slice(1), // and removed again
      (t) => '\n' + t, // a line break before it: still a separator, on line 1
      (t) => 'x' + t, // text on the line before it
    ];
    editInTurn(text, edits);
  });

  it('re-reads only the edited section, with the results of a fresh start, whatever the section edit', () => {
    // Edits within the lines under one section header: the parser's structure stays, so only
    // that section is read again (parsedText.ts, editSection); each must still read as a fresh start.
    const edits: Array<(t: string) => string> = [
      (t) => edit(t, '[当前痛点]', 8, '延迟<10ms'), // typing within a line
      (t) => edit(t, '[当前痛点]', 0, '- 新增：SLA 99.99%\n'), // a line added at a section header
      (t) => edit(t, '[基础设施现状]', -1, '\n'), // Enter on the blank line before a header
      (t) => edit(t, '[当前痛点]', 0, '### 二、新标题\n'), // a heading typed: structure, read again whole
      (t) => edit(t, '### 二、新标题\n', 0, '', '### 二、新标题\n'.length), // and removed
      (t) => edit(t, '[特殊要求]', 0, '=====\n'), // a separator typed before a header
      (t) => edit(t, '=====\n[特殊要求]', 0, '', 6), // and removed
      (t) => edit(t, '[预算限制]', 2, '\r'), // a lone CR splits a header line
      (t) => edit(t, '[预\r算限制]', 2, '', 1), // and joins it again
      (t) => t.slice(0, t.lastIndexOf('\n- ') + 1) + '\r', // the last lines replaced by a lone CR (the text's end)
      (t) => t + '\n', // a line break at the very end
      (t) => t.replace(/\n/g, '\r\n'), // CRLF everywhere
      (t) => edit(t, '[当前痛点]', 8, '\r\n- 新：1'), // a CRLF line typed in a CRLF text
      (t) => edit(t, '\r\n', 1, '\r'), // a CR typed between CR and LF
    ];
    editInTurn(text, edits);
  });

  it('keeps what an edit did not touch: same intake analyses, nothing checked again', () => {
    const a = DocumentAnalysis.of(text);
    a.diagnostics();
    a.symbols();
    const line = lineOf(text, '[当前痛点]');
    const touched = a.intakeAt(line)!.index;
    const edited = edit(text, '[当前痛点]', 1, 'X');
    const { result: b, checked, analysed } = counting(() => {
      const next = a.next(edited);
      next.diagnostics();
      next.symbols();
      return next;
    });
    assert.equal(checked, 1, 'only the edited intake is checked again');
    assert.equal(analysed, 1, 'only the edited intake is analysed again');
    for (let i = 0; i < a.file.intakes.length; i++) {
      if (i === touched) assert.notEqual(b.intake(i), a.intake(i));
      else {
        assert.equal(b.intake(i), a.intake(i), `intake ${i} is kept`);
        assert.equal(b.file.intakes[i], a.file.intakes[i], `intake ${i}'s parse is kept`);
      }
    }
  });

  it('moves the intakes below an added line without checking them again', () => {
    const a = DocumentAnalysis.of(text);
    a.diagnostics();
    a.symbols();
    a.intakeAnalyses().forEach((x) => x.completeness());
    const edited = edit(text, '[当前痛点]', 0, '- 新增：一行\n');
    const { result: b, checked, analysed } = counting(() => {
      const next = a.next(edited);
      next.diagnostics();
      next.symbols();
      next.intakeAnalyses().forEach((x) => x.completeness());
      return next;
    });
    assert.equal(checked, 1, 'only the edited intake is checked again');
    assert.equal(analysed, 1, 'only the edited intake is analysed again');
    assertFresh(b);
  });

  it('moves results made in different versions by how far each has moved since (Enter above, inside and below, deletes, undo)', () => {
    // A moved intake carries each result from the version that made it, anchored to the intake's
    // first line then (its sections' checks, to their header lines). Each version here reads only
    // some results, so the next ones carry results of different ages; each read must be that of
    // a fresh start.
    type Part = 'diagnostics' | 'symbols' | 'folding' | 'completeness' | 'none' | 'all';
    const read = (a: DocumentAnalysis, part: Part): void => {
      const file = parseIntake(a.text);
      if (part === 'all') return assertFresh(a);
      if (part === 'diagnostics') assert.deepEqual(plain(a.diagnostics()), plain(validate(file)), `diagnostics of ${JSON.stringify(a.text.slice(0, 40))}`);
      if (part === 'symbols') assert.deepEqual(a.symbols(), getDocumentSymbols(file), 'symbols');
      if (part === 'folding') assert.deepEqual(a.folding(), getFoldingRanges(file), 'folding');
      if (part === 'completeness') a.intakeAnalyses().forEach((x) => x.completeness());
    };
    const steps: Array<[(t: string) => string, Part]> = [
      [(t) => edit(t, '[客户行业]', 0, '\n'), 'diagnostics'], // Enter above the first intake: every intake moves
      [(t) => edit(t, '[当前痛点]', 0, '\n'), 'symbols'], // Enter inside an intake (before a header)
      [(t) => edit(t, '[当前痛点]', 0, '- 新增：一行\n'), 'none'], // a line typed in a section
      [(t) => t + '\n\n', 'folding'], // Enter below the last intake
      [(t) => edit(t, '\n', 0, '', 1), 'diagnostics'], // the first line break deleted: every intake moves up
      [(t) => edit(t, '[当前痛点]', 0, '\n\n'), 'completeness'],
      [(t) => edit(t, '[基础设施现状]', 0, '=====\n'), 'diagnostics'], // a separator inserted
      [(t) => edit(t, '=====\n[基础设施现状]', 0, '', 6), 'symbols'], // and removed (undo)
      [(t) => edit(t, '[特殊要求]：', 6, ':', 1), 'diagnostics'], // a section with a diagnostic of its own (a half-width colon)
      [(t) => edit(t, '[当前痛点]', 0, '- 新增：二行\n'), 'diagnostics'], // a line added in a section above it: its checks move
      [(t) => edit(t, '[当前痛点]', 0, '- 新增：三行\n'), 'symbols'],
      [(t) => edit(t, '[客户行业]', 0, '\n\n\n'), 'all'],
    ];
    let a = DocumentAnalysis.of(text);
    a.symbols();
    const versions = [text];
    for (const [change, part] of steps) {
      a = a.next(change(a.text));
      versions.push(a.text);
      read(a, part);
    }
    // Undo, one version at a time, each read in full.
    for (const back of versions.slice(0, -1).reverse()) {
      a = a.next(back);
      assertFresh(a);
    }
  });

  it("moves a section's checks by how far its header moved when a section above it is edited", () => {
    // Lines typed in the first section re-read that section only; the checks of the sections
    // below (a half-width colon each) are carried, anchored to their header lines.
    const small = '[客户行业]：保险\n- 细分领域：车险\n\n[当前痛点]:\n- 延迟: 高\n\n[预算限制]:\n- 总额：100万\n';
    let a = DocumentAnalysis.of(small);
    assert.ok(a.diagnostics().filter((d) => d.code === 'intake.format').length >= 2, 'the sections below have diagnostics of their own');
    const steps: Array<(t: string) => string> = [
      (t) => edit(t, '- 细分领域', 0, '- 备注：一\n'),
      (t) => edit(t, '- 细分领域', 0, '- 备注：二\n'),
      (t) => '\n' + t, // Enter above the intake: it moves
      (t) => edit(t, '- 备注：一\n', 0, '', '- 备注：一\n'.length), // a line deleted
      (t) => edit(t, '- 细分领域', 0, '\n\n'),
    ];
    for (const change of steps) {
      a = a.next(change(a.text));
      assert.deepEqual(plain(a.diagnostics()), plain(validate(parseIntake(a.text))), JSON.stringify(a.text));
    }
    assertFresh(a);
  });

  it('analyses an intake whose text was analysed before from the cache (typing and deleting)', () => {
    const a = DocumentAnalysis.of(text);
    a.diagnostics();
    const typed = a.next(edit(text, '[当前痛点]', 1, 'X'));
    typed.diagnostics();
    assertBackWithoutAnalysis(typed, text, 'the text before the edit was analysed already');
  });

  it('finds the findings of a first version by text once an edit is undone, a few versions on', () => {
    // A first analysis keeps its intakes' findings by intake, not by text (see FindingsCache).
    const a = DocumentAnalysis.of(text);
    a.diagnostics();
    let b = a;
    for (const typed of ['X', 'Y', 'Z']) {
      b = b.next(edit(b.text, '- 具体问题', 6, typed));
      b.diagnostics();
    }
    assertBackWithoutAnalysis(b, text, 'the text of the first version was analysed already');
  });

  it("keeps no chunks in a first analysis but for long intakes: an intake's first edit reads its other sections again, the next ones only the edited one", () => {
    const a = DocumentAnalysis.of(text);
    a.diagnostics();
    const sections = a.intakeAt(lineOf(text, '- 具体问题：'))!.intake.sections.length;
    assert.ok(sections > 3);
    const chunksRead = (run: () => void): number => {
      const of = AnalysisChunk.of;
      let read = 0;
      AnalysisChunk.of = (...args: Parameters<typeof of>) => {
        read++;
        return of(...args);
      };
      try {
        run();
      } finally {
        AnalysisChunk.of = of;
      }
      return read;
    };
    const b = a.next(edit(text, '- 具体问题：', 6, 'X'));
    assert.equal(chunksRead(() => b.diagnostics()), sections, 'the first edit: every section of the intake');
    const c = b.next(edit(b.text, '- 具体问题X', 7, 'Y'));
    assert.equal(chunksRead(() => c.diagnostics()), 1, 'the next edit: the edited section');
    assertFresh(b);
    assertFresh(c);
    // An intake of 200 lines or more keeps them: its first edit reads the edited section only.
    const notes = Array.from({ length: 200 }, (_, i) => `- 备注${i}：说明${i}`).join('\n');
    const long = edit(text, '- 具体问题：', 0, notes + '\n');
    const d = DocumentAnalysis.of(long);
    d.diagnostics();
    const e = d.next(edit(long, '- 具体问题：', 6, 'X'));
    assert.equal(chunksRead(() => e.diagnostics()), 1, 'a long intake: the edited section');
    assertFresh(e);
  });

  it("keeps one list for an intake's diagnostics when it has no findings", () => {
    const a = DocumentAnalysis.of(text);
    let without = 0;
    let withFound = 0;
    for (const intake of a.intakeAnalyses()) {
      const all = intake.diagnostics();
      if (intake.findings().length === 0) {
        without++;
        assert.equal(all, intake.ownDiagnostics());
      } else {
        withFound++;
        assert.equal(all.length, intake.ownDiagnostics().length + intake.findings().length);
      }
    }
    assert.ok(without > 0 && withFound > 0, `${without} intakes without findings, ${withFound} with`);
    assertFresh(a);
  });

  it('never changes a version once made (a result computed for it stays valid for it)', () => {
    const a = DocumentAnalysis.of(text);
    // Deep copies (plain() copies as structuredClone would, with each LineRange as the plain range it stands for).
    const diagnostics = plain(a.diagnostics());
    const file = plain(a.file);
    let b = a.next(edit(text, '[当前痛点]', 0, '- 新增：一行\n'));
    b = b.next(edit(b.text, '[客户行业]', 0, '-----\n'));
    b.diagnostics();
    b.symbols();
    assert.deepEqual(plain(a.file), file);
    assert.deepEqual(plain(a.diagnostics()), diagnostics);
    assert.equal(a.next(a.text), a, 'the same text is the same version');
  });

  it('finds the diagnostics on a line, with the analysis only when asked for', () => {
    const a = DocumentAnalysis.of(readFixture('analysis'));
    const all = a.diagnostics();
    const analysisLine = all.find((d) => d.data.kind === 'analysis')!.range.start.line;
    assert.deepEqual(a.diagnosticsAt(analysisLine, true), all.filter((d) => d.range.start.line === analysisLine));
    assert.ok(a.diagnosticsAt(analysisLine, false).every((d) => d.data.kind !== 'analysis'));
    const fresh = DocumentAnalysis.of(readFixture('analysis'));
    const { analysed } = counting(() => fresh.diagnosticsAt(analysisLine, false));
    assert.equal(analysed, 0, 'a lookup without the analysis analyses nothing');
  });

  it('says whether Fix All and filling placeholders would change anything, without computing them', () => {
    const blank = DocumentAnalysis.of(seedIntakeList()[0]!);
    assert.equal(blank.hasFillablePlaceholders(), true);
    const messy = DocumentAnalysis.of(readFixture('messy'));
    assert.equal(messy.hasSafeFixes(), fixAllEdits(messy.text).length > 0);
    const filled = DocumentAnalysis.of(seedIntakeList()[1]!);
    assert.equal(filled.hasSafeFixes(), fixAllEdits(filled.text).length > 0);
  });

  it('builds each intake report once per intake version, with the facts and findings it has', () => {
    let calls = 0;
    const engine = (input: ReportInput) => {
      calls++;
      return generateReport(input.file, input.index, { facts: input.facts, findings: input.findings });
    };
    const a = DocumentAnalysis.of(text);
    for (let i = 0; i < a.file.intakes.length; i++) assert.deepEqual(a.intake(i)!.report(engine), generateReport(a.file, i), `intake ${i}`);
    assert.equal(calls, 6);
    assert.equal(a.intake(1)!.report(engine), a.intake(1)!.report(engine));
    assert.equal(calls, 6, 'kept');
    // An edit in the last intake: the others keep their reports.
    const b = a.next(text + '- 补充：一行\n');
    for (let i = 0; i < 5; i++) b.intake(i)!.report(engine);
    assert.equal(calls, 6, 'untouched intakes keep their reports');
    assert.deepEqual(b.intake(5)!.report(engine), generateReport(b.file, 5));
    assert.equal(calls, 7);
  });

  it('handles CRLF and CR-only texts', () => {
    for (const t of [withCrlf(text), readFixture('cr-only')]) {
      const a = DocumentAnalysis.of(t);
      assertFresh(a);
      const b = a.next(t.slice(0, 40) + '\r\n[备注]：一行\r\n' + t.slice(40));
      assertFresh(b);
    }
  });
});

describe('AnalysisStore', () => {
  it('keeps one analysis per document version, reading the text only for a new version', () => {
    const store = new AnalysisStore();
    const [, insurance] = seedIntakeList();
    let reads = 0;
    const text = (t: string) => () => {
      reads++;
      return t;
    };
    const a = store.get('file:///a.intake', 1, text(insurance!));
    assert.equal(store.get('file:///a.intake', 1, text(insurance!)), a);
    assert.equal(reads, 1);
    const b = store.get('file:///a.intake', 2, text(insurance + '- 补充：一行\n'));
    assert.notEqual(b, a);
    assert.equal(b.intake(0)!.intake.index, 0);
    assert.equal(store.peek('file:///a.intake'), b);
    store.delete('file:///a.intake');
    assert.equal(store.peek('file:///a.intake'), undefined);
  });

  it('analyses text read from disk, keyed by the text itself', () => {
    const store = new AnalysisStore();
    const [, insurance] = seedIntakeList();
    const a = store.ofText('file:///b.intake', insurance!);
    assert.equal(store.ofText('file:///b.intake', insurance!), a);
    assert.notEqual(store.ofText('file:///b.intake', insurance + '\n'), a);
  });
});
