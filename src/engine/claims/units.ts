// Units of claim analysis: sentences of prose blocks, and whole table rows (a row reads as
// one statement: "Ridgeline Magnetics | Charleston, WV | Domestic source | Finishes
// sintered blanks imported from China"). Each unit keeps a map back to its blocks.
import { IN_FOOTNOTE, IN_LIST, type ProseBlock } from '../prose.js';
import type { Sentence } from '../sentences.js';

export interface UnitPiece {
  block: number;
  /** Offset of the piece in the block's text. */
  blockStart: number;
  /** Offset of the piece in the unit's text. */
  unitStart: number;
  length: number;
  /** A table row's copy of its column header ("Origin: "), read with the cell but not in its line. */
  label?: true;
}

export interface Unit {
  index: number;
  text: string;
  pieces: UnitPiece[];
  /** A heading, or a short label line standing as one (a bold line, a slide title). */
  heading: boolean;
  /** A Markdown heading proper (`#`…), which opens a section. */
  section?: boolean;
  /** Its level (1 for `#`): a title speaks for the sections nested under it. */
  depth?: number;
  /** A table row (cells joined by " | "). */
  row: boolean;
  /** Inside a list item; `item` identifies the item. */
  list: boolean;
  item: number;
  footnote: boolean;
  /** First unit of its block. */
  blockStart: boolean;
  /** Table rows: where each cell's own text sits in `text` (after its "Header: " label). */
  cells?: { start: number; end: number }[];
  /** Table rows: the block index of the table's first cell, the same for all its rows. */
  table?: number;
  /** Table rows: the rows are records of different producers (a Supplier/Firm column). */
  perProducer?: boolean;
}

export function buildUnits(blocks: readonly ProseBlock[], sentences: (i: number) => readonly Sentence[], from = 0, to = blocks.length): Unit[] {
  const units: Unit[] = [];
  // The header cells of the table being read, to label the cells of its rows.
  let header: { block: number; text: string }[] = [];
  let table = -1;
  for (let i = from; i < to; i++) {
    const b = blocks[i]!;
    if (b.kind === 'tableCell') {
      // Gather the whole row; a body row reads "Header: cell | Header: cell".
      const row: number[] = [];
      let j = i;
      while (j < to && blocks[j]!.kind === 'tableCell' && blocks[j]!.row === b.row && (j === i || blocks[j]!.cell > blocks[j - 1]!.cell)) row.push(j++);
      if (b.row === 0) {
        header = row.map((k) => ({ block: k, text: blocks[k]!.text.trim() }));
        table = i;
      }
      const perProducer = /\b(?:suppliers?|firms?|compan(?:y|ies)|producers?|vendors?|manufacturers?|makers?|sources?|names?|applicants?|offerors?)\b/i.test(header[0]?.text ?? '');
      const pieces: UnitPiece[] = [];
      const cells: { start: number; end: number }[] = [];
      let text = '';
      row.forEach((k, n) => {
        const cb = blocks[k]!;
        if (n > 0) text += ' | ';
        const label = b.row > 0 ? header[n] : undefined;
        if (label?.text && !/[:.]$/.test(label.text)) {
          pieces.push({ block: label.block, blockStart: 0, unitStart: text.length, length: label.text.length, label: true });
          text += `${label.text}: `;
        }
        pieces.push({ block: k, blockStart: 0, unitStart: text.length, length: cb.text.length });
        cells.push({ start: text.length, end: text.length + cb.text.length });
        text += cb.text;
      });
      units.push({ index: units.length, text, pieces, heading: false, row: true, list: false, item: -1, footnote: !!(b.containers & IN_FOOTNOTE), blockStart: true, cells, table, perProducer });
      i = j - 1;
      continue;
    }
    // A title line, or a lead-in ending with a colon right before a list or table ("Domestic producers:").
    const next = blocks[i + 1];
    const leadIn = /:\s*$/.test(b.text) && !!next && (next.kind === 'tableCell' || (!!(next.containers & IN_LIST) && next.item !== b.item));
    const heading = b.kind === 'heading' || isLabelLine(b.text) || leadIn;
    const ss = heading ? [{ start: 0, end: b.text.length }] : sentences(i);
    ss.forEach((s, k) => {
      units.push({
        index: units.length,
        text: b.text.slice(s.start, s.end),
        pieces: [{ block: i, blockStart: s.start, unitStart: 0, length: s.end - s.start }],
        heading,
        section: b.kind === 'heading',
        ...(b.kind === 'heading' ? { depth: b.depth } : {}),
        row: false,
        list: !!(b.containers & IN_LIST),
        item: b.item,
        footnote: !!(b.containers & IN_FOOTNOTE),
        blockStart: k === 0,
      });
    });
  }
  return units;
}

/** A one-line block that reads as a title: no sentence punctuation, few words, mostly capitalised. */
function isLabelLine(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 90 || /[.!?;]\s*$/.test(t) || t.includes('\n')) return false;
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 10) return false;
  const caps = words.filter((w) => /^[\p{Lu}\d"“(*]/u.test(w)).length;
  return caps / words.length >= 0.6;
}

/** Map an offset in a unit's text to (block, offset in block text). */
export function unitToBlock(unit: Unit, offset: number, end = false): { block: number; offset: number } {
  let piece = unit.pieces[0]!;
  for (const p of unit.pieces) {
    if (end ? offset > p.unitStart : offset >= p.unitStart) piece = p;
  }
  const rel = Math.max(0, Math.min(piece.length, offset - piece.unitStart));
  return { block: piece.block, offset: piece.blockStart + rel };
}

/**
 * Map a range of a unit's text to a range of the source, through `source(block, offset, end)`.
 * A row's range may run from a cell into the next column's header label, which sits in the
 * header row above: mapped end to end, that range would start below its own end. So a range
 * that touches a cell keeps only its cell pieces (a row's cells are in source order); one made
 * only of a label keeps that label.
 */
export function unitRangeToSource(
  unit: Unit,
  start: number,
  end: number,
  source: (block: number, offset: number, end: boolean) => number,
): { start: number; end: number } {
  const touched = unit.pieces.filter((p) => p.unitStart < end && p.unitStart + p.length > start);
  const cells = touched.filter((p) => !p.label);
  const keep = cells.length ? cells : touched;
  if (keep.length === 0) {
    // An empty range: map its ends as they are.
    const a = unitToBlock(unit, start);
    const b = unitToBlock(unit, end, true);
    return { start: source(a.block, a.offset, false), end: source(b.block, b.offset, true) };
  }
  const first = keep[0]!;
  const last = keep[keep.length - 1]!;
  const clamp = (p: UnitPiece, o: number) => p.blockStart + Math.max(0, Math.min(p.length, o - p.unitStart));
  const s = source(first.block, clamp(first, start), false);
  const e = source(last.block, clamp(last, end), true);
  return e >= s ? { start: s, end: e } : { start: s, end: s };
}

/** The index of the table cell of `unit` that holds offset `at`, or -1. */
export function cellIndex(unit: Unit, at: number): number {
  return (unit.cells ?? []).findIndex((c) => c.start <= at && at <= c.end);
}
