// Case-insensitive patterns written as calls with constant arguments,
//   const ON_PREM = caseInsensitiveRegExp('私有云|IDC|VMware', 'i');
// (src/core/text/caseExpand.ts), made regular expression literals at build time:
//   const ON_PREM = /私有云|[iI][dD][cC]|[vV][mM][wW][aA][rR][eE]/;
// Each such call at a module's top level ran expandCase's loop over the pattern in every process
// that loaded the module (the engine's understand/, plan/ and write/ modules: every `intake` run
// and the extension's first report), for a result known when the source is written. The literal
// is the one the call returns: the build runs the same function (caseInsensitiveRegExp from the
// source) and writes its result's `source` and `flags`, which a literal reads back as the same
// pattern. Calls whose arguments are not string literals are left as they are.

/** A call with two string literals as its arguments (no line breaks or `${}` in them: quotes only). */
const CALL = /\bcaseInsensitiveRegExp\(\s*('(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")\s*,\s*('[a-z]*'|"[a-z]*")\s*\)/g;

/** The value of a JavaScript string literal (matched by CALL: nothing but the literal). */
const stringValue = (literal) => String(new Function(`return ${literal};`)());

/**
 * `source` (TypeScript or JavaScript) with each constant call of caseInsensitiveRegExp replaced by
 * the regular expression literal of what `caseInsensitiveRegExp` (the function of caseExpand.ts)
 * returns for it. An invalid pattern throws, as the call would have when the module loaded.
 * @param {string} source
 * @param {(pattern: string, flags: string) => RegExp} caseInsensitiveRegExp
 * @returns {string}
 */
function literalCalls(source, caseInsensitiveRegExp) {
  return source.replace(CALL, (_, pattern, flags) => {
    const re = caseInsensitiveRegExp(stringValue(pattern), stringValue(flags));
    // `source` escapes `/` and line breaks, so that it reads back as the same pattern in a literal.
    return `/${re.source}/${re.flags}`;
  });
}

/**
 * The esbuild plugin: the files under src/ that call caseInsensitiveRegExp with constant arguments
 * are loaded with those calls made literals. `load` gives caseExpand.ts's function as built from
 * the source (esbuild.js).
 * @param {() => Promise<(pattern: string, flags: string) => RegExp>} load
 * @returns {import('esbuild').Plugin}
 */
function caseInsensitiveLiterals(load) {
  return {
    name: 'case-insensitive-literals',
    setup(build) {
      const fs = require('node:fs');
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!source.includes('caseInsensitiveRegExp(')) return undefined;
        const contents = literalCalls(source, await load());
        return contents === source ? undefined : { contents, loader: 'ts' };
      });
    },
  };
}

module.exports = { caseInsensitiveLiterals, literalCalls };
