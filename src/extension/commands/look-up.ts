// Look Up Term…: a QuickPick over every entry's term and aliases, with category and status.
import * as vscode from 'vscode';
import type { KbEntry, KnowledgeBase } from '../../engine/api.js';
import type { EngineModule } from '../engine-loader.js';

interface Item extends vscode.QuickPickItem {
  entry: KbEntry;
}

export async function pickEntry(kb: KnowledgeBase, engine: EngineModule, initial = ''): Promise<KbEntry | undefined> {
  const items: Item[] = [];
  for (const e of [...kb.entries.values()].sort((a, b) => a.term.localeCompare(b.term))) {
    const about = `${engine.CATEGORY_LABELS[e.category]} · ${engine.statusLine(e)}`;
    items.push({ label: e.term, description: about, detail: e.summary, entry: e });
    for (const a of e.aliases) items.push({ label: a.text, description: `→ ${e.term} · ${about}`, entry: e });
  }
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = 'Policy Lens: Look Up Term';
  pick.placeholder = 'Type a term, an alias or a citation (e.g. magnet blank, § 45X, DFARS)';
  pick.matchOnDescription = true;
  pick.items = items;
  pick.value = initial;
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.entry);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** The selection in the active editor (one line, short), to start the look-up with. */
export function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) return '';
  const t = editor.document.getText(editor.selection).trim();
  return t.length <= 80 && !/[\r\n]/.test(t) ? t : '';
}
