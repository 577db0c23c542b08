// Configuration from environment variables (documented in the README).
import { resolve } from 'node:path';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './auth/auth.service.js';
import { loadOidcConfig, type OidcConfig } from './auth/oidc.config.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  cookieSecure: boolean;
  session: SessionSettings;
  logLevel: string;
  /** Shown as a banner in the UI; true when running on demo data. */
  demoMode: boolean;
  webDist: string;
  loginRateLimitPerMinute: number;
  /** Requests per minute per signed-in user (or per address when signed out), all routes. */
  rateLimitPerMinute: number;
  /**
   * LOTS_MFA: 'required' or 'off'; null when unset, which means required except in demo mode
   * (see mfaMode() in server/auth/mfa.config.ts and docs/security.md).
   */
  mfa: 'required' | 'off' | null;
  /** OIDC single sign-on; null when LOTS_OIDC_ISSUER is unset (SSO off, its routes answer 404). */
  oidc: OidcConfig | null;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env, 'PORT', 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.LOTS_DATA_DIR ?? './data'),
    cookieSecure: env.LOTS_COOKIE_SECURE === 'true',
    session: {
      idleMinutes: intFrom(env, 'LOTS_SESSION_IDLE_MINUTES', DEFAULT_SESSION_SETTINGS.idleMinutes),
      absoluteHours: intFrom(env, 'LOTS_SESSION_ABSOLUTE_HOURS', DEFAULT_SESSION_SETTINGS.absoluteHours),
      maxFailedLogins: intFrom(env, 'LOTS_MAX_FAILED_LOGINS', DEFAULT_SESSION_SETTINGS.maxFailedLogins),
      lockoutMinutes: intFrom(env, 'LOTS_LOCKOUT_MINUTES', DEFAULT_SESSION_SETTINGS.lockoutMinutes),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    demoMode: env.LOTS_DEMO === 'true',
    webDist: resolve(env.LOTS_WEB_DIST ?? 'web/dist'),
    loginRateLimitPerMinute: intFrom(env, 'LOTS_LOGIN_RATE_LIMIT', 20),
    rateLimitPerMinute: intFrom(env, 'LOTS_RATE_LIMIT', 600),
    mfa: mfaFrom(env.LOTS_MFA),
    oidc: loadOidcConfig(env),
  };
}

function mfaFrom(raw: string | undefined): Config['mfa'] {
  if (raw === undefined || raw === '') return null;
  if (raw === 'required' || raw === 'off') return raw;
  throw new Error(`LOTS_MFA must be "required" or "off", got "${raw}"`);
}
