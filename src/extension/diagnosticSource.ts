/** The `source` of every diagnostic Intake Studio publishes, and the name of its collections. */
export const DIAGNOSTIC_SOURCE = 'intake';
