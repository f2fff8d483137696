/**
 * The `intake.validate.*` settings (all resource-scoped), read from the values VS Code holds
 * through the configuration object (config.ts), clamped to what the extension accepts.
 */
import type { Severity } from '../core/diagnostics';

/** Reads one setting of a section: what the user set, else `undefined` (the reader then uses its default). */
export type SettingsGetter = (key: string) => unknown;

type ValidateRun = 'onType' | 'onSave';
const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'information', 'hint', 'off']);

export interface ValidationSettings {
  run: ValidateRun;
  placeholderSeverity: Severity | 'off';
  debounceMs: number;
}

/** A number of milliseconds from 0 to 5,000, else `fallback`. */
export function debounceMs(value: unknown, fallback = 300): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.min(value, 5000)) : fallback;
}

export function readValidationSettings(get: SettingsGetter): ValidationSettings {
  const severity = get('placeholderSeverity');
  return {
    run: get('run') === 'onSave' ? 'onSave' : 'onType',
    placeholderSeverity: SEVERITIES.has(severity) ? (severity as Severity | 'off') : 'warning',
    debounceMs: debounceMs(get('debounceMs')),
  };
}

/** `intake.knowledge.*`: the folders of the user's own knowledge overlays. */
export interface KnowledgeSettings {
  /** Absolute folders, `~` expanded, in the order given (later ones win over earlier ones). */
  paths: string[];
}

/** At most this many folders: each is listed and watched. */
const MAX_KNOWLEDGE_PATHS = 20;

/** `home`: the user's home folder, for `~/…`. Relative paths are left out (relative to what?). */
export function readKnowledgeSettings(get: SettingsGetter, home: string): KnowledgeSettings {
  const raw = get('paths');
  const list = Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  const paths = list
    .map((p) => p.trim())
    .map((p) => (p === '~' ? home : p.startsWith('~/') || p.startsWith('~\\') ? `${home}${p.slice(1)}` : p))
    .filter((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'));
  return { paths: [...new Set(paths)].slice(0, MAX_KNOWLEDGE_PATHS) };
}

/** `intake.validate.placeholderSeverity` by where it is set (config.ts reads it), for the precedence over `.intake/config.yaml`. */
export interface PlaceholderSeverityLayers {
  /** The workspace's (or workspace folder's) own value. */
  workspace?: Severity | 'off';
  /** The user's. */
  user?: Severity | 'off';
  fallback: Severity | 'off';
}

/** The layers from VS Code's `inspect()` of the setting; a value that is not a severity counts as unset. */
export function readPlaceholderSeverityLayers(inspected: { workspaceFolderValue?: unknown; workspaceValue?: unknown; globalValue?: unknown } | undefined): PlaceholderSeverityLayers {
  const valid = (v: unknown) => (SEVERITIES.has(v) ? (v as Severity | 'off') : undefined);
  const workspace = valid(inspected?.workspaceFolderValue) ?? valid(inspected?.workspaceValue);
  const user = valid(inspected?.globalValue);
  return { ...(workspace !== undefined ? { workspace } : {}), ...(user !== undefined ? { user } : {}), fallback: 'warning' };
}
