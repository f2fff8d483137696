/**
 * The one place zod is imported from. `jitless` stops zod from compiling validators with
 * `new Function`: that probe touches `navigator` in the extension host (an error in its log)
 * and would need `unsafe-eval` in a webview's CSP. Importing z from here guarantees the
 * setting is applied before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
