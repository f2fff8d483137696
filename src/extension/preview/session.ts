/**
 * The report preview's implementation, loaded on first use by a dynamic `import()` (index.ts):
 * the manager with its panels, delivery, page shell and message schemas (zod/mini), and the
 * commands' handlers with the export. Nothing here is needed before the first preview.
 */
export { PreviewManager } from './manager';
export { exportReportCommand, generateRecommendation } from './commands';
