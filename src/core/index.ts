/** The public surface of the vscode-free core, for the extension, the CLI and tests. */
export * from './document';
export * from './model';
export * from './diagnostics';
export * from './edits';
export { parseIntake } from './parser';
export { validate } from './validator';
export { fixesFor, fixAll, fixAllEdits, fillPlaceholderEdits, FixContext, type Fix } from './fixes';
export { analyzePlaceholder, suggestedFill } from './placeholder';
export { getFieldCatalog, FieldCatalog, normalizeName, type FieldSpec, type SectionSpec } from './catalog/catalog';
export { t, configureL10n, localeFromEnv } from './l10n';
export * from './features';
