/** Finding the `.intake/` folder that governs a file (src/core/intakeFolder.ts): nearest wins, stops at a repository root or the file system's root. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { foldersSearchedAbove, IntakeFolderFinder, type FolderProbe } from '../../../src/core/intakeFolder';

/** A file system of the given paths (folders end with /), counting what is asked. */
function fakeProbe(entries: string[]): FolderProbe & { asked: string[] } {
  const kinds = new Map<string, 'file' | 'directory'>();
  for (const e of entries) kinds.set(path.resolve(e.replace(/\/$/, '')), e.endsWith('/') ? 'directory' : 'file');
  const asked: string[] = [];
  return {
    asked,
    async kind(file) {
      asked.push(file);
      return kinds.get(file);
    },
  };
}

const R = path.resolve('/r');

describe('finding the .intake folder', () => {
  it('takes the one in the file\'s folder, else the nearest parent\'s', async () => {
    const finder = new IntakeFolderFinder(fakeProbe(['/r/.intake/', '/r/a/b/.intake/']));
    assert.equal(await finder.forFile('/r/a/b/x.intake'), path.join(R, 'a', 'b', '.intake'));
    assert.equal(await finder.forFile('/r/a/b/c/x.intake'), path.join(R, 'a', 'b', '.intake'));
    assert.equal(await finder.forFile('/r/a/x.intake'), path.join(R, '.intake'));
  });

  it('ignores a file named .intake', async () => {
    const finder = new IntakeFolderFinder(fakeProbe(['/r/.intake/', '/r/a/.intake']));
    assert.equal(await finder.forFile('/r/a/x.intake'), path.join(R, '.intake'));
  });

  it('stops at a repository root: a .git folder, or the .git file of a worktree or submodule', async () => {
    for (const git of ['/r/a/.git/', '/r/a/.git']) {
      const finder = new IntakeFolderFinder(fakeProbe(['/r/.intake/', git]));
      assert.equal(await finder.forFile('/r/a/b/x.intake'), undefined, git);
    }
    // The repository root's own .intake/ still counts.
    const finder = new IntakeFolderFinder(fakeProbe(['/r/a/.intake/', '/r/a/.git/']));
    assert.equal(await finder.forFile('/r/a/b/x.intake'), path.join(R, 'a', '.intake'));
  });

  it('names the folders above a workspace folder whose .intake/ the search may reach, up to the repository root', async () => {
    // The editor watches these: they are outside the workspace.
    assert.deepEqual(await foldersSearchedAbove('/r/a/b', fakeProbe(['/r/.git/'])), [path.join(R, 'a'), R]);
    assert.deepEqual(await foldersSearchedAbove('/r/a/b', fakeProbe(['/r/a/b/.git'])), [], 'the workspace folder is a repository root');
    // Without a repository, up to the file system's root.
    assert.deepEqual(await foldersSearchedAbove('/r/a', fakeProbe([])), [R, path.parse(R).root]);
  });

  it('stops at the file system root', async () => {
    assert.equal(await new IntakeFolderFinder(fakeProbe([])).forFile('/r/a/x.intake'), undefined);
  });

  it('asks the file system once per folder, for files of one folder and folders under one parent', async () => {
    const probe = fakeProbe(['/r/.intake/']);
    const finder = new IntakeFolderFinder(probe);
    await finder.forFile('/r/a/b/x.intake');
    const first = probe.asked.length;
    await Promise.all([finder.forFile('/r/a/b/y.intake'), finder.forFile('/r/a/z.intake')]);
    assert.equal(probe.asked.length, first);
    finder.clear();
    await finder.forFile('/r/a/b/x.intake');
    assert.equal(probe.asked.length, 2 * first);
  });

  it('works on the disk', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'intake-folder-')));
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      fs.mkdirSync(path.join(dir, 'customers', 'emea'), { recursive: true });
      const finder = new IntakeFolderFinder();
      assert.equal(await finder.forFile(path.join(dir, 'customers', 'emea', 'x.intake')), undefined);
      fs.mkdirSync(path.join(dir, '.intake'));
      finder.clear();
      assert.equal(await finder.forFile(path.join(dir, 'customers', 'emea', 'x.intake')), path.join(dir, '.intake'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
