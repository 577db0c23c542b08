// Answering and ending referrals: the recipient organisation accepts, declines (with a reason)
// or completes; the case's coordinator withdraws. Declining or withdrawing revokes the share,
// so the recipient loses access to the case at once. One transaction each, with audit and a
// timeline event on the case.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { RuleError, VersionConflictError } from '../../http/errors.js';
import type { Trx } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { today } from '../cases/case.service.js';
import { canMoveReferralAs, type ReferralMove } from '../../policies/referral.policy.js';
import { canMoveReferral, type ReferralStatus } from '../../../domain/process/referral-purposes.js';
import { findReferral, revokeShare, updateReferral, type ReferralChange } from './referral.repository.js';
import { presentReferral, type ReferralView } from './referral.presenter.js';
import { onReferral } from './referral.access.js';
import type { ReferralMoveInput } from './referral.schema.js';

const OUTCOME: Record<ReferralMove, { status: ReferralStatus; event: string; verb: string }> = {
  accept: { status: 'accepted', event: 'referral_accepted', verb: 'accepted' },
  decline: { status: 'declined', event: 'referral_declined', verb: 'declined' },
  complete: { status: 'completed', event: 'referral_completed', verb: 'completed' },
  withdraw: { status: 'withdrawn', event: 'referral_withdrawn', verb: 'withdrawn' },
};

export interface MovableReferral {
  id: string;
  case_id: string;
  person_id: string;
  status: string;
  version: number;
  share_id: string | null;
  purpose: string;
  to_org_id: string;
}

/**
 * Applies a move inside the caller's transaction. `reason` is stored for decline/withdraw;
 * `systemReason` marks a withdrawal the system made (e.g. 'consent_withdrawn') and, being a
 * code rather than free text, is also shown on the timeline.
 */
export async function applyReferralMove(
  trx: Trx,
  actor: Actor,
  r: MovableReferral,
  move: ReferralMove,
  input: { version: number; reason?: string; systemReason?: string },
): Promise<{ shareRevoked: boolean }> {
  if (input.version !== r.version) throw new VersionConflictError('referral');
  if (!canMoveReferral(r.status as ReferralStatus, move)) {
    throw new RuleError('referral_transition', `A referral that is ${r.status} cannot be ${OUTCOME[move].verb}`, [
      { path: 'status', message: `is ${r.status}` },
    ]);
  }
  const on = today();
  const reason = input.systemReason ?? input.reason ?? '';
  const change: ReferralChange = { status: OUTCOME[move].status };
  if (move === 'accept') change.responded_on = on;
  if (move === 'decline') Object.assign(change, { responded_on: on, decline_reason: reason });
  if (move === 'complete') change.completed_on = on;
  if (move === 'withdraw') Object.assign(change, { withdrawn_on: on, withdraw_reason: reason });
  if (!(await updateReferral(trx, r.id, r.version, change))) throw new VersionConflictError('referral');
  const shareRevoked = move === 'decline' || move === 'withdraw' ? await revokeShare(trx, r.share_id) : false;
  await addCaseEvent(trx, actor, r.case_id, OUTCOME[move].event, {
    referralId: r.id,
    purpose: r.purpose,
    toOrgId: r.to_org_id,
    shareRevoked,
    ...(input.systemReason ? { reason: input.systemReason } : {}),
  });
  await recordAudit(trx, actor, {
    action: `referral.${move}`,
    resourceType: 'case',
    resourceId: r.case_id,
    caseId: r.case_id,
    personId: r.person_id,
    details: {
      referralId: r.id,
      before: { status: r.status },
      after: { status: OUTCOME[move].status, ...(reason ? { reason: input.systemReason ?? '[text]' } : {}), shareRevoked },
    },
  });
  return { shareRevoked };
}

export async function moveReferral(db: Kysely<DB>, actor: Actor, referralId: string, move: ReferralMove, input: ReferralMoveInput): Promise<ReferralView> {
  return onReferral(
    db,
    actor,
    referralId,
    {
      auditAction: `referral.${move}`,
      allowed: (r) => canMoveReferralAs(actor, move, { toOrgId: r.to_org_id, caseRegion: r.case_region }),
      forbiddenMessage: move === 'withdraw' ? 'Only the coordinator of the case region withdraws a referral' : 'Only the receiving organisation answers a referral',
    },
    async ({ trx, referral }) => {
      await applyReferralMove(trx, actor, referral, move, input);
      const viewer = move === 'withdraw' ? 'coordinator' : 'recipient';
      return presentReferral((await findReferral(trx, referralId))!, today(), viewer);
    },
  );
}
