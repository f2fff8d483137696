/**
 * Each file's `.intake/config.yaml`, for the CLI: found the way the editor finds it
 * (core/intakeFolder.ts), read once per `.intake/` folder; or one file for all (`--config FILE`);
 * or none (`--no-config`). A config with a problem stops the run before any file is checked or
 * written (exit 2): a team's rules are not applied halfway.
 */
import * as path from 'node:path';
import { formatConfigProblem, type FolderConfig, type LoadedFolderConfig } from '../core/folderConfig';
import { IntakeFolderFinder, syncNodeProbe } from '../core/intakeFolder';
import { t } from '../core/l10n';
import type { SharedArgs } from './args';
import { UsageError } from './io';

/** A config's path as printed: relative to the current folder when it is inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** The config file reader (the YAML parser and zod/mini), loaded only when there is a config to read. */
const reader = () => import('../core/folderConfigFile');

export class CliConfigs {
  private readonly finder = new IntakeFolderFinder(syncNodeProbe);
  private readonly byFolder = new Map<string, Promise<LoadedFolderConfig | undefined>>();
  private explicit: Promise<LoadedFolderConfig | undefined> | undefined;

  constructor(private readonly options: Pick<SharedArgs, 'config' | 'noConfig'>) {}

  /**
   * The configs of `files` (paths as given), in their order: undefined for a file no config
   * governs. Throws a UsageError naming every config that has a problem.
   */
  async forFiles(files: readonly string[]): Promise<(FolderConfig | undefined)[]> {
    const loaded = await Promise.all(files.map((f) => this.load(f)));
    const problems = new Map<string, string>();
    for (const c of loaded) if (c && !c.ok) problems.set(c.file, formatConfigProblem(shown(c.file), c.problem));
    const [first, ...more] = problems.values();
    if (first !== undefined) throw new UsageError(first, more);
    return loaded.map((c) => (c?.ok ? c.config : undefined));
  }

  private async load(file: string): Promise<LoadedFolderConfig | undefined> {
    if (this.options.noConfig) return undefined;
    if (this.options.config !== undefined) {
      const given = this.options.config;
      this.explicit ??= reader()
        .then(({ loadFolderConfigFile }) => loadFolderConfigFile(given))
        .then((c): LoadedFolderConfig => c ?? { file: given, ok: false, problem: { message: t('no such file') } });
      return this.explicit;
    }
    const intakeDir = await this.finder.forFile(path.resolve(file));
    if (intakeDir === undefined) return undefined;
    let config = this.byFolder.get(intakeDir);
    if (!config) this.byFolder.set(intakeDir, (config = reader().then(({ loadFolderConfig }) => loadFolderConfig(intakeDir))));
    return config;
  }
}
