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
  // In an untrusted workspace only the user's own settings count: a workspace must not be
  // able to switch rules off, or Policy Lens itself, by shipping a .vscode/settings.json.
  // (They are also listed in capabilities.untrustedWorkspaces.restrictedConfigurations.)
  const trusted = vscode.workspace.isTrusted;
  const get = <T>(key: string, fallback: T): T => {
    if (trusted) return c.get<T>(key, fallback);
    const v = c.inspect<T>(key);
    return (v?.globalValue ?? v?.defaultValue ?? fallback) as T;
  };
  const max = c.inspect<number>('maxFileSize');
  const explicitMax = trusted ? (max?.workspaceFolderValue ?? max?.workspaceValue ?? max?.globalValue) : max?.globalValue;
  const languages = get<unknown>('languages', undefined);
  const extra = get<unknown>('kb.extraFolders', []);
  return {
    enable: get<boolean>('enable', true) !== false,
    rules: get<unknown>('rules', {}),
    languages: Array.isArray(languages) ? languages.filter((x): x is string => typeof x === 'string') : ['markdown', 'plaintext'],
    debounceMs: Math.max(0, Number(get<number>('debounceMs', 300)) || 0),
    ...(explicitMax !== undefined ? { maxFileSize: explicitMax } : {}),
    extraFolders: Array.isArray(extra) ? extra.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [],
    lintOnChange: get<boolean>('lintOnChange', true) !== false,
  };
}
