// The build's second check of kb/: every entry's front matter against the JSON schema that
// editors use (schemas/kb-entry.schema.json), so the schema and the loader cannot drift.
import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import schema from '../../schemas/kb-entry.schema.json';
import type { KbProblem } from '../engine/kb/types.js';

export function validateAgainstSchema(dir: string): KbProblem[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const problems: KbProblem[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    if (!m) continue; // the loader reports a missing front matter with a better message
    let data: unknown;
    try {
      data = parse(m[1]!);
    } catch {
      continue; // likewise for YAML syntax errors
    }
    if (validate(data)) continue;
    for (const err of validate.errors ?? []) {
      const field = err.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined;
      const key = field?.split('.')[0];
      const line = key ? lineOfKey(m[1]!, key) + 1 : 1;
      problems.push({ file, line, field, message: `schema: ${field ?? 'entry'} ${err.message}`, severity: 'error' });
    }
  }
  return problems;
}

function lineOfKey(yamlText: string, key: string): number {
  const i = yamlText.split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? 0 : i + 1;
}
