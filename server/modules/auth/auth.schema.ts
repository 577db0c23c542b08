// Request and response shapes of the sign-in routes.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../auth/passwords.js';

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(128),
    // ASVS 2.1.2: up to 128 characters (passwordProblem() refuses longer new passwords alike).
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
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

/** A password sign-in that still needs the second factor: give a code, or set one up first. */
export const MfaPendingResponse = z.object({ mfa: z.enum(['verify', 'enrol']), csrfToken: z.string() });
export const LoginResponse = z.union([SessionResponse, MfaPendingResponse]);

export const AuthOptionsResponse = z.object({
  sso: z.object({ enabled: z.boolean(), label: z.string().nullable() }),
  mfaRequired: z.boolean(),
});

export const TotpCodeBody = z
  .object({ code: z.string().trim().regex(/^\d{6}$/, 'six digits from the authenticator app') })
  .strict();

export const EnrolmentResponse = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });

export const MfaStatusResponse = z.object({
  method: z.enum(['password', 'oidc']),
  enrolled: z.boolean(),
  enrolledAt: z.string().nullable(),
  required: z.boolean(),
  exempt: z.boolean(),
});

/** The query string the identity provider sent the browser back to /login/sso with. */
export const OidcCallbackBody = z.object({ query: z.string().min(1).max(8192) }).strict();
