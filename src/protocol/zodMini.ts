/**
 * zod/mini, for the schemas that the webview bundle carries (src/core/preview/messages.ts):
 * the same zod core as src/core/zod.ts with the functional API, so the browser bundle holds a
 * few kB of zod instead of the whole classic API with its locales (~200 kB minified). Like
 * zod.ts, it sets `jitless` before any schema is built: no `new Function`, so the webview's CSP
 * needs no `unsafe-eval`. Import it as a namespace (`import * as z from '../zodMini'`): a
 * re-exported namespace object would keep the bundler from dropping what is unused.
 */
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
