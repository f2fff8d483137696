// ESLint: typescript-eslint's recommended rules, and the layer order of the source, which is
// declared here and nowhere else (ARCHITECTURE.md explains it). `npm run lint` runs it;
// `npm test` runs that first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import layers from './tools/eslint/layers.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The core runs in Node and in the report bundle: never inside VS Code's API or a browser page. */
const CORE = { forbiddenPackages: ['vscode'] };

/**
 * The layers, bottom up. A file may import its own layer and any layer of a lower rank; layers of
 * the same rank are siblings and may not import each other. Files in no layer (tests, tools)
 * may import anything. See tools/eslint/layers.mjs for the rule.
 * @type {import('./tools/eslint/layers.mjs').Layer[]}
 */
export const LAYERS = [
  // The messages between the extension and the preview webview, checked with zod/mini on both sides.
  { name: 'protocol', rank: 0, files: ['src/protocol/**'], packages: ['zod'] },
  // The parse tree and what it is checked against: document, model, parser, diagnostics, l10n, catalog, knowledge data,
  // and the team's own data in `.intake/` (knowledge overlays, report branding).
  { name: 'model', rank: 1, files: ['src/core/*.ts', 'src/core/text/**', 'src/core/catalog/**', 'src/core/knowledge/**', 'src/core/team/**', 'src/types/**'], assets: ['media/l10n/'], ...CORE },
  // Foundations every check and the engine share: facts, money, line helpers, required-field coverage, line lookup.
  { name: 'facts', rank: 2, files: ['src/core/facts/**'], ...CORE },
  // The analysis checks (budget, SLA, latency, standards): findings for the validator and the report.
  { name: 'analysis', rank: 3, files: ['src/core/analysis/**'], ...CORE },
  // Language features (hover, completion, symbols, folding, completeness), and the new-intake templates.
  { name: 'features', rank: 3, files: ['src/core/features/**', 'src/core/newIntake/**'], ...CORE },
  // The preview's pure parts: target intake, title, export name, links, HTML patches.
  { name: 'preview', rank: 3, files: ['src/core/preview/**'], ...CORE },
  // The editor's diagnostics (the validator) and their quick fixes.
  { name: 'validation', rank: 4, files: ['src/core/validator.ts', 'src/core/fixes.ts'], ...CORE },
  // The workspace overview (the Intakes view's summaries): built on the validation's diagnostics.
  { name: 'overview', rank: 5, files: ['src/core/overview/**'], ...CORE },
  // The offline report engine: a sibling of the validation, so it cannot depend on it.
  { name: 'engine', rank: 4, files: ['src/core/engine/**'], ...CORE },
  // Markdown, HTML, Word and chart renderers of the report model.
  { name: 'render', rank: 5, files: ['src/core/render/**'], ...CORE },
  // One analysis per document version (parse, diagnostics, per-intake results), incremental; the report engine is handed in.
  { name: 'documents', rank: 5, files: ['src/core/documents/**'], ...CORE },
  // The LLM report path: prompt, client, verification.
  { name: 'llm', rank: 6, files: ['src/core/llm/**'], ...CORE },
  // The two adapters: the command line and the VS Code extension; neither imports the other.
  { name: 'cli', rank: 7, files: ['src/cli/**'], assets: ['media/l10n/'], ...CORE },
  { name: 'extension', rank: 7, files: ['src/extension/**'], assets: ['media/preview.css'] },
  // The preview page, bundled for the browser: it shares nothing with the extension but the protocol.
  { name: 'webview', rank: 8, files: ['src/webview/**'], only: ['protocol'], packages: [] },
];

/** Browser globals the core must not touch (its tsconfig has no DOM types either). */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element', 'acquireVsCodeApi'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.cache/**', 'test-results/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    plugins: { local: layers },
    rules: {
      'local/layers': ['error', { root, layers: LAYERS }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'The core and the protocol run outside the browser: no DOM.' }))] },
  },
);
