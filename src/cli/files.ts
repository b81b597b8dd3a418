// Turning the CLI's arguments (files, folders, globs) into the files to lint. Folders are
// walked for .md, .markdown and .txt, skipping node_modules and .git, honouring .gitignore
// files on the way down and the config's `ignore` patterns; symlink loops are reported.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const LINTABLE = /\.(?:md|markdown|txt)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

export interface Collected {
  files: string[];
  problems: string[];
}

export interface CollectOptions {
  /** Extra ignore patterns, relative to `ignoreRoot`. */
  ignore?: string[];
  ignoreRoot?: string;
}

export function collectFiles(args: string[], options: CollectOptions = {}): Collected {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = path.resolve(f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  const extra = options.ignore?.length ? ignore().add(options.ignore) : undefined;
  const extraRoot = options.ignoreRoot ?? process.cwd();
  const ignoredByConfig = (abs: string, dir: boolean) => {
    if (!extra) return false;
    const rel = path.relative(extraRoot, abs).split(path.sep).join('/');
    return !!rel && !rel.startsWith('..') && extra.ignores(dir ? `${rel}/` : rel);
  };

  for (const arg of args) {
    if (isGlob(arg)) {
      const base = globBase(arg);
      const re = globToRegExp(arg);
      const before = files.length;
      if (fs.existsSync(base)) walk(base, problems, (f) => re.test(f.split(path.sep).join('/')) && !ignoredByConfig(path.resolve(f), false) && add(f), ignoredByConfig, true);
      if (files.length === before) problems.push(`${arg}: no files match this pattern`);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(`${arg}: ${code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
      continue;
    }
    if (stat.isDirectory()) {
      const before = files.length;
      walk(arg, problems, (f) => LINTABLE.test(f) && add(f), ignoredByConfig, false);
      if (files.length === before) problems.push(`${arg}: nothing to lint (no .md, .markdown or .txt files)`);
    } else add(arg); // a file named explicitly is linted whatever its extension
  }
  return { files, problems };
}

/** Depth-first walk honouring .gitignore files; `visit` gets each file path. */
function walk(
  root: string,
  problems: string[],
  visit: (file: string) => void,
  ignoredByConfig: (abs: string, dir: boolean) => boolean,
  all: boolean,
): void {
  const visited = new Set<string>();
  const rec = (dir: string, rules: { base: string; ig: Ignore }[]) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      problems.push(`${dir}: cannot resolve: ${(e as Error).message}`);
      return;
    }
    if (visited.has(real)) {
      problems.push(`${dir}: skipped: symbolic link loop (already visited ${real})`);
      return;
    }
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(`${dir}: cannot read folder: ${code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
      return;
    }
    let here = rules;
    const gi = path.join(dir, '.gitignore');
    if (entries.some((e) => e.name === '.gitignore')) {
      try {
        here = [...rules, { base: dir, ig: ignore().add(fs.readFileSync(gi, 'utf8')) }];
      } catch (e) {
        problems.push(`${gi}: cannot read: ${(e as Error).message}`);
      }
    }
    const ignored = (p: string, isDir: boolean) =>
      here.some(({ base, ig }) => {
        const rel = path.relative(base, p).split(path.sep).join('/');
        return !!rel && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel);
      }) || ignoredByConfig(path.resolve(p), isDir);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          problems.push(`${p}: skipped: broken symbolic link`);
          continue;
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name) || ignored(p, true)) continue;
        rec(p, here);
      } else if (isFile && (all || LINTABLE.test(e.name)) && !ignored(p, false)) visit(p);
    }
  };
  rec(root, []);
}

export function isGlob(s: string): boolean {
  return /[*?[\]{}]/.test(s) && !fs.existsSync(s);
}

/** The folder a glob starts from: its path up to the first segment with a wildcard. */
export function globBase(glob: string): string {
  const parts = glob.split(/[\\/]/);
  const fixed: string[] = [];
  for (const p of parts) {
    if (/[*?[\]{}]/.test(p)) break;
    fixed.push(p);
  }
  return fixed.length ? fixed.join('/') || '/' : '.';
}

/** Glob → RegExp: `**` any folders, `*` within a name, `?` one character, `{a,b}`, `[…]`. */
export function globToRegExp(glob: string): RegExp {
  let g = glob.replace(/\\/g, '/');
  if (g.startsWith('./')) g = g.slice(2);
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slash = g[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = g.indexOf('}', i);
      if (close === -1) re += '\\{';
      else {
        re += `(?:${g
          .slice(i + 1, close)
          .split(',')
          .map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = g.indexOf(']', i);
      if (close === -1) re += '\\[';
      else {
        re += g.slice(i, close + 1).replace(/^\[!/, '[^');
        i = close;
      }
    } else re += /[.+^$()|\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^(?:\\./)?${re}$`);
}
