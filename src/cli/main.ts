/**
 * `intake`: the command-line face of the core, so anything the editor shows can be scripted.
 * Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.
 */
import { configureL10n, localeFromEnv, t } from '../core/l10n';
import zhCn from '../../media/l10n/bundle.l10n.zh-cn.json';
import { runCheck } from './check';
import { parseGenerateArgs, runGenerate } from './generate';
import { UsageError } from './io';
import { escapeControlChars } from '../core/text/controlChars';

const VERSION = '0.1.0';

function usage(): string {
  return [
    t('Usage:'),
    '  intake check FILE [--json]',
    '  intake generate FILE [--intake N] [--format md|json|html|docx] [--as-of YYYY-MM-DD] [--refs|--no-refs] [-o OUT]',
    '  intake generate FILE --provider openai-compatible --base-url URL --model NAME [--intake N] [--api-key-env NAME] [--no-redact] [--fallback offline] [--timeout S] [--max-tokens N] [-o OUT]',
    '  intake --help | --version',
    '',
    t('check: prints one line per diagnostic: FILE:LINE:COL: severity code: message.'),
    t('generate: writes the offline recommendation report for intake N (1-based, default 1) as Markdown, JSON, self-contained HTML or Word (.docx, needs -o); a clarification brief instead when the intake is too thin.'),
    t('--as-of fixes the report date that end-of-support dates are compared with (default today); --no-refs leaves the 〔Lnn〕 intake references out (Word leaves them out unless --refs).'),
    t('With --provider openai-compatible an LLM writes the report from the offline facts; the key is read from INTAKE_LLM_API_KEY, then OPENAI_API_KEY (none needed for localhost). Verification findings go to stderr as "code: message".'),
    t('Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.'),
    t('LLM exit codes: 3 the report failed verification, 4 the endpoint failed (--fallback offline then prints the offline report), 5 the intake is too thin and gets a clarification brief, which is not sent to the LLM (--fallback offline then prints the brief).'),
    t('Set INTAKE_LANG=zh-cn (or a Chinese LANG) for messages in Chinese.'),
  ].join('\n');
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  if (localeFromEnv(env) === 'zh-cn') configureL10n(zhCn as Record<string, string>);
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') return { stdout: usage() + '\n', stderr: '', exitCode: command ? 0 : 2 };
    if (command === '--version' || command === '-v') return { stdout: VERSION + '\n', stderr: '', exitCode: 0 };
    if (command === 'check') {
      const json = rest.includes('--json');
      const unknown = rest.filter((a) => a.startsWith('-') && a !== '--json');
      const files = rest.filter((a) => !a.startsWith('-'));
      const [badOption] = unknown;
      if (badOption !== undefined) throw new UsageError(t('Unknown option: {0}', badOption));
      const [file] = files;
      if (file === undefined || files.length !== 1) throw new UsageError(t('check needs exactly one FILE'));
      const result = runCheck(file, json);
      return { stdout: result.output, stderr: result.warnings, exitCode: result.exitCode };
    }
    if (command === 'generate') return await runGenerate(parseGenerateArgs(rest), env);
    throw new UsageError(t('Unknown command: {0}', command));
  } catch (e) {
    // File names and server messages can hold escape sequences: shown, never run by the terminal.
    if (e instanceof UsageError) return { stdout: '', stderr: `intake: ${escapeControlChars(e.message)}\n`, exitCode: 2 };
    // Anything else is a bug in the core: still one line, never a stack trace for the user.
    return { stdout: '', stderr: `intake: ${escapeControlChars(t('internal error: {0}', e instanceof Error ? e.message : String(e)))}\n`, exitCode: 2 };
  }
}

/**
 * Writes the result and exits. A reader that goes away (`intake generate … | head`: EPIPE) is
 * not an error: the rest is dropped quietly, exit 0 as for any filter. Any other write error
 * (`> /dev/full`: ENOSPC) is one line on stderr and exit 2, never an unhandled 'error' event.
 */
export function writeResult(result: { stdout: string; stderr: string; exitCode: number }, out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): void {
  let failed = false;
  const onError = (e: NodeJS.ErrnoException) => {
    if (failed) return;
    failed = true;
    if (e.code === 'EPIPE') return; // the reader has all it wanted: keep the exit code
    try {
      err.write(`intake: ${t('cannot write the output ({0})', e.code ?? e.message)}\n`);
    } catch {
      // stderr is gone too: the exit code still tells.
    }
    process.exitCode = 2;
  };
  // A pipe reports errors as events, a file (such as /dev/full) by throwing from write().
  out.on('error', onError);
  err.on('error', () => undefined);
  process.exitCode = result.exitCode;
  try {
    if (result.stdout) out.write(result.stdout);
  } catch (e) {
    onError(e as NodeJS.ErrnoException);
  }
  try {
    if (result.stderr) err.write(result.stderr);
  } catch {
    // Nowhere left to say it.
  }
}
