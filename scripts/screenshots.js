// Refreshes the README's screenshots (media/screenshots/) from the end-to-end run's artifacts
// (test-results/e2e/), so they always show what the tests saw with the packaged extension:
//   npm run screenshots              copy from the last `npm run test:e2e`
//   npm run screenshots -- --run     run `npm run test:e2e` first
// The screenshots stay out of the .vsix (.vscodeignore); vsce points the README's links at the
// repository, so they show on the marketplace too.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const results = path.join(root, 'test-results', 'e2e');
const target = path.join(root, 'media', 'screenshots');

/** README name → the e2e screenshot it is taken from. */
const SHOTS = {
  'new-intake.png': 'tour-03-new-intake.png',
  'diagnostics.png': '02-squiggles.png',
  'quick-fix.png': '04-quick-fix-menu.png',
  'report.png': '11-reference-revealed.png',
  'export.png': 'tour-05-export-format.png',
  'intakes-view.png': 'tour-10-intakes-report.png',
  'walkthrough.png': 'tour-11-walkthrough.png',
};

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function main() {
  if (process.argv.includes('--run')) {
    const e2e = spawnSync('npm', ['run', 'test:e2e'], { cwd: root, stdio: 'inherit' });
    if (e2e.status !== 0) throw new Error('npm run test:e2e failed: the screenshots were not refreshed');
  }
  const missing = Object.values(SHOTS).filter((f) => !fs.existsSync(path.join(results, f)));
  if (missing.length > 0) {
    throw new Error(`${path.relative(root, results)}/ lacks ${missing.join(', ')}: run npm run test:e2e first (or npm run screenshots -- --run)`);
  }
  fs.mkdirSync(target, { recursive: true });
  for (const [name, source] of Object.entries(SHOTS)) {
    const bytes = fs.readFileSync(path.join(results, source));
    if (!bytes.subarray(0, 8).equals(PNG)) throw new Error(`${source} is not a PNG`);
    fs.writeFileSync(path.join(target, name), bytes);
    console.log(`media/screenshots/${name} ← test-results/e2e/${source} (${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}, ${(bytes.length / 1024).toFixed(0)} KB)`);
  }
  const stale = fs.readdirSync(target).filter((f) => !(f in SHOTS));
  for (const f of stale) console.warn(`media/screenshots/${f} is not produced by the e2e run any more: remove it, or add it to SHOTS`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
