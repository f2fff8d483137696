// Builds every bundle of Intake Studio.
//   node esbuild.js               extension + CLI (development, with source maps)
//   node esbuild.js --production  minified, no source maps (what the .vsix ships)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also the mocha test bundles under out/test/
//   node esbuild.js --tests-only  only the test bundles (the benchmark keeps a production dist/)
//
// The extension is an ES module build with code splitting: dist/extension.mjs, and dist/chunks/
// for what loads on first use (the report engine with its knowledge base, the Word renderer, LLM
// mode), so the core is one copy at run time. It ships in the .vsix. The CLI is a build of its
// own under cli/dist/, shipped in the @intake-studio/cli npm package and never in the .vsix: one
// CommonJS file (cli.cjs), because V8 can keep the compiled code of a script between runs on
// every Node version but that of an ES module only on Node 22.1+ (the launcher cli.js does it,
// src/cli/launch/); the packages of LLM mode, Word, HTML and a team's YAML files (openai, undici,
// docx, fflate, markdown-it, yaml) are files of their own in vendor/, required only when used;
// data/ as for the extension.
//
// YAML files are imported as data: the plugin below parses them at build time, so a syntax
// error fails the build instead of the extension. The field catalog and the knowledge base are
// validated first (their zod schemas and the cross-reference check, validateData.ts) and
// embedded as the schemas' output: loading them at run time is a JSON.parse, with no zod.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const testsOnly = process.argv.includes('--tests-only');
const tests = testsOnly || process.argv.includes('--tests');

const CORE = path.join(__dirname, 'src', 'core');

/**
 * A module for YAML data: a function that returns it, parsed from a JSON string on the first
 * call (JSON.parse is much faster than an object literal of the same size, and nothing is
 * parsed until the data is asked for).
 */
function dataModule(data) {
  return `let data;\nexport default function load() {\n  return (data ??= JSON.parse(${JSON.stringify(JSON.stringify(data))}));\n}\n`;
}

/** How a data file module turns the file's text into data: `imports` (code) brings `call` in. */
const JSON_PARSE = { imports: '', call: 'JSON.parse' };

/**
 * A module for validated data shipped beside the bundle as a JSON file in dist/data/: a function
 * that reads and parses it on the first call. The bundles then carry none of it (activation does
 * not even read it), and the engine's first report reads just the files it needs. With `details`
 * (a second file of the folder), `parse` gets a function that reads that file too.
 */
function dataFileModule(name, folder = 'data', encoding = 'utf8', parse = JSON_PARSE, details = undefined) {
  const read = (file) => `readFileSync(new URL(${JSON.stringify(`${folder}/${file}`)}, dist), ${JSON.stringify(encoding)})`;
  return `import { readFileSync } from 'node:fs';
${parse.imports}let data;
export default function load() {
  if (data === undefined) {
    // This code runs from dist/ or dist/chunks/; the data is in dist/data/ (the schemas in dist/schemas/).
    const here = new URL('.', import.meta.url);
    const dist = here.pathname.endsWith('/chunks/') ? new URL('..', here) : here;
    data = ${parse.call}(${read(name)}${details ? `, () => ${read(details)}` : ''});
  }
  return data;
}
`;
}

/**
 * The CommonJS CLI's form of {@link dataFileModule}: the bundle (cli.cjs) is one file beside data/
 * and schemas/, so the module finds them from __dirname.
 */
function cjsDataFileModule(name, folder = 'data', encoding = 'utf8', parse = JSON_PARSE, details = undefined) {
  const read = (file) => `readFileSync(join(__dirname, ${JSON.stringify(folder)}, ${JSON.stringify(file)}), ${JSON.stringify(encoding)})`;
  return `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
${parse.imports}let data;
export default function load() {
  return (data ??= ${parse.call}(${read(name)}${details ? `, () => ${read(details)}` : ''}));
}
`;
}

/**
 * The test bundles' form of {@link dataFileModule}: CommonJS has no import.meta.url, and the tests
 * run where they were built, so the module reads the file by its absolute path. The tests and
 * the benchmarks then load the data as the shipped bundles do: one readFileSync and JSON.parse
 * per file.
 */
function absoluteDataFileModule(file, encoding = 'utf8', parse = JSON_PARSE, details = undefined) {
  const read = (f) => `readFileSync(${JSON.stringify(f)}, ${JSON.stringify(encoding)})`;
  return `const { readFileSync } = require('node:fs');
${parse.imports}let data;
export default function load() {
  return (data ??= ${parse.call}(${read(file)}${details ? `, () => ${read(details)}` : ''}));
}
`;
}

/**
 * The YAML files whose validated data shares one JSON file in the data folder: the knowledge base
 * a report needs, loaded together (getKnowledgeBase), so one read and one JSON.parse instead of
 * one per file (with eight files, about 0.6 ms of a 5 ms first load). The frameworks and locations stay files of their own:
 * the editor's analysis loads just them, long before any report.
 *
 * A group's file is UTF-16LE (GROUP.utf16le.json), not UTF-8: its text is mostly Chinese, and
 * decoding 480 KB of UTF-8 into a JavaScript string costs about as much as parsing it, while
 * UTF-16LE is a JavaScript string's own form, a copy. The file is 40% larger; nothing but the
 * module below reads it.
 *
 * Its products, rules, categories, industries, lifecycle families and timeline templates carry
 * their details (a rule's matchers, long texts, regions, certifications…) apart, in a second file
 * (GROUP.details.utf16le.json, six sevenths of the text) read at the first read of any, each
 * entry's parsed on its first read (knowledge/lazyDetails.ts): a first report reads them on a
 * fraction of the entries, and the first load (the index alone) reads a seventh of the text.
 */
const DATA_GROUPS = {
  'knowledge-base': ['knowledge/categories.yaml', 'knowledge/industries.yaml', 'knowledge/lifecycle.yaml', 'knowledge/products/business.yaml', 'knowledge/products/industry.yaml', 'knowledge/products/foundation.yaml', 'knowledge/products/platform.yaml', 'knowledge/rules.yaml', 'knowledge/timelines.yaml'],
};

/** A group's file is read by knowledge/lazyDetails.ts, which esbuild.js also runs (from the data build) to write it. */
const UNPACK_GROUP = { imports: `import { unpackKnowledgeGroup } from ${JSON.stringify(path.join(CORE, 'knowledge', 'lazyDetails.ts'))};\n`, call: 'unpackKnowledgeGroup' };

/** The group of a data key (a path under src/core/), if it is in one. */
function groupOf(key) {
  return Object.keys(DATA_GROUPS).find((g) => DATA_GROUPS[g].includes(key));
}

/** A module for one file of a group: its part of the group's data, which the group module loads once. */
function groupMemberModule(group, key) {
  return `import loadGroup from ${JSON.stringify(`intake-data-group:${group}`)};
export default function load() {
  return loadGroup()[${JSON.stringify(key)}];
}
`;
}

/**
 * YAML as data. `compiled`, when given, maps paths under src/core/ to the validated output to
 * embed instead of the YAML as written (see compileData); with `dataDir`, that output is written
 * there as JSON files and read at run time (dataFileModule) instead of being embedded.
 * @param {() => Promise<Record<string, unknown> | undefined>} [compiled]
 * @param {{ dataDir?: string, absolute?: boolean, cjs?: boolean }} [options] `absolute`: read the data files by their absolute path (the test bundles); `cjs`: from __dirname (the CLI)
 * @returns {import('esbuild').Plugin}
 */
function yamlData(compiled, options = {}) {
  return {
    name: 'yaml',
    setup(build) {
      // A group's JSON file, written once per build with every member's data.
      build.onResolve({ filter: /^intake-data-group:/ }, (args) => ({ path: args.path.slice('intake-data-group:'.length), namespace: 'data-group' }));
      build.onLoad({ filter: /.*/, namespace: 'data-group' }, async (args) => {
        const data = await compiled();
        const name = `${args.path}.utf16le.json`;
        const details = `${args.path}.details.utf16le.json`;
        const packed = packDataGroup(Object.fromEntries(DATA_GROUPS[args.path].map((key) => [key, data[key]])));
        fs.mkdirSync(options.dataDir, { recursive: true });
        fs.writeFileSync(path.join(options.dataDir, name), packed.index, 'utf16le');
        fs.writeFileSync(path.join(options.dataDir, details), packed.details, 'utf16le');
        const contents = options.absolute
          ? absoluteDataFileModule(path.resolve(options.dataDir, name), 'utf16le', UNPACK_GROUP, path.resolve(options.dataDir, details))
          : (options.cjs ? cjsDataFileModule : dataFileModule)(name, 'data', 'utf16le', UNPACK_GROUP, details);
        return { contents, loader: 'js', resolveDir: CORE, watchFiles: DATA_GROUPS[args.path].map((key) => path.join(CORE, key)) };
      });
      // Data the build works out from the validated data (`import load from './NAME.shipped'`,
      // compileData's `shipped/NAME`), a JSON file of its own read on first use; a function that
      // returns undefined where there is none (the data build itself, bundles of the YAML as written).
      build.onResolve({ filter: /\.shipped$/ }, (args) => ({ path: path.basename(args.path, '.shipped'), namespace: 'shipped' }));
      build.onLoad({ filter: /.*/, namespace: 'shipped' }, async (args) => {
        const data = compiled ? await compiled() : undefined;
        const value = data?.[`shipped/${args.path}`];
        if (value === undefined) return { contents: 'export default function load() {\n  return undefined;\n}\n', loader: 'js' };
        if (!options.dataDir) return { contents: dataModule(value), loader: 'js' };
        const name = `${args.path}.json`;
        fs.mkdirSync(options.dataDir, { recursive: true });
        fs.writeFileSync(path.join(options.dataDir, name), JSON.stringify(value));
        return { contents: options.absolute ? absoluteDataFileModule(path.resolve(options.dataDir, name)) : (options.cjs ? cjsDataFileModule : dataFileModule)(name), loader: 'js', watchFiles: listFiles(CORE, '.yaml') };
      });
      build.onLoad({ filter: /\.ya?ml$/ }, async (args) => {
        const key = path.relative(CORE, args.path).split(path.sep).join('/');
        const data = compiled ? await compiled() : undefined;
        const group = groupOf(key);
        if (data && key in data && options.dataDir && group) return { contents: groupMemberModule(group, key), loader: 'js', watchFiles: [args.path] };
        if (data && key in data && options.dataDir) {
          const name = key.replace(/\.ya?ml$/, '.json').split('/').join('-');
          fs.mkdirSync(options.dataDir, { recursive: true });
          fs.writeFileSync(path.join(options.dataDir, name), JSON.stringify(data[key]));
          return { contents: options.absolute ? absoluteDataFileModule(path.resolve(options.dataDir, name)) : (options.cjs ? cjsDataFileModule : dataFileModule)(name), loader: 'js', watchFiles: [args.path] };
        }
        if (data && key in data) return { contents: dataModule(data[key]), loader: 'js', watchFiles: [args.path] };
        const text = await fs.promises.readFile(args.path, 'utf8');
        const doc = YAML.parseDocument(text, { prettyErrors: true });
        if (doc.errors.length > 0) {
          return {
            errors: doc.errors.map((e) => ({
              text: `${path.relative(process.cwd(), args.path)}: ${e.message}`,
            })),
          };
        }
        return { contents: dataModule(doc.toJS()), loader: 'js' };
      });
    },
  };
}

/**
 * The JSON Schemas of the team's files (`import load from './NAME.jsonschema'` in src/core/team/):
 * generated with the data (validateData.ts, `schemas/NAME`). With `outdir`, they are files in
 * OUTDIR/schemas/ (where package.json's jsonValidation points) read on first use; else embedded.
 * @param {() => Promise<Record<string, unknown> | undefined>} compiled
 * @param {{ outdir?: string, cjs?: boolean }} [options] `cjs`: read them from __dirname (the CLI)
 * @returns {import('esbuild').Plugin}
 */
function jsonSchemas(compiled, options = {}) {
  return {
    name: 'json-schemas',
    setup(build) {
      build.onResolve({ filter: /\.jsonschema$/ }, (args) => ({ path: path.basename(args.path, '.jsonschema'), namespace: 'jsonschema' }));
      build.onLoad({ filter: /.*/, namespace: 'jsonschema' }, async (args) => {
        const data = await compiled();
        const schema = data?.[`schemas/${args.path}`];
        if (schema === undefined) return { errors: [{ text: `no JSON Schema named ${args.path}` }] };
        if (!options.outdir) return { contents: dataModule(schema), loader: 'js' };
        writeSchemas(options.outdir, data);
        return { contents: (options.cjs ? cjsDataFileModule : dataFileModule)(`${args.path}.schema.json`, 'schemas'), loader: 'js' };
      });
    },
  };
}

/** Writes every JSON Schema of `data` to OUTDIR/schemas/NAME.schema.json. */
function writeSchemas(outdir, data) {
  fs.mkdirSync(path.join(outdir, 'schemas'), { recursive: true });
  for (const [key, schema] of Object.entries(data)) {
    if (key.startsWith('schemas/')) fs.writeFileSync(path.join(outdir, 'schemas', `${key.slice('schemas/'.length)}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  }
}

/** YAML as written (what the validator reads, and what tools that bundle core code may use). */
const yamlPlugin = yamlData();

/**
 * The validated data, embedded: what the shipped bundles read, with the schema's defaults filled
 * in. The end-to-end suites build their expected values from the core with this, so that they
 * expect what the installed extension shows, not what the YAML says before validation.
 * @returns {import('esbuild').Plugin}
 */
const validatedYamlPlugin = () => yamlData(compileData);

/** @type {import('esbuild').Plugin} */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
    });
  },
};

/**
 * The validated catalog and knowledge base, and the team files' JSON Schemas (team/buildData.ts
 * run on the YAML as written), made again when a YAML file changed (watch mode); undefined,
 * after reporting why, when invalid.
 */
let compiledCache;
/** A group's data as its file's text (knowledge/lazyDetails.ts, from the data build, set by compileDataNow). */
let packDataGroup;
function compileData() {
  const stamp = listFiles(CORE, '.yaml').map((f) => `${f}:${fs.statSync(f).mtimeMs}`).join('|');
  if (compiledCache?.stamp !== stamp) compiledCache = { stamp, result: compileDataNow() };
  return compiledCache.result;
}

async function compileDataNow() {
  // The data build (validate-data.js) and what is worked out from its knowledge base to ship
  // beside it (`shipped/NAME`, read through `./NAME.shipped`): the engine's alias indexes
  // (knowledge-indexes.js, src/core/engine/text/knowledgeIndexes.ts).
  await esbuild.build({
    absWorkingDir: __dirname,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    plugins: [yamlPlugin],
    sourcemap: false,
    minify: false,
    entryPoints: { 'validate-data': 'src/core/team/buildData.ts', 'knowledge-indexes': 'src/core/engine/text/knowledgeIndexes.ts' },
    outdir: 'out',
  });
  const load = (name) => {
    const file = path.join(__dirname, 'out', `${name}.js`);
    delete require.cache[file];
    return require(file);
  };
  const { compileBuildData, packKnowledgeGroup } = load('validate-data');
  const { knowledgeIndexPlans } = load('knowledge-indexes');
  packDataGroup = packKnowledgeGroup;
  const { problems, data, knowledge } = compileBuildData();
  for (const p of problems) console.error(`✘ [DATA] ${p}`);
  if (problems.length > 0) return undefined;
  data['shipped/alias-indexes'] = knowledgeIndexPlans(knowledge);
  return data;
}

/** Fails the build when the embedded data is invalid. */
const dataCheckPlugin = {
  name: 'data-check',
  setup(build) {
    build.onStart(async () => ((await compileData()) ? undefined : { errors: [{ text: 'problems in the embedded YAML data (see above)' }] }));
  },
};

/**
 * Packages every bundle gets a stand-in for: markdown-it's `linkify-it`, which the reports never
 * use (linkify is off) but markdown-it's constructor builds, compiling its patterns
 * (src/core/render/noLinkify.ts).
 */
const ALIAS = { 'linkify-it': './src/core/render/noLinkify.ts' };

/**
 * The `entities` package's HTML character reference table (markdown-it's), made without a call
 * per unit (tools/build/entitiesTable.js): in the Node builds only, as it uses Buffer (the
 * webview's page script keeps the package's own).
 */
const { entitiesTable } = require('./tools/build/entitiesTable.js');

/**
 * caseInsensitiveRegExp calls with constant arguments made regular expression literals at build
 * time (tools/build/caseInsensitiveLiterals.js), with the function of src/core/text/caseExpand.ts,
 * built again when that file changed (watch mode).
 */
const { caseInsensitiveLiterals } = require('./tools/build/caseInsensitiveLiterals.js');
let caseExpandCache;
function loadCaseExpand() {
  const source = path.join(CORE, 'text', 'caseExpand.ts');
  const stamp = fs.statSync(source).mtimeMs;
  if (caseExpandCache?.stamp !== stamp) {
    const outfile = path.join('out', 'case-expand.js');
    const made = esbuild.build({ absWorkingDir: __dirname, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', sourcemap: false, entryPoints: [source], outfile }).then(() => {
      const file = path.resolve(outfile);
      delete require.cache[file];
      return require(file).caseInsensitiveRegExp;
    });
    caseExpandCache = { stamp, made };
  }
  return caseExpandCache.made;
}
const caseLiterals = caseInsensitiveLiterals(loadCaseExpand);

const common = {
  absWorkingDir: __dirname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The preview's stylesheet is written into its page (src/extension/preview/shell.ts).
  loader: { '.css': 'text' },
  alias: ALIAS,
  plugins: [dataCheckPlugin, caseLiterals, yamlData(compileData), jsonSchemas(compileData), problemMatcherPlugin],
};

/**
 * Bundled CommonJS packages call `require` for Node's own modules, which an ES module does not
 * have: this banner gives each file of an ES module build one.
 */
const REQUIRE_BANNER = "import { createRequire as __intakeRequire } from 'node:module';\nconst require = __intakeRequire(import.meta.url);";

/**
 * Trims two things esbuild puts in every file of a build with code splitting, from the files
 * that do not need them, since each import a file makes costs Node's ES module loader a resolve
 * (through the loader hooks of an extension host: a call to another thread) and each file loaded
 * about 2 ms; activation loaded these for nothing:
 * - the bare `import "./chunk-X.mjs";` of esbuild's runtime chunk (its helpers for CommonJS
 *   packages and namespaces: a chunk with no input of ours) in files that import nothing from it
 *   (evanw/esbuild#2922); a file that uses a helper imports it by name, which is kept, and the
 *   chunk runs nothing but its banner;
 * - the `require` banner in files that never say `require` (the helpers' `__require` uses the
 *   runtime chunk's own).
 * The lines stay, for the source maps.
 * @type {import('esbuild').Plugin}
 */
const trimSplitOutput = {
  name: 'trim-split-output',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd((result) => {
      if (!result.metafile) return;
      const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
      const runtime = outputs.filter(([, o]) => Object.keys(o.inputs).length === 0).map(([file]) => path.resolve(file));
      const bannerLines = REQUIRE_BANNER.replace(/[^\n]/g, '');
      for (const [file] of outputs) {
        const text = fs.readFileSync(file, 'utf8');
        let changed = text;
        for (const chunk of runtime) {
          const spec = path.relative(path.dirname(path.resolve(file)), chunk).replaceAll(path.sep, '/');
          const quoted = JSON.stringify(spec.startsWith('.') ? spec : `./${spec}`);
          // Only the bare forms (minified or not): a named import is a use.
          for (const bare of [`import ${quoted};`, `import${quoted};`]) changed = changed.split(bare).join('');
        }
        if (changed.startsWith(REQUIRE_BANNER) && !/\brequire\b/.test(changed.slice(REQUIRE_BANNER.length))) changed = bannerLines + changed.slice(REQUIRE_BANNER.length);
        if (changed !== text) fs.writeFileSync(file, changed);
      }
    });
  },
};

/**
 * Builds every lazy entry of the extension (each `import()` of our own code) as if it imported the
 * activation entry first: a wrapper module, `import "src/extension/extension.ts"; export * from
 * "the lazy module"`, stands for it. That is true at run time, where nothing loads lazily before
 * activation, so it changes nothing there; but it changes the chunks. esbuild gives the modules
 * reached from each distinct set of entry points a chunk of their own, so the modules activation
 * shared with some of the lazy entries (the parser with the report's, the tracker's helpers with
 * onDemand's, l10n with all) were four chunk files that activation loaded, each costing Node's ES
 * module loader about 1.75 ms through an extension host's loader hooks. Reached from every lazy
 * entry, all of activation's code is one chunk, and dist/extension.mjs a line that re-exports
 * activate() from it: 2 files. Measured (callgrind, importing dist/extension.mjs with the bench's
 * `vscode` stub, less an empty module): 66.0 -> 59.0 M instructions; the onDemand and report chunks'
 * imports after it 205.3 -> 206.7 M (+0.7%, made up by asciiExtensionChunks below).
 * @param {string} entry the activation entry point, relative to this folder
 * @returns {import('esbuild').Plugin}
 */
function lazyAfterActivation(entry) {
  const src = path.join(__dirname, 'src') + path.sep;
  return {
    name: 'lazy-after-activation',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.wrapped) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { wrapped: true } });
        if (resolved.errors.length > 0 || resolved.external || !resolved.path.startsWith(src)) return resolved;
        return { path: path.relative(__dirname, resolved.path).split(path.sep).join('/'), namespace: 'after-activation' };
      });
      build.onLoad({ filter: /.*/, namespace: 'after-activation' }, async (args) => {
        const lazy = JSON.stringify(`./${args.path}`);
        // `export *` leaves out a default export: named again when the module has one.
        const hasDefault = /\bexport\s+default\b/.test(await fs.promises.readFile(path.join(__dirname, args.path), 'utf8'));
        return { contents: `import ${JSON.stringify(`./${entry}`)};\nexport * from ${lazy};\n${hasDefault ? `export { default } from ${lazy};\n` : ''}`, loader: 'js', resolveDir: __dirname };
      });
    },
  };
}

/**
 * The extension's files that hold our code made pure ASCII (tools/build/asciiRegexLiterals.js),
 * as the CLI's bundle (asciiCliBundles): a regular expression literal with a Chinese character
 * makes V8 decode the whole file as UTF-8 into a two-byte string when it loads. Files of a
 * package alone (undici, openai, docx, fflate) are left as esbuild wrote them. Production only,
 * as for the CLI (a development build's source map columns). Measured (callgrind, the bench's
 * `vscode` stub): importing dist/extension.mjs 59.0 -> 56.7 M instructions, the onDemand and
 * report chunks after it 206.7 -> 200.2 M.
 * @type {import('esbuild').Plugin}
 */
const asciiOurChunks = {
  name: 'ascii-our-chunks',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd((result) => {
      if (!result.metafile) return;
      const { escapeRegexLiterals } = require('./tools/build/asciiRegexLiterals.js');
      for (const [file, output] of Object.entries(result.metafile.outputs)) {
        if (!file.endsWith('.mjs') || !Object.keys(output.inputs).some((input) => input.startsWith('src/'))) continue;
        const code = fs.readFileSync(file, 'utf8');
        const ascii = escapeRegexLiterals(code, file);
        if (ascii !== code) fs.writeFileSync(file, ascii);
      }
    });
  },
};

/** ES modules with code splitting, each file with a `require` (REQUIRE_BANNER) if it uses one. */
function esm(outdir) {
  return {
    ...common,
    plugins: [dataCheckPlugin, caseLiterals, yamlData(compileData, { dataDir: `${outdir}/data` }), jsonSchemas(compileData, { outdir }), entitiesTable, problemMatcherPlugin, trimSplitOutput, ...(production ? [asciiOurChunks] : [])],
    format: 'esm',
    splitting: true,
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: REQUIRE_BANNER },
  };
}

/** The folders each ES module build writes: the extension's (the .vsix) and the CLI's (its npm package). */
const EXTENSION_DIST = 'dist';
const CLI_DIST = 'cli/dist';

/**
 * The packages the CLI uses only on some paths: LLM mode (openai, undici), Word (docx, and fflate
 * for a team's template), HTML (markdown-it), a team's YAML files and config (yaml, zod/mini).
 * Files of their own beside the CLI's bundle (vendor/NAME.cjs, a subpath's slash a dash), so the
 * bundle that every run reads and loads from the code cache holds only what every run may need:
 * about half as much.
 */
const CLI_VENDOR = ['openai', 'undici', 'docx', 'fflate', 'markdown-it', 'yaml'];
const vendorFile = (name) => `./vendor/${name.replace('/', '-')}.cjs`;

/**
 * The CLI's bundle, cli/dist/cli.cjs: one CommonJS file (what loads on first use is inlined, and
 * initialised when first imported), with each vendor package a stand-in module that requires its
 * file, `require('./vendor/NAME.cjs')`: a `require`, not an `import()`, so that the bundle runs
 * as a plain script (the launcher's code cache), and the package is seen as it is when bundled.
 * @type {import('esbuild').Plugin}
 */
const cliVendorPlugin = {
  name: 'cli-vendor',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${CLI_VENDOR.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'cli-vendor' }));
    build.onLoad({ filter: /.*/, namespace: 'cli-vendor' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(vendorFile(args.path))});\n`, loader: 'js' }));
    build.onResolve({ filter: /^\.\/vendor\//, namespace: 'cli-vendor' }, (args) => ({ path: args.path, external: true }));
  },
};

function cliBundle() {
  return {
    ...common,
    plugins: [dataCheckPlugin, caseLiterals, yamlData(compileData, { dataDir: `${CLI_DIST}/data`, cjs: true }), jsonSchemas(compileData, { outdir: CLI_DIST, cjs: true }), cliVendorPlugin, entitiesTable, problemMatcherPlugin],
    entryPoints: { cli: 'src/cli/bin.ts' },
    outdir: CLI_DIST,
    outExtension: { '.js': '.cjs' },
  };
}

/** The vendor packages as CommonJS files of their own (cli/dist/vendor/NAME.cjs). */
function cliVendor() {
  return { ...common, plugins: [entitiesTable, problemMatcherPlugin], entryPoints: Object.fromEntries(CLI_VENDOR.map((name) => [name.replace('/', '-'), name])), outdir: `${CLI_DIST}/vendor`, outExtension: { '.js': '.cjs' } };
}

/**
 * The `intake` command, cli/dist/cli.js (src/cli/launch/launcher.ts): built after the bundle and
 * vendor/, whose hash names their code cache files. A development build (source maps, watch mode) uses no cache.
 */
async function buildCliLauncher() {
  const build = () => {
    const version = JSON.parse(fs.readFileSync('cli/package.json', 'utf8')).version;
    const hash = require('node:crypto').createHash('sha256');
    for (const file of [`${CLI_DIST}/cli.cjs`, ...listFiles(`${CLI_DIST}/vendor`, '.cjs').sort()]) hash.update(fs.readFileSync(file));
    return `${version}-${hash.digest('hex').slice(0, 16)}`;
  };
  await esbuild.build({
    ...common,
    plugins: [problemMatcherPlugin],
    sourcemap: false,
    entryPoints: { cli: 'src/cli/launch/launcher.ts' },
    outdir: CLI_DIST,
    banner: { js: '#!/usr/bin/env node' },
    define: { INTAKE_BUILD: JSON.stringify(production ? build() : '') },
  });
  fs.chmodSync(`${CLI_DIST}/cli.js`, 0o755);
}

/**
 * The CLI's bundle and the HTML renderer's markdown-it made pure ASCII (tools/build/asciiRegexLiterals.js):
 * V8 then takes the bundle as a one-byte string instead of decoding its UTF-8 into a two-byte one
 * at every start. Measured (callgrind, warm code cache, median of 5): `intake --version` 145.5 -> 137.7 M
 * instructions, `intake generate` of the insurance intake 508.1 -> 497.0 M. Production only: the escapes would shift a development build's source map columns,
 * and a development build has no code cache.
 */
function asciiCliBundles() {
  const { escapeRegexLiterals } = require('./tools/build/asciiRegexLiterals.js');
  for (const file of [`${CLI_DIST}/cli.cjs`, `${CLI_DIST}/${vendorFile('markdown-it')}`]) {
    const code = fs.readFileSync(file, 'utf8');
    const ascii = escapeRegexLiterals(code, file);
    if (ascii !== code) fs.writeFileSync(file, ascii);
  }
}

/** `options` with `plugin` run before its own. */
function withPlugin(options, plugin) {
  return { ...options, plugins: [plugin, ...options.plugins] };
}

function listFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith(suffix));
}

function targets() {
  const list = [
    // The extension (VS Code loads ES module extensions since 1.100): what loads on first use is
    // reached by dynamic import() and split into chunks of its own. The CLI (above).
    { ...withPlugin(esm(EXTENSION_DIST), lazyAfterActivation('src/extension/extension.ts')), entryPoints: { extension: 'src/extension/extension.ts' }, external: ['vscode'] },
    cliBundle(),
    cliVendor(),
    // The report preview's page script: runs in the webview (a browser), not in Node.
    { ...common, entryPoints: ['src/webview/preview.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true },
  ];
  if (tests) {
    const entries = [
      ...listFiles('test/unit', '.test.ts'),
      ...listFiles('test/fuzz', '.test.ts'),
      ...listFiles('test/package', '.test.ts'),
      ...listFiles('test/bench', '.bench.ts'),
      // Scripts the benchmarks run in child processes (a fresh process each).
      ...listFiles('test/bench', '.child.ts'),
    ];
    // Plain Node has no `vscode`: the few unit tests of extension code get a small stand-in of it.
    // The validated data as files beside the bundles (out/test/data/), read as the shipped bundles read dist/data/.
    list.push({ ...common, plugins: [dataCheckPlugin, caseLiterals, yamlData(compileData, { dataDir: 'out/test/data', absolute: true }), jsonSchemas(compileData), entitiesTable, problemMatcherPlugin], sourcemap: true, minify: false, entryPoints: entries, outdir: 'out/test', outbase: 'test', external: ['mocha', 'eslint', 'typescript'], alias: { ...ALIAS, vscode: './test/unit/helpers/vscode.ts' } });
  }
  return testsOnly ? list.slice(-1) : list;
}

async function main() {
  // A production build must not ship stale source maps from a development build.
  if (production && !testsOnly) for (const dir of [EXTENSION_DIST, CLI_DIST]) fs.rmSync(dir, { recursive: true, force: true });
  // Nor may mocha run the bundle of a test that was moved or deleted.
  if (tests) fs.rmSync('out/test', { recursive: true, force: true });
  const contexts = await Promise.all(targets().map((t) => esbuild.context(t)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    await buildCliLauncher();
    console.log('[watch] build started');
    return;
  }
  // Chunks are named by their content: a rebuild must not leave the old ones beside the new.
  if (!testsOnly) {
    for (const dir of [EXTENSION_DIST, CLI_DIST]) {
      fs.rmSync(`${dir}/chunks`, { recursive: true, force: true });
      fs.rmSync(`${dir}/vendor`, { recursive: true, force: true });
      fs.rmSync(`${dir}/cli.mjs`, { force: true });
      fs.rmSync(`${dir}/data`, { recursive: true, force: true });
      fs.rmSync(`${dir}/schemas`, { recursive: true, force: true });
    }
  }
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
  if (!testsOnly) {
    if (production) asciiCliBundles();
    await buildCliLauncher();
    // Every schema, also those no bundle imports (config.yaml's is for editors only).
    const data = await compileData();
    if (data) for (const dir of [EXTENSION_DIST, CLI_DIST]) writeSchemas(dir, data);
  }
}

module.exports = { yamlPlugin, validatedYamlPlugin };

if (require.main === module) {
  // Paths here are relative to the repository, wherever this runs from (cli/'s prepack runs it from cli/).
  process.chdir(__dirname);
  main().catch((e) => {
    if (!e.errors) console.error(e.message ?? e);
    process.exit(1);
  });
}
