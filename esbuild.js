// Builds every bundle of Intake Studio.
//   node esbuild.js               extension + CLI (development, with source maps)
//   node esbuild.js --production  minified, no source maps (what the .vsix ships)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also the mocha test bundles under out/test/
// The extension's bundles go to dist/ (shipped in the .vsix); the CLI's to cli/dist/ (shipped
// in the @intake-studio/cli npm package, never in the .vsix).
// YAML files are imported as data: the plugin below parses them at build time, so a
// syntax error in the knowledge base fails the build instead of the extension.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** @type {import('esbuild').Plugin} */
const yamlPlugin = {
  name: 'yaml',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const doc = YAML.parseDocument(text, { prettyErrors: true });
      if (doc.errors.length > 0) {
        return {
          errors: doc.errors.map((e) => ({
            text: `${path.relative(process.cwd(), args.path)}: ${e.message}`,
          })),
        };
      }
      return { contents: JSON.stringify(doc.toJS()), loader: 'json' };
    });
  },
};

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

const common = {
  absWorkingDir: __dirname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [yamlPlugin, problemMatcherPlugin],
};

function listFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith(suffix));
}

const CLI_OUTFILE = 'cli/dist/cli.js';

function targets() {
  const list = [
    { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    { ...common, entryPoints: ['src/cli/bin.ts'], outfile: CLI_OUTFILE, banner: { js: '#!/usr/bin/env node' } },
    // The report engine, knowledge base and renderers (docx included): required by the
    // extension on the first report, never at activation (src/extension/preview/reportKit.ts).
    { ...common, entryPoints: ['src/extension/preview/reportBundle.ts'], outfile: 'dist/report.js' },
    // The report preview's page script: runs in the webview (a browser), not in Node.
    { ...common, entryPoints: ['src/webview/preview.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022', minify: true },
  ];
  if (tests) {
    const entries = [
      ...listFiles('test/unit', '.test.ts'),
      ...listFiles('test/fuzz', '.test.ts'),
      ...listFiles('test/package', '.test.ts'),
      ...listFiles('test/bench', '.bench.ts'),
    ];
    list.push({ ...common, sourcemap: true, minify: false, entryPoints: entries, outdir: 'out/test', outbase: 'test', external: ['mocha', 'vscode', 'eslint', 'typescript'] });
  }
  return list;
}

async function main() {
  // A production build must not ship stale source maps from a development build.
  if (production) for (const dir of ['dist', path.dirname(CLI_OUTFILE)]) fs.rmSync(dir, { recursive: true, force: true });
  // Nor may mocha run the bundle of a test that was moved or deleted.
  if (tests) fs.rmSync('out/test', { recursive: true, force: true });
  const contexts = await Promise.all(targets().map((t) => esbuild.context(t)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[watch] build started');
    return;
  }
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
  if (fs.existsSync(CLI_OUTFILE)) fs.chmodSync(CLI_OUTFILE, 0o755);
  await validateData();
}

/**
 * Checks the embedded YAML (field catalog, knowledge base) with its zod schemas and the
 * cross-reference check: bad data fails the build, not the extension at run time.
 */
async function validateData() {
  const outfile = path.join('out', 'validate-data.js');
  await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['src/core/knowledge/validateData.ts'], outfile, format: 'cjs' });
  const { validateEmbeddedData } = require(path.resolve(outfile));
  const problems = validateEmbeddedData();
  if (problems.length > 0) {
    for (const p of problems) console.error(`✘ [DATA] ${p}`);
    throw new Error(`${problems.length} problem(s) in the embedded YAML data`);
  }
}

module.exports = { yamlPlugin };

if (require.main === module) {
  // Paths here are relative to the repository, wherever this runs from (cli/'s prepack runs it from cli/).
  process.chdir(__dirname);
  main().catch((e) => {
    if (!e.errors) console.error(e.message ?? e);
    process.exit(1);
  });
}
