/**
 * The bundles (esbuild.js): an ES module build with code splitting for the extension (dist/), and
 * one CommonJS file for the CLI (cli/dist/cli.cjs, its npm package). What VS Code loads to activate (dist/extension.mjs and the chunks it imports statically)
 * holds no engine, knowledge base, renderer, LLM or Word code, no zod, and none of the features
 * that wait for the user (the preview, LLM mode, the knowledge viewer, New Intake, the readers of
 * `.intake/` files): those are in chunks reached only by dynamic import(), in few files (each
 * file costs Node's ES module loader about 2 ms). The CLI's bundle holds no LLM or Word package:
 * they are files of their own (cli/dist/vendor/), required only when used. Every module of the
 * core is in exactly one file, so its state (l10n, catalog, knowledge) exists once in each build. `npm run test:unit` builds both (development: esbuild names each module in a comment).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/seeds';

function dist(...parts: string[]): string {
  return path.join(repoRoot(), 'dist', ...parts);
}

function cliDist(...parts: string[]): string {
  return path.join(repoRoot(), 'cli', 'dist', ...parts);
}

/** Every ES module file of a build: its entry point and its chunks. */
function buildFiles(entry: string, chunks: string): string[] {
  return [entry, ...fs.readdirSync(chunks).filter((f) => f.endsWith('.mjs')).map((f) => path.join(chunks, f))];
}

/** The files an ES module loads before it runs: itself and its static imports, transitively. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    assert.ok(fs.existsSync(file), `${path.relative(repoRoot(), file)} is missing: run node esbuild.js`);
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"(\.[^"]+)";|^import\s*"(\.[^"]+)";/gms)) stack.push(path.resolve(path.dirname(file), (m[1] ?? m[2])!));
  }
  return [...seen];
}

/** The modules bundled into `file`, from esbuild's `// path` comments. */
function modulesIn(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/^\/\/ ((?:src|node_modules|media)\/\S+)$/gm)].map((m) => m[1]!);
}

function modulesOf(files: string[]): string[] {
  return files.flatMap(modulesIn);
}

const LAZY = [/^node_modules\/(openai|undici|docx|markdown-it)\//, /^node_modules\/zod\/v4\/classic\//, /^node_modules\/zod\/v4\/locales\//, /^src\/core\/(engine|render|llm\/(generateLlm|client|verify|prompt))\b/];

/**
 * What activation registers but loads on first use (src/extension/onDemand.ts): zod (the webview
 * messages' schemas, a config file's check) and YAML, the preview's implementation and its
 * stylesheet, LLM mode, the knowledge viewer, New Intake, the readers of `.intake/` files.
 */
const ON_FIRST_USE = [
  /^node_modules\/(zod|yaml)\//,
  /^src\/protocol\/(messages|zodMini)\.ts$/,
  /^media\/preview\.css$/,
  /^src\/extension\/onDemand\.ts$/,
  /^src\/extension\/preview\/(manager|panel|delivery|shell|router|renderer|commands|llmPane|labels|timing|reportKit|atomicExport)\.ts$/,
  /^src\/extension\/llm\/(session|run|apiKey|contribution|labels|log)\.ts$/,
  /^src\/extension\/team\/showKnowledge\.ts$/,
  /^src\/extension\/newIntakeFlow\.ts$/,
  /^src\/core\/(folderConfigFile|dataFile)\.ts$/,
  /^src\/core\/team\/(teamKnowledge|brandingFile|merge|overlayFiles)\.ts$/,
];

/**
 * At most this many files load before activation runs: dist/extension.mjs and the one chunk of
 * activation's code (esbuild.js lazyAfterActivation; 5 files before it, 9 when the features above
 * loaded at activation).
 */
const MAX_ACTIVATION_FILES = 2;

describe('the bundles', () => {
  it('activation loads no engine, knowledge, renderer, LLM, Word or zod-classic code', () => {
    const modules = modulesOf(staticClosure(dist('extension.mjs')));
    assert.ok(modules.includes('src/core/parser.ts') && modules.includes('src/extension/extension.ts'), 'the activation closure was not found');
    for (const pattern of LAZY) assert.deepEqual(modules.filter((m) => pattern.test(m)), [], `activation loads ${pattern}`);
    // The knowledge base's modules only know where their data file is: none of the data is read at activation.
    const text = staticClosure(dist('extension.mjs')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    for (const data of ['\\"rules\\":', '\\"products\\":', '"rules":[', '"products":[']) assert.ok(!text.includes(data), `activation carries knowledge data (${data})`);
  });

  it('activation loads none of the features that wait for the user, in few files', () => {
    const files = staticClosure(dist('extension.mjs'));
    const modules = modulesOf(files);
    for (const pattern of ON_FIRST_USE) assert.deepEqual(modules.filter((m) => pattern.test(m)), [], `activation loads ${pattern}`);
    assert.ok(files.length <= MAX_ACTIVATION_FILES, `activation loads ${files.length} files: ${files.map((f) => path.basename(f)).join(', ')}`);
    // They are there, behind one import() of activation's code.
    const activation = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const onDemand = /import\("\.\/(?:chunks\/)?(onDemand-[\w-]+\.mjs)"\)/.exec(activation);
    assert.ok(onDemand, 'activation does not import() the on-demand chunk');
    const later = modulesOf(staticClosure(dist('chunks', onDemand[1]!)));
    for (const m of ['src/extension/preview/manager.ts', 'src/protocol/messages.ts', 'media/preview.css', 'src/extension/llm/run.ts', 'src/extension/team/showKnowledge.ts', 'src/extension/newIntakeFlow.ts']) assert.ok(later.includes(m), `the on-demand chunk does not hold ${m}`);
  });

  it('the report engine, Word and LLM mode are chunks reached by dynamic import()', () => {
    // The preview's code (the on-demand chunk) loads the report bundle on the first report.
    const importer = buildFiles(dist('extension.mjs'), dist('chunks')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const report = /import\("(\.\/(?:chunks\/)?reportBundle-[\w-]+\.mjs)"\)/.exec(importer);
    assert.ok(report, 'no file of the build import()s the report bundle');
    const reportModules = modulesOf(staticClosure(dist('chunks', path.basename(report[1]!))));
    assert.ok(reportModules.includes('src/core/engine/generate.ts'), 'the report chunk holds no engine');
    for (const lazy of [/^node_modules\/(openai|undici|docx)\//, /^src\/core\/llm\/generateLlm\.ts$/]) assert.deepEqual(reportModules.filter((m) => lazy.test(m)), [], `the first report loads ${lazy}`);
  });

  it('the CLI is one script that holds no LLM, Word, HTML or YAML package: those are files it requires when used', () => {
    const modules = modulesIn(cliDist('cli.cjs'));
    assert.ok(modules.includes('src/cli/main.ts'));
    // zod/mini (a config file's check) is in it, initialised on the first config read; classic zod is not.
    for (const lazy of [/^node_modules\/(openai|undici|docx|fflate|markdown-it|yaml)\//, /^node_modules\/zod\/v4\/classic\//]) assert.deepEqual(modules.filter((m) => lazy.test(m)), [], `the CLI holds ${lazy}`);
    const text = fs.readFileSync(cliDist('cli.cjs'), 'utf8');
    // A plain script: the launcher runs it through vm.Script (its code cache), which has no import()
    // (`import()` with nothing in it is a development build's comment).
    assert.deepEqual(text.match(/\bimport\((?!\))[^\n]{0,60}/g) ?? [], []);
    for (const name of ['openai', 'undici', 'docx', 'fflate', 'markdown-it', 'yaml']) {
      assert.ok(text.includes(`require("./vendor/${name}.cjs")`), `cli.cjs does not require vendor/${name}.cjs`);
      assert.ok(modulesIn(cliDist('vendor', `${name}.cjs`)).some((m) => m.startsWith(`node_modules/${name}/`)), `vendor/${name}.cjs`);
    }
  });

  for (const [name, files] of [
    ['the extension', () => buildFiles(dist('extension.mjs'), dist('chunks'))],
    ['the CLI', () => [cliDist('cli.cjs'), ...fs.readdirSync(cliDist('vendor')).map((f) => cliDist('vendor', f))]],
  ] as const) {
    it(`${name} holds every module of the core once, whatever loads it`, () => {
      const count = new Map<string, number>();
      // Per file, each module once (esbuild may name a module twice in one file when it hoists its CommonJS imports).
      for (const file of files()) for (const m of new Set(modulesIn(file))) if (m.startsWith('src/core/')) count.set(m, (count.get(m) ?? 0) + 1);
      assert.ok(count.get('src/core/l10n.ts') === 1 && count.get('src/core/catalog/catalog.ts') === 1);
      assert.deepEqual([...count].filter(([, n]) => n > 1), []);
    });
  }

  it('gives markdown-it the linkify-it stand-in in every build (src/core/render/noLinkify.ts)', () => {
    for (const files of [buildFiles(dist('extension.mjs'), dist('chunks')), [cliDist('vendor', 'markdown-it.cjs')]]) {
      const modules = modulesOf(files);
      assert.ok(modules.some((m) => m.startsWith('node_modules/markdown-it/')), 'markdown-it was not found');
      assert.deepEqual(modules.filter((m) => m.startsWith('node_modules/linkify-it/')), []);
      assert.ok(modules.includes('src/core/render/noLinkify.ts'));
    }
  });

  it('ships the validated knowledge base and catalog as data files', () => {
    for (const name of ['catalog-fields.json', 'knowledge-base.utf16le.json', 'knowledge-frameworks.json']) {
      for (const file of [dist('data', name), cliDist('data', name)]) {
        const data: unknown = JSON.parse(fs.readFileSync(file, name.endsWith('.utf16le.json') ? 'utf16le' : 'utf8'));
        assert.equal(typeof data, 'object');
      }
    }
  });
});
