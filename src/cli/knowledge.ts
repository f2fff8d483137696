/**
 * `intake knowledge check [DIR…] [--knowledge DIR…]`: a team's files checked as CI would, with
 * the checks the editor shows (core/team/): one line per problem in the problem-matcher format,
 * `FILE:LINE:COL: severity code: message`, and a summary on stderr. Exit 0 when clean
 * (information, such as an entry replacing an embedded one, does not count), 1 on errors or
 * warnings, 2 on usage errors.
 *
 * Each DIR (default: the current folder) is read as:
 * - a folder holding `.intake/`, or a folder named `.intake`: its `knowledge/` overlays and its
 *   `report.yaml`, as the workspace's;
 * - a folder holding overlay files itself (one named by `intake.knowledge.paths`): those, as
 *   the user's;
 * - anything else: the `.intake/` folder that governs it (its own or its nearest parent's,
 *   stopping at the repository's root), as for an intake in it.
 * `--knowledge DIR` adds the user's overlays under the workspace's, so that references between
 * the layers resolve as they do in the editor.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { IntakeFolderFinder, syncNodeProbe } from '../core/intakeFolder';
import { t } from '../core/l10n';
import { hasOverlayFiles } from '../core/team/discover';
import { formatTeamProblem, sortProblems } from '../core/team/problems';
import type { TeamProblem } from '../core/team/types';
import { escapeControlChars } from '../core/text/controlChars';
import type { SharedArgs } from './args';
import { Exit } from './exitCodes';
import { UsageError } from './io';
import { shownPath, todayIso } from './team';

interface Target {
  given: string;
  intakeDir?: string;
  overlayDir?: string;
}

export async function runKnowledge(args: string[], shared: SharedArgs): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const [sub, ...rest] = args;
  if (sub !== 'check') throw new UsageError(sub === undefined ? t('knowledge needs a command: intake knowledge check [DIR…]') : t('Unknown knowledge command: {0} (try intake knowledge check)', sub));
  const [badOption] = rest.filter((a) => a.startsWith('-'));
  if (badOption !== undefined) throw new UsageError(t('Unknown option: {0}', badOption));
  const dirs = [...rest, ...shared.literal];
  const targets = await Promise.all((dirs.length > 0 ? dirs : ['.']).map((d) => target(d)));
  const today = todayIso();
  const problems: TeamProblem[] = [];
  const files = new Set<string>();
  const userDirs = shared.knowledge.map((d) => path.resolve(d));
  const { loadTeamKnowledge } = await import('../core/team/teamKnowledge');
  const { loadBranding } = await import('../core/team/brandingFile');
  for (const tgt of targets) {
    const team = await loadTeamKnowledge({ ...(tgt.intakeDir !== undefined ? { intakeDir: tgt.intakeDir } : {}), userDirs: [...userDirs, ...(tgt.overlayDir !== undefined ? [tgt.overlayDir] : [])], today });
    for (const f of team.files) files.add(f.file);
    problems.push(...team.problems);
    if (tgt.intakeDir !== undefined) {
      const branding = await loadBranding(tgt.intakeDir);
      if (branding) {
        files.add(branding.file);
        problems.push(...branding.problems);
      }
    }
  }
  // The same file checked for two targets reports its problems once.
  const unique = [...new Map(sortProblems(problems).map((p) => [formatTeamProblem(p), p])).values()];
  const errors = unique.filter((p) => p.severity === 'error').length;
  const warnings = unique.filter((p) => p.severity === 'warning').length;
  const stdout = unique.map((p) => `${escapeControlChars(formatTeamProblem(p, shownPath(p.file)))}\n`).join('');
  const summary = files.size === 0 ? t('no team files found (.intake/knowledge/*.yaml, .intake/report.yaml)') : t('{0} team file(s): {1} error(s), {2} warning(s)', files.size, errors, warnings);
  return { stdout, stderr: `intake: ${summary}\n`, exitCode: errors + warnings > 0 ? Exit.errors : Exit.ok };
}

async function target(given: string): Promise<Target> {
  const dir = path.resolve(given);
  const kind = await fs.stat(dir).then(
    (s) => (s.isDirectory() ? 'directory' : 'file'),
    () => undefined,
  );
  if (kind === undefined) throw new UsageError(t('{0}: no such folder', given));
  if (kind !== 'directory') throw new UsageError(t('{0}: is a file; give the folder that holds .intake/ (or an overlay folder)', given));
  if (path.basename(dir) === '.intake') return { given, intakeDir: dir };
  const own = path.join(dir, '.intake');
  if (await fs.stat(own).then((s) => s.isDirectory(), () => false)) return { given, intakeDir: own };
  if (await hasOverlayFiles(dir)) return { given, overlayDir: dir };
  const governing = await new IntakeFolderFinder(syncNodeProbe).forFolder(dir);
  if (governing === undefined) throw new UsageError(t('{0}: no .intake/ folder here or above it (up to the repository root)', given));
  return { given, intakeDir: governing };
}
