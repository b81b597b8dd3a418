// Decoding file bytes into text, and mapping offsets to lines and columns.
// Offsets everywhere in the engine are 0-based UTF-16 code units of the decoded
// text with any BOM removed; lines and columns are 1-based.

export interface Position {
  offset: number;
  line: number;
  column: number;
}

export type DecodeResult =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode bytes as UTF-8; refuse binary data and invalid UTF-8 with a reason. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  // NUL bytes do not occur in text files; a file with one is treated as binary.
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `binary file (NUL byte at byte ${nul})` };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: `not valid UTF-8 (first bad byte at byte ${firstInvalidUtf8(bytes)})` };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

/** Byte index of the first invalid UTF-8 sequence, for the error message. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    // The second byte's narrower ranges (Unicode table 3-7): without them an overlong form
    // (E0 80 80), a surrogate (ED A0 80) or a code point over U+10FFFF (F4 90 80 80) passed
    // here, and the message named the end of the file (found by the pathological-input tests).
    const d = b[i + 1]!;
    if ((c === 0xe0 && d < 0xa0) || (c === 0xed && d > 0x9f) || (c === 0xf0 && d < 0x90) || (c === 0xf4 && d > 0x8f)) return i;
    i += n + 1;
  }
  return i;
}

/**
 * Line starts of a text. Accepts LF, CRLF and lone CR line ends, as editors do.
 */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    const n = text.length;
    // indexOf is native and much faster than a char loop; lone CRs are looked for only if present.
    if (text.indexOf('\r') === -1) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { offset: o, line: lo + 1, column: o - s[lo]! + 1 };
  }

  /** Offset of a 1-based line and column. */
  offsetAt(line: number, column: number): number {
    const start = this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    const next = this.starts[line];
    if (next === undefined) return this.text.length;
    let e = next;
    if (e > 0 && this.text.charCodeAt(e - 1) === 10) e--;
    if (e > 0 && this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }
}
