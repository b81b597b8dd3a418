#!/usr/bin/env node
// npm run bench: build, then measure Policy Lens beside markdownlint-cli2, cspell and the
// plain-scan floor on three inputs, in one run; print a table and write bench/results.md.
// It is a report, not a test: it exits 0 even when a target fails (2 only when it cannot
// run at all: no build, no GNU time, no corpus). See bench/README.md.
//
//   node bench/run.mjs [--runs N] [--quick] [--timeout SECONDS] [--edits N] [--seed N]
//                      [--no-build] [--tools policy-lens,markdownlint-cli2,cspell,floor]
//                      [--out FILE]
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickPhrases } from './floor.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const work = path.join(benchDir, 'work');
const shared = path.resolve(root, '..', 'shared');
const NODE = process.execPath;
const GNU_TIME = '/usr/bin/time';
const MiB = 1024 * 1024;

const HELP = `npm run bench [-- options]   (or: node bench/run.mjs [options])

  --runs N          measured runs per tool and input (median reported; default 5)
  --quick           one measured run (same as --runs 1)
  --timeout S       per-run timeout in seconds (default 300); a run over it is recorded as failed
  --edits N         one-character edits replayed through LintSession (default 200)
  --seed N          PRNG seed for the edits (default 1)
  --no-build        do not run node scripts/build.mjs first (measure the dist/ that is there)
  --tools LIST      only these tools (comma-separated: policy-lens,markdownlint-cli2,cspell,floor)
  --out FILE        write the report here instead of bench/results.md
Every tool gets one warm-up run (not counted) before the measured runs.`;

// ---------------------------------------------------------------- options

function parseOptions(argv) {
  const o = { runs: 5, timeout: 300, edits: 200, seed: 1, build: true, tools: undefined, out: path.join(benchDir, 'results.md') };
  const num = (name, v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) fail(`${name} needs a positive number, got "${v}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = () => (inline !== undefined ? inline : argv[++i]);
    switch (name) {
      case '--runs':
        o.runs = Math.round(num(name, val()));
        break;
      case '--quick':
        o.runs = 1;
        break;
      case '--timeout':
        o.timeout = num(name, val());
        break;
      case '--edits':
        o.edits = Math.round(num(name, val()));
        break;
      case '--seed':
        o.seed = Math.round(num(name, val()));
        break;
      case '--no-build':
        o.build = false;
        break;
      case '--tools':
        o.tools = val().split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--out':
        o.out = path.resolve(val());
        break;
      case '-h':
      case '--help':
        console.log(HELP);
        process.exit(0);
      default:
        fail(`unknown option "${a}"\n\n${HELP}`);
    }
  }
  return o;
}

function fail(msg) {
  console.error(`bench: ${msg}`);
  process.exit(2);
}

const log = (s) => process.stderr.write(s + '\n');

// ---------------------------------------------------------------- helpers

const rel = (p) => path.relative(root, p) || '.';
const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtS = (s) => (Number.isFinite(s) ? s.toFixed(2) : '—');
const fmtMs = (ms) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : '—');
const fmtMiB = (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) : '—');
const fmtBytes = (b) => (b >= MiB ? `${(b / MiB).toFixed(2)} MiB` : `${(b / 1024).toFixed(0)} KiB`);
const fmtX = (x) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×` : '—');

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: root, maxBuffer: 256 * MiB, ...opts });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function countFiles(dir, re) {
  let n = 0;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) n += countFiles(p, re);
    else if (d.isFile() && re.test(d.name)) n++;
  }
  return n;
}

function newestMtime(paths) {
  let best;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const d of fs.readdirSync(p)) visit(path.join(p, d));
    else if (!best || st.mtime > best.mtime) best = { file: p, mtime: st.mtime };
  };
  paths.forEach(visit);
  return best;
}

function sizeOf(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  let n = 0;
  for (const d of fs.readdirSync(p, { withFileTypes: true })) n += sizeOf(path.join(p, d.name));
  return n;
}

/**
 * One whole-process run under GNU time: wall seconds (%e), CPU seconds (%U + %S) and peak RSS
 * in KiB (%M) of the process (for a process that forks, the largest of its processes). Output goes to files in
 * bench/work/out/, so every tool pays the same for writing its report.
 */
function timedRun(argv, { cwd, stdoutFile, stderrFile, timeoutS }) {
  return new Promise((resolve) => {
    const timeFile = path.join(work, 'out', 'time.txt');
    fs.rmSync(timeFile, { force: true });
    const out = fs.openSync(stdoutFile, 'w');
    const err = fs.openSync(stderrFile, 'w');
    const child = spawn(GNU_TIME, ['-f', '%e %U %S %M %x', '-o', timeFile, ...argv], { cwd, stdio: ['ignore', out, err], detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // the whole group: time and the tool under it
      } catch {}
    }, timeoutS * 1000);
    const done = (code, signal, spawnError) => {
      clearTimeout(timer);
      fs.closeSync(out);
      fs.closeSync(err);
      if (spawnError) return resolve({ ok: false, reason: `could not start: ${spawnError.message}` });
      if (timedOut) return resolve({ ok: false, reason: `timed out after ${timeoutS} s` });
      let text = '';
      try {
        text = fs.readFileSync(timeFile, 'utf8');
      } catch {}
      const last = text.trim().split('\n').pop() ?? '';
      const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+) (-?\d+)$/.exec(last);
      if (!m) return resolve({ ok: false, reason: `no timing (exit ${code ?? signal}): ${text.trim().slice(0, 200)}` });
      resolve({ ok: true, wall: parseFloat(m[1]), cpu: parseFloat(m[2]) + parseFloat(m[3]), rssKb: parseInt(m[4], 10), exit: parseInt(m[5], 10) });
    };
    child.on('error', (e) => done(null, null, e));
    child.on('exit', (code, signal) => done(code, signal));
  });
}

// ---------------------------------------------------------------- setup

function checkGnuTime() {
  const r = sh(GNU_TIME, ['-f', '%e %M', 'true']);
  if (r.error || r.code !== 0 || !/^[\d.]+ \d+\s*$/.test(r.stderr.trim().split('\n').pop() ?? '')) {
    fail(`GNU time is needed at ${GNU_TIME} (it measures wall time and peak memory of each run).\n` + `Install it: apt-get install -y time   (as root)`);
  }
  const dpkg = sh('dpkg-query', ['-W', '-f', '${Version}', 'time']);
  const v = sh(GNU_TIME, ['--version']);
  const fromTime = /(\d+\.\d+(?:\.\d+)?)/.exec(v.stdout + v.stderr)?.[1];
  return `GNU time ${fromTime ?? (dpkg.code === 0 ? dpkg.stdout.trim() : 'unknown version')}`;
}

function build(pkg) {
  const vsix = path.join(root, 'dist', 'policy-lens.vsix');
  let packaged = false;
  if (!fs.existsSync(vsix) && pkg.scripts?.package) {
    // Packaging builds dist/ for production; the build below then restores the usual dist/.
    log('bench: dist/policy-lens.vsix is missing: npm run package');
    const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    packaged = r.status === 0;
    if (!packaged) log(`bench: npm run package failed (exit ${r.status}); the .vsix size is not reported`);
  }
  log('bench: node scripts/build.mjs');
  const r = spawnSync(NODE, ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) fail('the build failed; nothing to measure');
  return { packaged };
}

function prepareInputs() {
  const single = path.join(shared, 'corpus', 'usc26-business-credits.md');
  const tarball = path.join(shared, 'corpus', 'usc26-chunks.tar.gz');
  for (const f of [single, tarball]) if (!fs.existsSync(f)) fail(`missing ${f} (the shared corpus is expected at ../shared/ from the project root)`);
  fs.mkdirSync(path.join(work, 'out'), { recursive: true });

  const x10 = path.join(work, 'usc26-business-credits-x10.md');
  const one = fs.readFileSync(single);
  if (!fs.existsSync(x10) || fs.statSync(x10).size !== one.length * 10) {
    log(`bench: writing ${rel(x10)} (the 0.68 MB file ×10)`);
    fs.writeFileSync(x10, Buffer.concat(Array.from({ length: 10 }, () => one)));
  }

  const folder = path.join(work, 'usc26');
  const marker = path.join(work, '.usc26-unpacked');
  if (!fs.existsSync(marker) || !fs.existsSync(folder)) {
    log(`bench: unpacking ${path.relative(root, tarball)} into ${rel(work)}/`);
    fs.rmSync(folder, { recursive: true, force: true });
    const r = sh('tar', ['xzf', tarball, '-C', work]);
    if (r.code !== 0 || !fs.existsSync(folder)) fail(`could not unpack ${tarball}: ${r.stderr || r.error}`);
    fs.writeFileSync(marker, `${tarball}\n`);
  }
  const mdFiles = countFiles(folder, /\.md$/i);
  const allFiles = countFiles(folder, /./);

  // Paths as the tools get them: relative to bench/work/, where every tool runs.
  const from = (p) => path.relative(work, p);
  return [
    { id: 'single', label: 'usc26-business-credits.md', note: '0.68 MB file', path: single, arg: from(single), bytes: one.length, files: 1 },
    { id: 'x10', label: 'usc26-business-credits ×10', note: '6.8 MB file', path: x10, arg: from(x10), bytes: one.length * 10, files: 1 },
    { id: 'folder', label: 'usc26 chunks folder', note: `${mdFiles.toLocaleString('en-US')} files`, path: folder, arg: from(folder), glob: `${from(folder)}/**/*.md`, bytes: sizeOf(folder), files: mdFiles, allFiles },
  ];
}

function writePhrases() {
  const r = sh(NODE, ['dist/cli.js', 'kb', 'list', '--format', 'json']);
  if (r.code !== 0) fail(`policy-lens kb list failed: ${r.stderr}`);
  const phrases = pickPhrases(JSON.parse(r.stdout).entries);
  const file = path.join(work, 'floor-phrases.json');
  fs.writeFileSync(file, JSON.stringify(phrases, null, 1) + '\n');
  return { file, count: phrases.length };
}

// ---------------------------------------------------------------- tools

function defineTools(phrasesFile) {
  const cli = path.join(root, 'dist', 'cli.js');
  const mdBin = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const csBin = path.join(root, 'node_modules', 'cspell', 'bin.mjs');
  const floor = path.join(benchDir, 'floor.mjs');
  const countLines = (s, re) => s.split('\n').filter((l) => re.test(l)).length;
  return [
    {
      id: 'policy-lens',
      command: 'policy-lens lint --format json <input>',
      argv: (inp) => [NODE, cli, 'lint', '--format', 'json', inp.arg],
      okExit: [0, 1],
      check(inp, out, err) {
        const j = JSON.parse(out);
        const files = j.files.length;
        const findings = j.files.reduce((n, f) => n + f.findings.length, 0);
        const problems = err.split('\n').filter((l) => /skipped|partial|nothing was linted|cannot read/i.test(l));
        return { files, issues: findings, issueWord: 'findings', problems: problems.slice(0, 3) };
      },
    },
    {
      id: 'markdownlint-cli2',
      command: 'markdownlint-cli2 <input> (default rules)',
      argv: (inp) => [NODE, mdBin, inp.glob ?? inp.arg],
      okExit: [0, 1],
      check(inp, out, err) {
        const files = parseInt(/Linting: (\d+) file/.exec(out)?.[1] ?? 'NaN', 10);
        return { files, issues: countLines(err, / MD\d{3}\//), issueWord: 'issues', problems: [] };
      },
    },
    {
      id: 'cspell',
      command: 'cspell lint --no-progress --no-summary --no-cache --no-config-search <input>',
      extra: [],
      argv(inp) {
        return [NODE, csBin, 'lint', '--no-progress', '--no-summary', '--no-cache', '--no-config-search', ...this.extra, inp.glob ?? inp.arg];
      },
      // The warm-up run also prints cspell's summary, to check every file was checked.
      warmupArgv(inp) {
        return this.argv(inp).filter((a) => a !== '--no-summary');
      },
      okExit: [0, 1],
      warmupCheck(inp, out, err) {
        const checked = parseInt(/Files checked: (\d+)/.exec(out + err)?.[1] ?? 'NaN', 10);
        const skipped = /max file size|exceeded/i.test(out + err);
        return { checked, skipped };
      },
      check(inp, out) {
        return { files: undefined, issues: countLines(out, / - (Unknown|Forbidden) word/), issueWord: 'issues', problems: [] };
      },
    },
    {
      id: 'floor',
      command: 'node bench/floor.mjs --phrases <200 KB phrases> <input>',
      argv: (inp) => [NODE, floor, '--phrases', phrasesFile, inp.arg],
      okExit: [0],
      check(inp, out) {
        const j = JSON.parse(out);
        return { files: j.files, issues: j.matches, issueWord: 'matches', problems: [] };
      },
    },
  ];
}

/**
 * All tools on one input: a warm-up run of each (not counted: page cache; for cspell, a check
 * that no file was skipped), then the measured runs interleaved (run 1 of every tool, then
 * run 2, ...), so a change in the machine's load touches every tool alike.
 */
async function measureInput(tools, inp, opts) {
  const state = tools.map((tool) => {
    const base = path.join(work, 'out', `${tool.id}-${inp.id}`);
    const io = { cwd: work, stdoutFile: `${base}.stdout`, stderrFile: `${base}.stderr`, timeoutS: opts.timeout };
    const read = () => [fs.readFileSync(io.stdoutFile, 'utf8'), fs.readFileSync(io.stderrFile, 'utf8')];
    return { tool, io, read, rec: { tool: tool.id, input: inp.id, runs: [], notes: [] } };
  });
  const failure = (st, r) => (r.ok ? `exit ${r.exit}: ${st.read()[1].trim().split('\n').slice(-2).join(' ').slice(0, 200)}` : r.reason);

  for (const st of state) {
    const { tool, io, read, rec } = st;
    log(`  ${tool.id}: warm-up`);
    const wu = await timedRun(tool.warmupArgv ? tool.warmupArgv(inp) : tool.argv(inp), io);
    if (!wu.ok || !tool.okExit.includes(wu.exit)) {
      rec.failed = failure(st, wu);
      log(`  ${tool.id} on ${inp.id} FAILED: ${rec.failed}`);
      continue;
    }
    if (tool.warmupCheck) {
      let c = tool.warmupCheck(inp, ...read());
      if (c.skipped || !(c.checked >= inp.files)) {
        tool.extra = ['--max-file-size', '1GB'];
        rec.notes.push('cspell skipped files at its default size limit; measured with --max-file-size 1GB');
        const again = await timedRun(tool.warmupArgv(inp), io);
        c = again.ok ? tool.warmupCheck(inp, ...read()) : c;
      }
      rec.filesChecked = c.checked;
    }
  }
  for (let i = 0; i < opts.runs; i++) {
    for (const st of state) {
      const { tool, io, rec } = st;
      if (rec.failed) continue;
      const r = await timedRun(tool.argv(inp), io);
      if (!r.ok || !tool.okExit.includes(r.exit)) {
        rec.failed = failure(st, r);
        log(`  ${tool.id} on ${inp.id} FAILED: ${rec.failed}`);
        continue;
      }
      rec.runs.push(r);
      log(`  ${tool.id}: run ${i + 1}/${opts.runs}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${fmtMiB(r.rssKb)} MiB`);
    }
  }
  for (const { tool, read, rec } of state) {
    if (!rec.runs.length) continue;
    rec.wall = median(rec.runs.map((r) => r.wall));
    rec.cpu = median(rec.runs.map((r) => r.cpu));
    rec.rssKb = median(rec.runs.map((r) => r.rssKb));
    rec.exit = rec.runs[rec.runs.length - 1].exit;
    try {
      const c = tool.check(inp, ...read());
      rec.files = c.files ?? rec.filesChecked;
      rec.issues = c.issues;
      rec.issueWord = c.issueWord;
      rec.notes.push(...c.problems);
      if (rec.files !== undefined && rec.files !== inp.files) rec.notes.push(`covered ${rec.files} of ${inp.files} files`);
    } catch (e) {
      rec.notes.push(`could not read its output: ${e.message}`);
    }
  }
  return state.map((st) => st.rec);
}

// ---------------------------------------------------------------- editor-side measures

function runJson(argv, timeoutS) {
  const r = sh(NODE, argv, { timeout: timeoutS * 1000 });
  if (r.code !== 0) return { error: (r.error?.message ?? r.stderr.trim().split('\n').slice(-3).join(' ')).slice(0, 300) || `exit ${r.code}` };
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch (e) {
    return { error: `bad output: ${e.message}` };
  }
}

/**
 * The edit replay, once per run (each a fresh process replaying the same seeded edits): the
 * run with the median p95 is reported, with every run's p95 beside it.
 */
function editReplay(file, opts) {
  const all = [];
  for (let i = 0; i < opts.runs; i++) {
    const r = runJson([path.join(benchDir, 'edit-replay.mjs'), file, '--edits', String(opts.edits), '--seed', String(opts.seed)], opts.timeout);
    if (r.error) return r;
    log(`  replay ${i + 1}/${opts.runs}: p50 ${fmtMs(r.p50)} ms, p95 ${fmtMs(r.p95)} ms, max ${fmtMs(r.max)} ms`);
    all.push(r);
  }
  const byP95 = [...all].sort((a, b) => a.p95 - b.p95);
  const mid = byP95[(byP95.length - 1) >> 1];
  return { ...mid, replays: all.length, p95s: all.map((r) => r.p95), sameAsFresh: all.every((r) => r.sameAsFresh), partial: all.reduce((n, r) => n + r.partial, 0) };
}

function extensionLoad(runs) {
  const samples = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = runJson([path.join(benchDir, 'ext-load.cjs')], 60);
    if (last.error) return last;
    samples.push(last.requireMs);
  }
  return { ...last, runs, requireMs: median(samples), samples };
}

function flatten(obj, prefix = '', out = []) {
  if (obj === null || typeof obj !== 'object') {
    out.push([prefix, obj]);
    return out;
  }
  for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

function vscodeReport(file) {
  const p = path.join(benchDir, file);
  if (!fs.existsSync(p)) return undefined;
  const j = readJson(p);
  if (!j) return { file, error: 'not valid JSON' };
  return { file, mtime: fs.statSync(p).mtime, fields: flatten(j).filter(([, v]) => ['number', 'string', 'boolean'].includes(typeof v)) };
}

/** The activation time in bench/vscode-activation.json: the first numeric field naming activation in ms. */
function activationMs(rep) {
  if (!rep?.fields) return undefined;
  const numeric = rep.fields.filter(([, v]) => typeof v === 'number');
  const pick = (re) => numeric.find(([k]) => re.test(k));
  return pick(/activat\w*ms$/i) ?? pick(/activat/i) ?? pick(/ms$/i);
}

// ---------------------------------------------------------------- machine

/** Share of CPU time spent busy (all processes on the machine) over `ms`, from /proc/stat. */
function busyShare(ms = 2000) {
  const read = () => {
    try {
      return fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    } catch {
      return undefined;
    }
  };
  const a = read();
  if (!a) return undefined;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const b = read();
  const d = b.map((x, i) => x - a[i]);
  const total = d.reduce((x, y) => x + y, 0);
  return total > 0 ? (total - d[3] - d[4]) / total : undefined;
}

function machine(gnuTime) {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const meminfo = fs.existsSync('/proc/meminfo') ? fs.readFileSync('/proc/meminfo', 'utf8') : '';
  const osRelease = fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '';
  const memKb = parseInt(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? '0', 10);
  const pkgVersion = (p) => readJson(path.join(root, 'node_modules', p, 'package.json'))?.version ?? 'not installed';
  const git = sh('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['status', '--porcelain', '--', 'src', 'kb', 'scripts', 'package.json']);
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: memKb ? `${(memKb / MiB).toFixed(1)} GiB` : `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${/PRETTY_NAME="?([^"\n]+)"?/.exec(osRelease)?.[1] ?? os.type()}, Linux ${os.release()} ${os.arch()}`,
    node: process.version,
    policyLens: `${readJson(path.join(root, 'package.json'))?.version} (${git.code === 0 ? `commit ${git.stdout.trim()}${dirty.stdout.trim() ? ', with uncommitted changes' : ''}` : 'no git'})`,
    markdownlintCli2: `${pkgVersion('markdownlint-cli2')} (markdownlint ${pkgVersion('markdownlint')})`,
    cspell: pkgVersion('cspell'),
    gnuTime,
  };
}

// ---------------------------------------------------------------- report

function report(ctx) {
  const { opts, inputs, results, tools, replay, ext, activation, workspace, vsix, m, started, finished, loadBefore, loadAfter } = ctx;
  const get = (tool, input) => results.find((r) => r.tool === tool && r.input === input);
  const L = [];
  const p = (s = '') => L.push(s);
  const invoked = process.env.npm_lifecycle_event === 'bench' ? `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}` : `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim();

  p('# Policy Lens benchmark results');
  p();
  p(`Measured ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC with \`${invoked}\` (${Math.round((finished - started) / 1000)} s). ` + `Each number is the median of ${opts.runs} run${opts.runs === 1 ? '' : 's'} after one warm-up run, each tool a whole process under GNU time: ` + `wall time (\`%e\`), CPU time (\`%U\` + \`%S\`, user + system, shown as a cross-check: it moves less than wall time when the machine is busy) and peak resident memory (\`%M\`). Targets are judged on wall time. Tools run interleaved (run 1 of each tool on an input, then run 2, …). MiB = 2^20 bytes. How to run and what is measured: [bench/README.md](README.md).`);
  p();
  if (opts.tools) p(`Only these tools were run: ${opts.tools.join(', ')} (\`--tools\`); targets needing the others are left out.\n`);
  p('## Whole-process runs');
  p();
  p('| Input | Tool | Wall (s) | × Policy Lens wall | CPU (s) | Peak RSS (MiB) | Runs: wall (s) | Output | Notes |');
  p('|---|---|--:|--:|--:|--:|---|---|---|');
  for (const inp of inputs) {
    const pl = get('policy-lens', inp.id);
    for (const t of tools) {
      const r = get(t.id, inp.id);
      if (!r) continue;
      const name = t.id === 'floor' ? 'plain-scan floor\\*' : t.id;
      const ratio = r.wall && pl?.wall ? fmtX(r.wall / pl.wall) : '—';
      const out = r.issues !== undefined ? `${r.issues.toLocaleString('en-US')} ${r.issueWord}${r.files !== undefined ? `, ${r.files.toLocaleString('en-US')} file${r.files === 1 ? '' : 's'}` : ''}` : '';
      const notes = [...(r.failed ? [`**FAILED**: ${r.failed}`] : []), ...r.notes].join('; ').replace(/\|/g, '\\|');
      p(`| ${inp.label} (${inp.note}, ${fmtBytes(inp.bytes)}) | ${name} | ${fmtS(r.wall)} | ${t.id === 'policy-lens' ? '1×' : ratio} | ${fmtS(r.cpu)} | ${fmtMiB(r.rssKb)} | ${r.runs.map((x) => x.wall.toFixed(2)).join(', ')} | ${out} | ${notes} |`);
    }
  }
  p();
  p('\\* Plain-scan floor: Node start-up, read, one case-insensitive pass of a 200-phrase alternation ' + '(the first 200 distinct terms and aliases of the bundled KB, from `policy-lens kb list --format json`), counting matches; ' + 'for the folder it walks the folder and reads every file. [bench/floor.mjs](floor.mjs).');
  p();

  // Targets.
  const targets = [];
  // A failed Policy Lens run fails its targets; a failed comparison tool leaves them unmeasured.
  const T = (name, measured, pass, recs = []) => {
    const bad = recs.filter((r) => r?.failed);
    if (!bad.length) return targets.push({ name, measured, pass });
    const why = bad.map((r) => `${r.tool} on ${r.input} failed: ${r.failed}`).join('; ');
    targets.push({ name, measured: why, pass: bad.some((r) => r.tool === 'policy-lens') ? false : undefined });
  };
  const ratio = (a, b) => (a?.wall && b?.wall ? a.wall / b.wall : NaN);
  const cpuRatio = (a, b) => (a?.cpu && b?.cpu ? `; CPU time ${fmtX(a.cpu / b.cpu)}` : '');
  for (const inp of inputs) {
    const pl = get('policy-lens', inp.id);
    const md = get('markdownlint-cli2', inp.id);
    const cs = get('cspell', inp.id);
    if (pl && md) {
      const x = ratio(md, pl);
      T(`${inp.label}: at least 4× faster than markdownlint-cli2`, `${fmtX(x)} (${fmtS(pl.wall)} s vs ${fmtS(md.wall)} s${cpuRatio(md, pl)})`, Number.isFinite(x) ? x >= 4 : undefined, [pl, md]);
    }
    if (pl && cs) {
      const x = ratio(cs, pl);
      T(`${inp.label}: faster than cspell`, `${fmtX(x)} (${fmtS(pl.wall)} s vs ${fmtS(cs.wall)} s${cpuRatio(cs, pl)})`, Number.isFinite(x) ? x > 1 : undefined, [pl, cs]);
    }
  }
  const plX = get('policy-lens', 'x10');
  const flX = get('floor', 'x10');
  const pl1 = get('policy-lens', 'single');
  if (plX && flX) {
    const x = ratio(plX, flX);
    T('6.8 MB file: within 10× of the plain-scan floor', `${fmtX(x)} the floor (${fmtS(plX.wall)} s vs ${fmtS(flX.wall)} s${cpuRatio(plX, flX)})`, Number.isFinite(x) ? x <= 10 : undefined, [plX, flX]);
  }
  if (plX) T('6.8 MB file: peak memory under 250 MiB', `${fmtMiB(plX.rssKb)} MiB`, Number.isFinite(plX.rssKb) ? plX.rssKb / 1024 < 250 : undefined, [plX]);
  if (plX && pl1) {
    const x = ratio(plX, pl1);
    T('Linear cost: 6.8 MB run at most ~11× the 0.68 MB run', `${fmtX(x)} (${fmtS(plX.wall)} s vs ${fmtS(pl1.wall)} s${cpuRatio(plX, pl1)}; both include Node start-up)`, Number.isFinite(x) ? x <= 11 : undefined, [plX, pl1]);
  }
  if (replay) T(`Editor re-lint after a one-character edit (0.68 MB, ${replay.edits ?? opts.edits} edits): p95 ≤ 50 ms`, replay.error ? `not measured: ${replay.error}` : `p95 ${fmtMs(replay.p95)} ms (p50 ${fmtMs(replay.p50)}, max ${fmtMs(replay.max)})`, replay.error ? undefined : replay.p95 <= 50 && replay.sameAsFresh);
  if (activation?.value !== undefined) T('Extension activation ≤ 50 ms (VS Code integration suite)', `${fmtMs(activation.value)} ms (\`${activation.key}\` in bench/vscode-activation.json)`, activation.value <= 50);
  else T('Extension activation ≤ 50 ms (VS Code integration suite)', activation ? `bench/vscode-activation.json has no activation time in ms${activation.rep.error ? ` (${activation.rep.error})` : ''}` : 'not measured here: no bench/vscode-activation.json (activation is measured inside VS Code by the integration suite)', undefined);
  if (ext) T('Extension module load (require of dist/extension.js, engine not loaded) ≤ 50 ms — part of activation', ext.error ? `not measured: ${ext.error}` : `${fmtMs(ext.requireMs)} ms; engine loaded at require: ${ext.engineLoaded ? 'yes' : 'no'}`, ext.error ? undefined : ext.requireMs <= 50 && !ext.engineLoaded);
  T('.vsix ≤ 2 MiB', vsix ? `${fmtBytes(vsix.bytes)} (dist/policy-lens.vsix, ${vsix.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC)` : 'no dist/policy-lens.vsix', vsix ? vsix.bytes <= 2 * MiB : undefined);

  p('## Targets');
  p();
  p('| Target | Measured | Result |');
  p('|---|---|---|');
  for (const t of targets) p(`| ${t.name} | ${t.measured.replace(/\|/g, '\\|')} | ${t.pass === undefined ? 'NOT MEASURED' : t.pass ? 'PASS' : '**FAIL**'} |`);
  p();

  p('## Editor');
  p();
  if (replay && !replay.error) {
    p(`Re-lint after a one-character edit, through the engine's incremental API (\`LintSession\` from dist/engine.js) on ${inputs[0].label} (${replay.kind}): ` + `${replay.edits} random edits (seed ${replay.seed}; ${replay.ops.insert} inserts, ${replay.ops.delete} deletions, ${replay.ops.replace} replacements), applied one after another like typing, each followed by a full re-lint (no time budget; the extension runs the same work in 50 ms slices).`);
    p();
    p('| Measure | ms |');
    p('|---|--:|');
    p(`| Re-lint p50 | ${fmtMs(replay.p50)} |`);
    p(`| Re-lint p95 | ${fmtMs(replay.p95)} |`);
    p(`| Re-lint max | ${fmtMs(replay.max)} |`);
    p(`| Re-lint mean | ${fmtMs(replay.mean)} |`);
    p(`| First lint of the document in a fresh session (on open) | ${fmtMs(replay.initialMs)} |`);
    p(`| Knowledge base load (readBundle + new KnowledgeBase) | ${fmtMs(replay.kbLoadMs)} |`);
    p();
    p(`The replay ran ${replay.replays} time${replay.replays === 1 ? '' : 's'} (fresh processes, same edits); the table shows the run with the median p95. p95 of every run: ${replay.p95s.map(fmtMs).join(', ')} ms. ` + `Slowest edits of that run (edit #: ms): ${replay.slowest.map(([i, ms]) => `#${i}: ${fmtMs(ms)}`).join(', ')} — the first edits after opening include JIT warm-up of the incremental path.`);
    p();
    p(`Last incremental result equals a fresh one-shot lint of the final text: ${replay.sameAsFresh ? 'yes' : '**NO**'} (${replay.findings} findings, ${replay.terms} term occurrences). Partial results: ${replay.partial}.`);
  } else if (replay) p(`Re-lint replay failed: ${replay.error}`);
  p();
  if (ext && !ext.error) {
    p(`Extension module load: \`require('dist/extension.js')\` in a fresh Node process takes **${fmtMs(ext.requireMs)} ms** (median of ${ext.runs}: ${ext.samples.map(fmtMs).join(', ')}); ` + `${fmtBytes(ext.bytes)}; exports ${ext.exports.join(', ')}; dist/engine.js loaded by it: ${ext.engineLoaded ? '**yes**' : 'no'}. ` + 'For this require only, `vscode` resolves to an inert stub (an empty object whose missing properties resolve to an inert value); activate() is not called, and nothing is mocked. ' + 'Activation itself is measured inside VS Code by the integration suite' + (activation?.value !== undefined ? `: **${fmtMs(activation.value)} ms** (bench/vscode-activation.json).` : ' (bench/vscode-activation.json, not present for this run).'));
  } else if (ext) p(`Extension module load: not measured: ${ext.error}`);
  p();
  if (activation?.rep) {
    p(`From bench/vscode-activation.json (written by the integration suite, ${activation.rep.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC):`);
    p();
    for (const [k, v] of activation.rep.fields.slice(0, 30)) p(`- \`${k}\`: ${v}`);
    p();
  }
  p(vsix ? `Package: dist/policy-lens.vsix is ${fmtBytes(vsix.bytes)} (${vsix.bytes.toLocaleString('en-US')} bytes)${vsix.packagedNow ? ', packaged by this run' : `, built ${vsix.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC`}${vsix.stale ? `; older than the newest change to the sources it packages (${vsix.stale}), so \`npm run package\` may give another size` : ''}.` : 'Package: no dist/policy-lens.vsix (run `npm run package`).');
  p();
  p('## VS Code Lint Workspace');
  p();
  if (workspace?.fields) {
    p(`From bench/vscode-workspace-lint.json (written by the integration suite, ${workspace.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC):`);
    p();
    for (const [k, v] of workspace.fields.slice(0, 40)) p(`- \`${k}\`: ${v}`);
  } else if (workspace?.error) p(`bench/vscode-workspace-lint.json: ${workspace.error}.`);
  else p('No bench/vscode-workspace-lint.json: the integration suite writes it when it runs Lint Workspace inside VS Code.');
  p();

  p('## Machine and versions');
  p();
  p(`- CPU: ${m.cpu}, ${m.cores} logical cores; memory ${m.memory}`);
  p(`- OS: ${m.os}`);
  p(`- Node ${m.node}; ${m.gnuTime}`);
  p(`- Policy Lens ${m.policyLens}; markdownlint-cli2 ${m.markdownlintCli2}; cspell ${m.cspell}`);
  const pct = (x) => (x === undefined ? 'unknown' : `${Math.round(x * 100)}%`);
  p(`- Other work on the machine: CPU busy ${pct(ctx.busyBefore)} in the 2 s before the runs and ${pct(ctx.busyAfter)} in the 2 s after (all cores, with the benchmark idle); load average (1, 5, 15 min) ${loadBefore.map((x) => x.toFixed(2)).join(', ')} at start, ${loadAfter.map((x) => x.toFixed(2)).join(', ')} at end. A busy machine stretches wall times (CPU times less so) and adds noise to the ratios.`);
  p();
  p('## Method');
  p();
  p('- Inputs: `../shared/corpus/usc26-business-credits.md`; the same file ×10 (bench/work/, generated); `../shared/corpus/usc26-chunks.tar.gz` unpacked into bench/work/usc26/ (once, reused).');
  p('- Every tool runs with bench/work/ as its working directory, as `node <tool>`, output to files; for the folder, Policy Lens and the floor get the folder, markdownlint-cli2 and cspell the glob `usc26/**/*.md`.');
  for (const t of tools) p(`- ${t.id}: \`${t.command}\`${t.id === 'cspell' && t.extra.length ? ` with \`${t.extra.join(' ')}\`` : ''}.`);
  p('- cspell has no default file-size limit in this version; its warm-up run prints its summary, and the runner checks that it checked every file (it would otherwise re-run with `--max-file-size 1GB` and say so above). `--no-config-search` keeps any cspell config in the project out of the comparison.');
  p('- A run fails if it exits with another code than the tool uses for "findings" (0 or 1), or runs over the timeout; the failure is recorded and the rest continues.');
  p('- Peak RSS is GNU time\'s `%M` for the process (for a process that forks, its largest process).');
  p();
  return { text: L.join('\n'), targets };
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const started = new Date();
  const loadBefore = os.loadavg();
  const busyBefore = busyShare();
  const gnuTime = checkGnuTime();
  const pkg = readJson(path.join(root, 'package.json'));
  const { packaged } = opts.build ? build(pkg) : { packaged: false };
  for (const f of ['dist/cli.js', 'dist/engine.js', 'dist/kb.json']) if (!fs.existsSync(path.join(root, f))) fail(`${f} is missing: build first (node scripts/build.mjs)`);

  const inputs = prepareInputs();
  const phrases = writePhrases();
  let tools = defineTools(phrases.file);
  if (opts.tools) {
    const unknown = opts.tools.filter((t) => !tools.some((x) => x.id === t));
    if (unknown.length) fail(`unknown tool(s): ${unknown.join(', ')}`);
    tools = tools.filter((t) => opts.tools.includes(t.id));
  }

  const results = [];
  for (const inp of inputs) {
    log(`bench: ${inp.label}: ${tools.map((t) => t.id).join(', ')} (warm-up + ${opts.runs} interleaved)`);
    results.push(...(await measureInput(tools, inp, opts)));
  }

  log(`bench: replaying ${opts.edits} one-character edits through LintSession`);
  const replay = editReplay(inputs[0].path, opts);
  log('bench: extension module load');
  const ext = fs.existsSync(path.join(root, 'dist', 'extension.js')) ? extensionLoad(Math.max(5, opts.runs)) : { error: 'no dist/extension.js' };
  const actRep = vscodeReport('vscode-activation.json');
  const act = activationMs(actRep);
  const activation = actRep ? { rep: actRep, key: act?.[0], value: act?.[1] } : undefined;
  const workspace = vscodeReport('vscode-workspace-lint.json');
  const vsixPath = path.join(root, 'dist', 'policy-lens.vsix');
  const vsix = fs.existsSync(vsixPath) ? { bytes: fs.statSync(vsixPath).size, mtime: fs.statSync(vsixPath).mtime, packagedNow: packaged } : undefined;
  if (vsix) {
    const newest = newestMtime(['src', 'kb', 'media', 'syntaxes', 'docs/rules', 'package.json', 'README.md'].map((p) => path.join(root, p)));
    if (newest && newest.mtime > vsix.mtime) vsix.stale = `${rel(newest.file)}, ${newest.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  }

  const finished = new Date();
  const busyAfter = busyShare();
  const { text, targets } = report({ opts, inputs, results, tools, replay, ext, activation, workspace, vsix, m: machine(gnuTime), started, finished, busyBefore, busyAfter, loadBefore, loadAfter: os.loadavg() });
  fs.writeFileSync(opts.out, text);
  const raw = path.join(work, `${path.basename(opts.out, '.md')}.json`);
  fs.writeFileSync(raw, JSON.stringify({ opts, inputs, results, replay, ext, activation, workspace, vsix }, null, 1) + '\n');
  console.log(text);
  const failed = targets.filter((t) => t.pass === false);
  const unmeasured = targets.filter((t) => t.pass === undefined);
  const toolFailures = results.filter((r) => r.failed);
  console.log(`Wrote ${rel(opts.out)} (raw numbers: ${rel(raw)}).`);
  for (const r of toolFailures) console.log(`TOOL FAILED: ${r.tool} on ${r.input}: ${r.failed}`);
  for (const t of failed) console.log(`TARGET FAILED: ${t.name}: ${t.measured}`);
  for (const t of unmeasured) console.log(`NOT MEASURED: ${t.name}: ${t.measured}`);
  console.log(`${targets.length - failed.length - unmeasured.length} of ${targets.length} targets pass${failed.length ? `, ${failed.length} FAIL` : ''}${unmeasured.length ? `, ${unmeasured.length} not measured` : ''}.`);
}

await main();
