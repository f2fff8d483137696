/**
 * LLM mode end to end: the offline report model → prompt (grounded in it) → redaction → streamed
 * completion → un-masking → verification. Never throws for an endpoint or configuration problem
 * (only for an intake index that does not exist, and for an intake whose offline result is a
 * clarification brief: {@link LlmBriefError}, before anything is sent): the result says
 * what happened (`error`, `cancelled`, `truncated`) and keeps whatever text arrived, so the caller
 * can show it next to the offline report. A truncated result can be continued by passing it back
 * as `continueFrom`.
 */
import { generateReport, IntakeIndexError } from '../engine/generate';
import type { ReportModel } from '../engine/reportModel';
import { getKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge';
import { extractFacts } from '../facts/facts';
import { t } from '../l10n';
import type { IntakeFile } from '../model';
import { answerCap, streamCompletion, type CompletionUsage, type RetryInfo } from './client';
import { dropControlChars } from '../text/controlChars';
import { stripUnsafeLinks } from './linkSafety';
import { chatCompletionsUrl, isLoopback, type LlmConfig } from './config';
import { LlmError, type LlmErrorInfo } from './errors';
import { continueMessages, joinContinuation, type ChatMessage } from './messages';
import { buildPrompt, type PromptMeta } from './prompt';
import { Redactor, StreamUnmasker, unmask, type Replacement } from './redact';
import { VerifyCodes, verifyReport } from './verify';
import type { VerifyFinding } from './verifyFinding';

export interface GenerateLlmInput {
  file: IntakeFile;
  /** 0-based intake index (default 0). */
  index?: number;
  config: LlmConfig;
  /** The offline report of this intake, when the caller already has it. */
  model?: ReportModel;
  /** Mask customer and personal data before sending (default true). */
  redact?: boolean;
  /** Names to mask always, besides those discovered in the intake. */
  redactNames?: readonly string[];
  /** Prompt token budget (default 12,000; see prompt.ts). */
  maxContextTokens?: number;
  /** Continue this (truncated) result instead of starting over. */
  continueFrom?: LlmReport;
  kb?: KnowledgeBase;
}

/**
 * The offline model of the intake is a clarification brief: LLM mode writes no report from it
 * (the engine found too little to recommend anything, and the model would fill the gaps with
 * guesses). Thrown before anything is sent; the message says what to do instead.
 */
export class LlmBriefError extends Error {}

/** Why LLM mode writes nothing for intake `index` (0-based), and what to do: localised. */
export function briefMessage(index: number): string {
  return t('Intake {0} is too thin for a recommendation: its offline result is a clarification brief, the questions to ask the customer. An LLM does not write a report from it. Answer the questions in the intake, then generate again.', index + 1);
}

type LlmPhase = 'prompt' | 'request' | 'streaming' | 'verifying' | 'done';

export interface LlmProgress {
  phase: LlmPhase;
  /** Characters of report text received so far (this request). */
  receivedChars: number;
}

/** What is about to be sent, before the request: for "N values masked", the token estimate. */
interface LlmPromptInfo {
  meta?: PromptMeta;
  redactions: Replacement[];
  local: boolean;
  endpoint: string;
}

export interface GenerateLlmOptions {
  signal?: AbortSignal;
  /** Called once the prompt is built and redacted, before anything is sent. */
  onPrompt?: (info: LlmPromptInfo) => void;
  /** Report text as it streams, already un-masked: append each piece. */
  onDelta?: (text: string) => void;
  onRetry?: (info: RetryInfo) => void;
  onProgress?: (p: LlmProgress) => void;
  /** Diagnostic lines (localised); never the key, never the prompt. */
  log?: (line: string) => void;
  /** Something the user should see before it happens (a key about to go over plain http); default: `log`. */
  warn?: (line: string) => void;
}

export interface LlmReport {
  /** The report for display: the model's text with the masks put back. */
  markdown: string;
  /** The text exactly as the model wrote it (masked): what a continuation sends back. */
  maskedText: string;
  finishReason: string | null;
  truncated: boolean;
  cancelled: boolean;
  /** Set when the endpoint failed; `markdown` then holds whatever arrived before. */
  error?: LlmErrorInfo;
  findings: VerifyFinding[];
  /** What was masked (kind, original, mask, count), for the preview to show. */
  redactions: Replacement[];
  /** Estimated prompt tokens (tokens.ts). */
  promptTokens: number;
  promptMeta?: PromptMeta;
  usage?: CompletionUsage;
  /** The endpoint is on this machine: nothing left it. */
  local: boolean;
  /** The URL requests went to (no credentials). */
  endpoint: string;
  /** The messages sent (redacted), for continuing. */
  messages: ChatMessage[];
  /** The grounding text (before redaction), for re-verifying. */
  groundingText: string;
  /** The offline report the prompt was grounded in. */
  model: ReportModel;
}

export async function generateLlmReport(input: GenerateLlmInput, options: GenerateLlmOptions = {}): Promise<LlmReport> {
  const index = input.index ?? 0;
  const kb = input.kb ?? getKnowledgeBase();
  const local = isLoopback(input.config.baseUrl);
  let endpoint = input.config.baseUrl;
  try {
    endpoint = chatCompletionsUrl(input.config);
  } catch {
    // An invalid URL is reported by streamCompletion, with the rest of the result.
  }
  const intake = input.file.intakes[index];
  // A wrong index is the caller's mistake, not the endpoint's: it throws, like generateReport.
  if (!intake) throw new IntakeIndexError(t('Intake {0} does not exist (the file has {1}).', index + 1, input.file.intakes.length));
  const prev = input.continueFrom;
  const model = prev?.model ?? input.model ?? generateReport(input.file, index, { kb });
  // A clarification brief is the answer for a thin intake: nothing is sent for the model to
  // expand into a report of guesses. Callers check `model.kind` first and show the brief.
  if (model.kind === 'brief') throw new LlmBriefError(briefMessage(index));

  options.onProgress?.({ phase: 'prompt', receivedChars: 0 });
  let messages: ChatMessage[];
  let redactions: Replacement[];
  let promptMeta: PromptMeta | undefined;
  let groundingText: string;
  if (prev) {
    messages = continueMessages(prev.messages, prev.maskedText);
    redactions = prev.redactions;
    promptMeta = prev.promptMeta;
    groundingText = prev.groundingText;
  } else {
    const prompt = buildPrompt(intake, model, { kb, ...(input.maxContextTokens !== undefined ? { maxContextTokens: input.maxContextTokens } : {}) });
    promptMeta = prompt.meta;
    groundingText = prompt.groundingText;
    if (input.redact === false) {
      messages = prompt.messages;
      redactions = [];
    } else {
      const redactor = new Redactor({
        discoverFrom: extractFacts(intake).facts.map((f) => f.text).join('\n'),
        names: input.redactNames ?? [],
        // Vendors from the knowledge base are facts of the grounding, not customer data.
        keep: [...new Set(kb.products.map((p) => p.vendor))],
      });
      messages = prompt.messages.map((m) => ({ ...m, content: redactor.redact(m.content) }));
      redactions = redactor.replacements;
    }
    options.log?.(t('Prompt: about {0} tokens (limit {1}); {2} value(s) masked.', prompt.meta.estimatedTokens, prompt.meta.maxContextTokens, redactions.length));
  }
  const promptTokens = promptMeta?.estimatedTokens ?? 0;
  options.onPrompt?.({ ...(promptMeta ? { meta: promptMeta } : {}), redactions, local, endpoint });

  if (input.config.apiKey && !local && /^\s*http:/i.test(input.config.baseUrl)) {
    (options.warn ?? options.log)?.(t('The API key is about to be sent over plain http to {0}: anyone on the network path can read it. Use an https URL.', endpoint));
  }

  const unmasker = new StreamUnmasker(redactions);
  let received = 0;
  const emit = (text: string) => {
    if (text) options.onDelta?.(text);
  };
  options.onProgress?.({ phase: 'request', receivedChars: 0 });
  let raw = '';
  let finishReason: string | null = null;
  let truncated = false;
  let capped = false;
  let usage: CompletionUsage | undefined;
  let error: LlmError | undefined;
  try {
    const result = await streamCompletion(input.config, messages, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      ...(options.log ? { log: options.log } : {}),
      onDelta: (d) => {
        received += d.length;
        emit(unmasker.push(d));
        options.onProgress?.({ phase: 'streaming', receivedChars: received });
      },
    });
    raw = result.text;
    finishReason = result.finishReason;
    truncated = result.truncated;
    capped = result.capped === true;
    if (result.usage) usage = result.usage;
  } catch (e) {
    if (!(e instanceof LlmError)) throw e;
    error = e;
    raw = e.partialText;
  }
  emit(unmasker.flush());

  // An answer with no text (a content filter, tool calls only, no choices) is a failure, like an
  // endpoint error: the caller shows its error and `--fallback offline` covers it.
  if (!error && !raw.trim() && !(prev && prev.maskedText.trim())) {
    error = new LlmError('bad-response', t('The endpoint answered with no text (finish reason: {0}). The model may have refused, or answered with tool calls only.', finishReason ?? '—'), { url: endpoint });
  }
  const maskedText = prev ? joinContinuation(prev.maskedText, raw) : raw;
  // Masks go back only outside addresses; then links and images that do not go to a plain https
  // URL, and control characters, are taken out (linkSafety.ts, controlChars.ts).
  const stripped = stripUnsafeLinks(dropControlChars(unmask(maskedText, redactions)));
  const markdown = stripped.markdown;
  options.onProgress?.({ phase: 'verifying', receivedChars: received });
  const findings = markdown.trim() ? verifyReport(markdown, model, intake, { groundingText, kb, complete: !error && !truncated }) : [];
  if (stripped.removed.length > 0) {
    const shown = stripped.removed.slice(0, 3).map((d) => (d.length > 80 ? `${d.slice(0, 80)}…` : d));
    findings.unshift({ code: VerifyCodes.unsafeLink, severity: 'warning', message: t('Removed {0} link(s) or image(s) whose address is not a plain https URL: {1}', stripped.removed.length, shown.join(', ')) });
  }
  if (capped) findings.unshift({ code: VerifyCodes.truncated, severity: 'warning', message: t('The answer passed {0} characters and was cut there: the report is truncated.', answerCap(input.config)) });
  else if (truncated) findings.unshift({ code: VerifyCodes.truncated, severity: 'warning', message: t('The model stopped at the output limit ({0} tokens): the report is truncated. Continue it, or raise the limit.', input.config.maxTokens ?? 4096) });
  options.onProgress?.({ phase: 'done', receivedChars: received });

  const report: LlmReport = {
    markdown,
    maskedText,
    finishReason,
    truncated,
    cancelled: error?.kind === 'cancelled',
    findings,
    redactions,
    promptTokens,
    local,
    endpoint,
    messages,
    groundingText,
    model,
  };
  if (promptMeta) report.promptMeta = promptMeta;
  if (usage) report.usage = usage;
  if (error) report.error = error.toJSON();
  return report;
}
