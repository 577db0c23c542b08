// Request and response shapes of the sign-in routes.
import { z } from 'zod';

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(128),
    password: z.string().min(1).max(256),
  })
  .strict();

export const SessionResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    organisation: z.object({ id: z.string(), name: z.string(), kind: z.string(), region: z.string().nullable() }),
  }),
  csrfToken: z.string(),
  abilities: z.object({
    createReferral: z.boolean(),
    listCases: z.boolean(),
    viewAudit: z.boolean(),
    manageOrganisations: z.boolean(),
    manageUsers: z.boolean(),
    viewStatistics: z.boolean(),
  }),
  demo: z.boolean(),
});

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
