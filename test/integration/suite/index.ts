// The integration suite's entry point: VS Code's test runner (extensionTestsPath) requires this
// module in the extension host and awaits run(). Both launchers use it: scripts/test-vscode.mjs
// (code-server) and scripts/test-electron.mjs (desktop VS Code).
//
// PL_SUITE picks the test files for the workspace the window opened:
//   main       the trusted fixture workspace (every *.test.ts except the two below)
//   corpus     the 7,749-file folder: corpus.test.ts (Lint Workspace timing, progress, cancel)
//   untrusted  a workspace that is not trusted: untrusted.test.ts
// PL_ONLY (the launcher's --only=NAME) runs only the files whose name starts with NAME.
// Each test's result is printed with console.log (the launcher streams the host's console), and
// a last line `PL_SUMMARY {json}` gives the counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const SUITES: Record<string, (file: string) => boolean> = {
  main: (f) => f !== 'corpus.test.js' && f !== 'untrusted.test.js',
  corpus: (f) => f === 'corpus.test.js',
  untrusted: (f) => f === 'untrusted.test.js',
};

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING, EVENT_HOOK_END } = Mocha.Runner.constants;

/** One line per test, indented by suite, with failures' messages and stacks. */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const kind = process.env.PL_SUITE || 'main';
    const started = Date.now();
    let depth = 0;
    const pad = () => '  '.repeat(Math.max(0, depth));
    const failures: { title: string; err: Error }[] = [];
    runner.on(EVENT_RUN_BEGIN, () => console.log(`Policy Lens integration suite "${kind}" — VS Code ${vscodeVersion()}`));
    runner.on(EVENT_SUITE_BEGIN, (s: Mocha.Suite) => {
      if (s.root) return;
      console.log(`${pad()}${s.title}`);
      depth++;
    });
    runner.on('suite end', (s: Mocha.Suite) => {
      if (!s.root) depth--;
    });
    runner.on(EVENT_HOOK_END, () => undefined);
    runner.on(EVENT_TEST_PASS, (t: Mocha.Test) => console.log(`${pad()}✔ ${t.title} (${t.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_PENDING, (t: Mocha.Test) => console.log(`${pad()}${/\[known bug: /.test(t.title) ? '⚠' : '-'} ${t.title} (skipped)`));
    runner.on(EVENT_TEST_FAIL, (t: Mocha.Test, err: Error) => {
      failures.push({ title: t.fullTitle(), err });
      console.log(`${pad()}✘ ${t.title}`);
      console.log(indent(`${err?.message ?? err}`, pad() + '    '));
    });
    runner.once(EVENT_RUN_END, () => {
      const st = this.stats;
      for (const [i, f] of failures.entries()) {
        console.log(`\n${i + 1}) ${f.title}`);
        console.log(indent(`${f.err?.stack ?? f.err}`, '   '));
      }
      console.log(`\n${st.passes} passing, ${st.failures} failing, ${st.pending} skipped (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      console.log(`PL_SUMMARY ${JSON.stringify({ suite: kind, passes: st.passes, failures: st.failures, pending: st.pending, tests: st.tests, durationMs: Date.now() - started })}`);
    });
  }
}

function indent(s: string, prefix: string): string {
  return s
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

function vscodeVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscode = require('vscode') as typeof import('vscode');
    return `${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}${vscode.env.remoteName ? `, ${vscode.env.remoteName} extension host` : ''})`;
  } catch {
    return '?';
  }
}

export function run(): Promise<void> {
  const kind = process.env.PL_SUITE || 'main';
  const only = process.env.PL_ONLY ?? '';
  const inSuite = SUITES[kind];
  if (!inSuite) return Promise.reject(new Error(`PL_SUITE=${kind}: unknown suite (known: ${Object.keys(SUITES).join(', ')})`));
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: LineReporter,
    color: false,
    // A test may wait for VS Code (diagnostics, watchers); each sets its own tighter polls.
    timeout: 60_000,
    slow: 5_000,
    ...(process.env.PL_GREP ? { grep: process.env.PL_GREP } : {}),
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && inSuite(f) && f.startsWith(only))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
