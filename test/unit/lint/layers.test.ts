/**
 * The import boundaries are enforced, not only written down: ESLint, with the repository's own
 * eslint.config.mjs, rejects deliberate violations of each rule and accepts the allowed
 * directions. (`npm run lint` checks the real tree; these snippets are linted as if they were
 * files at the given paths, which need not exist.)
 */
import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { repoRoot } from '../helpers/seeds';

let eslint: ESLint | undefined;

/** The problems ESLint finds in `code` as the file `filePath`: `rule: message` lines. */
async function problems(filePath: string, code: string): Promise<string[]> {
  eslint ??= new ESLint({ cwd: repoRoot() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

async function rejects(filePath: string, code: string, expected: RegExp): Promise<void> {
  const found = await problems(filePath, code);
  assert.ok(found.some((p) => expected.test(p)), `${filePath}: expected ${expected}, got ${JSON.stringify(found)}`);
}

async function accepts(filePath: string, code: string): Promise<void> {
  assert.deepEqual(await problems(filePath, code), [], filePath);
}

describe('lint: layer boundaries', () => {
  it('keeps vscode out of the core and the CLI', async () => {
    for (const file of ['src/core/facts/probe.ts', 'src/core/engine/probe.ts', 'src/core/probe.ts', 'src/protocol/probe.ts', 'src/cli/probe.ts']) {
      await rejects(file, "import * as vscode from 'vscode';\nexport const x = vscode;\n", /local\/layers: .*may not import the package "vscode"/);
    }
    await accepts('src/extension/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
  });

  it('keeps the DOM out of the core', async () => {
    await rejects('src/core/render/probe.ts', 'export const title = document.title;\n', /no-restricted-globals: .*no DOM/);
    await rejects('src/core/preview/probe.ts', 'export const w = window;\n', /no-restricted-globals/);
  });

  it('lets the webview import the protocol and nothing else of the source, and no package', async () => {
    await accepts('src/webview/probe.ts', "import { PREVIEW_VIEW_TYPE } from '../protocol/viewType';\nexport const x = PREVIEW_VIEW_TYPE;\n");
    await rejects('src/webview/probe.ts', "import { parseIntake } from '../core/parser';\nexport const x = parseIntake;\n", /may import only from "protocol"/);
    await rejects('src/webview/probe.ts', "import type { IntakeFile } from '../core/model';\nexport type X = IntakeFile;\n", /may import only from "protocol"/);
    await rejects('src/webview/probe.ts', "import { registerPreview } from '../extension/preview';\nexport const x = registerPreview;\n", /may import only from "protocol"/);
    await rejects('src/webview/probe.ts', "import * as z from 'zod/mini';\nexport const x = z;\n", /may not import the package "zod"/);
  });

  it('rejects every import upward, in every form', async () => {
    const upward = /local\/layers: .*from the layer above it/;
    await rejects('src/core/facts/probe.ts', "import { analyzeFindings } from '../analysis/analyze';\nexport const x = analyzeFindings;\n", upward);
    await rejects('src/core/facts/probe.ts', "import type { AnalysisFinding } from '../analysis/finding';\nexport type X = AnalysisFinding;\n", upward);
    await rejects('src/core/facts/probe.ts', "export { validate } from '../validator';\n", upward);
    await rejects('src/core/facts/probe.ts', "export * from '../engine/generate';\n", upward);
    await rejects('src/core/facts/probe.ts', "export const load = () => import('../llm/client');\n", upward);
    await rejects('src/core/facts/probe.ts', "export type G = typeof import('../engine/generate');\n", upward);
    await rejects('src/core/parser.ts', "import { extractFacts } from './facts/facts';\nexport const x = extractFacts;\n", upward);
    await rejects('src/core/engine/probe.ts', "import { registerPreview } from '../../extension/preview';\nexport const x = registerPreview;\n", upward);
    await rejects('src/core/render/probe.ts', "import { generateLlmReport } from '../llm/generateLlm';\nexport const x = generateLlmReport;\n", upward);
    await rejects('src/protocol/probe.ts', "import type { Range } from '../core/document';\nexport type X = Range;\n", upward);
  });

  it('keeps siblings apart: the engine and the validator, the CLI and the extension', async () => {
    const sibling = /local\/layers: .*from its sibling layer/;
    await rejects('src/core/engine/probe.ts', "import { validate } from '../validator';\nexport const x = validate;\n", sibling);
    await rejects('src/core/validator.ts', "import { generateReport } from './engine/generate';\nexport const x = generateReport;\n", sibling);
    await rejects('src/core/features/probe.ts', "import { analyzeFindings } from '../analysis/analyze';\nexport const x = analyzeFindings;\n", sibling);
    await rejects('src/cli/probe.ts', "import { activate } from '../extension/extension';\nexport const x = activate;\n", sibling);
    await rejects('src/extension/probe.ts', "import { main } from '../cli/main';\nexport const x = main;\n", sibling);
  });

  it('lets the report engine reach the Chinese bundle only through the model layer', async () => {
    await rejects('src/core/engine/probe.ts', "import zhCn from '../../../media/l10n/bundle.l10n.zh-cn.json';\nexport const x = zhCn;\n", /which is in no layer/);
    await accepts('src/core/engine/probe.ts', "import { inReportLanguage } from '../reportLanguage';\nexport const x = inReportLanguage;\n");
  });

  it('accepts imports downward', async () => {
    await accepts('src/core/engine/probe.ts', "import { analyzeFindings } from '../analysis/analyze';\nimport { extractFacts } from '../facts/facts';\nimport { parseIntake } from '../parser';\nexport const x = [analyzeFindings, extractFacts, parseIntake];\n");
    await accepts('src/core/preview/probe.ts', "import type { Patch } from '../../protocol/messages';\nimport { locate } from '../facts/locate';\nexport type P = Patch;\nexport const x = locate;\n");
    await accepts('src/extension/probe.ts', "import { validate } from '../core/validator';\nimport { generateReport } from '../core/engine/generate';\nexport const x = [validate, generateReport];\n");
    await accepts('test/unit/probe.test.ts', "import { activate } from '../../src/extension/extension';\nimport * as vscode from 'vscode';\nexport const x = [activate, vscode];\n");
  });
});
