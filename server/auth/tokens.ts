// Random secrets and their stored digests: session ids, CSRF tokens and API tokens are
// handed out once and only their SHA-256 is kept in the database.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

export const API_TOKEN_PREFIX = 'lots_';

export function newApiToken(): string {
  return API_TOKEN_PREFIX + newSecret(32);
}
