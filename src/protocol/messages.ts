/**
 * The messages between the report preview's webview and the extension, in both directions, as
 * zod discriminated unions. Both sides `safeParse` what they receive and drop anything invalid,
 * and anything about another document (every message names its `documentUri`). Shared by the
 * extension (Node) and the webview bundle (browser): no `vscode`, no Node APIs.
 */
import * as z from './zodMini';

/** Bounds that keep a hostile or corrupted message from costing much to handle. */
const MAX_URI = 8192;
const MAX_LINE = 10_000_000;
const MAX_HTML = 20_000_000;

const DocumentUri = z.string().check(z.minLength(1), z.maxLength(MAX_URI));
const Line = z.int().check(z.nonnegative(), z.lte(MAX_LINE));
const Version = z.int().check(z.nonnegative());
const Text = z.string().check(z.maxLength(2000));
const Html = z.string().check(z.maxLength(MAX_HTML));
const Count = z.int().check(z.nonnegative());
/** A duration or an offset in ms (or px): finite, not negative. */
const Ms = z.number().check(z.nonnegative());

/** What the error banner shows: the intake's error count and the banner's sentence. */
const ErrorSummarySchema = z.object({ count: Count, text: Text });
export type ErrorSummary = z.infer<typeof ErrorSummarySchema>;

/** The webview's own words, localised by the extension (the webview has no l10n of its own). */
const LabelsSchema = z.object({
  export: Text,
  exportTooltip: Text,
  showProblems: Text,
  engine: Text,
  engineTooltip: Text,
  refTooltip: Text,
  toolbar: Text,
});
export type Labels = z.infer<typeof LabelsSchema>;

/**
 * One change to the report's top-level elements, each named by its `data-block` id: replace it,
 * insert a new one after another (`after: null` = first), or remove it.
 */
const BlockId = z.string().check(z.minLength(1), z.maxLength(200));
const PatchOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('replace'), block: BlockId, html: Html }),
  z.object({ op: z.literal('insert'), after: z.nullable(BlockId), html: Html }),
  z.object({ op: z.literal('remove'), block: BlockId }),
]);
export type PatchOp = z.infer<typeof PatchOpSchema>;

/** A later version of the report: the whole body, or element replacements against `baseVersion`. */
const PatchSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('html'), html: Html }),
  z.object({ kind: z.literal('ops'), ops: z.array(PatchOpSchema).check(z.maxLength(10_000)) }),
]);
export type Patch = z.infer<typeof PatchSchema>;

/** A notice above the report, e.g. that the intake no longer exists and the report is the last one. */
const NoticeSchema = z.object({ kind: z.enum(['info', 'warning', 'error']), text: Text });
export type Notice = z.infer<typeof NoticeSchema>;

// ---- LLM mode ---------------------------------------------------------------------------

/** Which report the preview shows: the offline engine's, or the one an LLM wrote from it. */
const ReportVersionSchema = z.enum(['offline', 'llm']);
export type ReportVersion = z.infer<typeof ReportVersionSchema>;

/** The LLM view's words, localised by the extension. */
const LlmLabelsSchema = z.object({
  offline: Text,
  llm: Text,
  offlineTooltip: Text,
  llmTooltip: Text,
  /** The toggle's accessible name. */
  toggle: Text,
  streaming: Text,
  done: Text,
  cancelled: Text,
  truncated: Text,
  failed: Text,
  cancel: Text,
  continue: Text,
  retry: Text,
  /** Run again after a finished run. */
  regenerate: Text,
  setApiKey: Text,
  showOffline: Text,
  localOnly: Text,
  localOnlyTooltip: Text,
  findings: Text,
});
export type LlmLabels = z.infer<typeof LlmLabelsSchema>;

/** One masked value: what the preview lists under "masked before sending". */
const LlmRedactionSchema = z.object({
  kind: z.enum(['company', 'person', 'phone', 'email', 'id']),
  /** The kind, localised. */
  label: Text,
  original: Text,
  mask: Text,
  count: Count,
});
export type LlmRedaction = z.infer<typeof LlmRedactionSchema>;

/** A verification finding on the LLM's text (src/core/llm/verify.ts). */
const LlmFindingSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(100)),
  severity: z.enum(['error', 'warning', 'information']),
  message: Text,
});
export type LlmFinding = z.infer<typeof LlmFindingSchema>;

const LlmErrorKindSchema = z.enum(['auth', 'not-found', 'rate-limit', 'server', 'bad-request', 'connection', 'timeout', 'disconnected', 'cancelled', 'bad-response', 'config']);

/** Why the run failed, as the preview shows it (the message already says what to do). */
const LlmErrorViewSchema = z.object({ kind: LlmErrorKindSchema, title: Text, message: Text });
export type LlmErrorView = z.infer<typeof LlmErrorViewSchema>;

/** What the LLM view shows above the text, known once the prompt is built. */
const LlmHeader = {
  documentUri: DocumentUri,
  labels: LlmLabelsSchema,
  /** "deepseek-chat · 1,234 characters" and the like: one line about the run. */
  detail: Text,
  endpoint: Text,
  /** The endpoint is on this machine: the "local only" badge. */
  local: z.boolean(),
  redactions: z.array(LlmRedactionSchema).check(z.maxLength(500)),
  /** "5 values masked before sending", "Redaction is off…". */
  redactionSummary: Text,
};

const LlmStartSchema = z.object({
  type: z.literal('llmStart'),
  ...LlmHeader,
  /** A continuation: the text so far stays and grows. */
  continued: z.boolean(),
});
export type LlmStartMessage = z.infer<typeof LlmStartSchema>;

/**
 * The report so far, rendered: the whole text each time, not a delta, so a lost or late message
 * costs nothing (the next one has everything) and the page never has to stitch Markdown.
 */
const LlmDeltaSchema = z.object({ type: z.literal('llmDelta'), documentUri: DocumentUri, html: Html, detail: Text });
export type LlmDeltaMessage = z.infer<typeof LlmDeltaSchema>;

/** The run ended: everything the LLM view shows, so a reloaded page needs only this. */
const LlmDoneSchema = z.object({
  type: z.literal('llmDone'),
  ...LlmHeader,
  html: Html,
  findings: z.array(LlmFindingSchema).check(z.maxLength(500)),
  /** The findings banner's sentence (empty: none). */
  findingsSummary: Text,
  truncated: z.boolean(),
  cancelled: z.boolean(),
  error: z.optional(LlmErrorViewSchema),
});
export type LlmDoneMessage = z.infer<typeof LlmDoneSchema>;

// ---- extension → webview ---------------------------------------------------------------

const RenderMessageSchema = z.object({
  type: z.literal('render'),
  documentUri: DocumentUri,
  intakeIndex: Count,
  version: Version,
  /** The report body (a safe fragment from renderReportHtml). */
  html: Html,
  title: Text,
  errors: ErrorSummarySchema,
  labels: LabelsSchema,
  followCursor: z.boolean(),
  /** Cursor lines to highlight right away (0-based). */
  highlight: z.optional(z.array(Line).check(z.maxLength(1000))),
  notice: z.optional(NoticeSchema),
});
export type RenderMessage = z.infer<typeof RenderMessageSchema>;

/** The first render written into the page (the `data-initial` attribute): the message without its html, which is the page's markup. */
const InitialRenderSchema = z.extend(RenderMessageSchema, { html: z.literal('') });

export function parseInitialRender(data: unknown, documentUri: string): RenderMessage | undefined {
  const r = InitialRenderSchema.safeParse(data);
  return r.success && r.data.documentUri === documentUri ? r.data : undefined;
}

export const ToWebviewSchema = z.discriminatedUnion('type', [
  RenderMessageSchema,
  z.object({
    type: z.literal('update'),
    documentUri: DocumentUri,
    version: Version,
    /** The version the webview must be showing for `patch` to apply; otherwise it asks for a full render. */
    baseVersion: Version,
    title: Text,
    errors: ErrorSummarySchema,
    patch: PatchSchema,
  }),
  z.object({
    type: z.literal('highlightLines'),
    documentUri: DocumentUri,
    lines: z.array(Line).check(z.maxLength(1000)),
    /** Scroll the first highlighted block into view (gently) if it is not visible. */
    reveal: z.boolean(),
  }),
  z.object({
    type: z.literal('state'),
    documentUri: DocumentUri,
    errors: z.optional(ErrorSummarySchema),
    /** Replaces the notice; null removes it. */
    notice: z.optional(z.nullable(NoticeSchema)),
    followCursor: z.optional(z.boolean()),
  }),
  LlmStartSchema,
  LlmDeltaSchema,
  LlmDoneSchema,
  /** Show this version of the report (the other stays, one click away). */
  z.object({ type: z.literal('showVersion'), documentUri: DocumentUri, version: ReportVersionSchema }),
]);
export type ToWebview = z.infer<typeof ToWebviewSchema>;

// ---- webview → extension ---------------------------------------------------------------

export const FromWebviewSchema = z.discriminatedUnion('type', [
  /** The page (re)loaded, or a patch did not apply: send a full render. */
  z.object({ type: z.literal('ready'), documentUri: DocumentUri, version: z.optional(Version) }),
  /** The report was painted (`version`), `paintMs` after the page started (initial) or the message arrived (update). */
  z.object({
    type: z.literal('rendered'),
    documentUri: DocumentUri,
    version: Version,
    kind: z.enum(['initial', 'update', 'full']),
    paintMs: z.number().check(z.nonnegative(), z.lte(3_600_000)),
    /** For the first paint: when the page script started and when the render arrived (ms since the page's time origin). */
    marks: z.optional(
      z.object({
        script: Ms,
        received: Ms,
        /** The page's time origin (ms since the epoch), to place the page on the extension's clock. */
        origin: z.optional(Ms),
        /** When the stylesheet and the script finished loading (ms since the time origin). */
        css: z.optional(Ms),
        js: z.optional(Ms),
      }),
    ),
  }),
  z.object({ type: z.literal('revealLine'), documentUri: DocumentUri, line: Line }),
  z.object({ type: z.literal('openLink'), documentUri: DocumentUri, href: z.string().check(z.minLength(1), z.maxLength(MAX_URI)) }),
  z.object({ type: z.literal('openProblems'), documentUri: DocumentUri }),
  z.object({ type: z.literal('export'), documentUri: DocumentUri }),
  /** The first intake line cited at the top of the view, and the scroll offset; informational. */
  z.object({ type: z.literal('scroll'), documentUri: DocumentUri, line: z.optional(Line), scrollY: Ms }),
  /** The toolbar's offline/LLM toggle (the page switches at once; the extension remembers it). */
  z.object({ type: z.literal('toggleVersion'), documentUri: DocumentUri, version: ReportVersionSchema }),
  /** The LLM view's buttons. */
  z.object({ type: z.literal('showOffline'), documentUri: DocumentUri }),
  z.object({ type: z.literal('cancelLlm'), documentUri: DocumentUri }),
  z.object({ type: z.literal('continueLlm'), documentUri: DocumentUri }),
  z.object({ type: z.literal('retryLlm'), documentUri: DocumentUri }),
  z.object({ type: z.literal('setApiKey'), documentUri: DocumentUri }),
]);
export type FromWebview = z.infer<typeof FromWebviewSchema>;

/**
 * What the webview keeps with `setState`, and what `registerWebviewPanelSerializer` gets back
 * after a window reload: enough to re-open the preview of the same intake.
 */
const PreviewStateSchema = z.object({
  documentUri: DocumentUri,
  intakeIndex: Count,
  /** The editor column the intake was in, to re-open it there. */
  sourceColumn: z.optional(z.int().check(z.positive())),
  scrollY: z.optional(Ms),
  version: z.optional(Version),
});
export type PreviewState = z.infer<typeof PreviewStateSchema>;

/**
 * Parses a message received from the webview: undefined unless it is valid and about `documentUri`.
 */
export function parseFromWebview(data: unknown, documentUri: string): FromWebview | undefined {
  const r = FromWebviewSchema.safeParse(data);
  if (!r.success || r.data.documentUri !== documentUri) return undefined;
  return r.data;
}

/** Parses a message received from the extension: undefined unless it is valid and about `documentUri`. */
export function parseToWebview(data: unknown, documentUri: string): ToWebview | undefined {
  const r = ToWebviewSchema.safeParse(data);
  if (!r.success || r.data.documentUri !== documentUri) return undefined;
  return r.data;
}

export function parsePreviewState(data: unknown): PreviewState | undefined {
  const r = PreviewStateSchema.safeParse(data);
  return r.success ? r.data : undefined;
}
