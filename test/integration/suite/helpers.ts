// Shared helpers of the integration suite (bundled into each test file). Everything here uses
// the real VS Code API and the real extension: no stubs. Waits poll for a condition (with a
// deadline and a message saying what did not happen), never sleep a fixed time.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { test } from 'mocha';
import * as vscode from 'vscode';
import type { PolicyLensApi } from '../../../src/extension/extension.js';
import { SOURCE } from '../../../src/extension/ids.js';

export const EXTENSION_ID = 'policy-lens.policy-lens';
export type { PolicyLensApi };

export function extension(): vscode.Extension<PolicyLensApi> {
  const ext = vscode.extensions.getExtension<PolicyLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this window`);
  return ext;
}

/** The extension's test API (activating it if needed). */
export async function api(): Promise<PolicyLensApi> {
  const ext = extension();
  return ext.isActive ? ext.exports : ext.activate();
}

/** The (first) workspace folder the launcher opened: a scratch copy of the fixtures. */
export function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the window has no workspace folder');
  return f.uri;
}

export const wsUri = (rel: string): vscode.Uri => vscode.Uri.joinPath(root(), ...rel.split('/'));

/**
 * A test of documented behaviour the extension does not have yet (an expected failure). It
 * runs and prints its failure, then counts as skipped, so the suite stays green; once the bug
 * is fixed it fails, asking for the marker to go. PL_STRICT=1 (the launcher's --strict) makes
 * it an ordinary test.
 */
export function knownBug(title: string, bug: string, fn: (this: Mocha.Context) => Promise<void>): void {
  test(`${title} [known bug: ${bug}]`, async function () {
    if (process.env.PL_STRICT) return fn.call(this);
    try {
      await fn.call(this);
    } catch (e) {
      console.log(`      KNOWN BUG (${bug}) still present: ${String((e as Error).message ?? e).split('\n')[0]}`);
      this.skip();
    }
    throw new Error(`the known bug "${bug}" seems fixed: turn knownBug(…) back into test(…)`);
  });
}

/** Metrics the launcher collects from the log (`PL_METRIC {…}`) and prints in its summary. */
export function metric(name: string, value: unknown): void {
  console.log(`PL_METRIC ${JSON.stringify({ name, value })}`);
}

/**
 * Polls `fn` until it returns something truthy (or a promise of it); throws after `timeoutMs`
 * with `what` and the last value seen.
 */
export async function waitFor<T>(what: string, fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15_000, intervalMs = 40): Promise<T> {
  const t0 = Date.now();
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      last = await fn();
      if (last) return last as T;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() - t0 > timeoutMs) {
      const seen = lastError ? `; last error: ${(lastError as Error).message ?? lastError}` : `; last value: ${describe(last)}`;
      throw new Error(`timed out after ${(timeoutMs / 1000).toFixed(1)} s waiting for ${what}${seen}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function describe(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return String(v);
  }
}

// --- Diagnostics ------------------------------------------------------------------------------

/** Policy Lens's diagnostics on a document (other extensions' are left out). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function ofRule(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return ours(uri).filter((d) => codeOf(d) === ruleId);
}

/** Waits until the document's Policy Lens diagnostics satisfy `ok`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, ok: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} (${vscode.workspace.asRelativePath(uri)})`,
    () => {
      const ds = ours(uri);
      return ok(ds) ? ds : undefined;
    },
    timeoutMs,
  ).catch((e: Error) => {
    const now = ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
    throw new Error(`${e.message.replace(/; last value: .*$/, '')}; diagnostics now: [${now.join(', ')}]`);
  });
}

export function linesOf(ds: vscode.Diagnostic[], ruleId: string): number[] {
  return ds
    .filter((d) => codeOf(d) === ruleId)
    .map((d) => d.range.start.line)
    .sort((a, b) => a - b);
}

/** 0-based lines carrying `<!-- expect <ruleId> -->` in a fixture. */
export function expectedLines(text: string, ruleId: string): number[] {
  const out: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((l, i) => {
    const m = /<!--\s*expect\s+([^>]*?)\s*-->/.exec(l);
    if (m && m[1]!.split(/[\s,]+/).includes(ruleId)) out.push(i);
  });
  return out;
}

// --- Files and editors ------------------------------------------------------------------------

let counter = 0;

/** A fresh copy of a workspace file under scratch/, so a test can edit it freely. */
export async function scratchCopy(rel: string, text?: string): Promise<vscode.Uri> {
  const src = wsUri(rel);
  const base = rel.split('/').pop()!;
  const dot = base.lastIndexOf('.');
  const name = `${base.slice(0, dot)}-${process.pid}-${++counter}${base.slice(dot)}`;
  const dest = wsUri(`scratch/${name}`);
  const bytes = text !== undefined ? new TextEncoder().encode(text) : await vscode.workspace.fs.readFile(src);
  await vscode.workspace.fs.writeFile(dest, bytes);
  return dest;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function remove(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  } catch (e) {
    if (!(e instanceof vscode.FileSystemError) || e.code !== 'FileNotFound') throw e;
  }
}

export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
}

/** Reverts unsaved changes and closes every editor (no save prompts). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed) continue;
    await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
    await vscode.commands.executeCommand(doc.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Runs a workbench command on quick inputs until `done` settles (for commands that ask). */
export async function acceptQuickInputsUntil<T>(done: Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  let settled = false;
  const p = done.finally(() => (settled = true));
  const t0 = Date.now();
  while (!settled) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return p;
}

// --- The launcher's UI bridge (code-server run only) -------------------------------------------

export interface Toast {
  text: string;
  progress: boolean;
  buttons: string[];
}

/**
 * What only the window shows, and real keystrokes, via the launcher. The smoke-test driver the
 * launcher enables turns notification toasts off, so open the notification center
 * (`notifications.showList`) to read notifications.
 */
export const driver = {
  available: !!process.env.PL_DRIVER_URL,
  notifications(): Promise<Toast[]> {
    return get<Toast[]>('/notifications');
  },
  /** innerText of the visible elements matching a CSS selector in the window. */
  texts(selector: string): Promise<string[]> {
    return get<string[]>(`/texts?selector=${encodeURIComponent(selector)}`);
  },
  type(text: string): Promise<unknown> {
    return get(`/type?text=${encodeURIComponent(text)}`);
  },
  press(key: string): Promise<unknown> {
    return get(`/press?key=${encodeURIComponent(key)}`);
  },
};

function get<T>(p: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${process.env.PL_DRIVER_URL}${p}`, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        try {
          const v = JSON.parse(body) as T & { error?: string };
          if (res.statusCode !== 200) reject(new Error(`driver ${p}: ${v.error ?? res.statusCode}`));
          else resolve(v);
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`driver ${p}: no answer in 10 s`)));
  });
}

export interface EventLoopStats {
  samples: number;
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  /** The longest stalls: when (ms after the probe started) and how long. */
  worst: { atMs: number; lagMs: number }[];
}

/** Samples the extension host's event-loop delay: a `periodMs` timer, and how late each tick fires. */
export function eventLoopProbe(periodMs = 10): { stop(): EventLoopStats } {
  const lags: { atMs: number; lagMs: number }[] = [];
  const start = performance.now();
  let last = start;
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push({ atMs: now - start, lagMs: Math.max(0, now - last - periodMs) });
    last = now;
  }, periodMs);
  return {
    stop() {
      clearInterval(timer);
      const round = (n: number) => Math.round(n * 10) / 10;
      const sorted = lags.map((l) => l.lagMs).sort((a, b) => a - b);
      const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0);
      const worst = [...lags]
        .sort((a, b) => b.lagMs - a.lagMs)
        .slice(0, 5)
        .map((l) => ({ atMs: Math.round(l.atMs), lagMs: round(l.lagMs) }));
      return { samples: lags.length, maxMs: round(sorted.at(-1) ?? 0), p99Ms: round(q(0.99)), meanMs: round(sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1)), worst };
    },
  };
}

/**
 * Waits until a quick input (quick pick, input box, simple file dialog) is open. With the
 * launcher's UI bridge it looks at the window; without it (desktop launcher) it can only give
 * the workbench a moment.
 */
export async function quickInputShown(what: string): Promise<void> {
  if (driver.available) {
    await waitFor(`the ${what} quick input to show`, async () => (await driver.texts('.quick-input-widget')).length > 0, 10_000, 100);
    return;
  }
  await new Promise((r) => setTimeout(r, 1000));
}

// --- Independent expectations: the CLI and the KB bundle the extension ships -----------------

export interface BundledEntry {
  id: string;
  term: string;
  category: string;
  summary: string;
  why: string;
  status: string;
  reviewed: string;
  caveat?: string;
  effective?: string;
  ends?: string;
  related: string[];
  citations: { title: string; url: string; date: string; kind: 'primary' | 'secondary' }[];
}

let kbCache: Map<string, BundledEntry> | undefined;

/** dist/kb.json, the bundle the extension loads. */
export function bundledKb(): Map<string, BundledEntry> {
  if (!kbCache) {
    const file = path.join(extension().extensionUri.fsPath, 'dist', 'kb.json');
    const entries = (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: BundledEntry[] }).entries;
    kbCache = new Map(entries.map((e) => [e.id, e]));
  }
  return kbCache;
}

/** Runs the project's CLI (dist/cli.js) in the workspace folder and parses its JSON output. */
export function cliJson<T>(args: string[], cwd = root().fsPath): T {
  const js = path.join(extension().extensionUri.fsPath, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [js, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`policy-lens ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
