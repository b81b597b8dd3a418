// The engine's public surface, bundled on its own (dist/engine.js) so the extension can
// load it on first need rather than at activation. Nothing here imports `vscode`.
export { LintSession, lintText, type LintOptions, type LintResult, type TermOccurrence } from './lint.js';
export { KnowledgeBase, wordingKey } from './kb/knowledge-base.js';
export { loadEntryDir, loadKnowledgeBase, readBundle, type DirLoad } from './kb/load.js';
export { parseEntry } from './kb/entry.js';
export { CATEGORIES, CATEGORY_LABELS, STATUSES, type Category, type Citation, type KbEntry, type KbProblem, type Status } from './kb/types.js';
export { CONFIG_NAMES, DEFAULT_MAX_FILE_SIZE, defaultConfig, parseConfig, parseSize, type Config, type ConfigProblem, type RuleSetting } from './config.js';
export { ConfigResolver, findConfigFile, readConfigFile } from './config-files.js';
export { RULES, RULE_IDS, ruleById } from './rules/index.js';
export type { Rule } from './rules/rule.js';
export { SEVERITIES, type Edit, type Finding, type Fix, type Related, type Severity } from './findings.js';
export { formatJson, type FileResult } from './format/json.js';
export { formatSarif, type SarifOptions } from './format/sarif.js';
export { formatStylish } from './format/stylish.js';
export { decodeText, LineIndex, type Position } from './text.js';
export { kindOf, type DocumentKind } from './document.js';
export { statusLine } from './kb/status.js';
