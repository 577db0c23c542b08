// Request shapes for users.
import { z } from 'zod';
import { zCode, zUuid } from '../../http/zod-codes.js';
import { ROLES } from '../../../domain/codelists/roles.js';

export const CreateUserBody = z
  .object({
    username: z.string().trim().min(3).max(64).regex(/^[a-zA-Z0-9._@-]+$/, 'letters, digits and . _ @ - only'),
    displayName: z.string().trim().min(1).max(200),
    email: z.email().nullable().optional(),
    organisationId: zUuid,
    roles: z.array(zCode(ROLES)).min(1).max(7),
    password: z.string().min(1).max(256).optional(),
  })
  .strict();

export const SetPasswordBody = z.object({ password: z.string().min(1).max(256) }).strict();
export const CreateTokenBody = z.object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(730).optional() }).strict();
export const UserIdParams = z.object({ id: zUuid }).strict();

export type CreateUserInput = z.infer<typeof CreateUserBody>;

export const UserListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      active: z.boolean(),
      lastLoginAt: z.string().nullable(),
      organisation: z.object({ id: z.string(), name: z.string() }),
      roles: z.array(z.string()),
    }),
  ),
});
export const CreatedUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  roles: z.array(z.string()),
});
export const CreatedTokenSchema = z.object({ id: z.string(), token: z.string() });
