// Lint Workspace on the 7,749-file folder (the shared usc26 corpus, unpacked by the launcher into
// a scratch folder the window opened): time to finish, the progress notification, the extension
// host's responsiveness while it runs, and cancellation. The numbers go to
// bench/vscode-workspace-lint.json (PL_BENCH_OUT) for the bench report.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/extension/ids.js';
import type { WorkspaceLintSummary } from '../../../src/extension/workspace-lint/workspace-linter.js';
import { api, driver, eventLoopProbe, extension, metric, root, waitFor, type PolicyLensApi } from './helpers.js';

const CORPUS_FILES = 7749;
/**
 * Budgets, generous for a 2-CPU machine that also runs the server and the browser (measured
 * here: ~8 s, event loop max 80–225 ms (the longest stalls are while VS Code finds the files),
 * p99 ~45 ms, hovers ≤ 0.6 s, cancel ≤ 25 ms). The measured numbers are what the bench reports.
 */
const MAX_SECONDS = 60;
const MAX_EVENT_LOOP_MS = 500;
const MAX_EVENT_LOOP_P99_MS = 100;
const MAX_HOVER_MS = 2000;
const MAX_CANCEL_MS = 500;

const bench: Record<string, unknown> = {};

function writeBench(): void {
  const out = process.env.PL_BENCH_OUT || path.join(extension().extensionUri.fsPath, 'bench', 'vscode-workspace-lint.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const doc = {
    what: 'Policy Lens: Lint Workspace in VS Code on the 7,749-file usc26 corpus (integration suite, test/integration/suite/corpus.test.ts)',
    date: new Date().toISOString(),
    vscode: `${vscode.version} (${vscode.env.appName}${vscode.env.remoteName ? `, ${vscode.env.remoteName} extension host` : ''})`,
    node: process.version,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    ...bench,
  };
  fs.writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`      wrote ${out}`);
}

const countRe = /(\d+) \/ (\d+) files/;

suite('Lint Workspace on the 7,749-file folder', () => {
  let pl: PolicyLensApi;
  suiteSetup(async () => {
    pl = await api();
    const files = fs.readdirSync(path.join(root().fsPath, 'usc26')).filter((f) => f.endsWith('.md'));
    assert.equal(files.length, CORPUS_FILES, `the corpus folder has ${files.length} files`);
  });

  test('finishes, shows progress, and keeps the extension host responsive', async function () {
    this.timeout(MAX_SECONDS * 1000 + 30_000);
    await vscode.commands.executeCommand('notifications.clearAll');
    // The launcher's smoke-test driver turns toasts off: progress shows in the notification center.
    await vscode.commands.executeCommand('notifications.showList');
    // A document to hover while the run goes on: does the editor still answer? (Plain text: a
    // Markdown document would start VS Code's Markdown language server, which indexes the
    // 7,749 files at the same time and skews the numbers.)
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Draft\n\nThe plant finishes magnet blanks bought from abroad.\n' });
    await vscode.window.showTextDocument(doc);
    await pl.lintNow(doc.uri);
    const hoverAt = new vscode.Position(2, doc.lineAt(2).text.indexOf('magnet blanks') + 2);

    const probe = eventLoopProbe(10);
    const progress: { atMs: number; text: string }[] = [];
    const hoverMs: number[] = [];
    let done = false;
    const t0 = Date.now();
    const run = Promise.resolve(vscode.commands.executeCommand<WorkspaceLintSummary | undefined>(COMMANDS.lintWorkspace)).finally(() => (done = true));
    const watchProgress = (async () => {
      while (!done && driver.available) {
        try {
          for (const t of await driver.notifications()) if (/linting workspace/.test(t.text) && progress.at(-1)?.text !== t.text) progress.push({ atMs: Date.now() - t0, text: t.text });
        } catch {
          /* the page is busy: try again */
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const watchHover = (async () => {
      while (!done) {
        const h0 = Date.now();
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, hoverAt);
        if (!done) hoverMs.push(Date.now() - h0);
        assert.ok(hovers.some((h) => h.contents.some((c) => c instanceof vscode.MarkdownString && c.value.startsWith('**magnet blank**'))), 'the hover during the run');
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const summary = await run;
    const wallMs = Date.now() - t0;
    const lag = probe.stop();
    await Promise.all([watchProgress, watchHover]);
    assert.ok(summary, 'Lint Workspace returned nothing');

    const counts = progress.map((p) => countRe.exec(p.text)).filter((m): m is RegExpExecArray => !!m);
    const sortedHover = [...hoverMs].sort((a, b) => a - b);
    Object.assign(bench, {
      files: summary.files,
      seconds: Math.round(summary.durationMs / 100) / 10,
      maxEventLoopLatencyMs: lag.maxMs,
      run: {
        files: summary.files,
        linted: summary.linted,
        findings: summary.findings,
        errors: summary.errors,
        warnings: summary.warnings,
        notes: summary.notes,
        skipped: summary.skipped.length,
        partial: summary.partial.length,
        durationMs: summary.durationMs,
        wallMs,
        filesPerSecond: Math.round(summary.files / (summary.durationMs / 1000)),
      },
      eventLoop: { timerPeriodMs: 10, samples: lag.samples, maxMs: lag.maxMs, p99Ms: lag.p99Ms, meanMs: lag.meanMs, worst: lag.worst },
      hoverWhileRunning: { samples: hoverMs.length, maxMs: sortedHover.at(-1) ?? null, medianMs: sortedHover[Math.floor(sortedHover.length / 2)] ?? null },
      progress: driver.available
        ? { distinctUpdatesSeen: progress.length, first: progress[0] ?? null, last: progress.at(-1) ?? null, samples: progress.filter((_, i) => i % Math.max(1, Math.floor(progress.length / 10)) === 0) }
        : { note: 'not observed: the progress notification is only visible through the code-server launcher\'s UI bridge' },
    });
    writeBench();
    console.log(
      `      ${summary.linted}/${summary.files} files in ${(summary.durationMs / 1000).toFixed(1)} s (${Math.round(summary.files / (summary.durationMs / 1000))} files/s), ${summary.findings} findings; ` +
        `event loop max ${lag.maxMs} ms (p99 ${lag.p99Ms} ms); hover during the run max ${sortedHover.at(-1)} ms over ${hoverMs.length}; progress updates seen ${progress.length}`,
    );
    metric('lintWorkspace', { files: summary.files, seconds: summary.durationMs / 1000, maxEventLoopLatencyMs: lag.maxMs, hoverMaxMs: sortedHover.at(-1) ?? null });

    assert.equal(summary.cancelled, false);
    assert.equal(summary.files, CORPUS_FILES);
    assert.equal(summary.linted + summary.skipped.length, CORPUS_FILES);
    assert.ok(summary.durationMs < MAX_SECONDS * 1000, `took ${summary.durationMs} ms`);
    assert.ok(lag.maxMs < MAX_EVENT_LOOP_MS, `the extension host's event loop was blocked for ${lag.maxMs} ms (worst: ${JSON.stringify(lag.worst)})`);
    assert.ok(lag.p99Ms < MAX_EVENT_LOOP_P99_MS, `event-loop delay p99 ${lag.p99Ms} ms`);
    assert.ok(hoverMs.length > 0, 'no hover finished while the run went on');
    assert.ok((sortedHover.at(-1) ?? 0) < MAX_HOVER_MS, `a hover took ${sortedHover.at(-1)} ms during the run`);
    if (driver.available) {
      assert.ok(counts.length >= 2, `progress updates seen: ${JSON.stringify(progress)}`);
      assert.ok(counts.every((m) => m[2] === String(CORPUS_FILES)), JSON.stringify(progress));
      const ns = counts.map((m) => Number(m[1]));
      assert.ok(ns.every((n, i) => i === 0 || n >= ns[i - 1]!), `progress went backwards: ${ns.join(', ')}`);
      assert.ok(progress.some((p) => /^Policy Lens: linting workspace/.test(p.text)), JSON.stringify(progress));
    } else console.log('      (progress notification not checked: no UI bridge in this launcher)');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Cancel on the progress notification stops the run promptly, with a partial result', async function () {
    this.timeout(MAX_SECONDS * 1000);
    await vscode.commands.executeCommand('notifications.clearAll');
    let done = false;
    const t0 = Date.now();
    const run = Promise.resolve(vscode.commands.executeCommand<WorkspaceLintSummary | undefined>(COMMANDS.lintWorkspace)).finally(() => (done = true));
    // ~1 s in (the run is past finding files and linting by then).
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(done, false, 'the run finished within a second: nothing left to cancel');
    if (driver.available) {
      await vscode.commands.executeCommand('notifications.showList');
      await waitFor('the progress notification with its Cancel button', async () => (await driver.notifications()).some((t) => /linting workspace/.test(t.text) && t.buttons.includes('Cancel')), 5000, 100);
    }
    // The notification's primary action is its Cancel button; this is the command its
    // keybinding (Ctrl+Shift+A on a notification toast) runs.
    const tCancel = Date.now();
    await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    const summary = await run;
    const cancelMs = Date.now() - tCancel;
    assert.ok(summary, 'no summary');
    Object.assign(bench, {
      cancellationMs: cancelMs,
      cancel: { requestedAfterMs: tCancel - t0, stoppedAfterMs: cancelMs, lintedBeforeStop: summary.linted, files: summary.files, cancelled: summary.cancelled },
    });
    writeBench();
    console.log(`      cancelled ${tCancel - t0} ms in: stopped ${cancelMs} ms after Cancel, ${summary.linted} of ${summary.files} files linted`);
    metric('lintWorkspaceCancel', { requestedAfterMs: tCancel - t0, stoppedAfterMs: cancelMs, linted: summary.linted });
    assert.equal(summary.cancelled, true, 'the summary says cancelled');
    assert.ok(summary.linted < summary.files, `${summary.linted} of ${summary.files} linted`);
    assert.ok(cancelMs < MAX_CANCEL_MS, `stopped ${cancelMs} ms after Cancel`);
    assert.equal(pl.lastWorkspaceLint, summary);
  });
});
