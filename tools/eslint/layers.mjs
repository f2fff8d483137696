// A small ESLint rule that keeps the source layered: a file may import its own layer and the
// layers below it, never one above it or beside it (same rank), and only the packages its
// layer allows. The layers themselves are declared once, in eslint.config.mjs; this file only
// enforces them. See ARCHITECTURE.md for the map.
//
// Every import form is checked: `import … from`, `export … from`, `import('…')`,
// `import x = require('…')`, `require('…')` and `typeof import('…')` types, type-only imports
// included (a type from an upper layer couples the code as much as a value does).
import fs from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} Layer
 * @property {string} name
 * @property {number} rank        lower ranks are further down; equal ranks are siblings
 * @property {string[]} files     repo-relative: `dir/**` (everything under dir), `dir/*.ts` (its files), or a path
 * @property {string[]} [only]    if set, the only other layers this one may import (whatever their rank)
 * @property {string[]} [packages]          if set, the only packages it may import
 * @property {string[]} [forbiddenPackages] packages it may not import
 * @property {string[]} [assets]  repo-relative path prefixes outside every layer it may import (data files)
 */

const EXTENSIONS = ['', '.ts', '.d.ts', '/index.ts', '.js', '.mjs'];

/** How well `file` matches `pattern`: -1 for no match, else the higher the more specific. */
function matchScore(pattern, file) {
  if (pattern.endsWith('/**')) {
    const dir = pattern.slice(0, -2);
    return file.startsWith(dir) ? dir.length : -1;
  }
  const star = pattern.lastIndexOf('/*');
  if (star >= 0 && !pattern.slice(star + 2).includes('/')) {
    const dir = pattern.slice(0, star + 1);
    const ext = pattern.slice(star + 2);
    return file.startsWith(dir) && !file.slice(dir.length).includes('/') && file.endsWith(ext) ? dir.length + 0.5 : -1;
  }
  return pattern === file ? Number.MAX_SAFE_INTEGER : -1;
}

/** The layer of a repo-relative file: the one with the most specific matching pattern. */
export function layerOf(layers, file) {
  let best;
  let bestScore = -1;
  for (const layer of layers) {
    for (const pattern of layer.files) {
      const score = matchScore(pattern, file);
      if (score > bestScore) {
        best = layer;
        bestScore = score;
      }
    }
  }
  return best;
}

/** `node:fs` → `node:fs`, `@scope/pkg/sub` → `@scope/pkg`, `zod/mini` → `zod`. */
function packageName(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The repo-relative file a relative specifier names (extension resolved), or the bare path if none exists. */
function resolveRelative(root, fromFile, spec) {
  const base = path.resolve(path.dirname(path.join(root, fromFile)), spec);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return toPosix(path.relative(root, candidate));
  }
  return toPosix(path.relative(root, base));
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports within the layer order declared in eslint.config.mjs' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'array' } },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward: '{{from}} (layer "{{fromLayer}}") may not import {{target}} from the layer above it, "{{toLayer}}".',
      sibling: '{{from}} (layer "{{fromLayer}}") may not import {{target}} from its sibling layer "{{toLayer}}".',
      notAllowed: '{{from}} (layer "{{fromLayer}}") may import only from {{allowed}}, not {{target}} (layer "{{toLayer}}").',
      outside: '{{from}} (layer "{{fromLayer}}") may not import {{target}}, which is in no layer.',
      package: '{{from}} (layer "{{fromLayer}}") may not import the package "{{target}}".',
    },
  },
  create(context) {
    const { root, layers } = context.options[0];
    const from = toPosix(path.relative(root, context.filename));
    const layer = layerOf(layers, from);
    if (!layer) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const data = { from, fromLayer: layer.name, target: spec };
      if (!spec.startsWith('.')) {
        const pkg = packageName(spec);
        const allowed = layer.packages ? layer.packages.includes(pkg) : !(layer.forbiddenPackages ?? []).includes(pkg);
        if (!allowed) context.report({ node, messageId: 'package', data: { ...data, target: pkg } });
        return;
      }
      const target = resolveRelative(root, from, spec);
      const to = layerOf(layers, target);
      if (!to) {
        if (!(layer.assets ?? []).some((prefix) => target.startsWith(prefix))) context.report({ node, messageId: 'outside', data: { ...data, target } });
        return;
      }
      if (to === layer) return;
      const withTarget = { ...data, target, toLayer: to.name };
      if (layer.only) {
        if (!layer.only.includes(to.name)) context.report({ node, messageId: 'notAllowed', data: { ...withTarget, allowed: layer.only.map((n) => `"${n}"`).join(', ') } });
        return;
      }
      if (to.rank > layer.rank) context.report({ node, messageId: 'upward', data: withTarget });
      else if (to.rank === layer.rank) context.report({ node, messageId: 'sibling', data: withTarget });
    }

    const literal = (n) => (n && n.type === 'Literal' ? n.value : undefined);
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => check(n, literal(n.source)),
      TSImportEqualsDeclaration: (n) => n.moduleReference.type === 'TSExternalModuleReference' && check(n, literal(n.moduleReference.expression)),
      TSImportType: (n) => check(n, literal(n.argument?.type === 'TSLiteralType' ? n.argument.literal : n.source ?? n.argument)),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1) check(n, literal(n.arguments[0]));
      },
    };
  },
};

export default { rules: { layers: layersRule } };
