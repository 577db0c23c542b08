// The one secret every Bloom-filter encoding is keyed from (domain/matching/bloom.ts derives a
// key per field from it). Set LOTS_PPRL_SECRET to at least 16 random bytes in base64
// (`lots persons pprl-secret` prints one); partners that encode their records for
// POST /persons/pprl/match must use the same secret, handed over out of band. Tests and demo
// runs without one get a random secret for the life of the process.
import { createHmac, randomBytes } from 'node:crypto';
import type { Hmac } from '../../../domain/matching/bloom.js';
import { AppError } from '../../http/errors.js';

export const nodeHmac: Hmac = (key, message) => new Uint8Array(createHmac('sha256', key).update(message).digest());

const MIN_BYTES = 16;
let ephemeral: Uint8Array | null = null;

export function newPprlSecret(): string {
  return randomBytes(32).toString('base64');
}

/** The configured secret; null when PPRL is not set up on this server. */
export function pprlSecret(env: NodeJS.ProcessEnv = process.env): Uint8Array | null {
  const raw = env.LOTS_PPRL_SECRET?.trim();
  if (raw) {
    const bytes = Buffer.from(raw, 'base64');
    if (bytes.length < MIN_BYTES) throw new AppError(503, 'pprl_not_configured', `LOTS_PPRL_SECRET must be at least ${MIN_BYTES} bytes written in base64`);
    return new Uint8Array(bytes);
  }
  if (env.VITEST || env.NODE_ENV === 'test' || env.LOTS_DEMO === 'true') {
    ephemeral ??= new Uint8Array(randomBytes(32));
    return ephemeral;
  }
  return null;
}

export function requirePprlSecret(): Uint8Array {
  const secret = pprlSecret();
  if (secret === null) throw new AppError(503, 'pprl_not_configured', 'Privacy-preserving matching is not set up on this server (LOTS_PPRL_SECRET)');
  return secret;
}
