// The entry page: one webview panel, reused, titled "Policy Lens: <term>". Scripts run only
// with the page's nonce; the page loads only media/entry.css and media/entry.js. Clicks post
// messages: { type: 'openEntry', id } navigates within the panel, { type: 'openLink', index }
// opens one of the page's own http(s) links (citations, body links) with env.openExternal.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { KbEntry, KnowledgeBase } from '../../engine/api.js';
import type { EngineModule } from '../engine-loader.js';
import { safeHttpUrl } from '../escape.js';
import { entryPageHtml, entryPageTitle } from './html.js';

interface Shown {
  entry: KbEntry;
  kb: KnowledgeBase;
  html: string;
  links: string[];
}

export class EntryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: Shown | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly engine: () => EngineModule,
  ) {}

  /** What the panel shows now (for the test API). */
  get current(): { id: string; title: string; html: string } | undefined {
    return this.panel && this.shown ? { id: this.shown.entry.id, title: this.panel.title, html: this.shown.html } : undefined;
  }

  show(entry: KbEntry, kb: KnowledgeBase): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    if (!this.panel) {
      // Beside the text, keeping focus there: a look-up should not interrupt writing.
      this.panel = vscode.window.createWebviewPanel('policyLens.entry', entryPageTitle(entry), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [media],
      });
      this.panel.iconPath = vscode.Uri.joinPath(media, 'policy-lens.svg');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
      });
      this.panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m));
    }
    const engine = this.engine();
    const webview = this.panel.webview;
    const page = entryPageHtml({
      entry,
      related: entry.related.map((id) => kb.get(id)).filter((e): e is KbEntry => !!e),
      statusLine: engine.statusLine(entry),
      categoryLabel: (c) => engine.CATEGORY_LABELS[c],
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64url'),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'entry.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'entry.js')).toString(),
    });
    this.shown = { entry, kb, html: page.html, links: page.links };
    this.panel.title = entryPageTitle(entry);
    webview.html = page.html;
    this.panel.reveal(undefined, true);
  }

  private onMessage(m: unknown): void {
    if (!this.shown || typeof m !== 'object' || m === null) return;
    const msg = m as { type?: unknown; index?: unknown; id?: unknown };
    if (msg.type === 'openLink' && typeof msg.index === 'number') {
      // Only a link the page itself rendered, and only http(s), whatever the message says.
      const url = this.shown.links[msg.index];
      const safe = url && safeHttpUrl(url);
      if (safe) void vscode.env.openExternal(vscode.Uri.parse(safe, true));
    } else if (msg.type === 'openEntry' && typeof msg.id === 'string') {
      const entry = this.shown.kb.get(msg.id);
      if (entry) this.show(entry, this.shown.kb);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
