/**
 * A document's analyses over a run of edits must not keep one another alive: the editor keeps
 * only the newest, and each version holds a whole parse and the text it was cut from (V8 keeps
 * substrings as views into it). A version may start from the previous one's results, never
 * hold the previous version itself.
 */
import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DocumentAnalysis } from '../../../src/core/documents/documentAnalysis';
import { seedIntakeList } from '../helpers/seeds';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The seed's intakes `copies` times over, between separators: most edits move several intakes. */
function document(copies = 5): string {
  const intakes = seedIntakeList();
  return Array.from({ length: copies }, () => intakes.join('\n=====\n\n')).join('\n=====\n\n') + '\n';
}

/** Everything the editor asks of a version after an edit. */
function use(a: DocumentAnalysis, line: number): void {
  a.diagnostics();
  a.diagnosticsAt(line, false);
  a.symbols();
  a.folding();
  a.intakeAt(line)?.completeness();
  a.fixContext();
}

/**
 * How many of the versions made by `edits` (all but the newest) are still reachable after a
 * collection: their analyses, and their parses (the newest may start from the one before it).
 * A chain of versions keeps all eleven; one may outlive a single collection for reasons of the
 * collector's own (a WeakRef's target is kept to the end of the job that made or read it), so
 * the tests allow one.
 */
async function survivors(edits: (text: string, i: number) => string): Promise<{ analyses: number; parses: number }> {
  let text = document();
  const line = Math.floor(text.split('\n').length / 3);
  let analysis = DocumentAnalysis.of(text);
  use(analysis, line);
  const versions: WeakRef<DocumentAnalysis>[] = [];
  const parses: WeakRef<object>[] = [];
  for (let i = 0; i < 12; i++) {
    text = edits(text, i);
    analysis = analysis.next(text);
    use(analysis, line);
    versions.push(new WeakRef(analysis));
    parses.push(new WeakRef(analysis.file));
  }
  // A WeakRef holds its target until the current job ends: let it end before collecting.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  const alive = (refs: WeakRef<object>[], newest: number) => refs.slice(0, -newest).filter((v) => v.deref() !== undefined).length;
  return { analyses: alive(versions, 1), parses: alive(parses, 2) };
}

/** `text` with `insert` at a third of its length, where the second of the five copies begins. */
function insertAtThird(text: string, insert: string): string {
  const at = text.indexOf('\n', Math.floor(text.length / 3)) + 1;
  return text.slice(0, at) + insert + text.slice(at);
}

function assertNoChain(left: { analyses: number; parses: number }): void {
  assert.ok(left.analyses <= 1 && left.parses <= 1, `earlier versions still reachable: ${JSON.stringify(left)} of 11`);
}

describe('DocumentAnalysis retention', () => {
  it('keeps no earlier version alive when lines are added (the intakes below move)', async () => {
    assertNoChain(await survivors((text) => insertAtThird(text, '\n')));
  });

  it('keeps no earlier version alive when a line is typed in', async () => {
    assertNoChain(await survivors((text, i) => insertAtThird(text, `- 备注${i}：补充说明\n`)));
  });

  it('keeps no earlier version alive when characters are typed within a line', async () => {
    assertNoChain(await survivors((text, i) => text.replace('细分领域：', `细分领域：${i}`)));
  });

  it('levels off in memory over a long run of edits in a large file', () => {
    // What WeakRefs cannot see: a chain through the parts of the parse rather than the versions.
    // The leak this guards against kept about 2.3 MB per version of this text (47 MB over the 20).
    let text = document(60);
    const line = Math.floor(text.split('\n').length / 3);
    let analysis = DocumentAnalysis.of(text);
    use(analysis, line);
    const heapAfter = (versions: number): number => {
      for (let i = 0; i < versions; i++) {
        text = insertAtThird(text, '\n');
        analysis = analysis.next(text);
        use(analysis, line);
      }
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const settled = heapAfter(10);
    const grown = heapAfter(20) - settled;
    assert.ok(grown < 4_000_000, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 20 more versions`);
  });
});
