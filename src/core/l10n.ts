/**
 * Localisation for the core, which cannot use `vscode.l10n`. `@vscode/l10n` reads the same
 * bundle (media/l10n/bundle.l10n.<locale>.json): the extension hands it `vscode.l10n.bundle`,
 * the CLI the bundle file for its locale. English strings are the keys.
 */
import * as l10n from '@vscode/l10n';

export const t = l10n.t;

type Bundle = Record<string, string>;
let current: Bundle = {};

/** Configure from an already-loaded bundle (the extension passes `vscode.l10n.bundle`). */
export function configureL10n(contents: Bundle | undefined): void {
  if (!contents) return;
  current = contents;
  l10n.config({ contents });
}

/**
 * Runs `fn` with `t()` translating through `bundle`, then restores the user's locale. The
 * report is always Chinese, whatever the UI language, so the engine formats the findings it
 * quotes this way. Safe because `fn` is synchronous.
 */
export function withBundle<T>(bundle: Bundle, fn: () => T): T {
  const saved = current;
  l10n.config({ contents: bundle });
  try {
    return fn();
  } finally {
    l10n.config({ contents: saved });
  }
}

/** The locale to use outside VS Code: INTAKE_LANG, then LC_ALL / LC_MESSAGES / LANG. */
export function localeFromEnv(env: NodeJS.ProcessEnv): string {
  const raw = env.INTAKE_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en';
  const lang = raw.split('.')[0]!.replace('_', '-').toLowerCase();
  if (lang.startsWith('zh')) return 'zh-cn';
  return 'en';
}
