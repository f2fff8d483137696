/** The analysis checks (see analyze.ts), for the validator, the report engine, the CLI and tests. */
export { analyzeIntake, analyzeFindings, analyzeFile, findingToDiagnostic, ANALYSIS_CHECKS, type AnalyzeOptions, type AnalysisFinding } from './analyze';
export { findMoney, parseMoney, findPercents, formatMoney, type Money, type Percent, type Currency } from '../facts/money';
export { allowedDowntime } from './sla';
export { haversineKm, minRoundTripMs, findPlaces } from './latency';
export { findStandards, wordingFor } from './standards';
