/** The batch CLI's file arguments (src/cli/inputs.ts): files, folders, globs, exclusions, literal paths, order. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyInputs, expandInputs, singleFile } from '../../../src/cli/inputs';
import { UsageError } from '../../../src/cli/io';
import { writeTree } from './tree';

describe('cli inputs', () => {
  let root: string;
  let cwd: string;
  before(() => {
    root = writeTree();
    cwd = process.cwd();
    process.chdir(root);
  });
  after(() => {
    process.chdir(cwd);
    fs.rmSync(root, { recursive: true, force: true });
  });
  const found = (...args: string[]) => expandInputs(classifyInputs(args), root);
  const paths = (...args: string[]) => found(...args).files.map((f) => f.path.split(path.sep).join('/'));

  it('a folder: its *.intake and *.intake.md files, all levels down, sorted, without hidden folders or node_modules', () => {
    assert.deepEqual(paths('customers'), [
      'customers/acme.intake',
      'customers/drafts/blank.intake',
      'customers/emea/acme.intake',
      'customers/emea/broken.intake',
      'customers/pipeline.intake',
      'customers/retail.intake.md',
    ]);
    assert.deepEqual(paths('.').length, 6);
  });

  it('a glob: what it matches, relative to the current folder; ** reaches every level but hidden ones', () => {
    assert.deepEqual(paths('customers/*.intake'), ['customers/acme.intake', 'customers/pipeline.intake']);
    assert.deepEqual(paths('customers/**/acme.intake'), ['customers/acme.intake', 'customers/emea/acme.intake']);
    assert.deepEqual(paths('**/*.txt'), ['customers/notes.txt']);
    assert.deepEqual(paths('customers/*.{intake.md,txt}'), ['customers/retail.intake.md', 'customers/notes.txt']);
    assert.deepEqual(paths('customers\\emea\\*.intake'), ['customers/emea/acme.intake', 'customers/emea/broken.intake']);
    assert.ok(paths('customers/**/*.intake').includes('customers/node_modules/pkg/x.intake'), 'a glob names node_modules if it says **');
  });

  it('an absolute glob keeps absolute paths', () => {
    const abs = found(`${root.split(path.sep).join('/')}/customers/emea/*.intake`).files;
    assert.deepEqual(abs.map((f) => f.abs), [path.join(root, 'customers', 'emea', 'acme.intake'), path.join(root, 'customers', 'emea', 'broken.intake')]);
  });

  it('!PATTERN and #PATTERN exclude files and whole folders, from every argument', () => {
    assert.deepEqual(paths('customers', '!customers/emea'), ['customers/acme.intake', 'customers/drafts/blank.intake', 'customers/pipeline.intake', 'customers/retail.intake.md']);
    assert.deepEqual(paths('#**/drafts', 'customers/**/*.intake', '#customers/emea/broken.intake'), ['customers/acme.intake', 'customers/emea/acme.intake', 'customers/node_modules/pkg/x.intake', 'customers/pipeline.intake']);
    assert.deepEqual(paths('customers/acme.intake', '!customers/*.intake'), []);
  });

  it(':PATH and everything after -- are literal paths, never excluded', () => {
    const inputs = classifyInputs([':customers/acme.intake', '#customers'], ['!weird', '-x.intake']);
    assert.deepEqual(inputs.includes.map((i) => [i.kind, i.text]), [['path', 'customers/acme.intake'], ['path', '!weird'], ['path', '-x.intake']]);
    const files = expandInputs(inputs, root).files.map((f) => f.path);
    assert.deepEqual(files, ['customers/acme.intake', '!weird', '-x.intake']);
  });

  it('keeps argument order, takes a file once where it first appears, and lists what matched nothing', () => {
    fs.mkdirSync(path.join(root, 'customers', 'empty-folder'), { recursive: true });
    const r = found('customers/emea/acme.intake', 'customers/emea', 'customers/emea/../emea/acme.intake', 'nothing/*.intake', 'customers/empty-folder');
    assert.deepEqual(r.files.map((f) => f.path.split(path.sep).join('/')), ['customers/emea/acme.intake', 'customers/emea/broken.intake']);
    // A missing plain path is kept: reading it reports "no such file" in its place.
    assert.deepEqual(found('customers/missing.intake').files.map((f) => f.path), ['customers/missing.intake']);
    assert.deepEqual(r.empty, ['nothing/*.intake', 'customers/empty-folder']);
  });

  it('records the folder output names are relative to', () => {
    const [viaFolder] = found('customers/emea').files;
    assert.equal(viaFolder!.root, path.join(root, 'customers', 'emea'));
    const [viaGlob] = found('customers/**/broken.intake').files;
    assert.equal(viaGlob!.root, path.join(root, 'customers'));
    const [plain] = found('customers/emea/acme.intake').files;
    assert.equal(plain!.root, path.join(root, 'customers', 'emea'));
  });

  it('is the single-file form only for one plain file argument', () => {
    assert.equal(singleFile(classifyInputs(['customers/acme.intake'])), 'customers/acme.intake');
    assert.equal(singleFile(classifyInputs([':customers/acme.intake'])), 'customers/acme.intake');
    assert.equal(singleFile(classifyInputs(['missing.intake'])), 'missing.intake');
    assert.equal(singleFile(classifyInputs(['customers'])), undefined);
    assert.equal(singleFile(classifyInputs(['customers/*.intake'])), undefined);
    assert.equal(singleFile(classifyInputs(['customers/acme.intake', 'customers/pipeline.intake'])), undefined);
    assert.equal(singleFile(classifyInputs(['customers/acme.intake', '#x'])), undefined);
  });

  it('refuses a pattern with too many alternatives, and an empty argument, as usage errors', () => {
    assert.throws(() => classifyInputs(['{a,b}'.repeat(11)]), UsageError);
    assert.throws(() => classifyInputs(['customers', '']), /an empty file name/);
    assert.throws(() => classifyInputs([':']), /an empty file name/);
  });

  it('applies exclusions to files above the current folder too', () => {
    const drafts = path.join(root, 'customers', 'drafts');
    const r = expandInputs(classifyInputs(['../../customers', '#**/emea', '#blank.intake']), drafts);
    assert.deepEqual(r.files.map((f) => path.relative(root, f.abs).split(path.sep).join('/')), ['customers/acme.intake', 'customers/pipeline.intake', 'customers/retail.intake.md']);
  });

  it('reports a folder it cannot read as an error', function () {
    if (process.getuid?.() === 0) this.skip();
    const locked = path.join(root, 'locked');
    fs.mkdirSync(path.join(locked, 'inner'), { recursive: true });
    fs.chmodSync(path.join(locked, 'inner'), 0);
    try {
      const r = found('locked');
      assert.equal(r.errors.length, 1);
      assert.match(r.errors[0]!, /cannot be read \(EACCES\)/);
    } finally {
      fs.chmodSync(path.join(locked, 'inner'), 0o700);
    }
  });
});
