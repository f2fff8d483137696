import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { LAUNCH_FLAGS } from '../../../src/cli/launch/runHere';
import { setV8Flags } from '../../../src/cli/launch/v8Flags';
import { repoRoot } from '../helpers/seeds';

type Binding = ((name: string) => unknown) | undefined;

describe('cli launcher: V8 flags without node:v8 (v8Flags.ts)', () => {
  const node = process as unknown as { binding?: Binding };
  const original = node.binding;
  afterEach(() => {
    node.binding = original;
  });

  it("sets each flag through the binding's setFlagsFromString, with no deprecation warning let out", () => {
    const set: string[] = [];
    let quietWhenAsked: boolean | undefined;
    node.binding = function binding(name: string) {
      assert.equal(name, 'v8');
      quietWhenAsked = process.noDeprecation;
      return { setFlagsFromString: (flag: string) => set.push(flag) };
    };
    setV8Flags(['--a', '--b=1']);
    assert.deepEqual(set, ['--a', '--b=1']);
    assert.equal(quietWhenAsked, true, 'the warning is held back while the binding is asked for');
    assert.equal(Object.prototype.hasOwnProperty.call(process, 'noDeprecation'), false, 'and process.noDeprecation is as it was');
  });

  it('keeps a process.noDeprecation the user set', () => {
    node.binding = function binding() {
      return { setFlagsFromString: () => undefined };
    };
    process.noDeprecation = true;
    try {
      setV8Flags(['--a']);
      assert.equal(process.noDeprecation, true);
    } finally {
      delete process.noDeprecation;
    }
  });

  it('uses node:v8 where process.binding is missing, wrapped in a warning, refused or without the function', () => {
    const never = (name: string) => {
      throw new Error(`asked for ${name}`);
    };
    // What --pending-deprecation makes of it: util.deprecate's wrapper, named `deprecated`.
    const cases: Binding[] = [
      undefined,
      function deprecated(name: string) {
        return never(name);
      },
      function binding(name: string) {
        return never(name);
      },
      function binding() {
        return {};
      },
    ];
    for (const stand of cases) {
      node.binding = stand;
      // A flag the CLI sets anyway, with no effect on the tests: node:v8 accepts it.
      assert.doesNotThrow(() => setV8Flags(['--verify-snapshot-checksum']));
      assert.equal(Object.prototype.hasOwnProperty.call(process, 'noDeprecation'), false);
    }
  });

  it("with Node's own binding, prints no warning", async () => {
    const warnings: Error[] = [];
    const listen = (w: Error) => warnings.push(w);
    process.on('warning', listen);
    try {
      setV8Flags(['--verify-snapshot-checksum']);
      // Node emits a warning on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(warnings.map((w) => w.message), []);
    } finally {
      process.off('warning', listen);
    }
  });

  it('the built intake sets them and prints nothing but its answer, also where deprecations warn or throw', function () {
    this.timeout(30_000);
    for (const flags of [[], ['--pending-deprecation'], ['--throw-deprecation']]) {
      const { NODE_OPTIONS: _none, ...env } = process.env;
      const r = spawnSync(process.execPath, [...flags, path.join(repoRoot(), 'cli', 'dist', 'cli.js'), '--version'], { encoding: 'utf8', env: { ...env, INTAKE_DAEMON: '0' } });
      assert.equal(r.status, 0, `${flags.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, '', flags.join(' '));
      assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
    }
  });
  it("set after start, as the launcher sets them, grow the young generation to its maximum at once", function () {
    this.timeout(30_000);
    // 30,000 small objects kept: enough survivors for V8 to grow the young generation once. With
    // the default factor (2) it has 4 MB; with the launcher's, its maximum (two 16 MB semi-spaces).
    const script = `const v8 = require('node:v8');
for (const flag of JSON.parse(process.argv[1])) v8.setFlagsFromString(flag);
const keep = [];
for (let i = 0; i < 30000; i++) keep.push({ i, s: 'x' + i });
const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
process.stdout.write(String(young.space_size / 1048576));`;
    const young = (flags: readonly string[]) => {
      const { NODE_OPTIONS: _none, ...env } = process.env;
      const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(flags)], { encoding: 'utf8', env });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '', 'V8 knows every flag');
      return Number(r.stdout);
    };
    assert.ok(young([]) < 16, `without the flags: ${young([])} MB`);
    assert.equal(young(LAUNCH_FLAGS), 32);
  });
});
