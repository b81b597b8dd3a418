// Loading KB entries from disk (Node only): a folder of `.md` entry files, or the bundle
// the build compiles from `kb/`. Every unreadable or invalid file is reported and skipped;
// the rest of the knowledge base keeps working.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEntry } from './entry.js';
import { KnowledgeBase } from './knowledge-base.js';
import type { KbEntry, KbProblem, Origin } from './types.js';

export interface DirLoad {
  entries: KbEntry[];
  problems: KbProblem[];
}

/** Largest entry file accepted; an entry is a page of text, not a data set. */
const MAX_ENTRY_BYTES = 256 * 1024;

export function loadEntryDir(dir: string, origin: Origin): DirLoad {
  const entries: KbEntry[] = [];
  const problems: KbProblem[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.md')).sort();
  } catch (e) {
    problems.push({ file: dir, line: 1, message: `cannot read the knowledge-base folder: ${reason(e)}`, severity: 'error' });
    return { entries, problems };
  }
  for (const name of names) {
    const file = path.join(dir, name);
    let text: string;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) continue;
      if (stat.size > MAX_ENTRY_BYTES) {
        problems.push({ file, line: 1, message: `entry file is ${stat.size} bytes; the limit is ${MAX_ENTRY_BYTES}`, severity: 'error' });
        continue;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      problems.push({ file, line: 1, message: `cannot read the entry: ${reason(e)}`, severity: 'error' });
      continue;
    }
    const parsed = parseEntry(text, file, origin, name.slice(0, -3));
    problems.push(...parsed.problems);
    if (parsed.entry) entries.push(parsed.entry);
  }
  return { entries, problems };
}

export interface KbBundle {
  version: 1;
  entries: KbEntry[];
}

export function readBundle(file: string): KbEntry[] {
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as KbBundle;
  if (bundle.version !== 1 || !Array.isArray(bundle.entries)) throw new Error(`${file}: not a Policy Lens KB bundle`);
  return bundle.entries;
}

/**
 * The knowledge base: the bundled entries plus extra folders (the team's), which extend
 * or override bundled entries by id.
 */
export function loadKnowledgeBase(bundleFile: string, extraDirs: string[] = []): KnowledgeBase {
  const layers: KbEntry[][] = [readBundle(bundleFile)];
  const problems: KbProblem[] = [];
  for (const dir of extraDirs) {
    const r = loadEntryDir(dir, 'workspace');
    layers.push(r.entries);
    problems.push(...r.problems);
  }
  return new KnowledgeBase(layers, problems);
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file or folder';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ENOTDIR') return 'not a folder';
  return err?.message ?? String(e);
}
