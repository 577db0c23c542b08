// OIDC single sign-on settings from the environment (README, "Configuration"). SSO is on when
// LOTS_OIDC_ISSUER is set; then the client id and redirect URI are required too, and the
// mappings are checked at start-up so a typo fails loudly instead of at somebody's first sign-in.
import { ROLES, type Role } from '../../domain/codelists/roles.js';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Unset for a public client (PKCE only); agencies' brokers normally issue a secret. */
  clientSecret: string | undefined;
  /** The web app's page the IdP sends the browser back to, e.g. https://lots.example.se/login/sso */
  redirectUri: string;
  scopes: string;
  /** Claim that finds an existing user at the first sign-in, and which user field it is compared with. */
  matchClaim: string;
  matchField: 'email' | 'username';
  /** Create a user at the first sign-in when none matches (needs organisation and role claims). */
  provision: boolean;
  nameClaim: string;
  organisationClaim: string;
  /** Claim value → organisation id. Empty: the claim value itself must be an organisation id. */
  organisationMap: Record<string, string>;
  roleClaim: string;
  /** Claim value → Lots role(s). Values not in the map grant nothing. */
  roleMap: Record<string, Role[]>;
  /** When non-empty, the ID token's acr must be one of these (and is asked for with acr_values). */
  requiredAcr: string[];
  /** When non-empty, the ID token's amr must contain one of these (e.g. "mfa", "otp", "hwk"). */
  requiredAmr: string[];
  /** Text on the sign-in button (e.g. "e-legitimation eller SITHS"); the UI has a default. */
  label: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function jsonObject(name: string, raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${name} must be a JSON object, e.g. {"claim value": "…"}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${name} must be a JSON object`);
  return parsed as Record<string, unknown>;
}

function organisationMap(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(jsonObject('LOTS_OIDC_ORGANISATION_MAP', raw))) {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new Error(`LOTS_OIDC_ORGANISATION_MAP: "${key}" must map to an organisation id (see \`lots orgs list\`)`);
    }
    out[key] = value.toLowerCase();
  }
  return out;
}

function roleMap(raw: string | undefined): Record<string, Role[]> {
  const known = new Set<string>(ROLES.map((r) => r.code));
  const out: Record<string, Role[]> = {};
  for (const [key, value] of Object.entries(jsonObject('LOTS_OIDC_ROLE_MAP', raw))) {
    const roles = Array.isArray(value) ? value : [value];
    for (const role of roles) {
      if (typeof role !== 'string' || !known.has(role)) {
        throw new Error(`LOTS_OIDC_ROLE_MAP: "${key}" maps to an unknown role; roles: ${[...known].join(', ')}`);
      }
    }
    out[key] = roles as Role[];
  }
  return out;
}

export function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.LOTS_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.LOTS_OIDC_CLIENT_ID?.trim();
  const redirectUri = env.LOTS_OIDC_REDIRECT_URI?.trim();
  if (!clientId) throw new Error('LOTS_OIDC_ISSUER is set: LOTS_OIDC_CLIENT_ID is required too');
  if (!redirectUri) throw new Error('LOTS_OIDC_ISSUER is set: LOTS_OIDC_REDIRECT_URI is required too (the web page /login/sso)');
  for (const [name, value] of [
    ['LOTS_OIDC_ISSUER', issuer],
    ['LOTS_OIDC_REDIRECT_URI', redirectUri],
  ] as const) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${name} must be an absolute URL, got "${value}"`);
    }
    if (url.protocol !== 'https:' && !isLoopback(url)) throw new Error(`${name} must use https (http only for localhost), got "${value}"`);
  }
  const matchField = env.LOTS_OIDC_MATCH_FIELD?.trim() || 'email';
  if (matchField !== 'email' && matchField !== 'username') throw new Error('LOTS_OIDC_MATCH_FIELD must be "email" or "username"');
  const provision = env.LOTS_OIDC_PROVISION?.trim() || 'false';
  if (provision !== 'true' && provision !== 'false') throw new Error('LOTS_OIDC_PROVISION must be "true" or "false"');
  return {
    issuer,
    clientId,
    clientSecret: env.LOTS_OIDC_CLIENT_SECRET || undefined,
    redirectUri,
    scopes: env.LOTS_OIDC_SCOPES?.trim() || 'openid email profile',
    matchClaim: env.LOTS_OIDC_MATCH_CLAIM?.trim() || 'email',
    matchField,
    provision: provision === 'true',
    nameClaim: env.LOTS_OIDC_NAME_CLAIM?.trim() || 'name',
    organisationClaim: env.LOTS_OIDC_ORGANISATION_CLAIM?.trim() || 'organisation',
    organisationMap: organisationMap(env.LOTS_OIDC_ORGANISATION_MAP),
    roleClaim: env.LOTS_OIDC_ROLE_CLAIM?.trim() || 'roles',
    roleMap: roleMap(env.LOTS_OIDC_ROLE_MAP),
    requiredAcr: list(env.LOTS_OIDC_REQUIRED_ACR),
    requiredAmr: list(env.LOTS_OIDC_REQUIRED_AMR),
    label: env.LOTS_OIDC_LABEL?.trim() || null,
  };
}

/** Plain http is allowed only for an IdP on this machine (tests, a local broker). */
export function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}
