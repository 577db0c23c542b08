// The second factor for local (password) accounts: enrolment of a TOTP authenticator, the code
// step of sign-in, and the administrator's reset. Wrong and replayed codes count towards the
// same lockout as wrong passwords; every outcome is audited in the transaction that decides it.
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { DB } from '../db/schema.js';
import type { Actor } from './actor.js';
import { loadActor, openSession, type MfaStep, type NewSession, type SessionSettings } from './auth.service.js';
import { matchTotp, isReplayedTotp, newTotpSecret, otpauthUri } from './totp.js';
import { clearTotp, getTotp, isTotpEnrolled, setPendingTotp, useTotpStep } from './totp.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { canResetMfa, mfaRequiredFor } from '../policies/mfa.policy.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../http/errors.js';

/** The session asking: one waiting for its second factor, or a full one (voluntary enrolment). */
export interface MfaCaller {
  sessionId: string;
  userId: string;
  actor: Actor;
  pending: MfaStep | null;
  method: 'password' | 'oidc';
}

export type MfaResult = { ok: true; session: NewSession; actor: Actor } | { ok: false; locked: boolean; reason: 'wrong_code' | 'replayed_code' | 'locked' };

export interface MfaStatus {
  method: 'password' | 'oidc';
  enrolled: boolean;
  enrolledAt: string | null;
  required: boolean;
  /** Signed in through the identity provider, which does the second factor. */
  exempt: boolean;
}

export async function mfaStatus(db: Kysely<DB>, caller: MfaCaller, enforced: boolean): Promise<MfaStatus> {
  const totp = await getTotp(db, caller.userId);
  return {
    method: caller.method,
    enrolled: totp.enrolledAt !== null,
    enrolledAt: totp.enrolledAt?.toISOString() ?? null,
    required: caller.method === 'password' && mfaRequiredFor(caller.actor.roles, enforced),
    exempt: caller.method === 'oidc',
  };
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code, an SVG document. */
  qrSvg: string;
}

/** A new secret for the caller (replacing an unconfirmed one); it counts once a code confirms it. */
export async function startEnrolment(db: Kysely<DB>, caller: MfaCaller): Promise<Enrolment> {
  if (caller.method !== 'password') throw new ConflictError('mfa_not_applicable', 'You signed in through your organisation’s identity provider, which handles the second factor');
  if (await isTotpEnrolled(db, caller.userId)) {
    throw new ConflictError('mfa_already_enrolled', 'Two-factor authentication is already set up; an administrator can reset it');
  }
  const secret = newTotpSecret();
  await setPendingTotp(db, caller.userId, secret);
  const uri = otpauthUri(secret, caller.actor.username);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri: uri, qrSvg };
}

interface Attempt {
  code: string;
  requestId: string;
  replaceSessionId: string;
  now?: Date;
}

/**
 * Checks a code for the caller: `confirm` finishes an enrolment, otherwise it is the code step of
 * sign-in. On success the waiting (or current) session is replaced by a new full session.
 */
async function attempt(db: Kysely<DB>, caller: MfaCaller, input: Attempt, settings: SessionSettings, confirm: boolean): Promise<MfaResult> {
  const now = input.now ?? new Date();
  const countsFailures = caller.pending !== null;
  return db.transaction().execute(async (trx): Promise<MfaResult> => {
    const user = await trx.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', caller.userId).forUpdate().executeTakeFirstOrThrow();
    const fail = async (reason: 'wrong_code' | 'replayed_code' | 'locked'): Promise<MfaResult> => {
      let locked = reason === 'locked';
      if (countsFailures && !locked) {
        const failed = user.failed_logins + 1;
        locked = failed >= settings.maxFailedLogins;
        await trx
          .updateTable('users')
          .set({ failed_logins: locked ? 0 : failed, locked_until: locked ? new Date(now.getTime() + settings.lockoutMinutes * 60_000) : null })
          .where('id', '=', caller.userId)
          .execute();
      }
      // A locked account starts again from the password, once the lockout has passed.
      if (locked && countsFailures) await trx.deleteFrom('sessions').where('id', '=', caller.sessionId).execute();
      await recordAudit(trx, caller.actor, {
        action: 'auth.login_failed',
        outcome: 'denied',
        resourceType: 'session',
        resourceId: caller.userId,
        details: { method: 'totp', step: confirm ? 'enrol' : 'verify', reason },
      });
      return { ok: false, locked, reason };
    };

    if (countsFailures && user.locked_until !== null && user.locked_until > now) return fail('locked');
    const totp = await getTotp(trx, caller.userId);
    if (!totp.secret || (confirm ? totp.enrolledAt !== null : totp.enrolledAt === null)) {
      throw confirm
        ? new ConflictError('mfa_no_enrolment', 'Start the set-up first: there is no new secret to confirm')
        : new ConflictError('mfa_enrolment_required', 'Set up two-factor authentication first');
    }
    const step = matchTotp(totp.secret, input.code, now.getTime(), totp.lastStep);
    if (step === null) return fail(isReplayedTotp(totp.secret, input.code, now.getTime(), totp.lastStep) ? 'replayed_code' : 'wrong_code');
    if (!(await useTotpStep(trx, caller.userId, step, { confirm, at: now }))) return fail('replayed_code');

    if (confirm) await recordAudit(trx, caller.actor, { action: 'auth.mfa_enrol', resourceType: 'user', resourceId: caller.userId });
    const session = await openSession(trx, { userId: caller.userId, method: 'password', mfaPending: null, replaceSessionId: input.replaceSessionId, now }, settings);
    if (caller.pending !== null) {
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', caller.userId).execute();
      await recordAudit(trx, caller.actor, {
        action: 'auth.login',
        resourceType: 'session',
        resourceId: caller.userId,
        details: { method: 'password', secondFactor: 'totp', enrolled: confirm },
      });
    }
    const actor = await loadActor(trx, caller.userId, 'session', input.requestId);
    if (!actor) throw new AppError(401, 'unauthorized', 'Sign in required');
    return { ok: true, session, actor };
  });
}

/** The code step of sign-in, for a session waiting with 'verify'. */
export function verifySignInCode(db: Kysely<DB>, caller: MfaCaller, input: Attempt, settings: SessionSettings): Promise<MfaResult> {
  if (caller.pending !== 'verify') throw new ConflictError('mfa_not_pending', 'This session is not waiting for a code');
  return attempt(db, caller, input, settings, false);
}

/** Confirms a new authenticator with its first code (forced or voluntary enrolment). */
export function confirmEnrolment(db: Kysely<DB>, caller: MfaCaller, input: Attempt, settings: SessionSettings): Promise<MfaResult> {
  if (caller.pending === 'verify') throw new ConflictError('mfa_already_enrolled', 'Give the code from your authenticator app');
  if (caller.method !== 'password') throw new ConflictError('mfa_not_applicable', 'You signed in through your organisation’s identity provider, which handles the second factor');
  return attempt(db, caller, input, settings, true);
}

/** An administrator removes a user's second factor (lost phone); the user's sessions end. */
export async function resetMfa(db: Kysely<DB>, actor: Actor, userId: string): Promise<void> {
  if (!canResetMfa(actor, userId)) {
    throw new ForbiddenError(actor.userId === userId ? 'Another administrator must reset your own two-factor authentication' : undefined);
  }
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) throw new NotFoundError('user');
    const wasEnrolled = await isTotpEnrolled(trx, userId);
    await clearTotp(trx, userId);
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, actor, {
      action: 'user.mfa_reset',
      resourceType: 'user',
      resourceId: userId,
      details: { wasEnrolled },
    });
  });
}
