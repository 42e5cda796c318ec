import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { assertText, binaryKind } from '../../../src/core/table/binary-sniff';
import { StreamDecoder, sniffEncoding } from '../../../src/core/table/text-decoding';
import { utf8CompleteLength, utf8ValidPrefix } from '../../../src/core/table/utf8';
import { utf8 } from './helpers';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('sniffEncoding', () => {
  it('reads the BOM', () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), true)).toEqual({
      encoding: 'utf-8',
      bom: true,
      bomLength: 3,
    });
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), true).encoding).toBe('utf-16le');
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), true).encoding).toBe('utf-16be');
  });

  it('picks UTF-8 for valid UTF-8 and ASCII, Windows-1252 otherwise', () => {
    expect(sniffEncoding(utf8('a,b\ncafé,1\n'), true)).toMatchObject({
      encoding: 'utf-8',
      bom: false,
    });
    expect(sniffEncoding(utf8('plain ascii'), true).encoding).toBe('utf-8');
    expect(sniffEncoding(latin1('caf\xe9'), true).encoding).toBe('windows-1252');
  });

  it('does not call a sample cut inside a UTF-8 sequence invalid, unless it is complete', () => {
    const cut = utf8('ab€').subarray(0, 4);
    expect(sniffEncoding(cut, false).encoding).toBe('utf-8');
    expect(sniffEncoding(cut, true).encoding).toBe('windows-1252');
  });

  it('recognises UTF-16 without a BOM by its NUL pattern', () => {
    const le = new Uint8Array([0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0]);
    expect(sniffEncoding(le, true)).toMatchObject({ encoding: 'utf-16le', bom: false });
    const be = new Uint8Array([0, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a]);
    expect(sniffEncoding(be, true).encoding).toBe('utf-16be');
  });
});

describe('utf8 helpers', () => {
  it('finds the valid prefix, rejecting overlongs and surrogates', () => {
    expect(utf8ValidPrefix(utf8('aé€😀'), true)).toBe(10);
    expect(utf8ValidPrefix(new Uint8Array([0x61, 0xc0, 0x80]), true)).toBe(1);
    expect(utf8ValidPrefix(new Uint8Array([0xed, 0xa0, 0x80]), true)).toBe(0);
    expect(utf8ValidPrefix(new Uint8Array([0x61, 0xe2, 0x82]), false)).toBe(3);
    expect(utf8ValidPrefix(new Uint8Array([0x61, 0xe2, 0x82]), true)).toBe(1);
  });

  it('cuts an incomplete sequence off the end', () => {
    const euro = utf8('a€');
    expect(utf8CompleteLength(euro)).toBe(4);
    expect(utf8CompleteLength(euro.subarray(0, 3))).toBe(1);
    expect(utf8CompleteLength(euro.subarray(0, 2))).toBe(1);
    expect(utf8CompleteLength(utf8('abc'))).toBe(3);
  });
});

describe('StreamDecoder', () => {
  it('decodes UTF-8 split at every byte', () => {
    const text = 'é€😀,ü\n';
    const bytes = utf8(text);
    const decoder = new StreamDecoder('utf-8');
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += decoder.decode(bytes.subarray(i, i + 1));
    out += decoder.end();
    expect(out).toBe(text);
    expect(decoder.fallbackAt).toBe(-1);
  });

  it('reads bytes that are not UTF-8 as Windows-1252 and says where it started', () => {
    const decoder = new StreamDecoder('utf-8');
    const first = decoder.decode(utf8('ok,€\n'));
    const second = decoder.decode(latin1('caf\xe9 \x80\n'));
    expect(first + second + decoder.end()).toBe('ok,€\ncafé €\n');
    expect(decoder.fallbackAt).toBe(utf8('ok,€\n').length + 3);
    expect(decoder.fallbackBytes).toBe(2);
  });

  it('decodes a truncated sequence at the very end as Windows-1252', () => {
    const decoder = new StreamDecoder('utf-8');
    expect(decoder.decode(new Uint8Array([0x61, 0xe2, 0x82])) + decoder.end()).toBe('aâ‚');
  });

  it('decodes Windows-1252 and UTF-16 in pieces', () => {
    const w = new StreamDecoder('windows-1252');
    expect(w.decode(latin1('na\xefve \x93q\x94')) + w.end()).toBe('naïve “q”');
    const le = new StreamDecoder('utf-16le');
    const bytes = new Uint8Array([0x61, 0, 0x3d, 0xd8, 0x00, 0xde]);
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += le.decode(bytes.subarray(i, i + 1));
    expect(out + le.end()).toBe('a😀');
  });
});

describe('binary detection', () => {
  const magic: [number[], RegExp][] = [
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], /PNG image/],
    [[0x50, 0x4b, 0x03, 0x04], /Excel workbook/],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /PDF/],
    [[0x1f, 0x8b, 0x08], /gzip/],
    [[0xff, 0xd8, 0xff, 0xe0], /JPEG/],
  ];

  it.each(magic)('recognises magic bytes %j', (bytes, what) => {
    expect(binaryKind(new Uint8Array([...bytes, 0x41, 0x42]), false)).toMatch(what);
  });

  it('throws binary-file with a sentence naming the kind', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(() => assertText(png, false)).toThrow(CleanroomError);
    expect(() => assertText(png, false)).toThrow(
      'This file is not text: it looks like a PNG image. Choose a CSV file.',
    );
  });

  it('flags NUL bytes, except in UTF-16', () => {
    const bytes = new Uint8Array([0x61, 0, 0x62, 0]);
    expect(binaryKind(bytes, false)).toBe('binary data');
    expect(binaryKind(bytes, true)).toBeNull();
  });

  it('does not flag text that merely starts like a magic number', () => {
    expect(binaryKind(utf8('PK,name\n1,x\n'), false)).toBeNull();
    expect(binaryKind(utf8('%PDF,x\n'), false)).toBeNull();
    expect(binaryKind(utf8('GIF,JPEG\n'), false)).toBeNull();
    expect(binaryKind(latin1('\xff\xd8,x'), false)).toBeNull();
  });
});
