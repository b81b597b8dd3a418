// policy-lens: the command line. Same engine, same config, same KB as the extension.
// Exit codes: 0 no error-severity finding; 1 error findings, or warnings over
// --max-warnings (or a failed `kb check`); 2 usage or runtime error, or nothing linted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, readConfigFile } from '../engine/config-files.js';
import { defaultConfig, parseSize, type Config, type ConfigProblem } from '../engine/config.js';
import { kindOf } from '../engine/document.js';
import { formatJson, type FileResult } from '../engine/format/json.js';
import { formatSarif } from '../engine/format/sarif.js';
import { formatStylish } from '../engine/format/stylish.js';
import { KnowledgeBase } from '../engine/kb/knowledge-base.js';
import { loadEntryDir, readBundle } from '../engine/kb/load.js';
import type { KbEntry, KbProblem } from '../engine/kb/types.js';
import { lintText } from '../engine/lint.js';
import { RULES, RULE_IDS } from '../engine/rules/index.js';
import { decodeText } from '../engine/text.js';
import { collectFiles } from './files.js';
import { parseArgs, UsageError, type Parsed } from './args.js';
import { describeEntry } from './show.js';

declare const POLICY_LENS_VERSION: string | undefined;
const VERSION = typeof POLICY_LENS_VERSION === 'string' ? POLICY_LENS_VERSION : '0.0.0-dev';
const DOCS_BASE = 'https://github.com/policy-lens/policy-lens/blob/main/docs/rules/';
const HOME = 'https://github.com/policy-lens/policy-lens';

const HELP = `policy-lens ${VERSION} — check policy drafts on rare-earth magnets, domestic claims, tax credits and export controls

Usage:
  policy-lens lint [files|folders|globs...] [options]   lint Markdown and text files (default: .)
  policy-lens terms FILE [--format json]                 list the knowledge-base terms found in a file
  policy-lens kb list [--format json]                    list knowledge-base entries
  policy-lens kb show <term-or-id>                       show one entry
  policy-lens kb check                                   check the knowledge base (bundled, team and --kb folders)
  policy-lens rules [--format json]                      list the rules

Options:
  --format stylish|json|sarif   output format (lint: default stylish; terms, kb list, rules: text or json)
  --config FILE                 use this config instead of the nearest .policylens.json/.yaml
  --kb DIR                      add a folder of team KB entries (repeatable)
  --max-warnings N              exit 1 when there are more than N warnings (default: no limit)
  --max-file-size SIZE          skip files larger than SIZE (e.g. 5MB; default from config, else 10MB)
  --quiet                       report errors only
  --no-color                    no colours in stylish output
  -h, --help                    this help
  -v, --version                 the version

Exit codes: 0 no error-severity finding; 1 errors found, or warnings over --max-warnings;
2 usage or runtime error, or nothing could be linted.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

export function run(argv: string[], io: Io): number {
  let args: Parsed;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`policy-lens: ${e.message}\nRun \`policy-lens --help\` for usage.\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.out(HELP + '\n');
    return 0;
  }
  if (args.version) {
    io.out(VERSION + '\n');
    return 0;
  }
  try {
    switch (args.command) {
      case 'lint':
        return lintCommand(args, io);
      case 'terms':
        return termsCommand(args, io);
      case 'kb':
        return kbCommand(args, io);
      case 'rules':
        return rulesCommand(args, io);
    }
  } catch (e) {
    io.err(`policy-lens: ${(e as Error).message}\n`);
    return 2;
  }
}

// ---------------------------------------------------------------- knowledge base

function bundlePath(): string {
  return path.join(__dirname, 'kb.json');
}

class KbCache {
  private readonly bundled: KbEntry[];
  private readonly byDirs = new Map<string, KnowledgeBase>();
  readonly reported = new Set<string>();
  constructor(private readonly io: Io) {
    this.bundled = readBundle(bundlePath());
  }
  get(dirs: string[]): KnowledgeBase {
    const key = dirs.join('\u0000');
    let kb = this.byDirs.get(key);
    if (!kb) {
      const layers: KbEntry[][] = [this.bundled];
      const problems: KbProblem[] = [];
      for (const d of dirs) {
        const r = loadEntryDir(d, 'workspace');
        layers.push(r.entries);
        problems.push(...r.problems);
      }
      kb = new KnowledgeBase(layers, problems);
      for (const p of kb.problems) {
        const line = `${p.file}:${p.line}: ${p.severity}${p.field ? ` [${p.field}]` : ''}: ${p.message}`;
        if (this.reported.has(line)) continue;
        this.reported.add(line);
        this.io.err(`policy-lens: knowledge base: ${line}\n`);
      }
      this.byDirs.set(key, kb);
    }
    return kb;
  }
}

/**
 * Team knowledge-base folders for a config: its `kb` list, the `--kb` folders, and the
 * workspace convention `.policylens/kb/` beside the config file (or in the current folder
 * when there is no config) — the same folders the extension reads in a trusted workspace.
 */
function kbDirs(config: Config, extra: string[]): string[] {
  const dirs = [...config.kb, ...extra.map((d) => path.resolve(d))];
  const team = path.resolve(config.file ? path.dirname(config.file) : process.cwd(), '.policylens', 'kb');
  if (!dirs.includes(team) && fs.existsSync(team)) dirs.push(team);
  return dirs;
}

function reportConfigProblems(problems: ConfigProblem[], io: Io, reported: Set<string>): void {
  for (const p of problems) {
    const line = `${p.file}:${p.line}: ${p.message}`;
    if (reported.has(line)) continue;
    reported.add(line);
    io.err(`policy-lens: config: ${line} (the rest of the configuration still applies)\n`);
  }
}

// ---------------------------------------------------------------- lint

function lintCommand(args: Parsed, io: Io): number {
  const format = args.format ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be stylish, json or sarif for lint, not "${format}"`);
  const targets = args.positional.length ? args.positional : ['.'];
  const reported = new Set<string>();
  const explicit = args.config ? path.resolve(args.config) : undefined;
  if (explicit && !fs.existsSync(explicit)) {
    io.err(`policy-lens: --config ${args.config}: no such file\n`);
    return 2;
  }
  const resolver = new ConfigResolver(RULE_IDS, explicit);
  const rootConfig = resolver.forFile(path.join(process.cwd(), '_'));
  const collected = collectFiles(targets, { ignore: rootConfig.config.ignore, ignoreRoot: rootConfig.config.file ? path.dirname(rootConfig.config.file) : process.cwd() });
  for (const p of collected.problems) io.err(`policy-lens: ${p}\n`);

  const kbs = new KbCache(io);
  const maxFromArgs = args.maxFileSize !== undefined ? parseSize(args.maxFileSize) : undefined;
  if (args.maxFileSize !== undefined && maxFromArgs === undefined) throw new UsageError(`--max-file-size: "${args.maxFileSize}" is not a size (try 5MB)`);
  const results: FileResult[] = [];
  let linted = 0;
  for (const file of collected.files) {
    const { config, problems } = resolver.forFile(file);
    reportConfigProblems(problems, io, reported);
    const r = lintFile(file, config, kbs.get(kbDirs(config, args.kb)), maxFromArgs ?? config.maxFileSize);
    if ('error' in r) {
      io.err(`policy-lens: ${file}: ${r.error}\n`);
      continue;
    }
    linted++;
    if (r.notice) io.err(`policy-lens: ${file}: ${r.notice}\n`);
    const findings = args.quiet ? r.findings.filter((f) => f.severity === 'error') : r.findings;
    results.push({ path: displayPath(file), findings });
  }
  if (format === 'json') io.out(formatJson(results) + '\n');
  else if (format === 'sarif') io.out(formatSarif(results, { rules: RULES, toolVersion: VERSION, docsBase: DOCS_BASE, informationUri: HOME }) + '\n');
  else io.out(formatStylish(results, { color: (io.isTTY || !!process.env.FORCE_COLOR) && !args.noColor && !process.env.NO_COLOR }));

  if (linted === 0) {
    io.err('policy-lens: nothing was linted\n');
    return 2;
  }
  const errors = results.reduce((n, f) => n + f.findings.filter((x) => x.severity === 'error').length, 0);
  const warnings = results.reduce((n, f) => n + f.findings.filter((x) => x.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    io.err(`policy-lens: ${warnings} warnings found; --max-warnings is ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

type FileLint = { error: string } | { findings: FileResult['findings']; notice?: string; source: string };

function lintFile(file: string, config: Config, kb: KnowledgeBase, maxSize: number, terms = false): FileLint & { terms?: ReturnType<typeof lintText>['terms'] } {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    return { error: `cannot read: ${(e as Error).message}` };
  }
  if (size > maxSize) return { error: `skipped: ${formatBytes(size)} is over the size limit of ${formatBytes(maxSize)} (set maxFileSize in the config, or --max-file-size)` };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EACCES' ? 'cannot read: permission denied' : code === 'EISDIR' ? 'is a folder' : `cannot read: ${(e as Error).message}` };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { error: `skipped: ${decoded.reason}` };
  const result = lintText(decoded.text, kb, { kind: kindOf(file), config, withoutTerms: !terms });
  return { findings: result.findings, source: decoded.text, notice: result.partial?.message, terms: result.terms };
}

// ---------------------------------------------------------------- terms

function termsCommand(args: Parsed, io: Io): number {
  const format = args.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json for terms, not "${format}"`);
  if (args.positional.length !== 1) throw new UsageError('terms takes exactly one FILE');
  const file = args.positional[0]!;
  if (!fs.existsSync(file)) {
    io.err(`policy-lens: ${file}: no such file\n`);
    return 2;
  }
  const loaded = args.config ? readConfigFile(path.resolve(args.config), RULE_IDS) : new ConfigResolver(RULE_IDS).forFile(file);
  reportConfigProblems(loaded.problems, io, new Set());
  const config = loaded.config ?? defaultConfig();
  const kb = new KbCache(io).get(kbDirs(config, args.kb));
  const r = lintFile(file, config, kb, config.maxFileSize, true);
  if ('error' in r) {
    io.err(`policy-lens: ${file}: ${r.error}\n`);
    return 2;
  }
  const terms = r.terms ?? [];
  if (format === 'json') {
    const pos = (p: { offset: number; line: number; column: number }) => ({ offset: p.offset, line: p.line, column: p.column });
    io.out(JSON.stringify({ terms: terms.map((t) => ({ entry: t.entries[0], text: t.text, start: pos(t.start), end: pos(t.end), ...(t.entries.length > 1 ? { entries: t.entries } : {}) })) }) + '\n');
  } else {
    for (const t of terms) {
      const e = kb.get(t.entries[0]!);
      io.out(`${displayPath(file)}:${t.start.line}:${t.start.column}  ${t.text.replace(/\s+/g, ' ')}  → ${t.entries.join(', ')}${e ? ` (${e.term}; ${e.status})` : ''}\n`);
    }
    io.out(`${terms.length} term${terms.length === 1 ? '' : 's'} found\n`);
  }
  return 0;
}

// ---------------------------------------------------------------- kb

function kbCommand(args: Parsed, io: Io): number {
  const [sub, ...rest] = args.positional;
  const cfg = args.config ? readConfigFile(path.resolve(args.config), RULE_IDS) : new ConfigResolver(RULE_IDS).forFile(path.join(process.cwd(), '_'));
  const dirs = kbDirs(cfg.config, args.kb);
  switch (sub) {
    case 'list': {
      const format = args.format ?? 'text';
      if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json for kb list, not "${format}"`);
      const kb = new KbCache(io).get(dirs);
      const entries = [...kb.entries.values()].sort((a, b) => a.id.localeCompare(b.id));
      if (format === 'json') {
        io.out(
          JSON.stringify({
            entries: entries.map((e) => ({
              id: e.id,
              term: e.term,
              aliases: e.aliases.map((a) => a.text),
              category: e.category,
              status: e.status,
              reviewed: e.reviewed,
              citations: e.citations.map((c) => ({ title: c.title, url: c.url, date: c.date })),
            })),
          }) + '\n',
        );
      } else {
        const w = Math.max(...entries.map((e) => e.id.length));
        for (const e of entries) io.out(`${e.id.padEnd(w)}  ${e.category.padEnd(18)}  ${e.status.padEnd(10)}  ${e.reviewed}  ${e.term}\n`);
        io.out(`${entries.length} entries\n`);
      }
      return 0;
    }
    case 'show': {
      if (!rest.length) throw new UsageError('kb show needs a term or an id');
      const kb = new KbCache(io).get(dirs);
      const query = rest.join(' ');
      const e = kb.resolve(query);
      if (!e) {
        const near = kb.search(query, 5).map((x) => x.id);
        io.err(`policy-lens: no entry for "${query}"${near.length ? `; did you mean: ${near.join(', ')}?` : ''}\n`);
        return 2;
      }
      io.out(describeEntry(e, kb) + '\n');
      return 0;
    }
    case 'check': {
      // The bundled entries from source when run from the project, else the built bundle.
      const source = path.join(__dirname, '..', 'kb');
      const problems: KbProblem[] = [];
      const layers: KbEntry[][] = [];
      if (fs.existsSync(source)) {
        const r = loadEntryDir(source, 'bundled');
        layers.push(r.entries);
        problems.push(...r.problems);
      } else layers.push(readBundle(bundlePath()));
      for (const d of dirs) {
        const r = loadEntryDir(d, 'workspace');
        layers.push(r.entries);
        problems.push(...r.problems);
      }
      const kb = new KnowledgeBase(layers, problems);
      for (const p of kb.problems) io.out(`${p.file}:${p.line}: ${p.severity}${p.field ? ` [${p.field}]` : ''}: ${p.message}\n`);
      const errors = kb.problems.filter((p) => p.severity === 'error').length;
      const warnings = kb.problems.length - errors;
      io.out(`${kb.size} entries checked (${fs.existsSync(source) ? source : 'bundle'}${dirs.length ? ` + ${dirs.join(', ')}` : ''}): ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
      return errors ? 1 : 0;
    }
    default:
      throw new UsageError(sub ? `unknown kb command "${sub}" (list, show, check)` : 'kb needs a command: list, show or check');
  }
}

// ---------------------------------------------------------------- rules

function rulesCommand(args: Parsed, io: Io): number {
  const format = args.format ?? 'text';
  if (format === 'json') {
    io.out(JSON.stringify({ rules: RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, docs: `${DOCS_BASE}${r.id}.md` })) }) + '\n');
    return 0;
  }
  if (format !== 'text') throw new UsageError(`--format must be text or json for rules, not "${format}"`);
  const w = Math.max(...RULES.map((r) => r.id.length));
  for (const r of RULES) io.out(`${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}\n`);
  return 0;
}

// ---------------------------------------------------------------- helpers

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

if (require.main === module) {
  const code = run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
  });
  // Let stdout drain before exiting (large JSON/SARIF to a pipe).
  process.exitCode = code;
}
