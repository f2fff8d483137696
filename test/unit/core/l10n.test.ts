import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeFindings } from '../../../src/core/analysis/analyze';
import { AnalysisCache } from '../../../src/core/analysis/cache';
import { generateReport } from '../../../src/core/engine/generate';
import { configureL10n, localeFromEnv, localize, msg, t } from '../../../src/core/l10n';
import { parseIntake } from '../../../src/core/parser';
import { validate } from '../../../src/core/validator';
import { readFixture, repoRoot } from '../helpers/seeds';

/** `t('…')`, `t("…")`, `msg('…')`, `l10n.t('…')`, `vscode.l10n.t("…")`: the literal first argument. */
const CALL = /(?<![\w$])(?:(?:vscode\.)?l10n\.t|t|msg)\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")/g;

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
    const m = [..."t('a\\'b') l10n.t(\"c\") vscode.l10n.t('d') split('e') at('f') msg('g') newmsg('h')".matchAll(CALL)].map((x) => unescape(x[1] ?? x[2]!));
    assert.deepEqual(m, ["a'b", 'c', 'd', 'g']);
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

describe('localisation flows one way: findings are localised where they are shown', () => {
  const zh = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'media', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const text = readFixture('analysis');
  const hasHan = (s: string) => /[\u4e00-\u9fff]/.test(s);
  /** The analysis diagnostics' messages, in the language configured now. */
  const analysisMessages = (cache?: AnalysisCache) =>
    validate(parseIntake(text), cache ? { analysisCache: cache, text } : {})
      .filter((d) => d.data.kind === 'analysis')
      .map((d) => d.message);

  afterEach(() => configureL10n({}));

  it('formats like vscode.l10n.t: numbered holes, missing arguments kept, nested messages localised too', () => {
    assert.equal(t('{0} min', 5), '5 min');
    assert.equal(t('{0} and {1}', 'a'), 'a and {1}');
    assert.equal(localize(msg('per {0}', msg('{0} min', 15))), 'per 15 min');
    configureL10n(zh);
    assert.equal(t('{0} min', 5), zh['{0} min']!.replace('{0}', '5'));
    assert.equal(localize(msg('Unfilled placeholder.')), zh['Unfilled placeholder.']);
    assert.equal(localize(msg('Unfilled placeholder.'), {}), 'Unfilled placeholder.', 'an explicit bundle wins over the user language');
    assert.equal(t('no such key {0}', 1), 'no such key 1');
  });

  it('fills holes exactly as the regular expression did (the scan that replaced it)', () => {
    // The reference: what format() was, `replace` with a function.
    const reference = (template: string, args: ReadonlyArray<string | number>) =>
      args.length === 0 ? template : template.replace(/\{([^{}]+)\}/g, (hole, name: string) => {
        const value = /^(?:0|[1-9]\d*)$/.test(name) ? args[Number(name)] : undefined;
        return value === undefined ? hole : String(value);
      });
    const args = ['a', 7, '{1}', '$&', ''];
    const cases = ['{0}', '{1}{0}', 'x {0} y {2} z', '{4}|', '{{0}}', '{0}}', '{{0}', '{}', '{', '}', '{ 0}', '{0 }', '{00}', '{01}', '{10}', '{5}', '{-1}', '{1.0}', '{0x1}', '{99999999999999999999}', '{名}', '{0\n}', 'a{0}b{1}c{2}d{3}e{4}f', '{0}{', '}{0}', '{{}}{3}', 'no holes', ''];
    for (const template of cases) {
      for (const n of [0, 1, 3, 5]) {
        const list = args.slice(0, n);
        assert.equal(localize(msg(template, ...list), {}), reference(template, list), `${JSON.stringify(template)} with ${n} argument(s)`);
      }
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[{}0-9a x]{0,12}$/), fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 12 }), (template, list) => {
        assert.equal(localize(msg(template, ...list), {}), reference(template, list));
      }),
      { numRuns: 400 },
    );
  });

  it('shows analysis diagnostics in the user language, from one set of findings', () => {
    const file = parseIntake(text);
    const findings = file.intakes.flatMap((intake) => analyzeFindings(intake));
    assert.ok(findings.length >= 3, 'the analysis fixture has findings');
    const english = analysisMessages();
    configureL10n(zh);
    const chinese = analysisMessages();
    assert.equal(chinese.length, english.length);
    assert.deepEqual(new Set(chinese), new Set(findings.map((f) => localize(f.message, zh))));
    assert.deepEqual(new Set(english), new Set(findings.map((f) => localize(f.message, {}))));
    assert.notDeepEqual(chinese, english);
  });

  it('keeps cached findings across a change of language, and shows them in the new one', () => {
    const cache = new AnalysisCache();
    const english = analysisMessages(cache);
    const entries = cache.size;
    assert.ok(entries > 0);
    configureL10n(zh);
    const cached = analysisMessages(cache);
    assert.equal(cache.size, entries, 'nothing analysed again');
    assert.deepEqual(cached, analysisMessages(), 'the same as without a cache');
    configureL10n({});
    assert.deepEqual(analysisMessages(cache), english);
  });

  it('quotes the findings in Chinese in the report, whatever the user language', () => {
    const file = parseIntake(text);
    const expected = analyzeFindings(file.intakes[0]!).map((f) => localize(f.message, zh));
    for (const bundle of [{}, zh]) {
      configureL10n(bundle);
      const risks = generateReport(file, 0).risks.filter((r) => r.source === 'analysis').map((r) => r.risk);
      // The risk quotes the finding; the editor's advice sentence ("请改写为…") is left to the risk's 应对.
      assert.equal(risks.length, expected.length);
      risks.forEach((r, i) => assert.ok(expected[i]!.startsWith(r.replace(/。$/, '')), `${r} ≠ ${expected[i]}`));
      assert.ok(risks.every(hasHan));
    }
  });
});
