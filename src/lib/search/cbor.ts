/**
 * The part of CBOR (RFC 8949) that Pagefind's index files use: integers, text and byte strings, arrays,
 * maps, booleans and null, all of definite length. Encoding writes every head in its shortest form, as
 * Pagefind's encoder (minicbor) does, so decoding and re-encoding a Pagefind file gives back its bytes.
 */

/** A decoded CBOR value. */
export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | Map<CborValue, CborValue>;

const MAJOR = { unsigned: 0, negative: 1, bytes: 2, text: 3, array: 4, map: 5, simple: 7 } as const;
const SIMPLE = { false: 20, true: 21, null: 22 } as const;

/** Decodes one CBOR value that fills `bytes` exactly; throws on anything outside the subset above. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;

  const fail = (what: string): never => {
    throw new Error(`Unsupported CBOR at byte ${offset}: ${what}.`);
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const width = { 24: 1, 25: 2, 26: 4, 27: 8 }[info] ?? fail(`additional information ${info} (indefinite lengths are not used by Pagefind)`);
    if (offset + width > bytes.byteLength) fail('a head past the end');
    const value =
      width === 1 ? view.getUint8(offset) : width === 2 ? view.getUint16(offset) : width === 4 ? view.getUint32(offset) : Number(view.getBigUint64(offset));
    offset += width;
    if (!Number.isSafeInteger(value)) fail('an integer beyond 2^53');
    return value;
  };
  const slice = (length: number): Uint8Array => {
    if (offset + length > bytes.byteLength) fail('a string past the end');
    const part = bytes.subarray(offset, offset + length);
    offset += length;
    return part;
  };
  const item = (): CborValue => {
    if (offset >= bytes.byteLength) fail('an item past the end');
    const initial = bytes[offset++]!;
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case MAJOR.unsigned:
        return argument(info);
      case MAJOR.negative:
        return -1 - argument(info);
      case MAJOR.bytes:
        return slice(argument(info)).slice();
      case MAJOR.text:
        return text.decode(slice(argument(info)));
      case MAJOR.array:
        return Array.from({ length: argument(info) }, item);
      case MAJOR.map: {
        const map = new Map<CborValue, CborValue>();
        for (let count = argument(info); count > 0; count--) map.set(item(), item());
        return map;
      }
      case MAJOR.simple:
        if (info === SIMPLE.false) return false;
        if (info === SIMPLE.true) return true;
        if (info === SIMPLE.null) return null;
        return fail(`simple value or float ${info}`);
      default:
        return fail(`major type ${major}`);
    }
  };

  const value = item();
  if (offset !== bytes.byteLength) fail(`bytes left after the value (${bytes.byteLength - offset})`);
  return value;
}

/** Encodes a value as CBOR with the shortest heads. */
export function encodeCbor(value: CborValue): Uint8Array {
  const chunks: Uint8Array[] = [];
  const utf8 = new TextEncoder();

  const head = (major: number, value: number) => {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Cannot encode ${value} as a CBOR argument.`);
    if (value < 24) return chunks.push(Uint8Array.of((major << 5) | value));
    if (value < 2 ** 8) return chunks.push(Uint8Array.of((major << 5) | 24, value));
    const width = value < 2 ** 16 ? 2 : value < 2 ** 32 ? 4 : 8;
    const bytes = new Uint8Array(1 + width);
    const view = new DataView(bytes.buffer);
    bytes[0] = (major << 5) | { 2: 25, 4: 26, 8: 27 }[width]!;
    if (width === 2) view.setUint16(1, value);
    else if (width === 4) view.setUint32(1, value);
    else view.setBigUint64(1, BigInt(value));
    return chunks.push(bytes);
  };
  const item = (value: CborValue): void => {
    if (typeof value === 'number') {
      if (!Number.isInteger(value)) throw new Error(`Cannot encode the non-integer ${value}: Pagefind's files hold integers only.`);
      head(value >= 0 ? MAJOR.unsigned : MAJOR.negative, value >= 0 ? value : -1 - value);
    } else if (typeof value === 'string') {
      const bytes = utf8.encode(value);
      head(MAJOR.text, bytes.byteLength);
      chunks.push(bytes);
    } else if (value instanceof Uint8Array) {
      head(MAJOR.bytes, value.byteLength);
      chunks.push(value);
    } else if (Array.isArray(value)) {
      head(MAJOR.array, value.length);
      value.forEach(item);
    } else if (value instanceof Map) {
      head(MAJOR.map, value.size);
      for (const [key, entry] of value) {
        item(key);
        item(entry);
      }
    } else {
      chunks.push(Uint8Array.of((MAJOR.simple << 5) | (value === null ? SIMPLE.null : value ? SIMPLE.true : SIMPLE.false)));
    }
  };

  item(value);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
