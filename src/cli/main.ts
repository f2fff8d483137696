/**
 * `intake`: the command-line face of the core, so anything the editor shows can be scripted.
 * Exit codes (exitCodes.ts): 0 no errors, 1 errors found, 2 usage or I/O error, 3 and 4 for the
 * LLM path; over several files the worst wins.
 */
import { configureL10n, localeFromEnv, t } from '../core/l10n';
import zhCn from '../../media/l10n/bundle.l10n.zh-cn.json';
import { takeSharedArgs, type SharedArgs } from './args';
import type { BatchContext } from './batch';
import { runCheck } from './check';
import { CliConfigs } from './configs';
import { diagnosticPolicyOf } from '../core/folderConfig';
import { parseGenerateArgs, runGenerate, singleGenerateArgs } from './generate';
import { classifyInputs, singleFile } from './inputs';
import { UsageError } from './io';
import { escapeControlChars } from '../core/text/controlChars';
import { runKnowledge } from './knowledge';
import { CliTeams, forgetLoadedTeams, loadTeam, teamWarnings, todayIso, type LoadedTeam } from './team';
import type { LaunchInfo } from './launch/launchInfo';

const VERSION = '0.1.0';

function usage(): string {
  return [
    t('Usage:'),
    '  intake check FILE [--json]',
    '  intake check FILE|FOLDER|GLOB… [!EXCLUDE…] [--json] [--jobs N] [--config FILE | --no-config] [-- FILE…]',
    '  intake generate FILE [--intake N] [--format md|json|html|docx] [--as-of YYYY-MM-DD] [--refs|--no-refs] [-o OUT]',
    '  intake generate FILE|FOLDER|GLOB… [!EXCLUDE…] -o DIR [--intake N] [--format md|json|html|docx] [--as-of YYYY-MM-DD] [--refs|--no-refs] [--jobs N] [--config FILE | --no-config]',
    '  intake generate FILE --provider openai-compatible --base-url URL --model NAME [--intake N] [--api-key-env NAME] [--no-redact] [--fallback offline] [--timeout S] [--max-tokens N] [-o OUT]',
    '  intake knowledge check [DIR…] [--knowledge DIR…]',
    '  intake daemon start [--idle MINUTES] | stop | status | serve [--idle MINUTES]',
    '  intake --help | --version',
    '',
    t('check: prints one line per diagnostic: FILE:LINE:COL: severity code: message.'),
    t('generate: writes the offline recommendation report for intake N (1-based, default 1) as Markdown, JSON, self-contained HTML or Word (.docx, needs -o); a clarification brief instead when the intake is too thin.'),
    t('--as-of fixes the report date that end-of-support dates are compared with (default today); --no-refs leaves the 〔Lnn〕 intake references out (Word leaves them out unless --refs).'),
    t('Several files: a FOLDER means its *.intake and *.intake.md files, all levels down; GLOB takes *, ?, ** and {a,b} (quote it); !PATTERN or #PATTERN excludes; :PATH or anything after -- is a plain file name. They run in parallel on up to all cores (--jobs N threads), in input order, with a summary line on stderr; generate writes every intake of every file to DIR as NAME-N.report.FORMAT.'),
    t('Each file follows the .intake/config.yaml of its folder or the nearest parent folder (up to the repository root); --config FILE uses one file for all, --no-config none.'),
    t("The same .intake/ folder's knowledge/ overlays and report.yaml apply (the team's products, vendor policy, prices, extra fields; the branding of HTML and Word); --knowledge DIR adds a folder of your own overlays under them (repeatable)."),
    t('knowledge check: checks the team files of each DIR (default: the current folder) in the same format as check; exit 0 when clean, 1 on errors or warnings, 2 on usage errors.'),
    t('With --provider openai-compatible an LLM writes the report from the offline facts; the key is read from INTAKE_LLM_API_KEY, then OPENAI_API_KEY (none needed for localhost). Verification findings go to stderr as "code: message".'),
    t('daemon start: keeps an intake process running in the background (until stop, or MINUTES without a command, default 30) that runs later check and offline generate commands of yours, so that each starts in a fraction of the time; any other command, or one it cannot run exactly as here, runs as before. INTAKE_DAEMON=0 runs a command here. serve runs the daemon in the foreground. Not on Windows.'),
    t('Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.'),
    t('LLM exit codes: 3 the report failed verification, 4 the endpoint failed (--fallback offline then prints the offline report), 5 the intake is too thin and gets a clarification brief, which is not sent to the LLM (--fallback offline then prints the brief).'),
    t('Over several files the worst result wins: 2, then 4, then 3, then 1, then 0.'),
    t('Set INTAKE_LANG=zh-cn (or a Chinese LANG) for messages in Chinese.'),
  ].join('\n');
}

export interface MainOptions {
  /** The CLI bundle, to start worker threads from; without it several files are worked on in this thread. */
  workerScript?: string;
  /** What the launcher said about this run (the build, the daemon's socket): needed by `intake daemon`. */
  launch?: LaunchInfo;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, options: MainOptions = {}): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const locale = localeFromEnv(env) === 'zh-cn' ? 'zh-cn' : 'en';
  if (locale === 'zh-cn') configureL10n(zhCn as Record<string, string>);
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') return { stdout: usage() + '\n', stderr: '', exitCode: command ? 0 : 2 };
    if (command === '--version' || command === '-v') return { stdout: VERSION + '\n', stderr: '', exitCode: 0 };
    if (command === 'daemon') {
      const { runDaemonCommand } = await import('./daemon/commands');
      // Each command a daemon runs reads the team's files again: they may have changed since the last.
      const run = (commandLine: string[]) => {
        forgetLoadedTeams();
        return main(commandLine, env, options);
      };
      return await runDaemonCommand(rest, { launch: options.launch, run, cannotWrite: cannotWriteMessage('{0}') });
    }
    if (command === 'knowledge') {
      const { rest: own, shared } = takeSharedArgs(rest);
      return await runKnowledge(own, shared);
    }
    if (command === 'check' || command === 'generate') {
      const { rest: own, shared } = takeSharedArgs(rest);
      const context: BatchContext = { shared, cwd: process.cwd(), locale, ...(options.workerScript !== undefined ? { workerScript: options.workerScript } : {}) };
      return command === 'check' ? await check(own, context) : await generate(own, context, env);
    }
    throw new UsageError(t('Unknown command: {0}', command));
  } catch (e) {
    // File names and server messages can hold escape sequences: shown, never run by the terminal.
    if (e instanceof UsageError) return { stdout: '', stderr: [e.message, ...e.more].map((m) => `intake: ${escapeControlChars(m)}\n`).join(''), exitCode: 2 };
    // Anything else is a bug in the core: still one line, never a stack trace for the user.
    return { stdout: '', stderr: `intake: ${escapeControlChars(t('internal error: {0}', e instanceof Error ? e.message : String(e)))}\n`, exitCode: 2 };
  }
}

async function check(args: string[], context: BatchContext): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const json = args.includes('--json');
  const [badOption] = args.filter((a) => a.startsWith('-') && a !== '--json');
  if (badOption !== undefined) throw new UsageError(t('Unknown option: {0}', badOption));
  const inputs = classifyInputs(args.filter((a) => a !== '--json'), context.shared.literal);
  if (inputs.includes.length === 0) throw new UsageError(t('check needs a FILE (or files, folders and globs)'));
  const file = singleFile(inputs);
  if (file === undefined) return (await batch()).runBatchCheck(inputs, json, context);
  const [config] = await configsOf(context.shared, file);
  const { team, warnings } = await teamOf(context.shared, file);
  const result = runCheck(file, json, diagnosticPolicyOf(config), team?.knowledge?.catalog);
  return { stdout: result.output, stderr: warnings + result.warnings, exitCode: result.exitCode };
}

async function generate(args: string[], context: BatchContext, env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const options = parseGenerateArgs(args);
  const inputs = classifyInputs(options.inputs, context.shared.literal);
  if (inputs.includes.length === 0) throw new UsageError(t('generate needs a FILE (or files, folders and globs with -o DIR)'));
  const file = singleFile(inputs);
  if (file === undefined) {
    if (options.llm) throw new UsageError(t('--provider openai-compatible writes one report: give one FILE'));
    if (options.out === undefined) throw new UsageError(t('generate with several files needs -o DIR'));
    const choices = { ...(options.asOf !== undefined ? { asOf: options.asOf } : {}), ...(options.refs !== undefined ? { refs: options.refs } : {}) };
    return (await batch()).runBatchGenerate(inputs, { out: options.out, choices, ...(options.format ? { format: options.format } : {}), ...(options.intake !== undefined ? { intake: options.intake } : {}) }, context);
  }
  const [config] = await configsOf(context.shared, file);
  const args2 = singleGenerateArgs(options, file, config?.generate?.format);
  const { team, warnings } = await teamOf(context.shared, file);
  const result = await runGenerate(args2, env, team);
  return { ...result, stderr: warnings + result.stderr };
}

/**
 * Several files' commands, loaded only for them: with the worker pool they bring node:worker_threads
 * and node:os, which a one-file command never needs (about 4 ms of its start).
 */
function batch() {
  return import('./batch');
}

/** The team knowledge and branding of one file, and the lines about their problems. */
async function teamOf(shared: SharedArgs, file: string): Promise<{ team?: LoadedTeam; warnings: string }> {
  const spec = await new CliTeams(shared.knowledge).forFile(file);
  if (!spec) return { warnings: '' };
  return { team: await loadTeam(spec, todayIso()), warnings: await teamWarnings([spec], todayIso()) };
}

function configsOf(shared: SharedArgs, file: string) {
  return new CliConfigs(shared).forFiles([file]);
}

/** The line for an output that cannot be written (writeResult.ts), in the user's language. */
export function cannotWriteMessage(code: string): string {
  return t('cannot write the output ({0})', code);
}
