import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../../../src/lib/search/cbor';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('CBOR as Pagefind writes it', () => {
  it('writes integers, text and arrays with the shortest heads', () => {
    expect(hex(encodeCbor([0, 23, 24, 255, 256, 65_535, 65_536, -1, -25]))).toBe('89' + '00' + '17' + '1818' + '18ff' + '190100' + '19ffff' + '1a00010000' + '20' + '3818');
    expect(hex(encodeCbor('ünd'))).toBe('64c3bc6e64');
    expect(hex(encodeCbor([true, false, null, Uint8Array.of(1, 2)]))).toBe('84' + 'f5' + 'f4' + 'f6' + '420102');
  });

  it('reads back what it writes, maps included', () => {
    const value = ['1.6.0', [['en_56c6737', 1356, '']], new Map<string, number[]>([['title', [1, -26, 4_000_000]]]), 2 ** 40];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
  });

  it('refuses what Pagefind does not write, saying where', () => {
    expect(() => decodeCbor(Uint8Array.of(0x9f, 0x01, 0xff))).toThrow('Unsupported CBOR at byte 1: additional information 31 (indefinite lengths are not used by Pagefind).');
    expect(() => decodeCbor(Uint8Array.of(0xfb, 0, 0, 0, 0, 0, 0, 0, 0))).toThrow('Unsupported CBOR at byte 1: simple value or float 27.');
    expect(() => decodeCbor(Uint8Array.of(0x01, 0x02))).toThrow('Unsupported CBOR at byte 1: bytes left after the value (1).');
    expect(() => decodeCbor(Uint8Array.of(0x63, 0x61))).toThrow('Unsupported CBOR at byte 1: a string past the end.');
    expect(() => encodeCbor(1.5)).toThrow("Cannot encode the non-integer 1.5: Pagefind's files hold integers only.");
  });
});
