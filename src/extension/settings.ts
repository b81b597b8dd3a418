// Reading the `policyLens.*` settings for a document (settings are resource-scoped, so each
// folder of a multi-root workspace can differ). See docs/settings.md.
import * as vscode from 'vscode';
import type { SettingsOverrides } from './config-merge.js';

export interface Settings extends SettingsOverrides {
  enable: boolean;
  languages: string[];
  debounceMs: number;
  /** `policyLens.kb.extraFolders` as written (relative to the workspace folder, or absolute). */
  extraFolders: string[];
  lintOnChange: boolean;
}

export const SECTION = 'policyLens';

export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const max = c.inspect<number>('maxFileSize');
  const explicitMax = max?.workspaceFolderValue ?? max?.workspaceValue ?? max?.globalValue;
  const languages = c.get<unknown>('languages');
  const extra = c.get<unknown>('kb.extraFolders');
  return {
    enable: c.get<boolean>('enable', true) !== false,
    rules: c.get<unknown>('rules', {}),
    languages: Array.isArray(languages) ? languages.filter((x): x is string => typeof x === 'string') : ['markdown', 'plaintext'],
    debounceMs: Math.max(0, Number(c.get<number>('debounceMs', 300)) || 0),
    ...(explicitMax !== undefined ? { maxFileSize: explicitMax } : {}),
    extraFolders: Array.isArray(extra) ? extra.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [],
    lintOnChange: c.get<boolean>('lintOnChange', true) !== false,
  };
}
