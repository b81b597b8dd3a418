// npm test: build, bundle the node:test suites (test/**/*.test.ts) with esbuild, run them.
//   node scripts/test.mjs [filter…]   only test files whose path contains a filter
// The VS Code integration suite is separate: npm run test:vscode.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'integration' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const files = find('test').filter((f) => !filters.length || filters.some((x) => f.includes(x)));
// A folder per run, so that two runs (an editor's and a terminal's) never delete each other's files.
const outdir = `out/test-${process.pid}`;
await build({
  entryPoints: files,
  outdir,
  outbase: 'test',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
});
const outs = files.map((f) => f.replace(/^test/, outdir).replace(/\.ts$/, '.cjs'));
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...outs], { stdio: 'inherit', env: { ...process.env, POLICY_LENS_ROOT: process.cwd() } });
rmSync(outdir, { recursive: true, force: true });
process.exit(r.status ?? 1);
