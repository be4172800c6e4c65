// A face's embedding as the database keeps it (Face.embedding): float32, little-endian, the
// byte order of every machine Folio runs on (x86-64, arm64), so the bytes are the array's own.

/** The bytes of `embedding` (a copy), for Face.embedding. */
export function embeddingBytes(embedding: Float32Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(embedding.buffer.slice(embedding.byteOffset, embedding.byteOffset + embedding.byteLength) as ArrayBuffer);
}

/** The embedding stored as `bytes` (Face.embedding); a copy, so the bytes may be unaligned. */
export function embeddingOf(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
