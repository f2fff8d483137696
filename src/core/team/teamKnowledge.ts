/**
 * A team's knowledge for the intakes of one `.intake/` folder: the embedded knowledge base with
 * the user's overlays (`intake.knowledge.paths`, `--knowledge DIR`) and the workspace's
 * (`.intake/knowledge/`) merged in (merge.ts), with every problem of those files. The CLI and the
 * editor load it the same way, here; both load this module only where an overlay exists, so
 * that activation and the CLI's plain path carry no YAML parser and no schema check.
 */
import * as path from 'node:path';
import { embeddedCatalogData, getFieldCatalog } from '../catalog/catalog';
import { getKnowledgeBase } from '../knowledge/knowledge';
import { mergeKnowledge, type Layer, type MergedKnowledge } from './merge';
import { readOverlayFolder } from './overlayFiles';
import { sortProblems } from './problems';
import { KNOWLEDGE_FOLDER, type KnowledgeSource } from './types';

export interface TeamKnowledgeOptions {
  /** The `.intake/` folder governing the intakes (its `knowledge/` holds the workspace's overlays); undefined: none, or not trusted. */
  intakeDir?: string;
  /** Folders of the user's own overlays, lowest first. */
  userDirs?: readonly string[];
  /** Today (YYYY-MM-DD): price lists that expired before it are reported. */
  today: string;
}

export interface TeamKnowledge extends MergedKnowledge {
  /** The overlay files read (or found and refused), with their layer. */
  files: { file: string; source: Exclude<KnowledgeSource, 'embedded'>; ok: boolean }[];
  /** No overlay file at all: the embedded knowledge as it is. */
  isEmbedded: boolean;
}

export async function loadTeamKnowledge(options: TeamKnowledgeOptions): Promise<TeamKnowledge> {
  const folders: { dir: string; source: Layer['source'] }[] = [...(options.userDirs ?? []).map((dir) => ({ dir, source: 'user' as const })), ...(options.intakeDir !== undefined ? [{ dir: path.join(options.intakeDir, KNOWLEDGE_FOLDER), source: 'workspace' as const }] : [])];
  const read = await Promise.all(folders.map((f) => readOverlayFolder(f.dir, f.source)));
  const layers: Layer[] = [
    { source: 'user', overlays: read.filter((_, i) => folders[i]!.source === 'user').flatMap((r) => r.overlays) },
    { source: 'workspace', overlays: read.filter((_, i) => folders[i]!.source === 'workspace').flatMap((r) => r.overlays) },
  ];
  const files = read.flatMap((r, i) => r.files.map((file) => ({ file, source: folders[i]!.source, ok: r.overlays.some((o) => o.file === file) })));
  const merged = mergeKnowledge(layers, { embedded: getKnowledgeBase(), catalogData: embeddedCatalogData(), embeddedCatalog: getFieldCatalog(), today: options.today });
  const problems = sortProblems([...read.flatMap((r) => r.problems), ...merged.problems]);
  return { ...merged, problems, files, isEmbedded: files.length === 0 };
}
