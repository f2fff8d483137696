/**
 * LLM mode (no `vscode` here): an OpenAI-compatible endpoint writes the report's prose, grounded
 * in the offline engine's facts, streamed, redacted and verified. The `openai` package is loaded
 * only when a request is made (client.ts), so importing this module costs nothing at activation.
 */
export { generateLlmReport, type GenerateLlmInput, type GenerateLlmOptions, type LlmReport, type LlmProgress, type LlmPhase, type LlmPromptInfo } from './generateLlm';
export { streamCompletion, type StreamOptions, type CompletionResult, type CompletionUsage, type RetryInfo } from './client';
export { isLoopback, isAzure, chatCompletionsUrl, validateConfig, DEFAULT_TIMEOUT_SECONDS, DEFAULT_MAX_TOKENS, DEFAULT_AZURE_API_VERSION, type LlmConfig, type RetryPolicy } from './config';
export { LlmError, isLlmError, type LlmErrorKind, type LlmErrorInfo } from './errors';
export { continueMessages, joinContinuation, type ChatMessage } from './messages';
export { buildPrompt, DEFAULT_MAX_CONTEXT_TOKENS, type BuiltPrompt, type PromptMeta, type PromptOptions } from './prompt';
export { redact, unmask, Redactor, StreamUnmasker, type Replacement, type RedactOptions, type RedactResult, type RedactionKind } from './redact';
export { verifyReport, hasProblems, VerifyCodes, type VerifyFinding, type VerifySeverity, type VerifyOptions } from './verify';
export { estimateTokens, TOKEN_ESTIMATOR } from './tokens';
