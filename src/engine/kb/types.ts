// The knowledge-base entry, as loaded from `kb/<id>.md` (see docs/kb-format.md).

export const CATEGORIES = ['supply-chain', 'domestic-standards', 'incentives', 'export-controls', 'trade'] as const;
export type Category = (typeof CATEGORIES)[number];

export const STATUSES = ['current', 'proposed', 'suspended', 'superseded', 'expired'] as const;
export type Status = (typeof STATUSES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  'supply-chain': 'Supply chain',
  'domestic-standards': 'Domestic standards',
  incentives: 'Incentives',
  'export-controls': 'Export controls',
  trade: 'Trade',
};

export interface Citation {
  title: string;
  url: string;
  date: string;
  publisher?: string;
  kind: 'primary' | 'secondary';
  pinpoint?: string;
  checked?: string;
}

export interface Alias {
  text: string;
  case?: 'sensitive' | 'insensitive';
  ambiguous?: boolean;
  discouraged?: boolean;
}

export type Origin = 'bundled' | 'workspace';

export interface KbEntry {
  id: string;
  term: string;
  aliases: Alias[];
  case?: 'sensitive' | 'insensitive';
  /** False turns off generated plurals. */
  plural?: boolean;
  category: Category;
  summary: string;
  why: string;
  related: string[];
  status: Status;
  effective?: string;
  ends?: string;
  caveat?: string;
  reviewed: string;
  citations: Citation[];
  /** Markdown body after the front matter. */
  body: string;
  /** Where the entry came from: its file and whether it is bundled or the team's. */
  file: string;
  origin: Origin;
  /** 1-based line of each top-level field in the file, for error messages and go-to. */
  lines?: Record<string, number>;
}

export interface KbProblem {
  file: string;
  line: number;
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}
