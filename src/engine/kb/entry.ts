// Reading one KB entry file: YAML front matter + Markdown body, checked field by field.
// Every problem names the file, the line and the field, so a team member can fix it.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { CATEGORIES, STATUSES, type Alias, type Citation, type KbEntry, type KbProblem, type Origin } from './types.js';

export const SUMMARY_MAX = 300;
export const WHY_MAX = 400;

const FIELDS = new Set([
  'id', 'term', 'aliases', 'case', 'plural', 'category', 'summary', 'why', 'related', 'status', 'effective', 'ends',
  'caveat', 'reviewed', 'citations',
]);
const CITATION_FIELDS = new Set(['title', 'url', 'date', 'publisher', 'kind', 'pinpoint', 'checked']);
const ALIAS_FIELDS = new Set(['text', 'case', 'ambiguous', 'discouraged']);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

export interface ParsedEntry {
  entry?: KbEntry;
  problems: KbProblem[];
}

/**
 * Parse and check one entry file. `expectedId` (the file name without `.md`) must equal `id`.
 * Returns the entry when it is usable (no errors), and every problem found.
 */
export function parseEntry(text: string, file: string, origin: Origin, expectedId?: string): ParsedEntry {
  const problems: KbProblem[] = [];
  const err = (line: number, field: string | undefined, message: string) =>
    problems.push({ file, line, field, message, severity: 'error' });

  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(src);
  if (!open) {
    err(1, undefined, 'missing YAML front matter: the file must start with a line `---`');
    return { problems };
  }
  const rest = src.slice(open[0].length);
  const close = /(^|\r?\n)---[ \t]*(\r?\n|$)/.exec(rest);
  if (!close) {
    err(1, undefined, 'front matter is not closed: add a line `---` after it');
    return { problems };
  }
  const yamlText = rest.slice(0, close.index + close[1]!.length);
  const body = rest.slice(close.index + close[0].length).trim();
  const lineOffset = 1; // the opening `---` line
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: YamlNode | null | undefined): number =>
    node?.range ? counter.linePos(node.range[0]).line + lineOffset : lineOffset + 1;

  for (const e of doc.errors) {
    err(counter.linePos(e.pos[0]).line + lineOffset, undefined, `YAML: ${e.message.split('\n')[0]}`);
  }
  if (doc.errors.length) return { problems };
  if (!isMap(doc.contents)) {
    err(lineOffset + 1, undefined, 'front matter must be a mapping of fields (`key: value`)');
    return { problems };
  }

  const lines: Record<string, number> = {};
  const nodes = new Map<string, YamlNode>();
  for (const pair of doc.contents.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf(pair.key);
    lines[key] = line;
    if (!FIELDS.has(key)) {
      err(line, key, `unknown field \`${key}\`${suggest(key, FIELDS)}`);
      continue;
    }
    if (pair.value) nodes.set(key, pair.value);
  }
  const fmStart = lineOffset + 1;
  const at = (field: string) => lines[field] ?? fmStart;

  const str = (field: string, required: boolean): string | undefined => {
    const node = nodes.get(field);
    if (!node || (isScalar(node) && (node.value === null || node.value === ''))) {
      if (required) err(at(field), field, `required field \`${field}\` is missing`);
      return undefined;
    }
    if (!isScalar(node) || typeof node.value === 'object') {
      err(lineOf(node), field, `\`${field}\` must be a single text value`);
      return undefined;
    }
    return String(node.value).trim();
  };
  const date = (field: string, required: boolean): string | undefined => {
    const v = str(field, required);
    if (v !== undefined && !isValidDate(v)) {
      err(lineOf(nodes.get(field)), field, `\`${field}\` must be a date written YYYY-MM-DD, got "${v}"`);
      return undefined;
    }
    return v;
  };

  const id = str('id', true);
  if (id !== undefined && !ID.test(id)) err(at('id'), 'id', `\`id\` must be kebab-case (a-z, 0-9, hyphens), got "${id}"`);
  if (id !== undefined && expectedId !== undefined && id !== expectedId)
    err(at('id'), 'id', `\`id\` "${id}" does not match the file name "${expectedId}.md"`);
  const term = str('term', true);
  const category = str('category', true);
  if (category !== undefined && !(CATEGORIES as readonly string[]).includes(category))
    err(at('category'), 'category', `\`category\` must be one of ${CATEGORIES.join(', ')}; got "${category}"`);
  const summary = str('summary', true);
  if (summary !== undefined && summary.length > SUMMARY_MAX)
    err(at('summary'), 'summary', `\`summary\` is ${summary.length} characters; the limit is ${SUMMARY_MAX}`);
  const why = str('why', true);
  if (why !== undefined && why.length > WHY_MAX)
    err(at('why'), 'why', `\`why\` is ${why.length} characters; the limit is ${WHY_MAX}`);
  const status = str('status', true);
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    err(at('status'), 'status', `\`status\` must be one of ${STATUSES.join(', ')}; got "${status}"`);
  const effective = date('effective', false);
  const ends = date('ends', false);
  if ((status === 'suspended' || status === 'expired' || status === 'superseded') && ends === undefined && !problems.some((p) => p.field === 'ends'))
    err(at('status'), 'ends', `a ${status} measure needs \`ends\`: the date it ended or its suspension runs to`);
  if (effective && ends && effective > ends) err(at('ends'), 'ends', '`ends` is before `effective`');
  const caveat = str('caveat', false);
  const reviewed = date('reviewed', true);
  const caseMode = str('case', false);
  if (caseMode !== undefined && caseMode !== 'sensitive' && caseMode !== 'insensitive')
    err(at('case'), 'case', '`case` must be `sensitive` or `insensitive`');
  const pluralNode = nodes.get('plural');
  let plural: boolean | undefined;
  if (pluralNode) {
    if (isScalar(pluralNode) && typeof pluralNode.value === 'boolean') plural = pluralNode.value;
    else err(lineOf(pluralNode), 'plural', '`plural` must be true or false');
  }

  // aliases
  const aliases: Alias[] = [];
  const aliasNode = nodes.get('aliases');
  if (aliasNode) {
    if (!isSeq(aliasNode)) err(lineOf(aliasNode), 'aliases', '`aliases` must be a list');
    else
      for (const item of aliasNode.items as YamlNode[]) {
        if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
          const t = String(item.value).trim();
          if (t) aliases.push({ text: t });
          else err(lineOf(item), 'aliases', 'an alias is empty');
        } else if (isMap(item)) {
          const a: Partial<Alias> = {};
          for (const p of item.items as Pair<YamlNode, YamlNode>[]) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            const v = isScalar(p.value) ? p.value.value : undefined;
            if (!ALIAS_FIELDS.has(k)) err(lineOf(p.key), 'aliases', `unknown alias field \`${k}\`${suggest(k, ALIAS_FIELDS)}`);
            else if (k === 'text') a.text = v === undefined || v === null ? '' : String(v).trim();
            else if (k === 'case') {
              if (v === 'sensitive' || v === 'insensitive') a.case = v;
              else err(lineOf(p.value), 'aliases', 'alias `case` must be `sensitive` or `insensitive`');
            } else if (typeof v === 'boolean') (a as Record<string, unknown>)[k] = v;
            else err(lineOf(p.value), 'aliases', `alias \`${k}\` must be true or false`);
          }
          if (!a.text) err(lineOf(item), 'aliases', 'an alias object needs `text`');
          else aliases.push(a as Alias);
        } else err(lineOf(item), 'aliases', 'an alias must be text or `{ text, case, ambiguous, discouraged }`');
      }
  }

  // related
  const related: string[] = [];
  const relNode = nodes.get('related');
  if (relNode) {
    if (!isSeq(relNode)) err(lineOf(relNode), 'related', '`related` must be a list of entry ids');
    else
      for (const item of relNode.items as YamlNode[]) {
        if (isScalar(item) && typeof item.value === 'string' && ID.test(item.value)) related.push(item.value);
        else err(lineOf(item), 'related', `\`related\` items must be entry ids, got ${JSON.stringify(isScalar(item) ? item.value : '…')}`);
      }
  }

  // citations
  const citations: Citation[] = [];
  const citNode = nodes.get('citations');
  if (!citNode) err(at('citations'), 'citations', 'required field `citations` is missing: every entry needs at least one source');
  else if (!isSeq(citNode) || citNode.items.length === 0)
    err(lineOf(citNode), 'citations', '`citations` must be a list with at least one source');
  else
    (citNode.items as YamlNode[]).forEach((item, i) => {
      const where = `citations[${i}]`;
      if (!isMap(item)) {
        err(lineOf(item), where, 'a citation must be `{ title, url, date }`');
        return;
      }
      const c: Record<string, string> = {};
      for (const p of item.items as Pair<YamlNode, YamlNode>[]) {
        const k = isScalar(p.key) ? String(p.key.value) : '';
        if (!CITATION_FIELDS.has(k)) {
          err(lineOf(p.key), `${where}.${k}`, `unknown citation field \`${k}\`${suggest(k, CITATION_FIELDS)}`);
          continue;
        }
        if (!isScalar(p.value) || p.value.value === null || typeof p.value.value === 'object') {
          err(lineOf(p.value ?? p.key), `${where}.${k}`, `citation \`${k}\` must be a single text value`);
          continue;
        }
        c[k] = String(p.value.value).trim();
      }
      const line = lineOf(item);
      for (const k of ['title', 'url', 'date'] as const) if (!c[k]) err(line, `${where}.${k}`, `citation needs \`${k}\``);
      if (c.url && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(c.url)) err(line, `${where}.url`, `citation url must be an http(s) address, got "${c.url}"`);
      if (c.date && !isValidDate(c.date)) err(line, `${where}.date`, `citation date must be YYYY-MM-DD, got "${c.date}"`);
      if (c.checked && !isValidDate(c.checked)) err(line, `${where}.checked`, `citation \`checked\` must be YYYY-MM-DD, got "${c.checked}"`);
      if (c.kind && c.kind !== 'primary' && c.kind !== 'secondary')
        err(line, `${where}.kind`, 'citation `kind` must be `primary` or `secondary`');
      if (c.title && c.url && c.date)
        citations.push({
          title: c.title,
          url: c.url,
          date: c.date,
          kind: c.kind === 'secondary' ? 'secondary' : 'primary',
          ...(c.publisher ? { publisher: c.publisher } : {}),
          ...(c.pinpoint ? { pinpoint: c.pinpoint } : {}),
          ...(c.checked ? { checked: c.checked } : {}),
        });
    });

  if (!body) problems.push({ file, line: lineOffset + yamlText.split('\n').length + 1, message: 'the entry has no body text', severity: 'warning' });

  if (problems.some((p) => p.severity === 'error')) return { problems };
  const entry: KbEntry = {
    id: id!,
    term: term!,
    aliases,
    category: category as KbEntry['category'],
    summary: summary!,
    why: why!,
    related,
    status: status as KbEntry['status'],
    reviewed: reviewed!,
    citations,
    body,
    file,
    origin,
    lines,
    ...(caseMode ? { case: caseMode as 'sensitive' | 'insensitive' } : {}),
    ...(plural !== undefined ? { plural } : {}),
    ...(effective ? { effective } : {}),
    ...(ends ? { ends } : {}),
    ...(caveat ? { caveat } : {}),
  };
  return { entry, problems };
}

/** " (did you mean `x`?)" for a near-miss field name. */
function suggest(key: string, known: Set<string>): string {
  let best = '';
  let bestD = 3;
  for (const k of known) {
    const d = distance(key, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best ? ` (did you mean \`${best}\`?)` : '';
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}
