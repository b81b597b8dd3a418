// Escaping for the two places KB text (possibly a team's, possibly hostile) is shown: hover
// Markdown and webview HTML. Nothing from a KB entry reaches either without passing here.

/**
 * Text as literal Markdown: every ASCII punctuation character backslash-escaped (CommonMark
 * allows that for all of them), so KB text cannot open a link (`[x](command:…)`), an autolink
 * (`https\://` no longer matches), HTML (`\<script>`), an entity (`\&lt;`), emphasis or a
 * heading; line breaks fold to spaces so it cannot start a new block either.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * The URL if it is an absolute http(s) URL, normalised and safe to put inside a Markdown link
 * destination `(…)` (parentheses, spaces and angle brackets percent-encoded); else undefined.
 * Every other scheme (command:, javascript:, file:, data:, vscode:) is refused.
 */
export function safeHttpUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  return u.href.replace(/[()<>\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** A `command:` URI for a hover link: the arguments JSON-encoded as VS Code expects. */
export function commandUri(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
