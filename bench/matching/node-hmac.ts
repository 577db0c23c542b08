// The Node binding of the Bloom encoder's injected HMAC: node:crypto's HMAC-SHA-256. Lives in
// bench/ because domain/ must also run in browsers, where node:crypto does not exist.

import { createHmac } from 'node:crypto';
import type { Hmac } from '../../domain/matching/bloom';

export const nodeHmac: Hmac = (key, message) => new Uint8Array(createHmac('sha256', key).update(message).digest());
