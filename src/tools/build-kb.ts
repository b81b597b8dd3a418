// Build step: check every entry in kb/ and compile them into one JSON bundle.
//   node out/build-kb.cjs <kb-dir> <out.json> [--quiet]
// Fails (exit 1) on any error, naming file, line and field, so a broken entry never ships.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KnowledgeBase } from '../engine/kb/knowledge-base.js';
import { loadEntryDir, type KbBundle } from '../engine/kb/load.js';
import { validateAgainstSchema } from './kb-schema-check.js';
import { kbIndex } from './kb-index.js';

function main(): number {
  const [dir, out] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const quiet = process.argv.includes('--quiet');
  if (!dir || !out) {
    process.stderr.write('usage: build-kb <kb-dir> <out.json>\n');
    return 2;
  }
  const loaded = loadEntryDir(dir, 'bundled');
  const kb = new KnowledgeBase([loaded.entries], loaded.problems);
  const schemaProblems = validateAgainstSchema(dir);
  const problems = [...kb.problems, ...schemaProblems];
  for (const p of problems) process.stderr.write(`${p.file}:${p.line}: ${p.severity}${p.field ? ` [${p.field}]` : ''}: ${p.message}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors) {
    process.stderr.write(`build-kb: ${errors} error(s) in the knowledge base; not building\n`);
    return 1;
  }
  // Bundled entries carry their path relative to the project, not this machine's.
  const entries = [...kb.entries.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => ({ ...e, file: path.join('kb', path.basename(e.file)).split(path.sep).join('/') }));
  const bundle: KbBundle = { version: 1, entries };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(bundle));
  if (!quiet) process.stdout.write(`build-kb: ${entries.length} entries → ${out}\n`);
  const indexAt = process.argv.indexOf('--index');
  if (indexAt > 0 && process.argv[indexAt + 1]) {
    const file = process.argv[indexAt + 1]!;
    const text = kbIndex(entries);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  }
  return 0;
}

process.exitCode = main();
