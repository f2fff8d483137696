// Bundles the tests that run in a real VS Code, kept apart from esbuild.js (which builds the
// extension itself). Output goes to out/vscode-test/:
//   harness.js           the e2e harness (npm run test:e2e)
//   e2e/*.e2e.js         the browser suite, run by the harness with playwright-core
//   integration/*.js     the extension-host suite, plus index.js and runTest.js for @vscode/test-electron
//   runner/extension.js  the small test-runner extension the harness installs into code-server
// `vscode` and `mocha` stay external: the extension host provides the first, and the second is
// loaded from the repo's node_modules.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
// The integration and browser suites use the core for their expected values: with the data as
// validated and shipped (schema defaults filled in), not the YAML as written.
const { validatedYamlPlugin } = require(path.join(root, 'esbuild.js'));
const out = path.join(root, 'out', 'vscode-test');
const list = (dir, suffix) =>
  fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith(suffix)).map((f) => path.join(root, dir, f));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
  plugins: [validatedYamlPlugin()],
};

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [path.join(root, 'test/e2e/harness.ts')], outfile: path.join(out, 'harness.js') }),
    esbuild.build({ ...common, entryPoints: list('test/e2e', '.e2e.ts'), outdir: path.join(out, 'e2e') }),
    esbuild.build({
      ...common,
      entryPoints: [...list('test/integration', '.test.ts'), path.join(root, 'test/integration/index.ts'), path.join(root, 'test/integration/runTest.ts')],
      outdir: path.join(out, 'integration'),
    }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'test/vscode-runner/extension.ts')], outfile: path.join(out, 'runner', 'extension.js') }),
  ]);
}

main().catch((e) => {
  if (!e.errors) console.error(e);
  process.exit(1);
});
