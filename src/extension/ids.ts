// Command, view and context-key ids: one place, so package.json, the code and the tests agree
// (test/unit/extension/manifest.test.ts checks every id here is contributed). No `vscode` import.

export const COMMANDS = {
  lintDocument: 'policyLens.lintDocument',
  lintWorkspace: 'policyLens.lintWorkspace',
  lookUpTerm: 'policyLens.lookUpTerm',
  openKnowledgeBase: 'policyLens.openKnowledgeBase',
  exportFindings: 'policyLens.exportFindings',
  searchKnowledgeBase: 'policyLens.searchKnowledgeBase',
  clearKnowledgeBaseFilter: 'policyLens.clearKnowledgeBaseFilter',
  clearWorkspaceFindings: 'policyLens.clearWorkspaceFindings',
  showOutput: 'policyLens.showOutput',
  /** Arguments: entry id (string). Without one, asks like Look Up Term…. */
  openEntry: 'policyLens.openEntry',
  /** Arguments: rule id (string). Opens docs/rules/<id>.md from the extension folder. */
  openRuleDocs: 'policyLens.openRuleDocs',
  /** Arguments: uri (Uri or string), range (Range or [startLine, startChar, endLine, endChar], 0-based). */
  revealRange: 'policyLens.revealRange',
} as const;

/** The only commands hover Markdown may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS: readonly string[] = [COMMANDS.openEntry, COMMANDS.openRuleDocs];

export const VIEWS = {
  container: 'policyLens',
  documentTerms: 'policyLens.documentTerms',
  findings: 'policyLens.findings',
  knowledgeBase: 'policyLens.knowledgeBase',
} as const;

export const CONTEXT_KEYS = {
  /** The active editor's document is one Policy Lens checks. */
  lintableEditor: 'policyLens.lintableEditor',
  kbFilterActive: 'policyLens.kbFilterActive',
  hasWorkspaceFindings: 'policyLens.hasWorkspaceFindings',
} as const;

/** Diagnostic `source`, and the prefix of every message the extension shows. */
export const SOURCE = 'Policy Lens';

/** Diagnostic code of the "checked partially" notice (not a rule, so no quick fixes). */
export const PARTIAL_CODE = 'checked-partially';
