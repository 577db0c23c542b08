// Request and response shapes of the group routes (many persons found at once).
import { z } from 'zod';
import { zCode, zDate, zUuid } from '../../http/zod-codes.js';
import { POLICE_REGIONS } from '../../../domain/codelists/police-regions.js';
import { REFERRAL_PURPOSES } from '../../../domain/process/referral-purposes.js';
import { CLASSIFICATIONS } from '../../../domain/process/criminal-process.js';

const text = (max: number) => z.string().trim().max(max);
const caseIds = z.array(zUuid).min(1).max(500);

export const CreateGroupBody = z
  .object({
    name: text(200).min(1),
    region: zCode(POLICE_REGIONS),
    place: text(200).default(''),
    employer: text(200).default(''),
    foundOn: zDate.nullable().optional(),
    inspection: text(2_000).default(''),
    notes: text(10_000).default(''),
  })
  .strict();
export type CreateGroupInput = z.infer<typeof CreateGroupBody>;

export const UpdateGroupBody = z
  .object({
    version: z.number().int().positive(),
    name: text(200).min(1).optional(),
    place: text(200).optional(),
    employer: text(200).optional(),
    foundOn: zDate.nullable().optional(),
    inspection: text(2_000).optional(),
    notes: text(10_000).optional(),
  })
  .strict();
export type UpdateGroupInput = z.infer<typeof UpdateGroupBody>;

export const GroupIdParams = z.object({ id: zUuid }).strict();
export const AddCasesBody = z.object({ caseIds }).strict();

export const BulkAssignBody = z.object({ caseIds, userId: zUuid }).strict();
export const BulkReferralBody = z
  .object({ caseIds, toOrgId: zUuid, purpose: zCode(REFERRAL_PURPOSES), message: text(5_000).optional() })
  .strict();
export const BulkPoliceReportBody = z
  .object({ caseIds, reportedOn: zDate, classification: zCode(CLASSIFICATIONS), policeRef: text(100).default('') })
  .strict();
export type BulkAssignInput = z.infer<typeof BulkAssignBody>;
export type BulkReferralInput = z.infer<typeof BulkReferralBody>;
export type BulkPoliceReportInput = z.infer<typeof BulkPoliceReportBody>;

const facts = {
  id: z.string(),
  name: z.string(),
  region: z.string(),
  place: z.string(),
  employer: z.string(),
  foundOn: z.string().nullable(),
  inspection: z.string(),
  notes: z.string(),
  version: z.number(),
  createdAt: z.string(),
};

export const GroupListSchema = z.object({ items: z.array(z.object({ ...facts, memberCount: z.number() })) });

const org = z.object({ id: z.string(), name: z.string() });
export const GroupMemberSchema = z.object({
  caseId: z.string(),
  ref: z.string(),
  status: z.string(),
  personLabel: z.string().nullable(),
  protectedIdentity: z.boolean(),
  assignedUser: z.object({ id: z.string(), name: z.string() }).nullable(),
  addedAt: z.string(),
  consents: z.array(z.object({ purpose: z.string(), recipient: org, status: z.string(), recordedOn: z.string() })),
  openReferrals: z.array(
    z.object({ id: z.string(), purpose: z.string(), to: org, status: z.string(), sentOn: z.string(), respondBy: z.string(), overdue: z.boolean(), consentBasis: z.string() }),
  ),
  permits: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      decision: z.string(),
      submittedOn: z.string(),
      decidedOn: z.string().nullable(),
      validUntil: z.string().nullable(),
      /** Pending, or granted and valid today. */
      active: z.boolean(),
    }),
  ),
  policeReports: z.array(z.object({ id: z.string(), reportedOn: z.string(), classification: z.string(), injuredParty: z.boolean() })),
});

export const GroupViewSchema = z.object({ ...facts, memberCount: z.number(), members: z.array(GroupMemberSchema) });

export const BulkResultSchema = z.object({
  groupId: z.string(),
  action: z.enum(['assign', 'referrals', 'police_report']),
  results: z.array(
    z.object({
      caseId: z.string(),
      ref: z.string(),
      ok: z.literal(true),
      /** The referral or police report created, or the assigned user. */
      id: z.string().nullable(),
    }),
  ),
});
