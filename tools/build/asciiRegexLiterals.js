// Makes a built JavaScript file pure ASCII (esbuild.js runs it on the CLI's production bundles).
//
// esbuild's output escapes every non-ASCII character of strings, templates and names (its default
// `charset: 'ascii'`), but not those of regular expression literals: /用户|客户/ stays as written,
// and one such literal makes V8 decode the whole file as UTF-8 into a two-byte string, at every
// start of the CLI. Written \uXXXX (a pair of them beyond the BMP), a character means the same in
// a regular expression with or without the `u` or `v` flag, in a class and in a group name; only
// the literal's `source` text changes, which the CLI never shows.
const ts = require('typescript');

/** Any UTF-16 unit outside ASCII (a surrogate too). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * `code` with every non-ASCII character of its regular expression literals written as \uXXXX.
 * Throws when anything else in it is not ASCII (a comment, a tagged template's raw text: not
 * escaped, so that nothing changes meaning), or when such a character follows a backslash.
 * @param {string} code JavaScript (a script or a module)
 * @param {string} name the file's name, for messages
 * @returns {string}
 */
function escapeRegexLiterals(code, name) {
  if (!NON_ASCII.test(code)) return code;
  const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  /** @type {[number, number][]} */
  const literals = [];
  const visit = (/** @type {import('typescript').Node} */ node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push([node.getStart(file), node.end]);
    else ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let at = 0;
  for (const [start, end] of literals) {
    out += code.slice(at, start) + escapeLiteral(code.slice(start, end), name);
    at = end;
  }
  out += code.slice(at);
  const left = NON_ASCII.exec(out);
  if (left) throw new Error(`${name}: a non-ASCII character outside a regular expression literal: …${out.slice(Math.max(0, left.index - 40), left.index + 40)}…`);
  return out;
}

/** One literal (`/…/flags`), its non-ASCII characters escaped. */
function escapeLiteral(literal, name) {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const unit = literal.charCodeAt(i);
    if (unit < 0x80) {
      out += literal[i];
      continue;
    }
    // After an odd number of backslashes the character is escaped already (`\用`): \u would not replace it.
    let slashes = 0;
    for (let j = i - 1; j >= 0 && literal[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 1) throw new Error(`${name}: a backslash before a non-ASCII character in ${literal}`);
    // A character beyond the BMP is two UTF-16 units here, each written \uXXXX: with the `u` or `v`
    // flag a pair of escaped surrogates is one character, as the unescaped pair was.
    out += `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

module.exports = { escapeRegexLiterals };
