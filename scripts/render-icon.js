// Renders media/icon.svg to media/icon.png (128×128, transparent corners) with headless Chromium,
// the browser the end-to-end tests already use. Run it after editing the SVG:
//   npm run icon
// Both files are committed: the marketplace needs the PNG, the SVG is the source.
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const SIZE = 128;
const root = path.resolve(__dirname, '..');
const svgFile = path.join(root, 'media', 'icon.svg');
const pngFile = path.join(root, 'media', 'icon.png');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

async function main() {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: install Chromium (apt-get install chromium, or run npm run test:e2e once) or set CHROMIUM`);
  }
  const svg = fs.readFileSync(svgFile, 'utf8');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    const html = `<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`;
    await page.setContent(html);
    await page.locator('svg').screenshot({ path: pngFile, omitBackground: true });
  } finally {
    await browser.close();
  }
  const png = fs.readFileSync(pngFile);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width !== SIZE || height !== SIZE) throw new Error(`rendered ${width}×${height}, expected ${SIZE}×${SIZE}`);
  console.log(`Wrote ${path.relative(root, pngFile)} (${width}×${height}, ${png.length} bytes)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
