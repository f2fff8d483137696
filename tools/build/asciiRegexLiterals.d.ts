/** See asciiRegexLiterals.js. */
export function escapeRegexLiterals(code: string, name: string): string;
