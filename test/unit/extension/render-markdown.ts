// Renders Markdown the most permissive way (raw HTML on, any link protocol, GFM autolinks), so
// a test can check that what the extension emits is safe even then.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function renderPermissive(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** Every href/src value in rendered HTML. */
export function urlsIn(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
}
