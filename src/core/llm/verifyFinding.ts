/** What a check of the model's text reports: the shape every verifier (verify*.ts) returns. */
export interface VerifyFinding {
  code: string;
  severity: 'error' | 'warning' | 'information';
  /** Localised. */
  message: string;
  /** 1-based line of the report the finding is about, when there is one. */
  line?: number;
}
