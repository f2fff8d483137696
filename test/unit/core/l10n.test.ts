import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localeFromEnv } from '../../../src/core';
import { repoRoot } from '../helpers/seeds';

/** `t('…')`, `t("…")`, `l10n.t('…')`, `vscode.l10n.t("…")`: the literal first argument. */
const CALL = /(?<![\w$])(?:(?:vscode\.)?l10n\.)?t\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")/g;

function unescape(s: string): string {
  return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every English string passed to t() in src/, with where it is used. */
function englishStrings(): Map<string, string[]> {
  const root = repoRoot();
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(CALL)) {
      const key = unescape(m[1] ?? m[2] ?? '');
      const line = text.slice(0, m.index).split('\n').length;
      const where = `${path.relative(root, file)}:${line}`;
      found.set(key, [...(found.get(key) ?? []), where]);
    }
  }
  return found;
}

describe('localisation', () => {
  it('finds the t() calls of src/core', () => {
    const strings = englishStrings();
    assert.ok(strings.has('Unfilled placeholder.'), 'the scanner sees validator.ts');
    assert.ok(strings.has('Missing required section [{0}].'));
    assert.ok(strings.size >= 15, `only ${strings.size} strings`);
  });

  it('unescapes string literals', () => {
    assert.equal(unescape("It\\'s \\\"x\\\" \\u00e9\\n"), 'It\'s "x" é\n');
    const m = [..."t('a\\'b') l10n.t(\"c\") vscode.l10n.t('d') split('e') at('f')".matchAll(CALL)].map((x) => unescape(x[1] ?? x[2]!));
    assert.deepEqual(m, ["a'b", 'c', 'd']);
  });

  it('has a zh-cn translation for every English string passed to t() in src/', () => {
    const bundlePath = path.join(repoRoot(), 'media', 'l10n', 'bundle.l10n.zh-cn.json');
    assert.ok(fs.existsSync(bundlePath), `${path.relative(repoRoot(), bundlePath)} does not exist`);
    const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8')) as Record<string, unknown>;
    const missing = [...englishStrings()].filter(([key]) => typeof bundle[key] !== 'string' || (bundle[key] as string).trim() === '');
    assert.deepEqual(
      missing.map(([key, where]) => `${where[0]}: ${JSON.stringify(key)}`),
      [],
      `${missing.length} string(s) without a zh-cn entry`,
    );
  });

  it('keeps every {n} argument in the translations', () => {
    const bundlePath = path.join(repoRoot(), 'media', 'l10n', 'bundle.l10n.zh-cn.json');
    if (!fs.existsSync(bundlePath)) return;
    const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8')) as Record<string, unknown>;
    const args = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
    const wrong = Object.entries(bundle)
      .filter(([, v]) => typeof v === 'string')
      .filter(([k, v]) => JSON.stringify(args(k)) !== JSON.stringify(args(v as string)))
      .map(([k, v]) => `${JSON.stringify(k)} → ${JSON.stringify(v)}`);
    assert.deepEqual(wrong, []);
  });

  it('picks the CLI locale from the environment', () => {
    assert.equal(localeFromEnv({ INTAKE_LANG: 'zh-CN' }), 'zh-cn');
    assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(localeFromEnv({}), 'en');
    assert.equal(localeFromEnv({ INTAKE_LANG: 'en', LANG: 'zh_CN.UTF-8' }), 'en');
  });
});
