/** See caseInsensitiveLiterals.js. */
export function literalCalls(source: string, caseInsensitiveRegExp: (pattern: string, flags: string) => RegExp): string;
