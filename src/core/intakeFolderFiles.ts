/**
 * The readers of a `.intake/` folder's files (config.yaml, the team's knowledge overlays,
 * report.yaml), which the editor loads on first use, when it finds such a folder, by one dynamic
 * `import()` of this module. One module rather than one import() per reader, on purpose: esbuild
 * makes every import() target an entry point, and each distinct set of entry points sharing a
 * module gets a chunk file of its own; three readers loaded apart left the few small modules
 * they share with activation (l10n, the codes, the folder config's constants) in four files that
 * activation loads, and each file costs Node's ES module loader about 2 ms.
 */
export { loadFolderConfig } from './folderConfigFile';
export { loadBranding } from './team/brandingFile';
export { loadTeamKnowledge } from './team/teamKnowledge';
