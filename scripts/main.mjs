// npm start — the main job: build, package the .vsix, and lint the example drafts in
// examples/ with the CLI, printing the findings. Exits 0 once they are shown (the findings
// are the point here; CI gates on `npm test`).
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const step = (title) => console.log(`\n\u001b[1m▸ ${title}\u001b[0m`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

step('Build and package the extension');
execFileSync(npm, ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
const size = statSync('dist/policy-lens.vsix').size;
console.log(`dist/policy-lens.vsix (${(size / 1024).toFixed(0)} KB) — install it with: code --install-extension dist/policy-lens.vsix`);

step('Lint the example drafts: policy-lens lint examples/');
const r = spawnSync(process.execPath, ['dist/cli.js', 'lint', 'examples'], { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } });
if (r.status === 2) {
  console.error('policy-lens could not lint the examples (exit 2)');
  process.exit(2);
}
console.log(`\npolicy-lens exited ${r.status} (${r.status === 1 ? 'error findings shown above' : 'no error findings'}); done.`);
