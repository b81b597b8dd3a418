// SARIF 2.1.0, as GitHub code scanning takes it: one run, the rules with their docs
// (helpUri), results with a location and related locations. Columns are 1-based UTF-16
// code units, which is SARIF's default column kind.
import type { Finding, Severity } from '../findings.js';
import type { Rule } from '../rules/rule.js';
import type { FileResult } from './json.js';

export interface SarifOptions {
  rules: readonly Rule[];
  toolVersion: string;
  /** Base URL of the rule docs; `<base><id>.md` is each rule's helpUri. */
  docsBase: string;
  informationUri: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(files: FileResult[], options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  const region = (f: { start: Finding['start']; end: Finding['end'] }) => ({
    startLine: f.start.line,
    startColumn: f.start.column,
    endLine: f.end.line,
    endColumn: Math.max(f.end.column, f.start.line === f.end.line ? f.start.column + 1 : 1),
    charOffset: f.start.offset,
    charLength: Math.max(0, f.end.offset - f.start.offset),
  });
  const results = files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(file.path) }, region: region(f) } }],
      ...(f.related.length
        ? {
            relatedLocations: f.related.map((r, i) => ({
              id: i + 1,
              message: { text: r.message },
              physicalLocation: { artifactLocation: { uri: uri(file.path) }, region: region(r) },
            })),
          }
        : {}),
      ...(f.entries.length ? { properties: { entries: f.entries } } : {}),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Policy Lens',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: options.informationUri,
            rules: options.rules.map((r) => ({
              id: r.id,
              name: r.id
                .split('-')
                .map((w) => w[0]!.toUpperCase() + w.slice(1))
                .join(''),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: `${options.docsBase}${r.id}.md`,
              help: { text: `${r.description} See ${options.docsBase}${r.id}.md` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** A relative path as a URI reference (forward slashes, percent-encoded). */
function uri(p: string): string {
  return p
    .split(/[\\/]/)
    .map((s) => encodeURIComponent(s))
    .join('/');
}
