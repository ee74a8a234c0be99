/**
 * A short fingerprint of a caption (FNV-1a, base 36): enough to notice that an id now names another node. Shared:
 * the explorer writes it into saved views, and the server writes the kept node's when a merge re-points them.
 */
export function fingerprint(caption: string): string {
  let hash = 0x811c9dc5;
  for (const char of caption.normalize('NFC')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
