/**
 * `intake generate FILE --provider openai-compatible --base-url URL --model NAME [--intake N]
 *  [--api-key-env NAME] [--no-redact] [--fallback offline] [--timeout S] [--max-tokens N] [-o OUT]`:
 * the LLM path of generate.
 *
 * The key comes from the variable named by --api-key-env, else INTAKE_LLM_API_KEY, else
 * OPENAI_API_KEY; a loopback URL needs none. HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply as in
 * the extension (src/core/llm/proxy.ts), through undici's ProxyAgent. Progress goes to stderr as it happens, the Markdown to
 * stdout (or OUT), then the verification findings to stderr, one per line: `code: message`.
 * Exit codes: 0 done; 3 the report has verification problems (errors or warnings); 4 the endpoint
 * failed (with --fallback offline the offline report is printed instead, still exit 4); 5 the
 * intake is too thin for a recommendation: its offline result is a clarification brief, and
 * nothing is sent (with --fallback offline the brief is printed, still exit 5); 130 interrupted
 * (Ctrl-C, the request is aborted); 2 usage errors.
 */
import { t } from '../core/l10n';
import { isLoopback, parseBaseUrl, redactUrl, type LlmConfig } from '../core/llm/config';
import { escapeControlChars } from '../core/text/controlChars';
import { proxyFor, redactProxyUrl } from '../core/llm/proxy';
import type { ProxyFetch } from '../core/llm/proxyFetch';
import { generateReport } from '../core/engine/generate';
import { parseIntake } from '../core/parser';
import { refuseOverwritingInput, writeFileAtomic } from './atomicWrite';
import { readIntakeFile, UsageError, valueAfter } from './io';

export interface LlmArgs {
  provider: 'openai-compatible';
  baseUrl: string;
  model: string;
  apiKeyEnv?: string;
  redact: boolean;
  fallback?: 'offline';
  timeoutSeconds?: number;
  maxTokens?: number;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const EXIT_VERIFY = 3;
const EXIT_ENDPOINT = 4;
const EXIT_INTERRUPTED = 130;
/** The intake is too thin: its offline result is a clarification brief, which no LLM expands. */
const EXIT_BRIEF = 5;

/** The largest --timeout, as for the extension's intake.llm.timeoutSeconds. */
const MAX_TIMEOUT_SECONDS = 3600;

const LLM_FLAGS = ['--base-url', '--model', '--api-key-env', '--no-redact', '--fallback', '--timeout', '--max-tokens'];

/** Takes the LLM options out of generate's arguments; `llm` is set only for --provider openai-compatible. */
export function takeLlmFlags(args: readonly string[]): { rest: string[]; llm?: LlmArgs } {
  const rest: string[] = [];
  const seen: string[] = [];
  let provider = 'offline';
  const values: Record<string, string> = {};
  let redact = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    // Consumes the value: the loop's own i++ then moves past it.
    const next = (): string => valueAfter(args, i++);
    if (a === '--provider') provider = next();
    else if (a === '--no-redact') {
      redact = false;
      seen.push(a);
    } else if (LLM_FLAGS.includes(a)) {
      values[a] = next();
      seen.push(a);
    } else rest.push(a);
  }
  if (provider === 'offline') {
    const [first] = seen;
    if (first !== undefined) throw new UsageError(t('{0} needs --provider openai-compatible', first));
    return { rest };
  }
  if (provider !== 'openai-compatible') throw new UsageError(t('--provider must be offline or openai-compatible'));
  const baseUrl = values['--base-url'];
  const model = values['--model'];
  if (!baseUrl || !model) throw new UsageError(t('--provider openai-compatible needs --base-url URL and --model NAME'));
  // A base URL that cannot work is a usage error (exit 2), found before anything is read or sent.
  try {
    parseBaseUrl(baseUrl);
  } catch (e) {
    throw new UsageError(`--base-url: ${(e as Error).message}`);
  }
  const llm: LlmArgs = { provider: 'openai-compatible', baseUrl, model, redact };
  if (values['--api-key-env'] !== undefined) llm.apiKeyEnv = values['--api-key-env'];
  if (values['--fallback'] !== undefined) {
    if (values['--fallback'] !== 'offline') throw new UsageError(t('--fallback takes only offline'));
    llm.fallback = 'offline';
  }
  if (values['--timeout'] !== undefined) {
    const s = Number(values['--timeout']);
    // The extension's setting allows 1–3600 s; beyond that the timer would overflow.
    if (!(s >= 1 && s <= MAX_TIMEOUT_SECONDS)) throw new UsageError(t('--timeout takes a number of seconds from 1 to {0}', MAX_TIMEOUT_SECONDS));
    llm.timeoutSeconds = s;
  }
  if (values['--max-tokens'] !== undefined) {
    const n = values['--max-tokens'];
    if (!/^\d+$/.test(n) || Number(n) < 1) throw new UsageError(t('--max-tokens takes a positive whole number'));
    llm.maxTokens = Number(n);
  }
  return { rest, llm };
}

export interface LlmCliIo {
  env: NodeJS.ProcessEnv;
  /** Progress, as it happens. */
  stderr: (text: string) => void;
  /** The offline report, for --fallback offline. */
  offline: () => Promise<CliResult>;
}

export async function runGenerateLlm(args: { file: string; intake: number; format: string; out?: string; asOf?: string }, llm: LlmArgs, io: LlmCliIo): Promise<CliResult> {
  // LLM mode's code (and `openai`, `undici`) loads only when it is used: the offline commands never read it.
  const [{ generateLlmReport, briefMessage }, { hasProblems }, { proxyFetch }] = await Promise.all([import('../core/llm/generateLlm'), import('../core/llm/verify'), import('../core/llm/proxyFetch')]);
  if (args.format !== 'md') throw new UsageError(t('--provider openai-compatible writes Markdown only; drop --format {0}', args.format));
  if (args.out !== undefined) refuseOverwritingInput(args.out, [args.file]);
  const file = parseIntake(readIntakeFile(args.file, (w) => note(io, w)));
  if (file.intakes.length === 0) throw new UsageError(t('{0}: contains no intake', args.file));
  if (args.intake > file.intakes.length) throw new UsageError(t('{0}: has {1} intake(s); --intake {2} does not exist', args.file, file.intakes.length, args.intake));

  // The offline model the prompt is grounded on. A clarification brief is never sent to be
  // "expanded" into a report: exit 5 at once, with the brief itself under --fallback offline.
  const model = generateReport(file, args.intake - 1, args.asOf ? { asOf: args.asOf } : {});
  if (model.kind === 'brief') {
    const message = `intake: ${escapeControlChars(briefMessage(args.intake - 1))}\n`;
    if (llm.fallback !== 'offline') return { stdout: '', stderr: message + `intake: ${t('The offline command prints the brief: intake generate {0} --intake {1}', escapeControlChars(args.file), args.intake)}\n`, exitCode: EXIT_BRIEF };
    const offline = await io.offline();
    return { stdout: offline.stdout, stderr: offline.stderr + message + `intake: ${t('Printed the offline clarification brief instead (--fallback offline).')}\n`, exitCode: EXIT_BRIEF };
  }

  const config: LlmConfig = { baseUrl: llm.baseUrl, model: llm.model };
  const key = apiKey(llm, io.env);
  if (key) config.apiKey = key;
  else if (!isLoopback(llm.baseUrl)) note(io, t('No API key: INTAKE_LLM_API_KEY and OPENAI_API_KEY are not set; sending the request without one.'));
  if (llm.timeoutSeconds !== undefined) config.timeoutSeconds = llm.timeoutSeconds;
  if (llm.maxTokens !== undefined) config.maxTokens = llm.maxTokens;

  // Never the raw URL: it can hold user:password@ or ?api_key=….
  const shownUrl = redactUrl(parseBaseUrl(llm.baseUrl));
  note(io, isLoopback(llm.baseUrl) ? t('Writing with {0} at {1} (local only: nothing leaves this machine).', llm.model, shownUrl) : t('Writing with {0} at {1}.', llm.model, shownUrl));
  if (!llm.redact) note(io, t('Redaction is off: the intake is sent as written.'));

  // Node's fetch ignores proxy variables: a proxy that applies gets undici's ProxyAgent.
  let proxy: ProxyFetch | undefined;
  const decision = proxyFor(llm.baseUrl, { env: io.env });
  if (decision.kind === 'proxy') {
    proxy = await proxyFetch(decision.url, { strictSSL: true });
    config.fetch = proxy.fetch;
    config.fetchOptions = proxy.fetchOptions;
    note(io, t('Through the proxy {0} ({1}).', redactProxyUrl(decision.url), 'HTTPS_PROXY / HTTP_PROXY'));
  } else if (decision.kind === 'invalid') note(io, t('Ignoring the proxy {0}: only http:// and https:// proxies are supported.', decision.raw));

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  let receiving = false;
  let report;
  try {
    report = await generateLlmReport(
      { file, index: args.intake - 1, config, redact: llm.redact, model },
      {
        signal: controller.signal,
        log: (line) => note(io, line),
        warn: (line) => note(io, t('Warning: {0}', line)),
        onPrompt: (info) => {
          const leftOut = info.meta?.leftOutLines ?? [];
          if (leftOut.length > 0) note(io, t('Not sent: {0} intake line(s) with contact details ({1}).', leftOut.length, leftOut.map((l) => `L${l}`).join(', ')));
          if (info.redactions.length > 0) note(io, t('Masked before sending: {0}.', info.redactions.map((r) => `${r.mask}×${r.count}`).join(', ')));
        },
        onRetry: (r) => note(io, t('HTTP {0}: retrying in {1} s (attempt {2} of {3}).', r.status, Math.round(r.delayMs / 100) / 10, r.attempt + 1, r.maxAttempts)),
        onProgress: (p) => {
          if (p.phase === 'streaming' && !receiving) {
            receiving = true;
            note(io, t('Receiving the report…'));
          }
        },
      },
    );
  } finally {
    process.removeListener('SIGINT', onSigint);
    await proxy?.close();
  }

  if (report.error) {
    note(io, report.error.message);
    const exitCode = report.error.kind === 'cancelled' ? EXIT_INTERRUPTED : EXIT_ENDPOINT;
    if (llm.fallback === 'offline' && report.error.kind !== 'cancelled') {
      const offline = await io.offline();
      return { stdout: offline.stdout, stderr: offline.stderr + `intake: ${t('Printed the offline report instead (--fallback offline).')}\n`, exitCode };
    }
    const lost = report.markdown.length > 0 ? `intake: ${t('{0} characters received before the failure were not printed; --fallback offline prints the offline report.', report.markdown.length)}\n` : '';
    return { stdout: '', stderr: lost, exitCode };
  }

  note(io, t('Received {0} characters (finish reason: {1}).', report.markdown.length, report.finishReason ?? '—'));
  const findings = report.findings.map((f) => `${f.code}: ${escapeControlChars(f.message)}\n`).join('');
  const exitCode = hasProblems(report.findings) ? EXIT_VERIFY : 0;
  const markdown = report.markdown.endsWith('\n') ? report.markdown : `${report.markdown}\n`;
  if (args.out) {
    writeFileAtomic(args.out, markdown);
    return { stdout: '', stderr: `${t('Wrote {0}', escapeControlChars(args.out))}\n${findings}`, exitCode };
  }
  return { stdout: markdown, stderr: findings, exitCode };
}

function apiKey(llm: LlmArgs, env: NodeJS.ProcessEnv): string | undefined {
  if (llm.apiKeyEnv !== undefined) {
    const v = env[llm.apiKeyEnv];
    if (!v) throw new UsageError(t('--api-key-env {0}: the variable is not set', llm.apiKeyEnv));
    return v;
  }
  return env.INTAKE_LLM_API_KEY || env.OPENAI_API_KEY || undefined;
}

function note(io: LlmCliIo, line: string): void {
  // Server messages and intake text can hold escape sequences: shown, never run by the terminal.
  io.stderr(`intake: ${escapeControlChars(line)}\n`);
}
