// The entry page's HTML. Pure (no `vscode`): the panel passes the webview's CSP source, a
// fresh nonce and the URIs of media/entry.css and media/entry.js. Every KB string is escaped;
// the page loads nothing but those two local files; external links are `href="#"` with an
// index into `links`, which the panel opens with env.openExternal after checking the index.
import type { Category, KbEntry } from '../../engine/api.js';
import { escapeHtml, safeHttpUrl } from '../escape.js';
import { renderMarkdownSubset } from './markdown-subset.js';

export interface EntryPageInput {
  entry: KbEntry;
  /** Related entries that exist in the KB (unknown ids are left out). */
  related: KbEntry[];
  statusLine: string;
  categoryLabel(c: Category): string;
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  styleUri: string;
  scriptUri: string;
}

export interface EntryPage {
  html: string;
  /** The external URLs the page may ask to open, by index (http and https only). */
  links: string[];
}

/** The panel title; tests find the panel by it. */
export function entryPageTitle(e: Pick<KbEntry, 'term'>): string {
  return `Policy Lens: ${e.term}`;
}

export function entryPageHtml(input: EntryPageInput): EntryPage {
  const { entry: e, nonce } = input;
  const links: string[] = [];
  const link = (url: string) => {
    const i = links.indexOf(url);
    return i >= 0 ? i : links.push(url) - 1;
  };
  const h = escapeHtml;
  const csp = [
    "default-src 'none'",
    `style-src ${input.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${input.cspSource}`,
  ].join('; ');

  const aliases = e.aliases.map((a) => h(a.text) + (a.discouraged ? ' <span class="discouraged">(discouraged)</span>' : ''));
  const citations = e.citations.map((c) => {
    const url = safeHttpUrl(c.url);
    const title = url ? `<a href="#" data-link="${link(url)}" class="external">${h(c.title)}</a>` : h(c.title);
    const meta = [c.publisher, c.date, c.pinpoint ? `at ${c.pinpoint}` : undefined, c.checked ? `checked ${c.checked}` : undefined]
      .filter((x): x is string => !!x)
      .map(h)
      .join(' · ');
    const kind = c.kind === 'secondary' ? ' <span class="badge secondary">secondary source</span>' : '';
    return `<li>${title}${kind}<div class="meta">${meta}</div><div class="url">${h(c.url)}</div></li>`;
  });
  const related = input.related.map(
    (r) => `<li><a href="#" data-entry="${h(r.id)}">${h(r.term)}</a> <span class="meta">${h(input.categoryLabel(r.category))}</span></li>`,
  );
  const body = e.body ? renderMarkdownSubset(e.body, link) : '';
  const origin = e.origin === 'workspace' ? `Team entry: ${h(e.file)}` : 'Bundled entry';

  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${h(input.styleUri)}" nonce="${h(nonce)}">
<title>${h(entryPageTitle(e))}</title>
</head>
<body>
<header>
<h1>${h(e.term)}</h1>
<p class="meta"><span class="category">${h(input.categoryLabel(e.category))}</span> · <span class="status status-${h(e.status)}">${h(input.statusLine)}</span> · reviewed ${h(e.reviewed)}</p>
${aliases.length ? `<p class="aliases">Also written: ${aliases.join(', ')}</p>` : ''}
</header>
<main>
${e.caveat ? `<section class="caveat" role="note"><strong>Not confirmed:</strong> ${h(e.caveat)}</section>` : ''}
<section class="summary"><p>${h(e.summary)}</p></section>
<section class="why"><h2>Why it matters</h2><p>${h(e.why)}</p></section>
${body ? `<section class="body"><h2>In detail</h2>\n${body}\n</section>` : ''}
<section class="citations"><h2>Sources</h2><ol>${citations.join('\n')}</ol></section>
${related.length ? `<section class="related"><h2>Related</h2><ul>${related.join('\n')}</ul></section>` : ''}
</main>
<footer class="meta">${origin} · id ${h(e.id)}</footer>
<script nonce="${h(nonce)}" src="${h(input.scriptUri)}"></script>
</body>
</html>
`;
  return { html, links };
}
