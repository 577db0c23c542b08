// Reaching a referral by its own id. A referral is addressed to an organisation, which may not
// see the case through the case scope at all (a coordination unit of another region, say), so
// the scope here is the referral's: the recipient organisation, or the coordinators of the
// case's region. Out of scope and missing answer the same 404, and the attempt is audited.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AuditAction } from '../../audit/audit-events.js';
import { ForbiddenError, NotFoundError } from '../../http/errors.js';
import type { Trx } from '../cases/case.access.js';
import { findReferralInScope, referralCase, type ReferralRow } from './referral.repository.js';

export interface ReferralContext {
  trx: Trx;
  actor: Actor;
  referral: ReferralRow;
}

export async function onReferral<T>(
  db: Kysely<DB>,
  actor: Actor,
  referralId: string,
  opts: { auditAction: AuditAction; allowed: (r: ReferralRow) => boolean; forbiddenMessage: string },
  work: (ctx: ReferralContext) => Promise<T>,
): Promise<T> {
  const result = await db.transaction().execute(async (trx) => {
    const referral = await findReferralInScope(trx, actor, referralId);
    if (!referral) {
      const exists = await referralCase(trx, referralId);
      await recordAudit(trx, actor, {
        action: opts.auditAction,
        outcome: exists ? 'denied' : 'not_found',
        resourceType: 'case',
        resourceId: exists?.case_id ?? null,
        caseId: exists?.case_id ?? null,
        personId: exists?.person_id ?? null,
        details: { referralId },
      });
      return { found: false as const };
    }
    if (!opts.allowed(referral)) throw new ForbiddenError(opts.forbiddenMessage);
    return { found: true as const, value: await work({ trx, actor, referral }) };
  });
  if (!result.found) throw new NotFoundError('referral');
  return result.value;
}
