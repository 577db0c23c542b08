// Shapes of the sign-in answers beyond the session itself (server/modules/auth/auth.schema.ts).

/** A password sign-in that waits for the second factor: give a code, or set one up first. */
export interface MfaPending {
  mfa: 'verify' | 'enrol';
  csrfToken: string;
}

export interface AuthOptions {
  sso: { enabled: boolean; label: string | null };
  mfaRequired: boolean;
}

export interface MfaStatus {
  method: 'password' | 'oidc';
  enrolled: boolean;
  enrolledAt: string | null;
  required: boolean;
  exempt: boolean;
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export function isMfaPending(answer: object): answer is MfaPending {
  return 'mfa' in answer;
}
