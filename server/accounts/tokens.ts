import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie, a key or a one-time link: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256: they are random, so a slow hash adds nothing. */
export function secretHash(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
