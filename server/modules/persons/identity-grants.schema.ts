// Request and response shapes of the named users of a protected identity.
import { z } from 'zod';
import { zUuid } from '../../http/zod-codes.js';

export const NameUserBody = z
  .object({
    userId: zUuid,
    /** Why this user needs to see the identity; kept with the grant (not in the audit trail). */
    reason: z.string().trim().min(1).max(500),
  })
  .strict();
export type NameUserInput = z.infer<typeof NameUserBody>;

export const RevokeNamedUserBody = z.object({ userId: zUuid, reason: z.string().trim().min(1).max(500) }).strict();
export type RevokeNamedUserInput = z.infer<typeof RevokeNamedUserBody>;

export const GrantHistoryQuery = z.object({ personId: zUuid }).strict();

const OrganisationRef = z.object({ id: z.string(), name: z.string() });

export const NamedUserSchema = z.object({
  userId: z.string(),
  name: z.string(),
  organisation: OrganisationRef,
  kind: z.enum(['registrant', 'named']),
  grantedAt: z.string(),
  grantedBy: z.string(),
  reason: z.string(),
  isYou: z.boolean(),
  canRevoke: z.boolean(),
});

export const NamedUsersViewSchema = z.object({
  caseId: z.string(),
  personId: z.string(),
  protectedIdentity: z.boolean(),
  /** Named users who can read this case (a grant elsewhere is not shown: it would tell where else the person is known). */
  namedUsers: z.array(NamedUserSchema),
  /** Users the caller may name now. */
  candidates: z.array(z.object({ userId: z.string(), name: z.string(), organisation: OrganisationRef })),
  abilities: z.object({ name: z.boolean() }),
});
export type NamedUsersView = z.infer<typeof NamedUsersViewSchema>;

export const GrantHistorySchema = z.object({
  personId: z.string(),
  grants: z.array(
    z.object({
      id: z.string(),
      userId: z.string(),
      name: z.string(),
      organisation: OrganisationRef,
      kind: z.enum(['registrant', 'named']),
      grantedAt: z.string(),
      grantedBy: z.string(),
      reason: z.string(),
      revokedAt: z.string().nullable(),
      revokedBy: z.string().nullable(),
      revokeReason: z.string().nullable(),
    }),
  ),
});
export type GrantHistory = z.infer<typeof GrantHistorySchema>;
