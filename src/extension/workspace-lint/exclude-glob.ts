// The exclude pattern for Lint Workspace's findFiles: `files.exclude` (its `true` entries;
// entries with a `when` clause depend on sibling files and are left to the user) plus
// node_modules. findFiles drops `files.exclude` as soon as an exclude is given, so it is
// merged here. VS Code globs do not nest braces, so braces inside keys are expanded first.
// Pure (no `vscode`).

export function excludeGlob(filesExclude: Record<string, unknown> | undefined): string {
  const patterns = new Set<string>(['**/node_modules/**']);
  for (const [key, value] of Object.entries(filesExclude ?? {})) {
    if (value !== true) continue;
    for (const p of expandBraces(key)) if (p && !p.includes(',')) patterns.add(p);
  }
  return `{${[...patterns].join(',')}}`;
}

/** `a/{b,c{d,e}}` → `a/b`, `a/cd`, `a/ce`. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++)
    for (const alt of expandBraces(pattern.slice(bounds[k]! + 1, bounds[k + 1])))
      for (const rest of expandBraces(tail)) out.push(head + alt + rest);
  return out;
}
