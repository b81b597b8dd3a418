import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText, LineIndex } from '../../src/engine/text.js';

test('decodeText strips a BOM and keeps offsets in UTF-16 units of the rest', () => {
  const r = decodeText(Buffer.from('\ufeffdomestic § 45X', 'utf8'));
  assert.ok(r.ok);
  assert.equal(r.text, 'domestic § 45X');
  assert.equal(r.bom, true);
});

test('decodeText refuses binary data with the byte of the first NUL', () => {
  const r = decodeText(Uint8Array.from([0x61, 0x62, 0x00, 0x63]));
  assert.deepEqual(r, { ok: false, reason: 'binary file (NUL byte at byte 2)' });
});

test('decodeText refuses invalid UTF-8 and says where', () => {
  const r = decodeText(Uint8Array.from([0x61, 0x62, 0xc3, 0x28, 0x61]));
  assert.equal(r.ok, false);
  assert.match((r as { reason: string }).reason, /not valid UTF-8 \(first bad byte at byte 2\)/);
});

test('LineIndex handles LF, CRLF and lone CR line ends', () => {
  const text = 'a\nbb\r\nccc\rdddd';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.position(0), { offset: 0, line: 1, column: 1 });
  assert.deepEqual(lines.position(text.indexOf('bb')), { offset: 2, line: 2, column: 1 });
  assert.deepEqual(lines.position(text.indexOf('ccc') + 2), { offset: 8, line: 3, column: 3 });
  assert.deepEqual(lines.position(text.indexOf('dddd')), { offset: 10, line: 4, column: 1 });
  assert.equal(lines.offsetAt(3, 2), 7);
  assert.equal(lines.lineEnd(2), 4);
  // Offsets past the end clamp to the end.
  assert.equal(lines.position(999).offset, text.length);
});
