// Shared by the node:test suites: project paths, the built KB, the CLI, fixture markers.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KnowledgeBase } from '../src/engine/kb/knowledge-base.js';
import { loadEntryDir, readBundle } from '../src/engine/kb/load.js';

export const ROOT = process.env.POLICY_LENS_ROOT ?? path.resolve(__dirname, '..', '..', '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const fixture = (...p: string[]) => path.join(ROOT, 'test', 'fixtures', ...p);

let bundled: KnowledgeBase | undefined;
/** The knowledge base as shipped (dist/kb.json, built by `npm test`). */
export function bundledKb(): KnowledgeBase {
  bundled ??= new KnowledgeBase([readBundle(path.join(ROOT, 'dist', 'kb.json'))]);
  return bundled;
}

/** The knowledge base straight from kb/ (what `kb check` checks). */
export function sourceKb(): KnowledgeBase {
  const r = loadEntryDir(path.join(ROOT, 'kb'), 'bundled');
  return new KnowledgeBase([r.entries], r.problems);
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { cwd?: string; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
    input: options.input,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tmpDir(name: string): string {
  const d = fs.mkdtempSync(path.join(require('node:os').tmpdir(), `policy-lens-${name}-`));
  return d;
}

/**
 * Expected findings written into a fixture: `<!-- expect rule-id -->` on the line where a
 * finding of that rule must start (several ids may follow `expect`, comma- or space-separated).
 */
export function expectedMarkers(text: string): { line: number; ruleId: string }[] {
  const out: { line: number; ruleId: string }[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, i) => {
    for (const m of l.matchAll(/<!--\s*expect\s+([^>]*?)\s*-->/g)) for (const id of m[1]!.split(/[\s,]+/).filter(Boolean)) out.push({ line: i + 1, ruleId: id });
  });
  return out;
}
