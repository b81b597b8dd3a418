// How the extension's settings combine with the config file (.policylens.json/.yaml).
// Decision, documented in docs/settings.md: a rule named in `policyLens.rules` overrides the
// same rule in the config file; rules not named there keep the config file's setting. A
// `policyLens.maxFileSize` set anywhere (user, workspace, folder) overrides the file's
// `maxFileSize`. Rationale: the config file is the team's baseline (shared with the CLI and
// CI); settings are how one writer, or one workspace, adjusts it without editing shared files.
// Pure (no `vscode`).
import type { Config, RuleSetting } from '../engine/api.js';

export interface SettingsOverrides {
  /** Raw `policyLens.rules` value, as the user wrote it. */
  rules: unknown;
  /** `policyLens.maxFileSize`, only when set explicitly. */
  maxFileSize?: number;
}

const SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info', 'hint'];

export function mergeConfig(base: Config, overrides: SettingsOverrides, knownRules: readonly string[]): { config: Config; problems: string[] } {
  const problems: string[] = [];
  const rules: Record<string, RuleSetting> = { ...base.rules };
  if (overrides.rules !== undefined && overrides.rules !== null) {
    if (typeof overrides.rules !== 'object' || Array.isArray(overrides.rules)) {
      problems.push('setting policyLens.rules: must be an object mapping rule ids to "off", "error", "warning", "info" or "hint"');
    } else {
      for (const [id, value] of Object.entries(overrides.rules as Record<string, unknown>)) {
        if (!knownRules.includes(id)) problems.push(`setting policyLens.rules: unknown rule "${id}"; known rules: ${knownRules.join(', ')}`);
        else if (typeof value !== 'string' || !SETTINGS.includes(value))
          problems.push(`setting policyLens.rules.${id}: expected "off", "error", "warning", "info" or "hint", got ${JSON.stringify(value)}`);
        else rules[id] = value as RuleSetting;
      }
    }
  }
  const config: Config = { ...base, rules };
  if (overrides.maxFileSize !== undefined) {
    if (Number.isFinite(overrides.maxFileSize) && overrides.maxFileSize > 0) config.maxFileSize = Math.floor(overrides.maxFileSize);
    else problems.push(`setting policyLens.maxFileSize: must be a positive number of bytes, got ${JSON.stringify(overrides.maxFileSize)}`);
  }
  return { config, problems };
}
