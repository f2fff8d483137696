/**
 * The CLI with a team's files: `intake knowledge check` (problem-matcher lines, exit 0 clean, 1
 * on findings, 2 on usage errors), and `check` / `generate` finding the overlays and the branding
 * the way the editor does (the `.intake/` governing each file, `--knowledge DIR`), in one thread
 * and on worker threads. The built cli/dist/cli.js, spawned.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportModel } from '../../../src/core/engine/reportModel';
import { repoRoot } from '../helpers/seeds';
import { unzip } from '../helpers/zip';
import { exampleTeam, tempWorkspace } from './helpers';

const CLI = () => path.join(repoRoot(), 'cli', 'dist', 'cli.js');
/** The `$intake` problem matcher's pattern (package.json). */
const MATCHER = /^(.+?):(\d+):(\d+): (error|warning|information|hint) (intake\.[a-z-]+): (.*)$/;

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string; out: Buffer } {
  const r = spawnSync(process.execPath, [CLI(), ...args], { cwd, env: { ...process.env, INTAKE_LANG: 'en' }, timeout: 50_000 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), out: r.stdout };
}

describe('the CLI with a team', function () {
  this.timeout(60_000);
  const team = exampleTeam();

  describe('intake knowledge check', () => {
    it('exit 0 for the example workspace, from its folder or given it', () => {
      for (const [args, cwd] of [[[], team.dir], [['examples/team'], repoRoot()], [['examples/team/.intake'], repoRoot()], [['.'], path.join(team.dir, 'customers')]] as const) {
        const r = run(['knowledge', 'check', ...args], cwd);
        assert.equal(r.code, 0, `${args.join(' ')} in ${cwd}: ${r.stdout}${r.stderr}`);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /^intake: 3 team file\(s\): 0 error\(s\), 0 warning\(s\)\n$/);
      }
    });

    it('exit 1 with problem-matcher lines for each finding; information alone is still clean', () => {
      const ws = tempWorkspace({
        '.intake/knowledge/a.yaml': 'overrides:\n  products:\n    - id: no-such-product\n      caveat: x\nprices:\n  items:\n    - product: redis\n      price: 1\n      unit: node\n      period: per-year\n',
        '.intake/report.yaml': 'accentColor: blue\n',
      });
      try {
        const r = run(['knowledge', 'check'], ws.root);
        assert.equal(r.code, 1, r.stderr);
        const lines = r.stdout.trimEnd().split('\n');
        for (const l of lines) assert.match(l, MATCHER);
        assert.deepEqual(
          lines.map((l) => MATCHER.exec(l)!.slice(1, 6).join(':')),
          ['.intake/knowledge/a.yaml:3:11:error:intake.knowledge-unknown-id', '.intake/knowledge/a.yaml:7:7:error:intake.knowledge-price-currency', '.intake/report.yaml:1:14:error:intake.branding-invalid'],
        );
        assert.match(r.stderr, /2 team file\(s\): 3 error\(s\), 0 warning\(s\)/);
        // An entry replacing an embedded one is information: listed, and the exit code stays 0.
        fs.rmSync(path.join(ws.intakeDir, 'report.yaml'));
        fs.writeFileSync(path.join(ws.intakeDir, 'knowledge', 'a.yaml'), 'categories: []\n');
        fs.writeFileSync(path.join(ws.intakeDir, 'knowledge', 'b.json'), JSON.stringify({ vendors: [{ vendor: 'Redis Ltd.', policy: 'preferred' }] }));
        const clean = run(['knowledge', 'check'], ws.root);
        assert.equal(clean.code, 0, clean.stdout + clean.stderr);
      } finally {
        ws.remove();
      }
    });

    it('checks a folder of overlays of its own (--knowledge DIR or given), and a warning is a finding', () => {
      const ws = tempWorkspace({ 'mine/policy.yaml': 'vendors:\n  - vendor: Oracel\n    policy: blocked\n' });
      try {
        const given = run(['knowledge', 'check', 'mine'], ws.root);
        assert.equal(given.code, 1);
        assert.match(given.stdout, /^mine\/policy\.yaml:2:13: warning intake\.knowledge-unknown-vendor: no product has the vendor "Oracel" \(a typo\?\)\n$/);
        const layered = run(['knowledge', 'check', '--knowledge', 'mine'], ws.root);
        assert.equal(layered.code, 1);
        assert.match(layered.stdout, /warning intake\.knowledge-unknown-vendor/);
      } finally {
        ws.remove();
      }
    });

    it('exit 2 on usage errors', () => {
      const ws = tempWorkspace();
      try {
        fs.rmSync(path.join(ws.root, '.intake'), { recursive: true });
        for (const args of [['knowledge'], ['knowledge', 'frob'], ['knowledge', 'check', '--frob'], ['knowledge', 'check', 'no-such-folder'], ['knowledge', 'check'], ['knowledge', 'check', '--knowledge']]) {
          const r = run(args, ws.root);
          assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
          assert.match(r.stderr, /^intake: /);
        }
      } finally {
        ws.remove();
      }
    });
  });

  describe('check and generate', () => {
    it("generate uses the .intake/ governing the file: the team's picks, prices and sources in the JSON model", () => {
      const r = run(['generate', 'customers/acme-retail.intake', '--format', 'json', '--as-of', '2026-06-01'], team.dir);
      assert.equal(r.code, 0, r.stderr);
      const model = JSON.parse(r.stdout) as ReportModel;
      const pick = model.options[0]!.picks.find((p) => p.category === 'oms')!;
      assert.deepEqual([pick.product.id, pick.product.source, pick.product.policy], ['yunshu-oms', 'workspace', 'preferred']);
      assert.equal(model.costs!.items.find((i) => i.category === 'oms' && i.kind === 'licence')!.source, 'workspace');
      assert.ok(model.exclusions.some((e) => e.kind === 'policy'));
    });

    it('generate --format docx carries the branding: cover, logo and header', () => {
      const out = path.join(tempWorkspace().root, 'acme.docx');
      try {
        const r = run(['generate', 'customers/acme-retail.intake', '--format', 'docx', '--as-of', '2026-06-01', '-o', out], team.dir);
        assert.equal(r.code, 0, r.stderr);
        const files = unzip(fs.readFileSync(out));
        assert.match(files.get('word/document.xml')!.toString('utf8'), /内部资料 注意保密/);
        assert.match(files.get('word/header1.xml')!.toString('utf8'), /云枢科技 · 解决方案建议书/);
      } finally {
        fs.rmSync(path.dirname(out), { recursive: true, force: true });
      }
    });

    it('check knows the extra field; --knowledge DIR brings overlays to intakes that have none', () => {
      const ws = tempWorkspace({
        'customers/acme.intake': fs.readFileSync(team.intake, 'utf8').replace(/^- 客户编号：.*\n/m, ''),
        'mine/fields.yaml': fs.readFileSync(path.join(team.intakeDir, 'knowledge', 'portfolio.yaml'), 'utf8'),
      });
      try {
        fs.rmSync(path.join(ws.root, '.intake'), { recursive: true });
        const plain = run(['check', 'customers/acme.intake'], ws.root);
        assert.doesNotMatch(plain.stdout, /客户编号/);
        const mine = run(['check', 'customers/acme.intake', '--knowledge', 'mine'], ws.root);
        assert.match(mine.stdout, /^customers\/acme\.intake:1:\d+: warning intake\.missing-field: .*客户编号/m);
        // The same on worker threads, for a batch.
        const batch = run(['check', 'customers', '--knowledge', 'mine', '--jobs', '2'], ws.root);
        assert.match(batch.stdout, /warning intake\.missing-field: .*客户编号/);
      } finally {
        ws.remove();
      }
    });

    it('a broken overlay is reported on stderr and skipped; the run goes on', () => {
      const ws = tempWorkspace({
        'customers/acme.intake': fs.readFileSync(team.intake, 'utf8'),
        '.intake/knowledge/broken.yaml': 'vendors: [\n',
      });
      try {
        const r = run(['generate', 'customers', '-o', 'reports', '--format', 'json', '--jobs', '2'], ws.root);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stderr, /^\.intake\/knowledge\/broken\.yaml:\d+:\d+: error intake\.knowledge-invalid-file: YAML: /m);
        assert.match(r.stderr, /the team files above have problems/);
        assert.ok(fs.existsSync(path.join(ws.root, 'reports', 'acme-1.report.json')));
      } finally {
        ws.remove();
      }
    });
  });
});
