/**
 * What a team's `.intake/` data means at run time: where each piece of knowledge comes from, the
 * team's vendor policy and prices as the engine asks for them, the diagnostics of the team's
 * files, and the limits that keep reading them cheap. No zod and no parser here: the engine,
 * the renderers and the editor import these types without loading the file reader.
 */

/** Where a piece of knowledge comes from, lowest first: a later layer wins over an earlier one. */
export type KnowledgeSource = 'embedded' | 'user' | 'workspace';

/** The kinds of entries an overlay can add or override, as its top-level keys name them. */
export type EntryKind = 'products' | 'categories' | 'industries' | 'frameworks' | 'lifecycle' | 'rules';
export const ENTRY_KINDS = ['categories', 'industries', 'frameworks', 'products', 'lifecycle', 'rules'] as const satisfies readonly EntryKind[];

type VendorPolicyKind = 'preferred' | 'partner' | 'blocked';

export interface VendorPolicy {
  vendor: string;
  policy: VendorPolicyKind;
  reason?: string;
  source: KnowledgeSource;
  file: string;
}

type PriceUnit = 'user' | 'node' | 'core' | 'tb' | 'site';
type PricePeriod = 'per-month' | 'per-year' | 'one-time';

/** Currencies a price list may use: those the engine can convert to the report's (engine/format.ts CNY_PER). */
export const TEAM_CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'SGD', 'JPY'] as const;
type TeamCurrency = (typeof TEAM_CURRENCIES)[number];

/** One price of the team's price list, with what the report says about it. */
export interface TeamPrice {
  product: string;
  /** Per unit, in `currency` (yuan, dollars: base units). */
  price: number;
  unit: PriceUnit;
  period: PricePeriod;
  currency: TeamCurrency;
  /** The list's name, when it has one. */
  list?: string;
  validFrom?: string;
  validUntil?: string;
  /** The item's discount note, else the list's. */
  discount?: string;
  source: KnowledgeSource;
  file: string;
}

/** The team's knowledge as the engine asks for it (see team/merge.ts for how it is built). */
export interface TeamContext {
  /** The policy for a vendor (matched without regard to case or surrounding blanks). */
  policyOf(vendor: string): VendorPolicy | undefined;
  /** The team's price of a product on a report date (YYYY-MM-DD): the highest layer's that is valid then. */
  priceOf(product: string, asOf: string): TeamPrice | undefined;
  /** Where a product's entry, as the engine sees it, comes from (the highest layer that added or changed it). */
  productSource(id: string): KnowledgeSource;
}

/** Severities as the intake diagnostics have them. */
export type TeamSeverity = 'error' | 'warning' | 'information';

/**
 * The diagnostics of a team's files, with stable codes (problem-matcher friendly: `intake.` then
 * lowercase and hyphens). What each means is in the README's table.
 */
export const TEAM_CODES = {
  /** The file cannot be read, is too large, is not UTF-8 or not YAML/JSON, or its aliases expand too far: skipped. */
  invalidFile: 'intake.knowledge-invalid-file',
  /** A value does not fit the schema (the editor's JSON Schema says the same): the file is skipped. */
  schema: 'intake.knowledge-schema',
  /** An override, a price, a reference or a field names an id (or section, field, enumeration) that does not exist: that entry is skipped. */
  unknownId: 'intake.knowledge-unknown-id',
  /** An id added twice in one layer, or a field the catalog already has: the later one is skipped. */
  duplicateId: 'intake.knowledge-duplicate-id',
  /** A rule, framework or product names an industry that does not exist: that entry is skipped. */
  unknownIndustry: 'intake.knowledge-unknown-industry',
  /** A vendor policy names a vendor no product has (a typo?). */
  unknownVendor: 'intake.knowledge-unknown-vendor',
  /** A price with no currency (neither its own nor its list's): skipped. */
  priceCurrency: 'intake.knowledge-price-currency',
  /** The price list's validUntil is past: its prices are not used for reports dated after it. */
  priceExpired: 'intake.knowledge-price-expired',
  /** The same field, vendor or price set twice in one layer: the first (by file name) wins. */
  conflict: 'intake.knowledge-conflict',
  /** A rule's or framework's pattern does not compile or could take super-linear time: that entry is skipped. */
  unsafePattern: 'intake.knowledge-unsafe-pattern',
  /** An added entry replaces an embedded (or user) entry of the same id, whole. */
  replaces: 'intake.knowledge-replaces',
  /** report.yaml cannot be read, or does not fit its schema: no branding. */
  brandingInvalid: 'intake.branding-invalid',
  /** The logo or the Word template is missing, outside the workspace, too large or not what it claims: left out. */
  brandingFile: 'intake.branding-file',
} as const;

export type TeamCode = (typeof TEAM_CODES)[keyof typeof TEAM_CODES];

export const TEAM_CODE_SEVERITY: Record<TeamCode, TeamSeverity> = {
  'intake.knowledge-invalid-file': 'error',
  'intake.knowledge-schema': 'error',
  'intake.knowledge-unknown-id': 'error',
  'intake.knowledge-duplicate-id': 'error',
  'intake.knowledge-unknown-industry': 'error',
  'intake.knowledge-unknown-vendor': 'warning',
  'intake.knowledge-price-currency': 'error',
  'intake.knowledge-price-expired': 'warning',
  'intake.knowledge-conflict': 'warning',
  'intake.knowledge-unsafe-pattern': 'error',
  'intake.knowledge-replaces': 'information',
  'intake.branding-invalid': 'error',
  'intake.branding-file': 'error',
};

/** One diagnostic of a team file; line and column are 1-based. */
export interface TeamProblem {
  file: string;
  line: number;
  column: number;
  code: TeamCode;
  severity: TeamSeverity;
  message: string;
}

/** An overlay file is at most this big. */
export const MAX_OVERLAY_BYTES = 1024 * 1024;
/** report.yaml is a few lines. */
export const MAX_BRANDING_BYTES = 64 * 1024;
/** A logo or a Word template is at most this big. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;
/** Branding texts (company, header, cover fields) are short. */
export const MAX_BRAND_TEXT = 200;

/** The name of the folder of overlays inside `.intake/`, and of the branding file. */
export const KNOWLEDGE_FOLDER = 'knowledge';
export const BRANDING_FILE = 'report.yaml';

/** Overlay files: YAML or JSON. */
export function isOverlayFileName(name: string): boolean {
  return /\.(?:ya?ml|json)$/i.test(name) && !name.startsWith('.');
}
