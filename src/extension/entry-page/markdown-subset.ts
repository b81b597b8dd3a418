// A small, safe Markdown renderer for KB entry bodies on the entry page: paragraphs, headings,
// lists, bold/italic, inline code and links. Everything is HTML-escaped first; the only tags
// produced are the ones written here. Links are never live `href`s: an http(s) link becomes
// `<a href="#" data-link="N">` (the page posts N to the extension, which opens the URL
// outside), shown with its URL; any other link is shown as text. No Markdown library: the
// bodies are a page of prose and this subset is all they use.
import { escapeHtml, safeHttpUrl } from '../escape.js';

/** Registers an external URL the page may open and returns its index. */
export type LinkRegistry = (url: string) => number;

type Block = { kind: 'p' | 'h'; level: number; lines: string[] } | { kind: 'ul' | 'ol'; items: string[][] };

export function renderMarkdownSubset(markdown: string, link: LinkRegistry): string {
  return parseBlocks(markdown)
    .map((b) => {
      switch (b.kind) {
        case 'p':
          return `<p>${inline(b.lines.join(' '), link)}</p>`;
        case 'h': {
          // Entry pages use h1/h2 for their own structure; body headings sit below them.
          const tag = `h${Math.min(6, b.level + 2)}`;
          return `<${tag}>${inline(b.lines.join(' '), link)}</${tag}>`;
        }
        default:
          return `<${b.kind}>${b.items.map((item) => `<li>${inline(item.join(' '), link)}</li>`).join('')}</${b.kind}>`;
      }
    })
    .join('\n');
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBER = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

function parseBlocks(md: string): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (const raw of md.split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      cur = undefined;
      continue;
    }
    const h = HEADING.exec(line);
    const b = BULLET.exec(line);
    const n = b ? null : NUMBER.exec(line);
    if (h) {
      blocks.push({ kind: 'h', level: h[1]!.length, lines: [h[2]!] });
      cur = undefined;
    } else if (b || n) {
      const kind = b ? 'ul' : 'ol';
      if (!cur || cur.kind !== kind) blocks.push((cur = { kind, items: [] }));
      cur.items.push([(b ?? n)![1]!]);
    } else if (cur && (cur.kind === 'ul' || cur.kind === 'ol')) {
      // A continuation line of the last list item (lazy or indented).
      cur.items[cur.items.length - 1]!.push(line.trim());
    } else if (cur && cur.kind === 'p') {
      cur.lines.push(line.trim());
    } else {
      blocks.push((cur = { kind: 'p', level: 0, lines: [line.trim()] }));
    }
  }
  return blocks;
}

// Code spans, inline links [text](url "title") and autolinks <https://…>, in one pass.
const INLINE = /(`+)([^]*?[^`])\1(?!`)|\[([^\]\n]*)\]\(\s*<?([^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)>?(?:\s+"[^"]*")?\s*\)|<(https?:\/\/[^\s<>]+)>/g;

function inline(text: string, link: LinkRegistry): string {
  let out = '';
  let last = 0;
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(text); m; m = INLINE.exec(text)) {
    out += emphasis(escapeHtml(text.slice(last, m.index)));
    last = m.index + m[0].length;
    if (m[1]) out += `<code>${escapeHtml(m[2]!.trim() || m[2]!)}</code>`;
    else if (m[5]) out += externalLink(m[5], m[5], link);
    else out += externalLink(m[3]!, m[4]!, link);
  }
  return out + emphasis(escapeHtml(text.slice(last)));
}

function externalLink(label: string, url: string, link: LinkRegistry): string {
  const safe = safeHttpUrl(url);
  const text = emphasis(escapeHtml(label || url));
  if (!safe) return `${text} <span class="url">(${escapeHtml(url)})</span>`;
  if (label === url) return `<a href="#" data-link="${link(safe)}" class="external">${escapeHtml(safe)}</a>`;
  return `<a href="#" data-link="${link(safe)}" class="external">${text}</a> <span class="url">(${escapeHtml(safe)})</span>`;
}

/** **bold**, __bold__, *italic*, _italic_ on already-escaped text (so no tag can be smuggled in). */
function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^]*?\S)\*\*|__(?=\S)([^]*?\S)__(?!\w)/g, (_, a: string | undefined, b: string | undefined) => `<strong>${a ?? b}</strong>`)
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])|(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, (_, p1: string | undefined, a: string | undefined, p2: string | undefined, b: string | undefined) =>
      `${p1 ?? p2 ?? ''}<em>${a ?? b}</em>`,
    );
}
