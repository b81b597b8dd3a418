// What a document is linted with: the engine, a knowledge base and a config. Multi-root: each
// document uses its own workspace folder's team KB (`<folder>/.policylens/kb/` plus
// `policyLens.kb.extraFolders`, plus any `kb` folders its config file names) and the config
// file nearest to it. Untrusted workspace: none of those files are read (bundled KB, default
// config, settings only). KBs and configs are cached and dropped when their files change.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Config, KnowledgeBase } from '../engine/api.js';
import { mergeConfig } from './config-merge.js';
import type { EngineLoader, EngineModule } from './engine-loader.js';
import type { ProblemReporter } from './problems.js';
import { readSettings, type Settings } from './settings.js';

export interface LintContext {
  engine: EngineModule;
  kb: KnowledgeBase;
  config: Config;
  settings: Settings;
}

/** Schemes whose files exist on the extension host's disk (config files and team KBs are read there). */
const DISK_SCHEMES = new Set(['file']);

export class LintContexts implements vscode.Disposable {
  private readonly kbs = new Map<string, KnowledgeBase>();
  private readonly configFileByDir = new Map<string, string | undefined>();
  private readonly configs = new Map<string, Config>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fired (debounced) when config files, team KB files, settings or trust change: re-lint. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private extraWatchers = new Map<string, vscode.Disposable>();
  private pending: { config: boolean; kb: boolean; timer?: ReturnType<typeof setTimeout> } = { config: false, kb: false };
  private untrustedNoted = false;

  constructor(
    private readonly loader: EngineLoader,
    private readonly problems: ProblemReporter,
  ) {
    const configWatcher = vscode.workspace.createFileSystemWatcher('**/.policylens.{json,yaml,yml}');
    const kbWatcher = vscode.workspace.createFileSystemWatcher('**/.policylens/kb/**');
    for (const w of [configWatcher, kbWatcher]) {
      const what = w === configWatcher ? 'config' : 'kb';
      w.onDidCreate(() => this.invalidate(what));
      w.onDidChange(() => this.invalidate(what));
      w.onDidDelete(() => this.invalidate(what));
      this.disposables.push(w);
    }
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('policyLens.kb.extraFolders')) this.invalidate('kb');
        else if (e.affectsConfiguration('policyLens')) this.invalidate('settings');
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.invalidate('config');
        this.invalidate('kb');
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate('kb')),
    );
  }

  /** The engine without a document (formatters, rule list). */
  engine(): EngineModule {
    return this.loader.get();
  }

  /** The context for a document; `uri` undefined: the first workspace folder's (for views and look-ups). */
  contextFor(uri: vscode.Uri | undefined): LintContext {
    const engine = this.loader.get();
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
    const settings = readSettings(uri ?? folder?.uri);
    const trusted = vscode.workspace.isTrusted;
    if (!trusted) this.noteUntrusted();
    const onDisk = (u: vscode.Uri | undefined) => !!u && DISK_SCHEMES.has(u.scheme);

    const fileConfig = trusted && onDisk(uri) ? this.configFor(engine, path.dirname(uri!.fsPath)) : engine.defaultConfig();
    const merged = mergeConfig(fileConfig, settings, engine.RULE_IDS);
    this.problems.setSettingsProblems(merged.problems);

    const dirs: string[] = [];
    if (trusted) {
      const base = onDisk(folder?.uri) ? folder!.uri.fsPath : undefined;
      if (base) {
        const team = path.join(base, '.policylens', 'kb');
        if (isDirectory(team)) dirs.push(team);
      }
      for (const f of settings.extraFolders) {
        if (path.isAbsolute(f)) dirs.push(f);
        else if (base) dirs.push(path.resolve(base, f));
        else this.problems.log(`setting policyLens.kb.extraFolders: "${f}" is relative, but ${uri ? uri.toString(true) : 'this window'} is in no workspace folder; ignored`);
      }
      dirs.push(...fileConfig.kb);
    }
    return { engine, kb: this.kbFor(engine, [...new Set(dirs)]), config: merged.config, settings };
  }

  private configFor(engine: EngineModule, dir: string): Config {
    let file: string | undefined;
    if (this.configFileByDir.has(dir)) file = this.configFileByDir.get(dir);
    else this.configFileByDir.set(dir, (file = engine.findConfigFile(dir)));
    if (!file) return engine.defaultConfig();
    let config = this.configs.get(file);
    if (!config) {
      const loaded = engine.readConfigFile(file, engine.RULE_IDS);
      this.problems.setConfigProblems(file, loaded.problems);
      this.configs.set(file, (config = loaded.config));
    }
    return config;
  }

  private kbFor(engine: EngineModule, dirs: string[]): KnowledgeBase {
    const key = dirs.join('\n');
    let kb = this.kbs.get(key);
    if (!kb) {
      const loads = dirs.map((d) => engine.loadEntryDir(d, 'workspace'));
      kb = new engine.KnowledgeBase([this.loader.bundledEntries(), ...loads.map((l) => l.entries)], loads.flatMap((l) => l.problems));
      this.kbs.set(key, kb);
      this.problems.setKbProblems(key, kb.problems);
      this.watchExtraFolders();
    }
    return kb;
  }

  /** Team folders outside `.policylens/kb/` (settings, config files) get watchers of their own. */
  private watchExtraFolders(): void {
    const wanted = new Set<string>();
    for (const key of this.kbs.keys()) for (const d of key.split('\n')) if (d && !d.split(path.sep).includes('.policylens')) wanted.add(d);
    for (const [dir, w] of this.extraWatchers) {
      if (wanted.has(dir)) continue;
      w.dispose();
      this.extraWatchers.delete(dir);
    }
    for (const dir of wanted) {
      if (this.extraWatchers.has(dir)) continue;
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '**/*.md'));
      const reload = () => this.invalidate('kb');
      this.extraWatchers.set(dir, vscode.Disposable.from(w, w.onDidCreate(reload), w.onDidChange(reload), w.onDidDelete(reload)));
    }
  }

  /** Drop cached files; re-lint once a burst of changes (a git checkout, a save-all) is over. */
  invalidate(what: 'config' | 'kb' | 'settings'): void {
    if (what === 'config') this.pending.config = true;
    if (what === 'kb') this.pending.kb = true;
    if (this.pending.timer) clearTimeout(this.pending.timer);
    this.pending.timer = setTimeout(() => this.flush(), 200);
  }

  /** Apply pending invalidations now (also called by Lint Document / Lint Workspace). */
  flush(): void {
    const { config, kb, timer } = this.pending;
    if (timer) clearTimeout(timer);
    this.pending = { config: false, kb: false };
    if (config) {
      this.configFileByDir.clear();
      this.configs.clear();
      this.problems.reset('config');
    }
    if (kb || config) {
      // A config file can name KB folders, so a config change can change the KB too.
      this.kbs.clear();
      this.problems.reset('kb');
    }
    if (timer) this.changed.fire();
  }

  private noteUntrusted(): void {
    if (this.untrustedNoted) return;
    this.untrustedNoted = true;
    this.problems.log(
      'Workspace not trusted: checking with the bundled knowledge base, default rule settings and your settings only; ' +
        '.policylens.json/.yaml, .policylens/kb/ and policyLens.kb.extraFolders are not read until you trust the workspace.',
    );
  }

  dispose(): void {
    if (this.pending.timer) clearTimeout(this.pending.timer);
    for (const w of this.extraWatchers.values()) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
