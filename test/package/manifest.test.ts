// The .vsix is what users install, so it is what we check (npm run test:package, after
// `npm run package`): every file package.json names is inside it, in every language; every file
// the webview loads through asWebviewUri is inside it; and nothing from src/, test/, cli/ or
// node_modules/ is. `vsce ls` must list the same files, so .vscodeignore is what decides.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localisedManifests, manifest, repoRoot, run, VSCE_RENAMES, vsixFiles, type Json } from './helpers';

/** `./dist/x.js` and `dist/x.js` are the same file in the package. */
function normalise(p: string): string {
  return path.posix.normalize(p.replace(/^\.\//, ''));
}

type Named = { where: string; path: string };

function isCodicon(s: string): boolean {
  return /^\$\([\w-]+(~[\w-]+)?\)$/.test(s);
}

/** An icon or image entry: a path, a codicon, or { light, dark, hc, hcLight } paths. */
function iconPaths(value: unknown, where: string): Named[] {
  if (typeof value === 'string') return isCodicon(value) ? [] : [{ where, path: value }];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => iconPaths(v, `${where}.${k}`));
  return [];
}

function list<T = Json>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** Every file or folder the manifest names, by the keys VS Code reads them from. */
function namedPaths(m: Json): Named[] {
  const out: Named[] = [];
  const add = (where: string, p: unknown) => {
    if (typeof p === 'string') out.push({ where, path: p });
  };
  add('main', m.main);
  add('browser', m.browser);
  add('icon', m.icon);
  const c = (m.contributes ?? {}) as Json;
  list(c.languages).forEach((l, i) => {
    add(`contributes.languages[${i}].configuration`, l.configuration);
    out.push(...iconPaths(l.icon, `contributes.languages[${i}].icon`));
  });
  list(c.grammars).forEach((g, i) => add(`contributes.grammars[${i}].path`, g.path));
  list(c.snippets).forEach((s, i) => add(`contributes.snippets[${i}].path`, s.path));
  list(c.commands).forEach((cmd, i) => out.push(...iconPaths(cmd.icon, `contributes.commands[${i}].icon`)));
  for (const [container, views] of Object.entries((c.views ?? {}) as Json)) list(views).forEach((v, i) => out.push(...iconPaths(v.icon, `contributes.views.${container}[${i}].icon`)));
  for (const [place, containers] of Object.entries((c.viewsContainers ?? {}) as Json)) list(containers).forEach((v, i) => out.push(...iconPaths(v.icon, `contributes.viewsContainers.${place}[${i}].icon`)));
  list(c.walkthroughs).forEach((w, i) =>
    list(w.steps).forEach((s, j) => {
      const media = (s.media ?? {}) as Json;
      const where = `contributes.walkthroughs[${i}].steps[${j}].media`;
      out.push(...iconPaths(media.image, `${where}.image`));
      add(`${where}.markdown`, media.markdown);
      add(`${where}.svg`, media.svg);
    }),
  );
  // Anything else written as a relative path ("./…") anywhere in the manifest.
  const walk = (v: unknown, where: string): void => {
    if (typeof v === 'string' && v.startsWith('./') && !out.some((n) => n.where === where)) out.push({ where, path: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, where ? `${where}.${k}` : k));
  };
  walk(m, '');
  return out;
}

/** Relative links and images in a Markdown page: `](x)` and `src="x"`. */
function markdownLinks(text: string): string[] {
  const found = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), ...text.matchAll(/\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  return found.filter((l) => !/^[a-z][\w+.-]*:/i.test(l) && !l.startsWith('#'));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the .vsix (npm run package)', () => {
  const files = vsixFiles();
  const has = (p: string) => files.has(VSCE_RENAMES[p] ?? p);

  it('holds exactly what `vsce ls` lists', () => {
    const ls = run(process.execPath, [path.join(repoRoot(), 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies']);
    assert.equal(ls.status, 0, ls.stderr);
    const listed = ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean).map((p) => VSCE_RENAMES[p] ?? p).sort();
    assert.deepEqual([...files.keys()].sort(), listed);
  });

  for (const { language, manifest: m } of localisedManifests()) {
    it(`holds every file package.json names (${language})`, () => {
      const named = namedPaths(m);
      assert.ok(named.length >= 6, `only ${named.length} paths found: ${named.map((n) => n.where).join(', ')}`);
      const missing = named.filter((n) => !has(normalise(n.path)) && ![...files.keys()].some((f) => f.startsWith(`${normalise(n.path)}/`)));
      assert.deepEqual(missing.map((n) => `${n.where}: ${n.path}`), []);
    });

    it(`holds what each walkthrough page links to (${language})`, () => {
      const pages = namedPaths(m).filter((n) => n.where.endsWith('.markdown'));
      const missing: string[] = [];
      for (const page of pages) {
        const text = files.get(normalise(page.path))?.toString('utf8') ?? '';
        for (const link of markdownLinks(text)) {
          const target = normalise(path.posix.join(path.posix.dirname(normalise(page.path)), link.split('#')[0]!));
          if (!has(target)) missing.push(`${page.path} → ${link}`);
        }
      }
      assert.deepEqual(missing, []);
    });
  }

  it('holds the l10n bundle for every language the manifest is translated into', () => {
    const dir = normalise(String(manifest().l10n));
    const languages = localisedManifests().map((l) => l.language).filter((l) => l !== 'en');
    assert.ok(languages.length > 0);
    for (const language of languages) assert.ok(has(`${dir}/bundle.l10n.${language}.json`), `${dir}/bundle.l10n.${language}.json`);
  });

  it('holds every file the webview loads through asWebviewUri', () => {
    // Each call must name its file as literal path segments, so this scan can see it.
    const root = repoRoot();
    const loaded: string[] = [];
    let calls = 0;
    for (const file of sourceFiles(path.join(root, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      calls += (text.match(/\.asWebviewUri\(/g) ?? []).length;
      for (const m of text.matchAll(/\.asWebviewUri\(\s*vscode\.Uri\.joinPath\(\s*[\w.]+\s*((?:,\s*'[^']+'\s*)+)\)\s*\)/g)) {
        loaded.push([...m[1]!.matchAll(/'([^']+)'/g)].map((s) => s[1]).join('/'));
      }
    }
    // The page script (the stylesheet is written into the page itself, with a nonce).
    assert.ok(loaded.includes('dist/webview/preview.js'), `asWebviewUri calls found: ${loaded.join(', ')}`);
    assert.equal(loaded.length, calls, 'an asWebviewUri call does not name its file as literal vscode.Uri.joinPath(extensionUri, …) segments');
    assert.deepEqual(loaded.filter((p) => !has(p)), []);
  });

  it('holds every bundle, chunk and data file the production build writes to dist/, and no source maps', () => {
    const built = fs.readdirSync(path.join(repoRoot(), 'dist'), { recursive: true }).map(String).filter((f) => /\.(m?js|json)$/.test(f)).map((f) => `dist/${f.split(path.sep).join('/')}`);
    assert.ok(built.includes('dist/extension.mjs') && built.includes('dist/webview/preview.js'), built.join(', '));
    assert.ok(built.some((f) => f.startsWith('dist/chunks/')) && built.includes('dist/data/knowledge-base.utf16le.json'), built.join(', '));
    assert.deepEqual(built.filter((f) => !has(f)), []);
    assert.deepEqual([...files.keys()].filter((f) => f.endsWith('.map')), []);
  });

  it('holds nothing from src/, test/, cli/, examples/, scripts/ or node_modules/, no TypeScript and no CLI', () => {
    const stray = [...files.keys()].filter((f) => /^(src|test|cli|examples|scripts|node_modules|out|\.vscode|\.ci)\//.test(f) || /(^|\/)node_modules\//.test(f) || /\.ts$/.test(f) || /(^|\/)cli\.js$/.test(f));
    assert.deepEqual(stray, []);
  });

  it('keeps the screenshots out, but its README links them from the repository', () => {
    assert.deepEqual([...files.keys()].filter((f) => f.startsWith('media/screenshots/')), []);
    const readme = files.get('readme.md')?.toString('utf8') ?? '';
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]!);
    for (const url of images) assert.match(url, /^https:\/\/github\.com\/intake-studio\/intake-studio\/raw\/HEAD\//, url);
  });

  it('stays small', () => {
    const bytes = fs.statSync(path.join(repoRoot(), 'intake-studio.vsix')).size;
    assert.ok(bytes < 2 * 1024 * 1024, `${(bytes / 1024 / 1024).toFixed(2)} MB`);
  });
});
