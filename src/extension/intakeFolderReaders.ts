/**
 * The readers of a `.intake/` folder's files (config.yaml, the team's overlays, report.yaml, with
 * the YAML parser and zod/mini), which load when such a folder is first found. Activation hands
 * the features that use them (folderConfig.ts, team/knowledge.ts) a loader, the import() of the
 * on-demand chunk (onDemand.ts); their unit tests hand in the core's modules instead, so that a
 * test bundle does not take in the whole on-demand chunk.
 */
import type { loadFolderConfig } from '../core/folderConfigFile';
import type { loadBranding } from '../core/team/brandingFile';
import type { loadTeamKnowledge } from '../core/team/teamKnowledge';

interface IntakeFolderReaders {
  loadFolderConfig: typeof loadFolderConfig;
  loadTeamKnowledge: typeof loadTeamKnowledge;
  loadBranding: typeof loadBranding;
}

export type LoadIntakeFolderReaders = () => Promise<IntakeFolderReaders>;
