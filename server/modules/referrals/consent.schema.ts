// Request and response shapes of the consent routes.
import { z } from 'zod';
import { zCode, zDate, zUuid } from '../../http/zod-codes.js';
import { CONSENT_STATUSES, REFERRAL_PURPOSES } from '../../../domain/process/referral-purposes.js';

export const GIVEN_BY = ['person', 'guardian'] as const;

export const RecordConsentBody = z
  .object({
    purpose: zCode(REFERRAL_PURPOSES),
    recipientOrgId: zUuid,
    status: zCode(CONSENT_STATUSES),
    recordedOn: zDate,
    givenBy: z.enum(GIVEN_BY),
    note: z.string().trim().max(2_000).optional(),
  })
  .strict();
export type RecordConsentInput = z.infer<typeof RecordConsentBody>;

export const ConsentSchema = z.object({
  id: z.string(),
  purpose: z.string(),
  recipient: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  status: z.string(),
  recordedOn: z.string(),
  givenBy: z.string(),
  note: z.string(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});

export const ConsentListSchema = z.object({
  /** The newest record per purpose and recipient: the one in force. */
  inForce: z.array(ConsentSchema),
  /** Every record, newest first. */
  history: z.array(ConsentSchema),
});

export const RecordConsentResultSchema = z.object({
  consent: ConsentSchema,
  /** Referrals ended because this record withdrew (or refused) a consent that was in force. */
  withdrawnReferralIds: z.array(z.string()),
  /** Shares revoked because of it (the recipient lost access at once). */
  revokedShareIds: z.array(z.string()),
  /** Referrals of a child's case to social services that now rest on the child exemption instead. */
  rebasedReferralIds: z.array(z.string()),
});
