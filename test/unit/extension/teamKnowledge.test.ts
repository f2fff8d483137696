/**
 * The editor's side of a team's knowledge (src/extension/team/), in plain Node with the `vscode`
 * stand-in: what Restricted Mode lets load. code-server's workbench cannot be switched between
 * trusted and untrusted from a test (the e2e harness turns workspace trust off, or the folder
 * would wait on the trust dialog), so the decision is tested here, through the service the
 * features use, with trust injected: an untrusted folder's overlays and branding are not loaded
 * (and the status bar's "restricted" is set), the user's own folders still are; a trusted one
 * gets both, and the problems of the team's files become diagnostics on those files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Configuration } from '../../../src/extension/config';
import { readKnowledgeSettings } from '../../../src/extension/settings';
import { IntakeFolderWatcher } from '../../../src/extension/intakeFolderWatcher';
import { TeamKnowledgeService, type TeamState } from '../../../src/extension/team/knowledge';
import { isTeamFilePath, teamScope } from '../../../src/extension/team/scope';
import { exampleTeam, tempWorkspace } from '../team/helpers';
import { loadFolderConfig } from '../../../src/core/folderConfigFile';
import { loadBranding } from '../../../src/core/team/brandingFile';
import { loadTeamKnowledge } from '../../../src/core/team/teamKnowledge';
import type { LoadIntakeFolderReaders } from '../../../src/extension/intakeFolderReaders';

/** The readers of `.intake/` files, as the on-demand chunk hands them to the extension. */
const readers: LoadIntakeFolderReaders = () => Promise.resolve({ loadFolderConfig, loadTeamKnowledge, loadBranding });

interface StandIn {
  diagnosticCollections: { name: string; entries: Map<string, { code: unknown; message: string }[]> }[];
}
const standIn = vscode as unknown as StandIn;

function config(paths: string[] = []): Configuration {
  return { knowledge: () => ({ paths }), onDidChange: () => ({ dispose: () => undefined }) } as unknown as Configuration;
}

describe('team knowledge in the editor', () => {
  let folders: IntakeFolderWatcher;
  beforeEach(() => (folders = new IntakeFolderWatcher()));
  afterEach(() => folders.dispose());

  it('decides what may load: the workspace only when trusted and on disk', () => {
    assert.deepEqual(teamScope(true, 'file'), { workspace: true });
    assert.deepEqual(teamScope(false, 'file'), { workspace: false, reason: 'untrusted' });
    assert.deepEqual(teamScope(true, 'untitled'), { workspace: false, reason: 'not-on-disk' });
    assert.ok(isTeamFilePath('/w/.intake/knowledge/a.yaml') && isTeamFilePath('C:\\w\\.intake\\report.yaml'));
    assert.ok(!isTeamFilePath('/w/.intake/config.yaml') && !isTeamFilePath('/w/knowledge/a.yaml'));
  });

  it('reads intake.knowledge.paths: absolute or ~, relative ones left out', () => {
    const get = (paths: unknown) => readKnowledgeSettings((k) => (k === 'paths' ? paths : undefined), '/home/me').paths;
    assert.deepEqual(get(['~/team', '/opt/k', 'relative', '', 3, '/opt/k']), ['/home/me/team', '/opt/k']);
    assert.deepEqual(get('nope'), []);
  });

  it('Restricted Mode: the workspace overlays and branding are not loaded, and the state says so', async () => {
    const service = new TeamKnowledgeService(config(), folders, readers, () => false);
    try {
      const state = await service.stateFor(vscode.Uri.file(exampleTeam().intake));
      assert.equal(state.restricted, true);
      assert.equal(state.knowledge, undefined);
      assert.equal(state.branding, undefined);
      assert.equal(service.catalogFor(vscode.Uri.file(exampleTeam().intake)), undefined);
    } finally {
      service.dispose();
    }
  });

  it("Restricted Mode still loads the user's own overlay folders", async () => {
    const ws = tempWorkspace({ 'mine/policy.yaml': 'vendors:\n  - vendor: Oracle\n    policy: blocked\n' });
    const service = new TeamKnowledgeService(config([path.join(ws.root, 'mine')]), folders, readers, () => false);
    try {
      const state = await service.stateFor(vscode.Uri.file(exampleTeam().intake));
      assert.equal(state.restricted, true);
      assert.equal(state.knowledge?.context.policyOf('oracle')?.policy, 'blocked');
      assert.equal(state.knowledge?.kb.product('yunshu-oms'), undefined, "the workspace's product is not there");
    } finally {
      service.dispose();
      ws.remove();
    }
  });

  it("trusted: the workspace's overlays, extra fields and branding load; problems become diagnostics on the team's files", async () => {
    const ws = tempWorkspace({ '.intake/knowledge/a.yaml': 'overrides:\n  products:\n    - id: nope\n      caveat: x\n', '.intake/report.yaml': 'company: ACME\n', 'c.intake': '[客户行业]：零售\n' });
    const service = new TeamKnowledgeService(config(), folders, readers, () => true);
    try {
      const example = await service.stateFor(vscode.Uri.file(exampleTeam().intake));
      assert.equal(example.restricted, false);
      assert.ok(example.knowledge?.kb.product('yunshu-oms'));
      assert.equal(example.branding?.company, '云枢科技有限公司');
      assert.ok(service.catalogFor(vscode.Uri.file(exampleTeam().intake))?.field(service.catalogFor(vscode.Uri.file(exampleTeam().intake))!.section('客户行业')!, '客户编号'));
      const state = await service.stateFor(vscode.Uri.file(path.join(ws.root, 'c.intake')));
      assert.equal(state.branding?.company, 'ACME');
      const collection = standIn.diagnosticCollections.filter((c) => c.name === 'intake-knowledge').pop()!;
      const problems = collection.entries.get(vscode.Uri.file(path.join(ws.intakeDir, 'knowledge', 'a.yaml')).toString()) ?? [];
      assert.deepEqual(
        problems.map((d) => d.code),
        ['intake.knowledge-unknown-id'],
      );
    } finally {
      service.dispose();
      ws.remove();
    }
  });

  // VS Code's recursive watcher (parcel) never watches a folder made in the same instant as its
  // parent (see src/extension/intakeFolderWatch.ts): the folder the service reads is watched by
  // itself, so that an overlay written into a new knowledge/ is seen.
  it('watches the .intake/ folder it read: an overlay written into a new knowledge/ reloads', async () => {
    const ws = tempWorkspace({ '.intake/report.yaml': 'company: ACME\n', 'c.intake': '[客户行业]：零售\n' });
    fs.rmSync(path.join(ws.intakeDir, 'knowledge'), { recursive: true });
    const service = new TeamKnowledgeService(config(), folders, readers, () => true);
    try {
      const intake = vscode.Uri.file(path.join(ws.root, 'c.intake'));
      assert.equal((await service.stateFor(intake)).knowledge, undefined, 'no overlay yet');
      const reloaded = new Promise<TeamState>((resolve) => {
        const listener = service.onDidChange(() => {
          void service.stateFor(intake).then((state) => {
            if (state.knowledge === undefined) return; // the folder alone, before the file is read
            listener.dispose();
            resolve(state);
          });
        });
      });
      ws.write('.intake/knowledge/policy.yaml', 'vendors:\n  - vendor: Oracle\n    policy: blocked\n');
      const after = await reloaded;
      assert.equal(after.knowledge?.context.policyOf('oracle')?.policy, 'blocked');
      assert.equal(after.branding?.company, 'ACME');
    } finally {
      service.dispose();
      ws.remove();
    }
  });
});
