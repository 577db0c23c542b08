// The inbox of an organisation: referrals addressed to it. Reading it shows case references
// and, where the share grants the name, persons' names, so the read is audited.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError } from '../../http/errors.js';
import { today } from '../cases/case.service.js';
import { canReadInbox } from '../../policies/referral.policy.js';
import { inboxOf } from './referral.repository.js';
import { presentInboxItem } from './referral.presenter.js';
import type { InboxInput } from './referral.schema.js';

export async function readInbox(db: Kysely<DB>, actor: Actor, input: InboxInput) {
  if (!canReadInbox(actor)) throw new ForbiddenError('Your role receives no referrals');
  return db.transaction().execute(async (trx) => {
    const { total, rows } = await inboxOf(trx, actor.organisationId!, input.status, input.page, input.pageSize, actor);
    const on = today();
    const items = rows.map((r) => presentInboxItem(r, on));
    await recordAudit(trx, actor, {
      action: 'referral.inbox',
      resourceType: 'case',
      details: {
        filters: { status: input.status, page: input.page },
        referralIds: items.map((i) => i.id),
        caseIds: [...new Set(items.map((i) => i.caseId))],
        namesShown: items.filter((i) => i.personLabel !== null).map((i) => i.caseId),
      },
    });
    return { total, page: input.page, pageSize: input.pageSize, items };
  });
}
