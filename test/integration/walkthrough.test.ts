// The walkthrough as the installed extension contributes it: five steps, each with a
// completion event and a Markdown page that exists in the extension's folder in English and
// 简体中文, and buttons that run commands which exist.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

async function readJson(ext: vscode.Extension<unknown>, name: string): Promise<Record<string, string>> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, name)))) as Record<string, string>;
}

suite('Walkthrough (Get Started with Intake Studio)', () => {
  const ext = () => vscode.extensions.getExtension(EXTENSION_ID)!;
  /** As VS Code localised it for this UI (English here). */
  const walkthrough = () => (ext().packageJSON.contributes.walkthroughs as { id: string; steps: Step[] }[])[0]!;
  /** As the package has it, with its %keys%: packageJSON has them replaced already. */
  const rawWalkthrough = async () => ((await readJson(ext(), 'package.json')) as unknown as { contributes: { walkthroughs: { steps: Step[] }[] } }).contributes.walkthroughs[0]!;

  test('has the five steps, each with a completion event', () => {
    assert.equal(walkthrough().id, 'intake.gettingStarted');
    const steps = walkthrough().steps;
    assert.deepEqual(
      steps.map((s) => s.id),
      ['intake.newIntake', 'intake.placeholders', 'intake.diagnostics', 'intake.report', 'intake.export'],
    );
    for (const s of steps) assert.ok((s.completionEvents ?? []).length > 0, `${s.id} has no completion event`);
    const events = steps.flatMap((s) => s.completionEvents ?? []);
    for (const e of ['onCommand:intake.newIntake', 'onCommand:intake.fixAll', 'onCommand:intake.generateRecommendation', 'onCommand:intake.exportReport']) assert.ok(events.includes(e), e);
  });

  test('each step has a page in English and in 简体中文, inside the installed extension', async () => {
    for (const nlsFile of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = await readJson(ext(), nlsFile);
      const resolve = (s: string) => nls[/^%(.+)%$/.exec(s)?.[1] ?? ''] ?? s;
      for (const step of (await rawWalkthrough()).steps) {
        for (const key of ['title', 'description'] as const) assert.ok(resolve(step[key]).trim() && !resolve(step[key]).startsWith('%'), `${nlsFile}: ${step.id}.${key}`);
        const page = resolve(step.media.markdown ?? step.media.image ?? '');
        assert.ok(!page.startsWith('%'), `${nlsFile}: ${step.id} has no page`);
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext().extensionUri, page));
        const text = new TextDecoder().decode(bytes);
        assert.match(text, /^# /, `${page} starts with a heading`);
        if (nlsFile.includes('zh-cn')) assert.match(text.split('\n')[0]!, /[\u4e00-\u9fff]/, `${page}: the Chinese page has a Chinese heading`);
      }
    }
  });

  test('its buttons run commands that exist', async () => {
    const nls = await readJson(ext(), 'package.nls.json');
    const commands = new Set(await vscode.commands.getCommands(true));
    const linked = (await rawWalkthrough()).steps.flatMap((s) => [...(nls[/^%(.+)%$/.exec(s.description)![1]!] ?? '').matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!));
    assert.ok(linked.length >= 5, linked.join(', '));
    assert.deepEqual(linked.filter((c) => !commands.has(c)), []);
  });
});
