// UI-level checks with playwright-core, for what the extension API cannot observe: the squiggle
// drawn in the editor, the hover widget, the Problems panel, the sidebar's rows and the entry
// page (a webview). scripts/test-vscode.mjs --ui opens a code-server window on a scratch copy of
// the fixtures with the extension loaded (no test payload) and calls runUiChecks(); each check
// drives the window as a user would (keyboard, mouse) and saves a screenshot to
// docs/screenshots/ (1280×800 PNG).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FLAGSHIP_FILE = 'rules/domestic-claim-imported-blanks.md';
const CATEGORY_LABELS = { 'supply-chain': 'Supply chain', 'domestic-standards': 'Domestic standards', incentives: 'Incentives', 'export-controls': 'Export controls', trade: 'Trade' };

/**
 * What the window should show, from independent sources: the CLI's terms for the flagship
 * fixture (run in the same folder) and the KB bundle the extension ships.
 */
function expectations(folder) {
  const kb = new Map(JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'kb.json'), 'utf8')).entries.map((e) => [e.id, e]));
  const terms = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'terms', FLAGSHIP_FILE, '--format', 'json'], { cwd: folder, encoding: 'utf8' })).terms;
  const uses = new Map();
  for (const t of terms) uses.set(t.entry, (uses.get(t.entry) ?? 0) + 1);
  const byCategory = new Map();
  for (const id of uses.keys()) {
    const label = CATEGORY_LABELS[kb.get(id).category];
    byCategory.set(label, [...(byCategory.get(label) ?? []), id]);
  }
  const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const termRows = [];
  for (const label of [...byCategory.keys()].sort((a, b) => a.localeCompare(b))) {
    const ids = byCategory.get(label).sort((a, b) => kb.get(a).term.localeCompare(kb.get(b).term));
    termRows.push(`${label} ${plural(ids.length, 'term')}, ${plural(ids.reduce((n, id) => n + uses.get(id), 0), 'use')}`);
    for (const id of ids) termRows.push(`${kb.get(id).term} ${uses.get(id)}`);
  }
  const categories = [...new Set([...kb.values()].map((e) => CATEGORY_LABELS[e.category]))].sort((a, b) => a.localeCompare(b));
  return { kb, termRows, categories, blank: kb.get('magnet-blank') };
}

/**
 * @param {{ page: import('playwright-core').Page, folder: string, shotsDir: string, log: (...a: unknown[]) => void }} o
 * @returns {Promise<{ passes: number, failures: number, checks: { title: string, ok: boolean, error?: string, details?: unknown }[], screenshots: string[] }>}
 */
export async function runUiChecks({ page, folder, shotsDir, log }) {
  const want = expectations(folder);
  const checks = [];
  const screenshots = [];
  fs.mkdirSync(shotsDir, { recursive: true });
  const shot = async (name) => {
    const file = path.join(shotsDir, name);
    await page.screenshot({ path: file, type: 'png' });
    screenshots.push(file);
    return file;
  };
  const check = async (title, fn) => {
    const t0 = Date.now();
    try {
      const details = await fn();
      checks.push({ title, ok: true, details });
      log(`✔ ${title} (${Date.now() - t0} ms)${details ? `\n      ${typeof details === 'string' ? details : JSON.stringify(details)}` : ''}`);
      return true;
    } catch (e) {
      checks.push({ title, ok: false, error: e.message });
      log(`✘ ${title}\n      ${String(e.message).split('\n').slice(0, 6).join('\n      ')}`);
      await page.screenshot({ path: path.join(path.dirname(shotsDir), '..', 'out', `ui-failure-${checks.length}.png`) }).catch(() => {});
      return false;
    }
  };

  log('UI checks (playwright-core on the code-server window)');
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 30_000 });

  await check('the flagship fixture opens and the claim is squiggled (error decorations in the editor)', async () => {
    await openFile(page, FLAGSHIP_FILE);
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30_000 });
    // Claims on lines 3 and 17 are on screen (the third, line 27, is below the fold).
    const n = await page.locator('.monaco-editor .squiggly-error').count();
    if (n < 2) throw new Error(`${n} error squiggles on screen, expected the claims on lines 3 and 17`);
    const warnings = await page.locator('.monaco-editor .squiggly-warning').count();
    return `${n} error squiggle segments, ${warnings} warning`;
  });

  await check('hovering the claim shows the finding and the KB card in the hover widget', async () => {
    // On "domestic": both the finding and the KB term "domestic" are under the mouse.
    const box = await textBox(page, 'domestic magnet producer');
    await page.mouse.move(box.x + box.width * 0.15, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover-content').filter({ hasText: 'presents the magnets as domestic' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    // Let the hover finish rendering (it grows as providers answer).
    await page.waitForFunction(() => /Policy Lens · domestic-claim-imported-blanks/.test(document.querySelector('.monaco-hover')?.textContent ?? ''), null, { timeout: 10_000 });
    const text = (await page.locator('.monaco-hover').first().innerText()).replace(/\s+/g, ' ');
    const d = want.kb.get('domestic');
    for (const w of ['"domestic magnet producer" presents the magnets as domestic', 'Policy Lens · domestic-claim-imported-blanks (error)', `${d.term} · ${CATEGORY_LABELS[d.category]} · ${d.status}`, 'About this rule', 'Open entry'])
      if (!text.includes(w)) throw new Error(`the hover lacks "${w}": ${text.slice(0, 400)}`);
    return text.slice(0, 160) + '…';
  });

  await check('hovering a KB term shows its card: term, category, status, summary, sources', async () => {
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    const box = await textBox(page, 'sintered NdFeB blocks');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const b = want.blank;
    const head = `${b.term} · ${CATEGORY_LABELS[b.category]} · ${b.status}`;
    await page.waitForFunction((h) => (document.querySelector('.monaco-hover')?.textContent ?? '').includes(h), head, { timeout: 15_000 });
    const text = (await page.locator('.monaco-hover').first().innerText()).replace(/\s+/g, ' ');
    const fold = (t) => t.replace(/\s+/g, ' ');
    for (const w of [head, fold(b.summary), 'Sources:', fold(b.citations[0].title), `${b.citations.length - 3} more on the entry page.`, 'Open entry'])
      if (!text.includes(w)) throw new Error(`the hover lacks "${w}": ${text.slice(0, 400)}`);
    // The squiggles stay visible below the hover (lines 17 and 27).
    if ((await page.locator('.monaco-editor .squiggly-error').count()) < 2) throw new Error('no squiggles on screen with the hover');
    await shot('squiggle-and-hover.png');
    return text.slice(0, 160) + '…';
  });

  await check('the Problems panel lists the findings with rule ids', async () => {
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Focus Problems');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => /domestic-claim-imported-blanks/.test(document.querySelector('.markers-panel')?.textContent ?? ''), null, { timeout: 10_000 });
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    if (!texts.some((t) => /presents the magnets as domestic/.test(t) && /domestic-claim-imported-blanks/.test(t))) throw new Error(`rows: ${texts.join(' | ').slice(0, 500)}`);
    await shot('problems.png');
    return `${texts.length} rows, e.g. ${texts.find((t) => /domestic-claim/.test(t))?.slice(0, 100)}`;
  });

  await check('the Policy Lens view: "In this document", "Findings" and "Knowledge base" rows', async () => {
    await runCommand(page, 'View: Hide Panel');
    const item = page.locator('.part.activitybar [aria-label^="Policy Lens"], .part.activitybar .action-item [aria-label*="Policy Lens"]').first();
    await item.click();
    const pane = (title) => page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: new RegExp(title, 'i') }) });
    const rowsOf = async (title, needle) => {
      const rows = pane(title).locator('.monaco-list-row');
      await page.waitForFunction(
        ([t, w]) => [...document.querySelectorAll('.part.sidebar .pane')].some((p) => new RegExp(t, 'i').test(p.querySelector('.pane-header')?.textContent ?? '') && (p.querySelector('.pane-body')?.textContent ?? '').includes(w)),
        [title, needle],
        { timeout: 15_000 },
      );
      return rows.evaluateAll((els) =>
        els.map((r) => [r.querySelector('.label-name')?.textContent, r.querySelector('.label-description')?.textContent].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim()),
      );
    };
    const terms = await rowsOf('In this document', want.termRows[0].replace(/ \d+ terms?, .*$/, ''));
    const findings = await rowsOf('Findings', 'domestic-claim-imported-blanks');
    const kb = await rowsOf('Knowledge base', 'Supply chain');
    if (JSON.stringify(terms) !== JSON.stringify(want.termRows)) throw new Error(`In this document: ${JSON.stringify(terms)}, expected ${JSON.stringify(want.termRows)}`);
    if (findings[0] !== 'domestic-claim-imported-blanks 3') throw new Error(`Findings: ${JSON.stringify(findings)}`);
    for (const c of want.categories) if (!kb.some((r) => r.startsWith(`${c} `))) throw new Error(`Knowledge base: no row "${c}" in ${JSON.stringify(kb)}`);
    await shot('sidebar.png');
    return { 'In this document': terms.slice(0, 4), Findings: findings.slice(0, 3), 'Knowledge base': kb.slice(0, 5) };
  });

  await check('Search Knowledge Base… filters the tree; clicking an entry opens its page (webview "Policy Lens: magnet blank")', async () => {
    // Search Knowledge Base… narrows the (long) tree; then click the entry's row.
    await runCommand(page, 'Policy Lens: Search Knowledge Base…', { asks: true });
    const box = page.locator('.quick-input-widget input');
    await box.waitFor({ state: 'visible', timeout: 10_000 });
    await box.fill('magnet blank');
    await page.keyboard.press('Enter');
    const kbPane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /Knowledge base/i }) });
    const entry = kbPane.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^magnet blank$/ }) }).first();
    await entry.waitFor({ state: 'visible', timeout: 10_000 });
    await entry.click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'Policy Lens: magnet blank' });
    await tab.first().waitFor({ state: 'visible', timeout: 15_000 });
    // The page lives in nested iframes; find the frame that rendered the entry.
    let found;
    const deadline = Date.now() + 15_000;
    while (!found && Date.now() < deadline) {
      for (const f of page.frames()) {
        const h1 = await f.$eval('h1', (e) => e.textContent).catch(() => undefined);
        if (h1 && /magnet blank/.test(h1)) {
          found = { h1: h1.trim(), body: (await f.$eval('body', (e) => e.innerText)).replace(/\s+/g, ' ') };
          break;
        }
      }
      if (!found) await page.waitForTimeout(200);
    }
    if (!found) throw new Error('no webview frame shows the entry');
    const b = want.blank;
    for (const w of [b.status, b.citations[0].title.replace(/\s+/g, ' '), b.citations.at(-1).title.replace(/\s+/g, ' ')])
      if (!found.body.includes(w)) throw new Error(`the page lacks "${w}": ${found.body.slice(0, 300)}`);
    await page.mouse.move(1200, 760); // no tooltip over the tree in the picture
    await page.waitForTimeout(300);
    await shot('entry-page.png');
    return `h1 "${found.h1}"; ${found.body.slice(0, 120)}…`;
  });

  const failures = checks.filter((c) => !c.ok).length;
  return { passes: checks.length - failures, failures, checks, screenshots };
}

/** Quick Open (Ctrl+P) → the file. */
async function openFile(page, rel) {
  await page.locator('.part.editor').click({ position: { x: 300, y: 300 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(rel);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(rel) }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: path.basename(rel) }).first().waitFor({ timeout: 15_000 });
}

/** The command palette (F1) → a command by its title (`asks`: the command opens an input of its own). */
async function runCommand(page, title, { asks = false } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  if (asks) await page.waitForFunction(() => !(document.querySelector('.quick-input-widget input')?.value ?? '').startsWith('>'), null, { timeout: 10_000 });
  else await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Screen box of some text in the editor's rendered lines (Monaco renders spaces as U+00A0). */
async function textBox(page, needle) {
  const box = await page.evaluate((n) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        nodes.push({ node: t, start: text.length });
        text += t.data.replace(/\u00a0/g, ' ');
      }
      const at = text.indexOf(n);
      if (at < 0) continue;
      const locate = (off) => {
        const k = nodes.findLastIndex((x) => x.start <= off);
        return [nodes[k].node, off - nodes[k].start];
      };
      const r = document.createRange();
      r.setStart(...locate(at));
      r.setEnd(...locate(at + n.length - 1));
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    }
    return undefined;
  }, needle);
  if (!box) throw new Error(`"${needle}" is not on screen in the editor`);
  return box;
}
