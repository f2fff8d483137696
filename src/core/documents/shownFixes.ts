/**
 * Fix All under a folder's diagnostic policy (`.intake/config.yaml`): it fixes what the user is
 * shown, and only that. A code the config ignores is not shown, so its fix (an inserted section
 * or field, a normalised colon) must not be applied behind the user's back either.
 *
 * Built on the document analysis's own Fix All: without a policy that hides anything, that is
 * the answer as it is.
 */
import type { DocumentAnalysis } from './documentAnalysis';
import type { TextEdit } from '../edits';
import { applyDiagnosticPolicy, type DiagnosticPolicy } from '../folderConfig';
import { safeFixEdits } from '../fixes';
import type { IntakeDiagnostic } from '../diagnostics';

/** Whether the policy leaves any diagnostic out (a severity change alone keeps every fix). */
function hidesAny(policy: DiagnosticPolicy): boolean {
  return (policy.ignore?.length ?? 0) > 0 || policy.placeholderSeverity === 'off';
}

/** The diagnostics Fix All looks at (the catalog checks and placeholders; the analysis findings have no safe fix). */
function ownDiagnostics(analysis: DocumentAnalysis): IntakeDiagnostic[] {
  const intakes = analysis.intakeAnalyses();
  // Without an intake the document's diagnostics are its stray placeholders alone.
  if (intakes.length === 0) return analysis.diagnostics();
  return intakes.flatMap((a) => a.ownDiagnostics());
}

/** Every safe fix of every diagnostic the policy shows, once. */
export function shownFixAllEdits(analysis: DocumentAnalysis, policy: DiagnosticPolicy): TextEdit[] {
  if (!hidesAny(policy)) return analysis.fixAllEdits();
  return safeFixEdits(analysis.fixContext(), applyDiagnosticPolicy(ownDiagnostics(analysis), policy));
}

/** Whether Fix All under the policy would change something (cheap unless the policy hides codes). */
export function hasShownSafeFixes(analysis: DocumentAnalysis, policy: DiagnosticPolicy): boolean {
  if (!analysis.hasSafeFixes()) return false;
  return !hidesAny(policy) || shownFixAllEdits(analysis, policy).length > 0;
}
