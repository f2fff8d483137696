/**
 * Node's watch of a `.intake/` folder (src/extension/intakeFolderWatch.ts), on a real disk: what
 * VS Code's recursive watcher misses (a `knowledge/` made in the same instant as its files, and
 * everything written in it later) is reported. Each step awaits the event it expects.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IntakeFolderWatch } from '../../../src/extension/intakeFolderWatch';

interface Change {
  changed: string;
  created: boolean;
}

/** A watch of `intakeDir` whose changes the test awaits one by one, by predicate. */
function watchOf(intakeDir: string) {
  const waiting: { test: (c: Change) => boolean; resolve: (c: Change) => void }[] = [];
  const watch = new IntakeFolderWatch(intakeDir, ['knowledge'], (changed, created) => {
    const change = { changed, created };
    for (const w of [...waiting]) {
      if (!w.test(change)) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(change);
    }
  });
  const next = (test: (c: Change) => boolean) => new Promise<Change>((resolve) => waiting.push({ test, resolve }));
  return { watch, next };
}

describe('the watch of a .intake/ folder (Node fs.watch)', () => {
  let root: string;
  let intakeDir: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'intake-watch-')));
    intakeDir = path.join(root, '.intake');
    fs.mkdirSync(intakeDir);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports a knowledge/ made with its file, then watches it: a later file in it is reported too', async () => {
    const { watch, next } = watchOf(intakeDir);
    const knowledge = path.join(intakeDir, 'knowledge');
    try {
      assert.ok(watch.isWatching(intakeDir));
      assert.ok(!watch.isWatching(knowledge), 'not there yet');
      const madeFolder = next((c) => c.changed === knowledge);
      fs.mkdirSync(knowledge);
      fs.writeFileSync(path.join(knowledge, 'a.yaml'), 'vendors: []\n');
      assert.equal((await madeFolder).created, true);
      assert.ok(watch.isWatching(knowledge), 'watched before the change is told');
      const later = path.join(knowledge, 'b.yaml');
      const wroteLater = next((c) => c.changed === later);
      fs.writeFileSync(later, 'vendors: []\n');
      assert.equal((await wroteLater).created, true);
    } finally {
      watch.dispose();
    }
  });

  it('reports a change to a file, and a deleted folder ends its watch', async () => {
    const config = path.join(intakeDir, 'config.yaml');
    fs.writeFileSync(config, 'placeholderSeverity: warning\n');
    const { watch, next } = watchOf(intakeDir);
    try {
      const changed = next((c) => c.changed === config);
      fs.writeFileSync(config, 'placeholderSeverity: error\n');
      await changed;
      const gone = next((c) => c.changed === intakeDir && !c.created);
      fs.rmSync(intakeDir, { recursive: true });
      await gone;
      assert.ok(!watch.isWatching(intakeDir));
    } finally {
      watch.dispose();
    }
  });

  it('a folder that is not there is not watched, and nothing throws', () => {
    const watch = new IntakeFolderWatch(path.join(root, 'nope', '.intake'), ['knowledge'], () => assert.fail('no change expected'));
    assert.ok(!watch.isWatching(path.join(root, 'nope', '.intake')));
    watch.dispose();
  });
});
