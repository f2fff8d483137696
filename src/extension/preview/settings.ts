/** The `intake.preview.*` and `intake.export.*` settings (resource-scoped), read through the configuration object (../config.ts). */
import { debounceMs, type SettingsGetter } from '../settings';

export interface PreviewSettings {
  debounceMs: number;
  followCursor: boolean;
}

export function readPreviewSettings(get: SettingsGetter): PreviewSettings {
  return { debounceMs: debounceMs(get('debounceMs')), followCursor: get('followCursor') !== false };
}

export interface ExportSettings {
  /**
   * Whether an export keeps the 〔L12〕 references (`intake.export.references`): `auto` (undefined
   * here) lets each format decide (Markdown and HTML keep them, Word, which goes to the customer,
   * leaves them out), `always` and `never` decide for all.
   */
  references: boolean | undefined;
}

export function readExportSettings(get: SettingsGetter): ExportSettings {
  const value = get('references');
  return { references: value === 'always' ? true : value === 'never' ? false : undefined };
}
