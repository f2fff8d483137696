/**
 * The knowledge base's regular expressions run on every line a user types, so a pattern that can
 * take super-linear time is a bug in the data: this check (run by validateData.ts, so at every
 * build, and by the unit tests) rejects one, with the reason. It covers the rule matchers, each
 * framework's level pattern in the two forms standards.ts builds from it, and the framework
 * aliases as standards.ts turns them into patterns.
 */
import { aliasPattern, DEFAULT_LEVEL_PATTERN, levelPatterns } from './patterns';
import { analyzeRegex, describeUnsafeRegex } from '../text/safeRegex';
import type { Framework, Rule } from './schema';

export function checkPatternSafety(k: { rules: readonly Rule[]; frameworks: readonly Framework[] }): string[] {
  const problems: string[] = [];
  const check = (where: string, source: string, flags: string) => {
    let verdict;
    try {
      verdict = analyzeRegex(source, flags);
    } catch {
      return; // invalid: the integrity check reports it
    }
    if (verdict.complexity !== 'linear') problems.push(`${where}: ${describeUnsafeRegex(source, flags, verdict)}`);
  };
  for (const r of k.rules) for (const m of [...r.all, ...r.any, ...r.none]) check(`rule ${r.id}`, m.pattern, 'iu');
  for (const f of k.frameworks) {
    if (f.levels.length > 0) {
      const { after, before } = levelPatterns(f.levelPattern ?? DEFAULT_LEVEL_PATTERN);
      check(`framework ${f.id} levelPattern`, after, 'iu');
      check(`framework ${f.id} levelPattern`, before, 'iu');
    }
    for (const a of f.aliases) if (a.trim().length >= 2) check(`framework ${f.id} alias "${a}"`, aliasPattern(a.trim()), 'gi');
  }
  return problems;
}
