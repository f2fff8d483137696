/**
 * Everything the extension registers at activation but loads on first use, in one module reached
 * only by dynamic `import()`: the report preview (manager, panels, page shell, the message
 * schemas with zod/mini, the export), LLM mode, the team knowledge viewer, New Intake, and the
 * readers of a `.intake/` folder's files (config.yaml, the team's overlays, report.yaml, with the
 * YAML parser), loaded when such a folder is found. The report engine, `openai` and `docx` are
 * further chunks, loaded from here on first use.
 *
 * One module, not one per feature, on purpose: esbuild makes every `import()` target an entry
 * point and puts the modules shared by each distinct set of entry points in a chunk file of its
 * own, so each feature loaded apart would add files (the helpers features share) to what its
 * first use loads (what activation loads is one chunk whatever the lazy entries: esbuild.js
 * lazyAfterActivation), and each file costs Node's ES module loader about 2 ms, as much as
 * compiling some 40 KB. The price: the first `.intake/` folder found also compiles the preview's code.
 */
export { exportReportCommand, generateRecommendation } from './preview/commands';
export { PreviewManager } from './preview/manager';
export { clearApiKey, setApiKey } from './llm/apiKey';
export { LLM_CONTRIBUTION, LlmContribution } from './llm/contribution';
export { LlmSession } from './llm/session';
export { runNewIntake } from './newIntakeFlow';
export { showKnowledge } from './team/showKnowledge';
export { loadFolderConfig } from '../core/folderConfigFile';
export { loadBranding } from '../core/team/brandingFile';
export { loadTeamKnowledge } from '../core/team/teamKnowledge';
