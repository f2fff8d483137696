/** Making and printing the diagnostics of a team's files. */
import type { TextPosition } from '../dataFile';
import { TEAM_CODE_SEVERITY, type TeamCode, type TeamProblem } from './types';

/** A problem of `file` at `position` (1-based; the file's start when unknown). */
export function problemAt(file: string, position: Partial<TextPosition>, code: TeamCode, message: string): TeamProblem {
  return { file, line: position.line ?? 1, column: position.column ?? 1, code, severity: TEAM_CODE_SEVERITY[code], message };
}

/** `FILE:LINE:COL: severity code: message`, as the `$intake` problem matcher reads it. */
export function formatTeamProblem(p: TeamProblem, file: string = p.file): string {
  return `${file}:${p.line}:${p.column}: ${p.severity} ${p.code}: ${p.message}`;
}

/** Problems sorted by file, then position, then code: the same order on every run. */
export function sortProblems(list: readonly TeamProblem[]): TeamProblem[] {
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}
