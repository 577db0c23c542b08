// The one place that reads or writes a user's TOTP secret (users.totp_secret). Keep it so:
// the secret is encrypted at rest (server/crypto/field-cipher.ts), sealed in setPendingTotp and
// opened in getTotp, here and nowhere else.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { openNullable, seal } from '../crypto/field-cipher.js';
import { FIELD } from '../crypto/fields.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface TotpRecord {
  /** Base32 secret; null when the user has none. */
  secret: string | null;
  /** Set once the user confirmed a code; null while an enrolment is pending. */
  enrolledAt: Date | null;
  /** The last accepted step (replays of it or earlier steps are refused). */
  lastStep: number | null;
}

export async function getTotp(db: Db, userId: string): Promise<TotpRecord> {
  const row = await db.selectFrom('users').select(['totp_secret', 'totp_enrolled_at', 'totp_last_step']).where('id', '=', userId).executeTakeFirst();
  return {
    secret: openNullable(FIELD.totpSecret, row?.totp_secret ?? null),
    enrolledAt: row?.totp_enrolled_at ?? null,
    lastStep: row?.totp_last_step === null || row?.totp_last_step === undefined ? null : Number(row.totp_last_step),
  };
}

/** Whether the user has a confirmed second factor (no secret is read). */
export async function isTotpEnrolled(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('totp_enrolled_at').where('id', '=', userId).executeTakeFirst();
  return row?.totp_enrolled_at != null;
}

/** Stores a new, not yet confirmed secret (an enrolment in progress), replacing an unconfirmed one. */
export async function setPendingTotp(db: Db, userId: string, secret: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: seal(FIELD.totpSecret, secret), totp_enrolled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .where('totp_enrolled_at', 'is', null)
    .execute();
}

/**
 * Records `step` as used, atomically: true only if no code of this step or a later one was
 * accepted before (two concurrent requests with the same code cannot both pass).
 * With `confirm`, the pending enrolment becomes the user's second factor.
 */
export async function useTotpStep(db: Db, userId: string, step: number, opts: { confirm?: boolean; at?: Date } = {}): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set(opts.confirm ? { totp_last_step: step, totp_enrolled_at: opts.at ?? new Date() } : { totp_last_step: step })
    .where('id', '=', userId)
    .where('totp_secret', 'is not', null)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .where('totp_enrolled_at', opts.confirm ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes the second factor (administrator's reset); the user enrols again at next sign-in. */
export async function clearTotp(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ totp_secret: null, totp_enrolled_at: null, totp_last_step: null }).where('id', '=', userId).execute();
}
