/** The Word paragraph styles the report's headings use: built-in ids, or a template's own. */
export type StyleIds = Record<'h1' | 'h2' | 'h3' | 'h4', string>;
