// What the hover Markdown needs from the engine and a KB, and the MarkdownString that trusts
// only this extension's hover commands.
import * as vscode from 'vscode';
import type { KnowledgeBase } from '../../engine/api.js';
import type { EngineModule } from '../engine-loader.js';
import { HOVER_COMMANDS } from '../ids.js';
import type { HoverDeps } from './hover-markdown.js';

export function hoverDeps(engine: EngineModule, kb: KnowledgeBase): HoverDeps {
  return { lookup: (id) => kb.get(id), statusLine: engine.statusLine, categoryLabel: (c) => engine.CATEGORY_LABELS[c] };
}

/** Markdown whose command links may run only HOVER_COMMANDS; raw HTML is not rendered. */
export function trustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}
