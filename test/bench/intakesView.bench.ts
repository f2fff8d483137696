/**
 * `npm run bench` (third part): the Intakes view with 500 intake files in the workspace, timed
 * in CPU time (process.cpuUsage) against a reference run in the same process (markdown-it
 * parsing the same text), each sample paired with its reference; the figures are the medians
 * of the paired ratios. Figures only, no pass/fail.
 *
 * - first scan: every file parsed, checked and summarised, then listed (all, and incomplete only);
 * - an edit in an open document: what the view adds to the editor's own work (the parse is
 *   cached and the diagnostics already computed): the summary, the index update and the list
 *   the refreshed view asks for;
 * - a file added on disk: read text parsed, checked and summarised, then the list.
 *
 *   BENCH_FILES=2000 BENCH_ITERATIONS=21 npm run bench
 */
import MarkdownIt from 'markdown-it';
import { parseIntake } from '../../src/core/parser';
import { validate } from '../../src/core/validator';
import { summarizeText } from '../../src/core/overview/fromText';
import { summarizeFile } from '../../src/core/overview/summary';
import { IntakeIndex } from '../../src/core/overview/workspaceIndex';
import { listExamples, readExample } from '../unit/helpers/seeds';
import { fmt, paired, type Paired } from './measure';
import { prng } from './random';

const FILES = Number(process.env.BENCH_FILES) > 0 ? Number(process.env.BENCH_FILES) : 500;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS) > 0 ? Number(process.env.BENCH_ITERATIONS) : 15;
const WARMUP = 3;
/** Small operations are repeated inside one sample so that it lasts well above the clock's resolution. */
const EDIT_REPEAT = 50;

/** 500 files from the examples: numbers varied, one in five holding two or three intakes. */
function workspace(count: number): { path: string; text: string }[] {
  const rand = prng(20261202);
  const examples = listExamples().map(readExample);
  const vary = (text: string) => text.replace(/\d+/g, (m) => String(Math.max(1, Math.round(Number(m) * (0.5 + rand())))));
  return Array.from({ length: count }, (_, i) => {
    const n = rand() < 0.2 ? 2 + Math.floor(rand() * 2) : 1;
    const parts = Array.from({ length: n }, () => vary(examples[Math.floor(rand() * examples.length)]!).trimEnd());
    return { path: `customers/${String(i).padStart(4, '0')}.intake`, text: parts.join('\n\n=====\n\n') + '\n' };
  });
}

/** `target` against `reference` (measure.ts's paired, with this bench's counts). */
function pairedRuns(target: () => void, reference: () => void): Paired {
  return paired(target, reference, ITERATIONS, WARMUP);
}

function main(): void {
  const files = workspace(FILES);
  const md = new MarkdownIt();
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const index = new IntakeIndex();
  const uri = (path: string) => `file:///workspace/${path}`;
  const scan = () => {
    index.clear();
    for (const f of files) index.set({ uri: uri(f.path), path: f.path, intakes: summarizeText(f.text) });
    index.list('all');
    index.list('incomplete');
  };
  scan();
  const c = index.counts();
  console.log(`Intakes view: ${c.files} files, ${c.intakes} intakes (${c.incomplete} incomplete), ${(bytes / 1024).toFixed(0)} KB; node ${process.version}; CPU time, ${ITERATIONS} pairs after ${WARMUP} warm-up runs, medians`);

  const first = pairedRuns(scan, () => {
    for (const f of files) md.parse(f.text, {});
  });
  console.log(
    `first scan (parse + check + summarise ${FILES} files, then list them): ${fmt(first.ms)} ms (${fmt(first.ms / FILES)} ms a file); reference markdown-it parse of the same files ${fmt(first.referenceMs)} ms; paired ratio ${first.ratio.toFixed(2)}×`,
  );

  // An edit in one open document: the parse and the diagnostics exist already (the editor made them).
  const edited = files[FILES >> 1]!;
  const editedText = edited.text.replace('- 细分领域：', '- 细分领域：新增');
  const parsed = parseIntake(editedText);
  const diagnostics = validate(parsed);
  const edit = pairedRuns(
    () => {
      for (let k = 0; k < EDIT_REPEAT; k++) {
        index.set({ uri: uri(edited.path), path: edited.path, intakes: summarizeFile(parsed, diagnostics) });
        index.list('all');
      }
    },
    () => {
      for (let k = 0; k < EDIT_REPEAT; k++) md.parse(editedText, {});
    },
  );
  console.log(
    `an edit in an open document (summary + index update + the list the view re-reads): ${fmt(edit.ms / EDIT_REPEAT)} ms; reference markdown-it parse of that file ${fmt(edit.referenceMs / EDIT_REPEAT)} ms; paired ratio ${edit.ratio.toFixed(2)}×; ${(first.ms / (edit.ms / EDIT_REPEAT)).toFixed(0)}× cheaper than a re-scan`,
  );

  // A file added on disk: read, parsed, checked, summarised, listed.
  const added = { path: 'customers/new.intake', text: files[7]!.text };
  const add = pairedRuns(
    () => {
      for (let k = 0; k < EDIT_REPEAT; k++) {
        index.set({ uri: uri(added.path), path: added.path, intakes: summarizeText(added.text) });
        index.list('all');
        index.delete(uri(added.path));
      }
    },
    () => {
      for (let k = 0; k < EDIT_REPEAT; k++) md.parse(added.text, {});
    },
  );
  console.log(
    `a file added on disk (parse + check + summarise + list): ${fmt(add.ms / EDIT_REPEAT)} ms; reference markdown-it parse of that file ${fmt(add.referenceMs / EDIT_REPEAT)} ms; paired ratio ${add.ratio.toFixed(2)}×`,
  );
}

main();
