/**
 * Loads the report half of the extension (reportBundle.ts) on first use, with a dynamic
 * `import()`: the engine with its knowledge base, markdown-it and the renderers live in chunks
 * of their own, so activation neither reads nor runs any of them. The core they share with the
 * rest of the extension is one copy (see esbuild.js: ESM with code splitting).
 */
import type * as Bundle from './reportBundle';

export type ReportKit = typeof Bundle;

let loading: Promise<ReportKit> | undefined;

export function loadReportKit(): Promise<ReportKit> {
  // A failed load is tried again next time (the file may have been mid-update).
  loading ??= import('./reportBundle').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
