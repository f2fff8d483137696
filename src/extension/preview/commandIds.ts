/**
 * The report commands' ids, apart from their implementations (commands.ts, panel.ts), which load
 * on first use: the CodeLens, the Intakes view and activation name them without loading them.
 */
export const COMMAND_GENERATE_RECOMMENDATION = 'intake.generateRecommendation';
export const COMMAND_EXPORT_REPORT = 'intake.exportReport';
