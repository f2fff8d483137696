/**
 * A team's knowledge and branding for the CLI, found the way the editor finds them: the
 * `.intake/` folder governing each file (core/intakeFolder.ts) gives the workspace's overlays
 * (`knowledge/`) and `report.yaml`; `--knowledge DIR` (repeatable) plays the part of the
 * editor's `intake.knowledge.paths`, the user's own overlays under the workspace's.
 *
 * A file's team is a {@link TeamSpec}: plain data, so that a batch's worker threads get it with
 * their task and load it themselves, once per thread ({@link loadTeam}). The loader (the YAML
 * parser, the schema check, the merge) is imported only when there is something to load, so the
 * plain path stays as light as before. A broken overlay never stops a run: its entries are
 * skipped, and each problem is printed once, on stderr (`intake knowledge check` is the CI gate).
 */
import * as path from 'node:path';
import { IntakeFolderFinder, syncNodeProbe } from '../core/intakeFolder';
import { t } from '../core/l10n';
import type { Branding } from '../core/team/branding';
import { teamFilesIn } from '../core/team/discover';
import { formatTeamProblem } from '../core/team/problems';
import type { TeamKnowledge } from '../core/team/teamKnowledge';
import type { TeamProblem } from '../core/team/types';
import { escapeControlChars } from '../core/text/controlChars';

/** What a file's team is made of: its `.intake/` folder (when it has overlays or branding) and the user's overlay folders. */
export interface TeamSpec {
  intakeDir?: string;
  /** The `.intake/` folder has overlays in `knowledge/`. */
  knowledge: boolean;
  /** The `.intake/` folder has a report.yaml. */
  branding: boolean;
  userDirs: string[];
}

export interface LoadedTeam {
  knowledge?: TeamKnowledge;
  branding?: Branding;
  problems: TeamProblem[];
}

/** Whether a spec has anything to load. */
function hasTeam(spec: TeamSpec | undefined): spec is TeamSpec {
  return spec !== undefined && (spec.knowledge || spec.branding || spec.userDirs.length > 0);
}

export class CliTeams {
  private readonly finder = new IntakeFolderFinder(syncNodeProbe);
  private readonly byDir = new Map<string, Promise<{ knowledge: boolean; branding: boolean }>>();

  constructor(private readonly userDirs: readonly string[]) {}

  /** The team of each file (paths as given), in order; undefined where there is none. */
  async forFiles(files: readonly string[]): Promise<(TeamSpec | undefined)[]> {
    return Promise.all(files.map((f) => this.forFile(f)));
  }

  async forFile(file: string): Promise<TeamSpec | undefined> {
    const intakeDir = await this.finder.forFile(path.resolve(file));
    let has = { knowledge: false, branding: false };
    if (intakeDir !== undefined) {
      let found = this.byDir.get(intakeDir);
      if (!found) this.byDir.set(intakeDir, (found = teamFilesIn(intakeDir)));
      has = await found;
    }
    const spec: TeamSpec = { ...(intakeDir !== undefined && (has.knowledge || has.branding) ? { intakeDir } : {}), ...has, userDirs: this.userDirs.map((d) => path.resolve(d)) };
    return hasTeam(spec) ? spec : undefined;
  }
}

/** Today as YYYY-MM-DD (UTC): price lists that expired before it are reported. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

const cache = new Map<string, Promise<LoadedTeam>>();

/** A team's knowledge and branding, loaded once per thread and spec. `today` dates the price lists' expiry. */
export function loadTeam(spec: TeamSpec, today: string): Promise<LoadedTeam> {
  const key = JSON.stringify([spec, today]);
  let loading = cache.get(key);
  if (!loading) cache.set(key, (loading = loadNow(spec, today)));
  return loading;
}

/** Forgets the teams loaded so far: a daemon (daemon/server.ts) reads them again for each command, as a new process would. */
export function forgetLoadedTeams(): void {
  cache.clear();
}

async function loadNow(spec: TeamSpec, today: string): Promise<LoadedTeam> {
  const out: LoadedTeam = { problems: [] };
  if (spec.knowledge || spec.userDirs.length > 0) {
    const { loadTeamKnowledge } = await import('../core/team/teamKnowledge');
    out.knowledge = await loadTeamKnowledge({ ...(spec.knowledge && spec.intakeDir !== undefined ? { intakeDir: spec.intakeDir } : {}), userDirs: spec.userDirs, today });
    out.problems.push(...out.knowledge.problems);
  }
  if (spec.branding && spec.intakeDir !== undefined) {
    const { loadBranding } = await import('../core/team/brandingFile');
    const loaded = await loadBranding(spec.intakeDir);
    if (loaded?.branding) out.branding = loaded.branding;
    out.problems.push(...(loaded?.problems ?? []));
  }
  return out;
}

/** A path as printed: relative to the current folder when it is inside it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * The lines `check` and `generate` print on stderr for the teams of a run: one per error or
 * warning of each distinct team's files, and a hint to run `intake knowledge check`.
 */
export async function teamWarnings(specs: readonly (TeamSpec | undefined)[], today: string): Promise<string> {
  const seen = new Set<string>();
  let out = '';
  for (const spec of specs) {
    if (!spec) continue;
    const key = JSON.stringify(spec);
    if (seen.has(key)) continue;
    seen.add(key);
    const { problems } = await loadTeam(spec, today);
    const shown = problems.filter((p) => p.severity !== 'information');
    for (const p of shown) out += `${escapeControlChars(formatTeamProblem(p, shownPath(p.file)))}\n`;
    if (shown.length > 0) out += `intake: ${t('the team files above have problems: what they break is skipped (intake knowledge check lists them)')}\n`;
  }
  return out;
}
