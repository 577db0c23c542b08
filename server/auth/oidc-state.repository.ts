// OIDC sign-ins in progress (state, nonce and PKCE verifier), kept server-side and keyed by the
// SHA-256 of a random handle that only the browser's httpOnly cookie holds. Each is taken once.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface OidcLoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export const OIDC_LOGIN_STATE_MINUTES = 10;

export async function saveLoginState(db: Kysely<DB>, id: string, value: OidcLoginState, now = new Date()): Promise<void> {
  await db.deleteFrom('oidc_login_states').where('expires_at', '<=', now).execute();
  await db
    .insertInto('oidc_login_states')
    .values({
      id,
      state: value.state,
      nonce: value.nonce,
      code_verifier: value.codeVerifier,
      expires_at: new Date(now.getTime() + OIDC_LOGIN_STATE_MINUTES * 60_000),
    })
    .execute();
}

/** Removes and returns the sign-in in progress; null when unknown or expired. */
export async function takeLoginState(db: Kysely<DB>, id: string, now = new Date()): Promise<OidcLoginState | null> {
  const row = await db.deleteFrom('oidc_login_states').where('id', '=', id).returningAll().executeTakeFirst();
  if (!row || row.expires_at <= now) return null;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
}
