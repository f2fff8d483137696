/**
 * The report preview's webview panel view type; also the `onWebviewPanel:` activation event. A
 * file of its own, apart from the message schemas (messages.ts), so that activation, which
 * registers the panel serializer, loads no zod.
 */
export const PREVIEW_VIEW_TYPE = 'intake.preview';
