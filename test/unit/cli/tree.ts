/**
 * A fixture tree of intake files for the batch CLI tests, written into a temporary folder from
 * the repository's own examples and fixtures (nothing from ../shared):
 *
 *   .git/                         the repository root: the .intake/ search stops here
 *   customers/
 *     acme.intake                 government-cloud: clean
 *     pipeline.intake             two intakes, clean
 *     retail.intake.md            clean, the .intake.md extension
 *     notes.txt                   empty, no intake: a folder argument leaves it out
 *     emea/acme.intake            insurance: a warning (same name as customers/acme.intake)
 *     emea/broken.intake          messy: two intakes with errors
 *     drafts/.intake/config.yaml  placeholders off, missing fields ignored
 *     drafts/blank.intake         the blank template: placeholder warnings, unless the config says off
 *     node_modules/pkg/x.intake   left out of a folder argument
 *     .hidden/y.intake            left out of folders and wildcards
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readExample, readFixture } from '../helpers/seeds';

export const DRAFTS_CONFIG = 'diagnostics:\n  placeholderSeverity: off\n  ignore: [intake.missing-field]\n';

export function writeTree(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'intake-batch-')));
  const put = (rel: string, text: string) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  fs.mkdirSync(path.join(root, '.git'));
  put('customers/acme.intake', readExample('government-cloud'));
  put('customers/pipeline.intake', readExample('pipeline-2025-q3'));
  put('customers/retail.intake.md', readExample('retail-cross-border'));
  put('customers/notes.txt', '');
  put('customers/emea/acme.intake', readExample('insurance'));
  put('customers/emea/broken.intake', readFixture('messy'));
  put('customers/drafts/.intake/config.yaml', DRAFTS_CONFIG);
  put('customers/drafts/blank.intake', readExample('blank-simple'));
  put('customers/node_modules/pkg/x.intake', readExample('insurance'));
  put('customers/.hidden/y.intake', readExample('insurance'));
  return root;
}
