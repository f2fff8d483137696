/**
 * The report's language: Chinese, whatever the user's. The engine quotes analysis findings
 * (made as {@link Message}s) in the report through this module, so that it never swaps the
 * user's language and never reads a bundle file itself. Only the report code imports it, so
 * the bundle travels in the report bundle and the CLI, not in the extension's activation code.
 */
import zhCn from '../../media/l10n/bundle.l10n.zh-cn.json';
import { localize, type Bundle, type Message } from './l10n';

const REPORT_BUNDLE: Bundle = zhCn as Record<string, string>;

/** `message` in the report's language (Chinese). */
export function inReportLanguage(message: Message): string {
  return localize(message, REPORT_BUNDLE);
}
