/**
 * The editor's Export writes like the CLI (src/cli/atomicWrite.ts): into a temporary file in the
 * target's folder, then a rename over the target, so a failed write (a full disk, a lost remote
 * connection) leaves the old file as it was instead of half a report; and never over the intake
 * itself. What is renamed over is always a regular file: a link to one is followed (local files),
 * so the link stays and the file it names is replaced; a device or FIFO is written to in place.
 */
import * as vscode from 'vscode';

/** Writes `bytes` to `target`: a regular file through a temporary sibling and a rename. */
export async function writeFileAtomically(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const stat = await vscode.workspace.fs.stat(target).then(
    (s) => s,
    () => undefined, // not there yet
  );
  // Neither file nor folder: a device or a FIFO (FileType.Unknown), which a rename would replace.
  if (stat !== undefined && (stat.type & (vscode.FileType.File | vscode.FileType.Directory)) === 0) {
    await vscode.workspace.fs.writeFile(target, bytes);
    return;
  }
  const linked = stat !== undefined && (stat.type & vscode.FileType.SymbolicLink) !== 0 ? await linkedFile(target) : undefined;
  await replaceFile(linked ?? target, bytes);
}

/** The local file a link names; undefined where it cannot be resolved here (another file system). */
async function linkedFile(link: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (link.scheme !== 'file') return undefined;
  const fs = await import('node:fs');
  return fs.promises.realpath(link.fsPath).then(
    (real) => vscode.Uri.file(real),
    () => undefined,
  );
}

async function replaceFile(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = target.path.split('/').pop() ?? 'report';
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temp, bytes);
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp, { useTrash: false }).then(
      () => undefined,
      () => undefined,
    );
    throw e;
  }
}

/** Whether `target` is the intake document itself (the same URI, or for local files the same file through a link). */
export async function isSameFile(target: vscode.Uri, intake: vscode.Uri): Promise<boolean> {
  if (target.toString() === intake.toString()) return true;
  if (target.scheme !== 'file' || intake.scheme !== 'file') return false;
  const fs = await import('node:fs');
  try {
    const [a, b] = await Promise.all([fs.promises.stat(target.fsPath), fs.promises.stat(intake.fsPath)]);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false; // the target does not exist yet
  }
}
