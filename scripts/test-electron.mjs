#!/usr/bin/env node
// npm run test:electron: the integration suite (test/integration/suite) in a desktop VS Code,
// with @vscode/test-electron, for machines that can download VS Code (a developer laptop, a
// hosted CI). Offline machines use the code-server launcher instead: npm run test:vscode.
//
//   node scripts/test-electron.mjs [--runs=main,corpus,untrusted] [--grep=TEXT] [--only=NAME] [--strict] [--no-build]
//
//   VSCODE_VERSION=stable|insiders|1.95.0   the build to download (default: stable)
//   VSCODE_EXECUTABLE=/path/to/code          use an installed VS Code instead of downloading one
//   On Linux VS Code needs a display: run under `xvfb-run -a`.
//
// Same suite, same workspaces (prepared by scripts/test-vscode.mjs's helpers), same exit code
// convention. Without the code-server launcher's UI bridge, the few checks that read the window
// (the Lint Workspace progress notification, the Output panel, typing into an input box) fall
// back to what the API can see or are skipped, and say so.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BENCH_FILE,
  buildSuite,
  CORPUS_TARBALL,
  prepareCorpusWorkspace,
  prepareMainWorkspace,
  prepareUntrustedWorkspace,
  ROOT,
  SUITE_INDEX,
  writeUserSettings,
} from './test-vscode.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));

function parseArgs(argv) {
  const o = { runs: ['main', 'corpus', 'untrusted'], grep: '', only: '', strict: false, build: true };
  for (const a of argv) {
    if (a.startsWith('--runs=')) o.runs = a.slice(7).split(',').filter(Boolean);
    else if (a.startsWith('--grep=')) o.grep = a.slice(7);
    else if (a.startsWith('--only=')) o.only = a.slice(7);
    else if (a === '--strict') o.strict = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '-h' || a === '--help') {
      console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 16).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  for (const r of o.runs) if (!['main', 'corpus', 'untrusted'].includes(r)) throw new Error(`unknown run "${r}" (known: main, corpus, untrusted; the UI checks need the code-server launcher)`);
  return o;
}

/** Network failures of the VS Code download (update.code.visualstudio.com). */
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|Failed to get JSON|Failed to download|status code|certificate|self.signed|proxy/i;

async function vscodeExecutable(testElectron) {
  if (process.env.VSCODE_EXECUTABLE) {
    if (!fs.existsSync(process.env.VSCODE_EXECUTABLE)) throw new Error(`VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE} does not exist.`);
    return process.env.VSCODE_EXECUTABLE;
  }
  const version = process.env.VSCODE_VERSION ?? 'stable';
  try {
    return await testElectron.downloadAndUnzipVSCode({ version, cachePath: path.join(ROOT, '.vscode-test') });
  } catch (e) {
    const msg = String(e?.message ?? e);
    console.error(
      [
        `test-electron: could not download VS Code (${version}) from update.code.visualstudio.com:`,
        `  ${msg.split('\n')[0]}`,
        '',
        OFFLINE.test(msg)
          ? 'This machine cannot reach the VS Code download server (offline, or only package registries are reachable).'
          : 'The download failed.',
        'Either:',
        '  - run the same suite in code-server instead:  npm run test:vscode   (needs only npm and apt), or',
        '  - point this launcher at an installed VS Code: VSCODE_EXECUTABLE=/path/to/code npm run test:electron',
      ].join('\n'),
    );
    process.exit(2);
  }
}

/** The arguments runTests() would pass, minus --disable-workspace-trust (for the untrusted run). */
function untrustedArgs(folder, profile) {
  return [
    folder,
    '--no-sandbox',
    '--disable-gpu-sandbox',
    '--disable-updates',
    '--skip-welcome',
    '--skip-release-notes',
    `--extensionTestsPath=${SUITE_INDEX}`,
    `--extensionDevelopmentPath=${ROOT}`,
    `--user-data-dir=${profile.userData}`,
    `--extensions-dir=${profile.extensions}`,
  ];
}

function runUntrusted(executable, folder, profile, env) {
  return new Promise((resolve) => {
    const child = spawn(executable, untrustedArgs(folder, profile), { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(`test-electron: cannot start ${executable}: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let testElectron;
  try {
    testElectron = require('@vscode/test-electron');
  } catch {
    throw new Error('@vscode/test-electron is not installed (it is a devDependency): run npm install.');
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    console.warn('test-electron: no DISPLAY: desktop VS Code needs one on Linux (run under `xvfb-run -a`), or use npm run test:vscode.');
  if (opts.build) await buildSuite();
  const executable = await vscodeExecutable(testElectron);
  console.log(`test-electron: VS Code at ${executable}`);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-electron-'));
  const results = [];
  try {
    for (const kind of opts.runs) {
      const dir = path.join(scratch, kind);
      const folder = path.join(dir, 'workspace');
      if (kind === 'main') prepareMainWorkspace(folder);
      else if (kind === 'corpus') prepareCorpusWorkspace(folder);
      else prepareUntrustedWorkspace(folder);
      const profile = { userData: path.join(dir, 'user-data'), extensions: path.join(dir, 'extensions') };
      writeUserSettings(profile.userData);
      fs.mkdirSync(profile.extensions, { recursive: true });
      const env = { PL_SUITE: kind, PL_GREP: opts.grep, PL_ONLY: opts.only, PL_STRICT: opts.strict ? '1' : '', PL_BENCH_OUT: BENCH_FILE, PL_CORPUS_TARBALL: CORPUS_TARBALL };
      console.log(`\ntest-electron: run "${kind}" on ${folder}`);
      const t0 = Date.now();
      let code;
      if (kind === 'untrusted') {
        // runTests() always adds --disable-workspace-trust, so this run starts the same VS Code itself.
        code = await runUntrusted(executable, folder, profile, env);
      } else {
        try {
          code = await testElectron.runTests({
            vscodeExecutablePath: executable,
            extensionDevelopmentPath: ROOT,
            extensionTestsPath: SUITE_INDEX,
            launchArgs: [folder, `--user-data-dir=${profile.userData}`, `--extensions-dir=${profile.extensions}`],
            extensionTestsEnv: env,
          });
        } catch (e) {
          code = typeof e?.code === 'number' ? e.code : 1;
        }
      }
      results.push({ kind, code, seconds: (Date.now() - t0) / 1000 });
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log('\nPolicy Lens integration tests (desktop VS Code, @vscode/test-electron)');
  for (const r of results) console.log(`  ${r.code === 0 ? '✔' : '✘'} ${r.kind.padEnd(10)} exit ${r.code}  ${r.seconds.toFixed(1)} s`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`test-electron: ${e?.message ?? e}`);
    process.exit(2);
  },
);
