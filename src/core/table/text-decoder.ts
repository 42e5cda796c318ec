/**
 * TextDecoder and TextEncoder from the global scope (browsers, workers, Node). Their types are
 * declared here because the core compiles against the ES library alone, without DOM types.
 */

/** The part of TextDecoder the import uses. */
export interface DecoderLike {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
type DecoderCtor = new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => DecoderLike;

/** A TextDecoder from the global scope; ignoreBOM because the import strips the BOM itself. */
export function textDecoder(label: string, fatal = false): DecoderLike {
  const Ctor = (globalThis as unknown as { TextDecoder: DecoderCtor }).TextDecoder;
  return new Ctor(label, { fatal, ignoreBOM: true });
}

/** UTF-8 bytes of `text` (TextEncoder from the global scope, typed locally like TextDecoder). */
export function utf8Bytes(text: string): Uint8Array {
  type EncoderCtor = new () => { encode(input: string): Uint8Array };
  const Ctor = (globalThis as unknown as { TextEncoder: EncoderCtor }).TextEncoder;
  return new Ctor().encode(text);
}
