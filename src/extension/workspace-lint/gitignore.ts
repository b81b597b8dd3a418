// .gitignore files for Lint Workspace: findFiles does not read them. Each folder's .gitignore
// applies to the paths below it, deeper files after shallower ones (so a deeper `!pattern`
// re-includes), as git does. Pure apart from the injected reader (no `vscode`).
import ignore, { type Ignore } from 'ignore';

/** Reads `<dir>/.gitignore` (dir relative to the root, '' for the root); undefined if there is none. */
export type ReadGitignore = (dir: string) => Promise<string | undefined>;

export class GitignoreFilter {
  private readonly cache = new Map<string, Promise<Ignore | undefined>>();

  constructor(private readonly read: ReadGitignore) {}

  /** `rel` is a path relative to the root with forward slashes, e.g. `drafts/notes.md`. */
  async ignores(rel: string): Promise<boolean> {
    const parts = rel.split('/');
    let ignored = false;
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      const ig = await this.rules(dir);
      if (!ig) continue;
      const r = ig.test(parts.slice(i).join('/'));
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }

  private rules(dir: string): Promise<Ignore | undefined> {
    let p = this.cache.get(dir);
    if (!p) {
      p = this.read(dir).then((text) => (text === undefined ? undefined : ignore().add(text)));
      this.cache.set(dir, p);
    }
    return p;
  }
}
