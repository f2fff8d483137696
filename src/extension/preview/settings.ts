/** The `intake.preview.*` settings (resource-scoped), read through the configuration object (../config.ts). */
import { debounceMs, type SettingsGetter } from '../settings';

export interface PreviewSettings {
  debounceMs: number;
  followCursor: boolean;
}

export function readPreviewSettings(get: SettingsGetter): PreviewSettings {
  return { debounceMs: debounceMs(get('debounceMs')), followCursor: get('followCursor') !== false };
}
