/**
 * Everything activation registers but loads on first use, in one module reached only by dynamic
 * `import()` (lazy.ts): the report preview (manager, panels, page shell, message schemas with
 * zod/mini, export), LLM mode, the team knowledge viewer, New Intake.
 *
 * One module, not one per feature, on purpose: esbuild makes every `import()` target an entry
 * point and puts the modules each distinct set of entry points shares into a chunk file of its
 * own, so each feature loaded apart would add a file to what activation loads (the modules it
 * shares with activation). Loading a file costs Node's ES module loader about as much as
 * compiling 20 KB of code; these features together are small beside that.
 */
export { exportReportCommand, generateRecommendation } from './preview/commands';
export { PreviewManager } from './preview/manager';
export { clearApiKey, setApiKey } from './llm/apiKey';
export { LLM_CONTRIBUTION, LlmContribution, llmPaneOf } from './llm/contribution';
export { LlmSession } from './llm/session';
export { runNewIntake } from './newIntakeFlow';
export { showKnowledge } from './team/showKnowledge';
