#!/usr/bin/env node
// The plain-scan floor: Node start-up, read the input, one case-insensitive pass of a
// 200-phrase alternation over it, count the matches. Nothing else (no Markdown parsing, no
// rules, no output beyond one line), so it is the least any phrase-matching linter written in
// Node can cost on the same input. bench/run.mjs times it as a whole process, like the tools.
//
//   node bench/floor.mjs --phrases FILE INPUT...
//
// FILE is a JSON array of phrases (bench/run.mjs writes bench/work/floor-phrases.json from
// `policy-lens kb list --format json`, exactly 200 of them). Without --phrases the phrases are
// read from dist/kb.json (terms then aliases, padded/trimmed to 200) — handy on its own, but
// that reads a 0.4 MB bundle first, so the benchmark always passes --phrases.
// INPUT is a file or a folder; a folder is walked and every file in it is read and scanned.
// Prints one JSON line: {"files":N,"bytes":N,"matches":N,"phrases":200}.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PHRASE_COUNT = 200;

/** Entries by id; their terms first, then their aliases; case-insensitive duplicates dropped; exactly `n`. */
export function pickPhrases(list, n = PHRASE_COUNT) {
  const entries = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set();
  const out = [];
  const add = (p) => {
    if (typeof p !== 'string' || !p.trim()) return;
    const k = p.toLowerCase();
    if (seen.has(k) || out.length >= n) return;
    seen.add(k);
    out.push(p);
  };
  for (const e of entries) add(e.term);
  for (const e of entries) for (const a of e.aliases ?? []) add(typeof a === 'string' ? a : a?.text); // kb list: strings; kb.json: { text }
  // Pad (a small KB) with numbered variants of the phrases, which cost the same to try.
  for (let i = 2; out.length < n && out.length > 0; i++) for (const p of out.slice(0, n)) add(`${p} ${i}`);
  return out.slice(0, n);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function main(argv) {
  let phrasesFile;
  const inputs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--phrases') phrasesFile = argv[++i];
    else inputs.push(argv[i]);
  }
  if (!inputs.length) {
    process.stderr.write('usage: node bench/floor.mjs [--phrases FILE] INPUT...\n');
    return 2;
  }
  let phrases;
  if (phrasesFile) phrases = JSON.parse(fs.readFileSync(phrasesFile, 'utf8'));
  else {
    const here = path.dirname(fileURLToPath(import.meta.url));
    phrases = pickPhrases(JSON.parse(fs.readFileSync(path.join(here, '..', 'dist', 'kb.json'), 'utf8')).entries);
  }
  // Longest first, so a phrase is not cut short by one of its own prefixes.
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  const re = new RegExp(sorted.map(escape).join('|'), 'gi');

  let files = 0;
  let bytes = 0;
  let matches = 0;
  const scan = (file) => {
    const text = fs.readFileSync(file, 'utf8');
    files++;
    bytes += Buffer.byteLength(text);
    re.lastIndex = 0;
    while (re.exec(text) !== null) matches++;
  };
  const walk = (dir) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.isFile()) scan(p);
    }
  };
  for (const input of inputs) {
    if (fs.statSync(input).isDirectory()) walk(input);
    else scan(input);
  }
  process.stdout.write(JSON.stringify({ files, bytes, matches, phrases: phrases.length }) + '\n');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
