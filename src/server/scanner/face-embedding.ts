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

/** The dot product of two vectors of one length; throws when the lengths differ. */
export function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`embeddings of different lengths (${a.length} and ${b.length}) cannot be compared`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Cosine similarity of two normalised embeddings (-1..1): their dot product, clamped against
 *  rounding. Measured on the demo photos (faceres): different people 0.22-0.62 (median 0.42,
 *  90% under 0.52); the same face cropped, scaled, mirrored or turned 15 degrees 0.76-0.96
 *  (median 0.90). Throws when the lengths differ. */
export function faceSimilarity(a: Float32Array, b: Float32Array): number {
  return Math.min(1, Math.max(-1, dot(a, b)));
}
