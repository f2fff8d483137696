// The `entities` package's tables of HTML character references, as every bundle loads them
// (esbuild.js adds this plugin to each build that may hold markdown-it, which imports `entities`).
//
// The package builds the table when its module loads, as
//   new Uint16Array("…15,000 UTF-16 units…".split("").map((c) => c.charCodeAt(0)))
// : 15,000 one-character strings, an array of them, a call per unit, and the optimizing compiler
// called on the callback. That was about 13 M instructions of the first report in a fresh process
// (the HTML renderer's first markdown-it). Here the same string is copied into the array as its
// UTF-16 bytes, by Buffer: about 3 M, mostly reading the literal. The same units in the same order,
// so the same table; a build fails if the module no longer has the shape read here.

const fs = require('node:fs');

const FILE = /[\\/]entities[\\/]lib[\\/]esm[\\/]generated[\\/]decode-data-html\.js$/;
const ENCODE_FILE = /[\\/]entities[\\/]lib[\\/]esm[\\/]generated[\\/]encode-html\.js$/;

/**
 * The module `source` (the package's decode-data-html.js) with its table made from the same string
 * literal without the split and map.
 * @param {string} source
 * @returns {string}
 */
function fasterTable(source) {
  const m = /^([^]*?)export default new Uint16Array\(\s*(?:\/\/[^\n]*\n\s*)*("(?:[^"\\\n]|\\.)*")\s*\.split\(""\)\s*\.map\(\(c\) => c\.charCodeAt\(0\)\)\);\s*(\/\/# sourceMappingURL=\S+\s*)?$/.exec(source);
  if (!m) throw new Error('entities/lib/esm/generated/decode-data-html.js has changed: update tools/build/entitiesTable.js');
  return `${m[1]}const units = ${m[2]};
const bytes = Buffer.from(units, "utf16le");
// Buffer gives little-endian units; a Uint16Array reads them in the machine's order.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) bytes.swap16();
const table = new Uint16Array(units.length);
new Uint8Array(table.buffer).set(bytes);
export default table;
`;
}

/**
 * The module `source` (the package's encode-html.js) with its table marked pure: markdown-it never
 * encodes, so nothing reads the table, but esbuild keeps the `new Map(...)`s it is not told are pure,
 * and the bundles built it at load (about 10 M instructions, 2,000 arrays and a Map). Marked, it
 * is left out of the bundles that do not use it.
 * @param {string} source
 * @returns {string}
 */
function pureEncodeTable(source) {
  // The table's inner maps too: a call that is not pure anywhere in it keeps the whole.
  const marked = source.replaceAll('new Map(', '/* @__PURE__ */ new Map(');
  if (marked === source) throw new Error('entities/lib/esm/generated/encode-html.js has changed: update tools/build/entitiesTable.js');
  return marked;
}

/** @type {import('esbuild').Plugin} */
const entitiesTable = {
  name: 'entities-table',
  setup(build) {
    build.onLoad({ filter: FILE }, async (args) => ({ contents: fasterTable(await fs.promises.readFile(args.path, 'utf8')), loader: 'js' }));
    build.onLoad({ filter: ENCODE_FILE }, async (args) => ({ contents: pureEncodeTable(await fs.promises.readFile(args.path, 'utf8')), loader: 'js' }));
  },
};

module.exports = { entitiesTable, fasterTable };
