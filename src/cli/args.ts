// Argument parsing for the CLI: no dependency, strict about unknown options.

export class UsageError extends Error {}

export interface Parsed {
  command: 'lint' | 'terms' | 'kb' | 'rules';
  positional: string[];
  format?: string;
  config?: string;
  kb: string[];
  maxWarnings?: number;
  maxFileSize?: string;
  quiet: boolean;
  noColor: boolean;
  help: boolean;
  version: boolean;
}

const COMMANDS = new Set(['lint', 'terms', 'kb', 'rules']);

export function parseArgs(argv: string[]): Parsed {
  const p: Parsed = { command: 'lint', positional: [], kb: [], quiet: false, noColor: false, help: false, version: false };
  let i = 0;
  if (argv[0] && !argv[0].startsWith('-')) {
    if (!COMMANDS.has(argv[0])) throw new UsageError(`unknown command "${argv[0]}" (lint, terms, kb, rules)`);
    p.command = argv[0] as Parsed['command'];
    i = 1;
  }
  const value = (name: string): string => {
    const v = argv[++i];
    if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const take = () => (inline !== undefined ? inline : value(name));
    switch (name) {
      case '--format':
      case '-f':
        p.format = take();
        break;
      case '--config':
      case '-c':
        p.config = take();
        break;
      case '--kb':
        p.kb.push(take());
        break;
      case '--max-warnings': {
        const v = take();
        if (!/^-?\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, got "${v}"`);
        p.maxWarnings = parseInt(v, 10);
        break;
      }
      case '--max-file-size':
        p.maxFileSize = take();
        break;
      case '--quiet':
      case '-q':
        p.quiet = true;
        break;
      case '--no-color':
        p.noColor = true;
        break;
      case '--help':
      case '-h':
        p.help = true;
        break;
      case '--version':
      case '-v':
        p.version = true;
        break;
      case '--':
        p.positional.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
        p.positional.push(a);
    }
  }
  return p;
}
