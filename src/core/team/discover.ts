/**
 * Whether a team has anything in a `.intake/` folder or an overlay folder, without reading it:
 * one directory listing each. The CLI and the editor ask this first, so that the file reader
 * (the YAML parser, the schema check, the merge) loads only where there is something to read.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BRANDING_FILE, isOverlayFileName, KNOWLEDGE_FOLDER } from './types';

/** The overlay files directly in `dir` exist (it is a folder of overlays). */
export async function hasOverlayFiles(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir, { withFileTypes: true })).some((e) => (e.isFile() || e.isSymbolicLink()) && isOverlayFileName(e.name));
  } catch {
    return false;
  }
}

/** What the `.intake/` folder `intakeDir` holds for the team: overlays in `knowledge/`, `report.yaml`. */
export async function teamFilesIn(intakeDir: string): Promise<{ knowledge: boolean; branding: boolean }> {
  const [knowledge, branding] = await Promise.all([
    hasOverlayFiles(path.join(intakeDir, KNOWLEDGE_FOLDER)),
    fs.stat(path.join(intakeDir, BRANDING_FILE)).then(
      (s) => s.isFile(),
      () => false,
    ),
  ]);
  return { knowledge, branding };
}
