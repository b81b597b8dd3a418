// Finding and reading config files on disk (Node only).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_NAMES, defaultConfig, parseConfig, type Config, type ConfigProblem } from './config.js';

export interface LoadedConfig {
  config: Config;
  problems: ConfigProblem[];
}

/** The nearest config file at or above `dir`, or undefined. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const f = path.join(d, name);
      try {
        if (fs.statSync(f).isFile()) return f;
      } catch {
        // not here
      }
    }
    if (stopAt && path.resolve(stopAt) === d) return undefined;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

export function readConfigFile(file: string, knownRules: readonly string[]): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      config: defaultConfig(),
      problems: [{ file, line: 1, message: code === 'ENOENT' ? 'config file not found' : `cannot read config file: ${(e as Error).message}` }],
    };
  }
  return parseConfig(text, file, knownRules, (p) => path.resolve(path.dirname(file), p));
}

/** Config lookups cached per folder for a folder walk. */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, LoadedConfig>();
  constructor(
    private readonly knownRules: readonly string[],
    private readonly explicit?: string,
  ) {}

  forFile(file: string): LoadedConfig {
    const cfgFile = this.explicit ?? this.lookup(path.dirname(path.resolve(file)));
    if (!cfgFile) return { config: defaultConfig(), problems: [] };
    let loaded = this.byFile.get(cfgFile);
    if (!loaded) {
      loaded = readConfigFile(cfgFile, this.knownRules);
      this.byFile.set(cfgFile, loaded);
    }
    return loaded;
  }

  /** Every config read so far (for reporting each one's problems once). */
  get loaded(): LoadedConfig[] {
    return [...this.byFile.values()];
  }

  private lookup(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let found: string | undefined;
    for (const name of CONFIG_NAMES) {
      const f = path.join(dir, name);
      try {
        if (fs.statSync(f).isFile()) {
          found = f;
          break;
        }
      } catch {
        // not here
      }
    }
    if (!found) {
      const up = path.dirname(dir);
      found = up === dir ? undefined : this.lookup(up);
    }
    this.byDir.set(dir, found);
    return found;
  }
}
