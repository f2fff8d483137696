/** The CLI's glob patterns (src/cli/glob.ts): brace expansion, `*`, `?`, `**`, hidden names, and no blow-up on hostile names. */
import * as assert from 'node:assert/strict';
import { expandBraces, Glob, GlobError, hasWildcard } from '../../../src/cli/glob';

const matches = (pattern: string, p: string): boolean => new Glob(pattern).matches(p.split('/'));

describe('cli glob', () => {
  it('expands braces in order, nested, and leaves comma-less or unclosed groups literal', () => {
    assert.deepEqual(expandBraces('a/{b,c}/*.intake'), ['a/b/*.intake', 'a/c/*.intake']);
    assert.deepEqual(expandBraces('{a,b{c,d}}e'), ['ae', 'bce', 'bde']);
    assert.deepEqual(expandBraces('{x{a,b}}'), ['{xa}', '{xb}']);
    assert.deepEqual(expandBraces('客户{1}.intake'), ['客户{1}.intake']);
    assert.deepEqual(expandBraces('a{b,c'), ['a{b,c']);
    assert.deepEqual(expandBraces('*.{intake,intake.md}'), ['*.intake', '*.intake.md']);
    assert.deepEqual(expandBraces('{,x}y'), ['y', 'xy']);
  });

  it('refuses a pattern that expands beyond 1024 alternatives', () => {
    assert.throws(() => expandBraces('{a,b}'.repeat(11)), GlobError);
    assert.equal(expandBraces('{a,b}'.repeat(10)).length, 1024);
  });

  it('knows a wildcard', () => {
    assert.ok(hasWildcard('*.intake'));
    assert.ok(hasWildcard('a?.intake'));
    assert.ok(!hasWildcard('customers/acme.intake'));
  });

  it('matches * and ? within one segment, never across /', () => {
    assert.ok(matches('*.intake', 'acme.intake'));
    assert.ok(!matches('*.intake', 'emea/acme.intake'));
    assert.ok(matches('a?me.intake', 'acme.intake'));
    assert.ok(!matches('a?me.intake', 'acme.intake.md'));
    assert.ok(matches('*-*-*.intake', 'a-b-c.intake'));
    assert.ok(!matches('*-*-*.intake', 'a-b.intake'));
    assert.ok(matches('*', 'x'));
    assert.ok(matches('客户*', '客户甲.intake'));
    // ? is one character, also outside the BMP.
    assert.ok(matches('?.intake', '😀.intake'));
  });

  it('matches ** as any number of segments, none included', () => {
    assert.ok(matches('**/*.intake', 'acme.intake'));
    assert.ok(matches('**/*.intake', 'a/b/c/acme.intake'));
    assert.ok(matches('customers/**/acme.intake', 'customers/acme.intake'));
    assert.ok(matches('customers/**/acme.intake', 'customers/emea/de/acme.intake'));
    assert.ok(!matches('customers/**/acme.intake', 'other/acme.intake'));
    assert.ok(matches('**', 'a/b'));
    assert.ok(matches('a/**/b/**/c', 'a/x/b/y/z/c'));
    assert.ok(!matches('a/**/b/**/c', 'a/x/c'));
  });

  it('keeps hidden names out of wildcards unless the segment says .', () => {
    assert.ok(!matches('*', '.intake'));
    assert.ok(!matches('**/*.yaml', '.intake/config.yaml'));
    assert.ok(matches('**/.intake/*.yaml', 'x/.intake/config.yaml'));
    assert.ok(matches('.*', '.hidden'));
    assert.ok(!matches('**/x.intake', '.git/x.intake'));
  });

  it('says which folders may hold a match (for pruning) and whether a folder on the way matches (for exclusions)', () => {
    const g = new Glob('customers/*/x.intake');
    const at = (names: string[]) => names.reduce((s, n) => g.advance(s, n), g.start());
    assert.ok(g.canDescend(at(['customers'])));
    assert.ok(g.canDescend(at(['customers', 'emea'])));
    assert.equal(at(['other']).length, 0);
    assert.ok(!g.canDescend(at(['customers', 'emea', 'x.intake'])));
    const drafts = new Glob('**/drafts');
    assert.ok(drafts.matchesOrContains(['a', 'drafts', 'x.intake']));
    assert.ok(drafts.matchesOrContains(['drafts']));
    assert.ok(!drafts.matchesOrContains(['a', 'drafted', 'x.intake']));
  });

  it('treats ./, // and a trailing / as nothing', () => {
    assert.ok(matches('./a//b/', 'a/b'));
  });

  it('answers hostile patterns and names without backtracking blow-up, correctly', () => {
    // Classic worst cases for backtracking matchers: many stars against a long near-miss.
    const name = 'a'.repeat(5000);
    assert.ok(!matches(`${'*a'.repeat(40)}b`, name));
    assert.ok(matches(`${'*a'.repeat(40)}`, name));
    const deep = Array.from({ length: 500 }, () => 'a');
    assert.ok(!new Glob(`${'**/a/'.repeat(30)}b`).matches(deep));
    assert.ok(new Glob(`${'**/a/'.repeat(30)}**`).matches(deep));
  });
});
