/**
 * What of a team's files the editor may load for a document, decided once, here:
 *
 * - the workspace's `.intake/` files (the `knowledge/` overlays and `report.yaml`) only in a
 *   trusted workspace, and only for documents on disk (`file:`): in Restricted Mode a folder
 *   someone else wrote must not change what the engine recommends, what a customer's report
 *   looks like, nor which files (logo, template) the export reads;
 * - the user's own overlays (the setting `intake.knowledge.paths`, machine-scoped, so never
 *   set by a workspace) always: they are the user's.
 */
export interface TeamScope {
  /** Load the workspace's `.intake/knowledge/` overlays and `report.yaml`. */
  workspace: boolean;
  /** Why not, when not. */
  reason?: 'untrusted' | 'not-on-disk';
}

export function teamScope(trusted: boolean, scheme: string): TeamScope {
  if (scheme !== 'file') return { workspace: false, reason: 'not-on-disk' };
  if (!trusted) return { workspace: false, reason: 'untrusted' };
  return { workspace: true };
}

/** A file of a team's `.intake/` folder (an overlay or report.yaml), by its path. */
export function isTeamFilePath(path: string): boolean {
  return /[\\/]\.intake[\\/](?:knowledge[\\/][^\\/]+\.(?:ya?ml|json)|report\.yaml)$/i.test(path);
}
