// The engine (dist/engine.js, its own bundle) and the bundled KB (dist/kb.json) are loaded on
// first need, never at activation: activation only registers providers. The require() takes a
// computed path so esbuild leaves it alone instead of bundling the engine into extension.js.
import * as path from 'node:path';
import type * as Engine from '../engine/api.js';
import type { KbEntry } from '../engine/api.js';

export type EngineModule = typeof Engine;

export class EngineLoader {
  private engine: EngineModule | undefined;
  private bundled: KbEntry[] | undefined;
  /** Milliseconds the first load took (engine + KB bundle), for the test API and the log. */
  loadMs: number | undefined;

  /** `dir` is the folder holding engine.js and kb.json (the folder of extension.js). */
  constructor(private readonly dir: string = __dirname) {}

  get loaded(): boolean {
    return this.engine !== undefined;
  }

  get(): EngineModule {
    if (!this.engine) {
      const t0 = Date.now();
      this.engine = require(path.join(this.dir, 'engine.js')) as EngineModule;
      this.loadMs = Date.now() - t0;
    }
    return this.engine;
  }

  /** The bundled KB entries (read once; each workspace folder's KB layers its entries on them). */
  bundledEntries(): KbEntry[] {
    if (!this.bundled) {
      const t0 = Date.now();
      this.bundled = this.get().readBundle(path.join(this.dir, 'kb.json'));
      this.loadMs = (this.loadMs ?? 0) + (Date.now() - t0);
    }
    return this.bundled;
  }
}
