// A KB entry as a hostile (or careless) team might write one: links to commands, raw HTML,
// script, autolinks and non-http citation URLs in every text field.
import type { KbEntry } from '../../../src/engine/api.js';

export const HOSTILE: KbEntry = {
  id: 'hostile-entry',
  term: 'magnet [run](command:workbench.action.terminal.new) <b>blank</b>',
  aliases: [{ text: '<img src=x onerror=alert(1)>' }],
  category: 'supply-chain',
  summary: 'Sintered body. <script>alert("summary")</script> See [docs](command:workbench.action.openSettings?%5B%5D) and https://evil.example/x.',
  why: 'Why: <img src="https://evil.example/pixel.png"> and javascript:alert(1) and [x](javascript:alert(1)) &lt;b&gt;',
  related: ['magnet-blank', 'does-not-exist'],
  status: 'current',
  caveat: '<iframe src="https://evil.example"></iframe> [caveat](vscode://ms-vscode.cmd/run) **not** confirmed',
  reviewed: '2026-11-28',
  citations: [
    { title: 'Bad ](command:workbench.action.quit) title', url: 'javascript:alert(1)', date: '2024-01-01', kind: 'primary' },
    { title: 'Command citation', url: 'command:workbench.action.quit', date: '2024-01-02', kind: 'primary' },
    { title: 'A real source (with parentheses)', url: 'https://example.org/a_(b)?q=<x>', date: '2024-01-03', kind: 'secondary' },
    { title: 'Fourth source', url: 'https://example.org/4', date: '2024-01-04', kind: 'primary' },
  ],
  body: [
    'Body with <script>alert("body")</script> and <a href="https://evil.example">raw link</a>.',
    '',
    '- a **bold** item with `<code>` and [a source](https://example.org/body-link "title")',
    '- [bad](javascript:alert(1)) and [cmd](command:workbench.action.quit)',
    '',
    '1. first',
    '2. second with <https://example.org/auto>',
    '',
    '<style>body{display:none}</style>',
  ].join('\n'),
  file: '/team/.policylens/kb/hostile-entry.md',
  origin: 'workspace',
};
