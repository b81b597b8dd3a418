// Build: compile the KB bundle, then bundle the extension, the CLI and tools with esbuild.
//   node scripts/build.mjs [--production] [--quiet]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const quiet = process.argv.includes('--quiet');
const log = (...a) => quiet || console.log(...a);
mkdirSync('dist', { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['src/tools/build-kb.ts'], outfile: 'out/build-kb.cjs', sourcemap: false, minify: false });
execFileSync(process.execPath, ['out/build-kb.cjs', 'kb', 'dist/kb.json', '--index', 'docs/kb.md', ...(quiet ? ['--quiet'] : [])], { stdio: 'inherit' });

await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  ...(existsSync('src/extension/extension.ts') ? [build({ ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'] })] : []),
  build({ ...common, entryPoints: { 'eval-claims': 'src/tools/eval-claims.ts' }, outdir: 'dist' }),
  // The engine on its own, for the extension to require() on first need.
  build({ ...common, entryPoints: { engine: 'src/engine/api.ts' }, outdir: 'dist' }),
]);
log(`built dist/ (${production ? 'production' : 'development'})`);
