// A plain-data copy of a tree view's items (labels, descriptions, children) for the test API:
// what a user would read in the sidebar, without driving the UI.
import * as vscode from 'vscode';

export interface ViewItem {
  label: string;
  description?: string;
  children: ViewItem[];
}

export async function snapshot<T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<ViewItem[]> {
  const children = (await provider.getChildren(node)) ?? [];
  const out: ViewItem[] = [];
  for (const child of children) {
    const item = await provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    out.push({
      label,
      ...(typeof item.description === 'string' ? { description: item.description } : {}),
      children: item.collapsibleState === vscode.TreeItemCollapsibleState.None ? [] : await snapshot(provider, child),
    });
  }
  return out;
}
