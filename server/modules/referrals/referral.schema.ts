// Request and response shapes of the referral routes (sending, answering, the inbox).
import { z } from 'zod';
import { zCode, zDate, zUuid } from '../../http/zod-codes.js';
import { REFERRAL_PURPOSES, REFERRAL_STATUSES } from '../../../domain/process/referral-purposes.js';

const version = z.number().int().positive();
const reason = z.string().trim().min(1).max(2_000);

export const SendReferralBody = z
  .object({
    toOrgId: zUuid,
    purpose: zCode(REFERRAL_PURPOSES),
    message: z.string().trim().max(5_000).optional(),
    respondBy: zDate.optional(),
  })
  .strict();
export type SendReferralInput = z.infer<typeof SendReferralBody>;

export const AcceptReferralBody = z.object({ version }).strict();
export const CompleteReferralBody = z.object({ version }).strict();
export const DeclineReferralBody = z.object({ version, reason }).strict();
export const WithdrawReferralBody = z.object({ version, reason }).strict();
export type ReferralMoveInput = { version: number; reason?: string };

export const ReferralIdParams = z.object({ id: zUuid }).strict();

export const InboxQuery = z
  .object({
    status: zCode(REFERRAL_STATUSES).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type InboxInput = z.infer<typeof InboxQuery>;

export const SharingBasisQuery = z.object({ purpose: zCode(REFERRAL_PURPOSES), toOrgId: zUuid }).strict();

const consentBasis = z.enum(['consent', 'child_social_services']);
const org = z.object({ id: z.string(), name: z.string() });

export const ReferralSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseRef: z.string(),
  groupId: z.string().nullable(),
  purpose: z.string(),
  status: z.string(),
  message: z.string().nullable(),
  consentBasis,
  consentId: z.string().nullable(),
  from: org,
  to: org.extend({ kind: z.string() }),
  sentOn: z.string(),
  respondBy: z.string(),
  overdue: z.boolean(),
  respondedOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  completedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  share: z.object({ active: z.boolean(), fields: z.array(z.string()) }),
  version: z.number(),
});

export const ReferralListSchema = z.object({ items: z.array(ReferralSchema) });

export const InboxSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseRef: z.string(),
      purpose: z.string(),
      status: z.string(),
      sentOn: z.string(),
      respondBy: z.string(),
      overdue: z.boolean(),
      from: org,
      consentBasis,
      personLabel: z.string().nullable(),
      message: z.string().nullable(),
      version: z.number(),
    }),
  ),
});

export const SharingBasisSchema = z.object({
  purpose: z.string(),
  toOrgId: z.string(),
  recipientFits: z.boolean(),
  isChild: z.boolean().nullable(),
  latestConsent: z.string().nullable(),
  ok: z.boolean(),
  basis: consentBasis.nullable(),
  reason: z.string().nullable(),
  fields: z.array(z.string()),
  respondWithinDays: z.number(),
});
