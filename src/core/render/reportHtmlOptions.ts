/**
 * How the report's HTML fragment is written: what renderReportHtml (html.ts) and the direct
 * writer it prefers (reportHtmlDirect.ts) both take. A file of its own so that neither of the two
 * imports the other for it.
 */
export interface ReportHtmlOptions {
  /** Include the Gantt and budget charts (default true). */
  charts?: boolean;
  /**
   * References as links for the preview to intercept (default true), or as plain
   * `<span class="intake-ref">` where there is no intake to jump to (the HTML export).
   */
  refLinks?: boolean;
  /** Show the 〔L12〕 references at all (default true); the customer's copy may leave them out. */
  refs?: boolean;
}
