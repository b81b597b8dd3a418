// One configuration for CLI and editor: `.policylens.json` (or `.yaml` / `.yml`), found
// upward from the linted file (the nearest one applies; configs are not merged). Invalid settings are reported with path, line and reason;
// the valid rest still applies.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { SEVERITIES, type Severity } from './findings.js';

export const CONFIG_NAMES = ['.policylens.json', '.policylens.yaml', '.policylens.yml'] as const;
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export type RuleSetting = Severity | 'off';

export interface Config {
  /** Per-rule severity or `off`; rules not named keep their default. */
  rules: Record<string, RuleSetting>;
  /** Extra KB folders, absolute. */
  kb: string[];
  /** Files larger than this many bytes are not linted. */
  maxFileSize: number;
  /** Glob patterns (relative to the config's folder) of files the CLI's folder walk skips. */
  ignore: string[];
  /** The file this came from, if any. */
  file?: string;
}

export interface ConfigProblem {
  file: string;
  line: number;
  message: string;
}

export function defaultConfig(): Config {
  return { rules: {}, kb: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, ignore: [] };
}

/**
 * Parse a config file's text. `knownRules` validates rule ids; `resolve` turns a KB folder
 * written in the file into an absolute path.
 */
export function parseConfig(
  text: string,
  file: string,
  knownRules: readonly string[],
  resolve: (p: string) => string = (p) => p,
): { config: Config; problems: ConfigProblem[] } {
  const config: Config = { ...defaultConfig(), file };
  const problems: ConfigProblem[] = [];
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (n: YamlNode | null | undefined) => (n?.range ? counter.linePos(n.range[0]).line : 1);
  const bad = (n: YamlNode | null | undefined, message: string) => problems.push({ file, line: lineOf(n), message });

  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ file, line: counter.linePos(e.pos[0]).line, message: `syntax error: ${e.message.split('\n')[0]}` });
    return { config, problems };
  }
  if (doc.contents === null) return { config, problems };
  if (!isMap(doc.contents)) {
    bad(doc.contents, 'the configuration must be an object, e.g. { "rules": { … } }');
    return { config, problems };
  }
  for (const pair of doc.contents.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value;
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        if (!isMap(v)) {
          bad(v ?? pair.key, '"rules" must be an object mapping rule ids to "off", "error", "warning", "info" or "hint"');
          break;
        }
        for (const rp of v.items as Pair<YamlNode, YamlNode>[]) {
          const id = isScalar(rp.key) ? String(rp.key.value) : '';
          if (!knownRules.includes(id)) {
            bad(rp.key, `unknown rule "${id}"; known rules: ${knownRules.join(', ')}`);
            continue;
          }
          const val = isScalar(rp.value) ? rp.value.value : undefined;
          const setting = val === false ? 'off' : val;
          if (typeof setting === 'string' && (setting === 'off' || (SEVERITIES as readonly string[]).includes(setting)))
            config.rules[id] = setting as RuleSetting;
          else bad(rp.value ?? rp.key, `rule "${id}": expected "off", "error", "warning", "info" or "hint", got ${JSON.stringify(val ?? null)}`);
        }
        break;
      case 'kb':
        if (isSeq(v) && v.items.every((i) => isScalar(i) && typeof i.value === 'string'))
          config.kb = (v.items as YamlNode[]).map((i) => resolve(String((i as { value: string }).value)));
        else if (isScalar(v) && typeof v.value === 'string') config.kb = [resolve(v.value)];
        else bad(v ?? pair.key, '"kb" must be a folder path or a list of folder paths');
        break;
      case 'maxFileSize': {
        const n = isScalar(v) ? parseSize(v.value) : undefined;
        if (n !== undefined) config.maxFileSize = n;
        else bad(v ?? pair.key, '"maxFileSize" must be a positive number of bytes, or a size such as "5MB"');
        break;
      }
      case 'ignore':
        if (isSeq(v) && v.items.every((i) => isScalar(i) && typeof i.value === 'string'))
          config.ignore = (v.items as YamlNode[]).map((i) => String((i as { value: string }).value));
        else bad(v ?? pair.key, '"ignore" must be a list of glob patterns');
        break;
      default:
        bad(pair.key, `unknown setting "${key}"; known settings: rules, kb, maxFileSize, ignore`);
    }
  }
  return { config, problems };
}

/** Bytes from a number or a string like "512KB", "5 MB". */
export function parseSize(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? Math.floor(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$/i.exec(v);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit === 'b' ? 1 : unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : 1024 ** 3;
  const n = Math.floor(parseFloat(m[1]!) * mult);
  return n > 0 ? n : undefined;
}

/** The severity a rule runs at, or `off`. */
export function ruleSetting(config: Config, ruleId: string, defaultSeverity: Severity): RuleSetting {
  return config.rules[ruleId] ?? defaultSeverity;
}
