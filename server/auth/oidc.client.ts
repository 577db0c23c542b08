// The relying party of OIDC single sign-on, on openid-client: discovery (cached, retried after a
// failure), the authorization code flow with PKCE (S256), state and nonce, and the validation of
// the authorization response and the ID token (signature, iss, aud, exp, nonce; the RFC 9207
// `iss` response parameter when the provider announces it). Nothing here touches the database.
import * as oidc from 'openid-client';
import { isLoopback, type OidcConfig } from './oidc.config.js';
import type { OidcLoginState } from './oidc-state.repository.js';

/** The provider could not be reached or described itself wrongly: 503, try again later. */
export class OidcUnavailableError extends Error {}

/** The sign-in's answer failed a check; `reason` goes to the audit trail (never a token). */
export class OidcRejectedError extends Error {
  constructor(readonly reason: string, readonly detail: string | null = null) {
    super(`OIDC sign-in rejected: ${reason}`);
  }
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** The ID token's claims, completed from userinfo for claims the ID token lacks. */
  claims: Record<string, unknown>;
  /** Claims of the ID token alone (authentication context: acr, amr). */
  idToken: Record<string, unknown>;
}

export class OidcClient {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(readonly settings: OidcConfig) {}

  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const server = new URL(this.settings.issuer);
      const options: oidc.DiscoveryRequestOptions = { timeout: 10 };
      if (isLoopback(server)) options.execute = [oidc.allowInsecureRequests];
      const auth = this.settings.clientSecret ? oidc.ClientSecretBasic(this.settings.clientSecret) : oidc.None();
      return oidc.discovery(server, this.settings.clientId, undefined, auth, options);
    })().catch((err: unknown) => {
      this.configuration = null;
      throw new OidcUnavailableError(`OIDC discovery failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    return this.configuration;
  }

  /** The provider's authorization URL for a new sign-in, and what must be kept to finish it. */
  async begin(): Promise<{ url: URL; state: OidcLoginState }> {
    const config = await this.discover();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state: OidcLoginState = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier };
    const params: Record<string, string> = {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: state.state,
      nonce: state.nonce,
    };
    if (this.settings.requiredAcr.length > 0) params.acr_values = this.settings.requiredAcr.join(' ');
    return { url: oidc.buildAuthorizationUrl(config, params), state };
  }

  /**
   * Finishes a sign-in from the query string the provider sent the browser back with: checks
   * state and the response's issuer, redeems the code with the PKCE verifier, validates the ID
   * token and its nonce.
   */
  async finish(query: string, saved: OidcLoginState): Promise<OidcIdentity> {
    const config = await this.discover();
    const currentUrl = new URL(this.settings.redirectUri);
    currentUrl.search = query.startsWith('?') ? query.slice(1) : query;
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: saved.codeVerifier,
        expectedState: saved.state,
        expectedNonce: saved.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw rejection(err);
    }
    const idToken = tokens.claims();
    if (!idToken) throw new OidcRejectedError('no_id_token');
    const claims: Record<string, unknown> = { ...idToken };
    const wanted = [this.settings.matchClaim, this.settings.nameClaim, this.settings.organisationClaim, this.settings.roleClaim, 'email'];
    if (wanted.some((c) => claims[c] === undefined) && config.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
        // The ID token wins where both have a claim: it is the signed statement about the sign-in.
        for (const [name, value] of Object.entries(info)) if (claims[name] === undefined) claims[name] = value;
      } catch (err) {
        throw rejection(err, 'userinfo');
      }
    }
    return { issuer: idToken.iss, subject: idToken.sub, claims, idToken: { ...idToken } };
  }
}

function rejection(err: unknown, where = 'callback'): Error {
  if (err instanceof OidcRejectedError || err instanceof OidcUnavailableError) return err;
  if (err instanceof oidc.AuthorizationResponseError) return new OidcRejectedError('idp_error', err.error);
  if (err instanceof oidc.ResponseBodyError) return new OidcRejectedError(`${where}_error`, err.error);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^(ECONN|ETIMEDOUT|UND_ERR|ENOTFOUND|EAI_AGAIN)/.test(code)) return new OidcUnavailableError(code);
  if (err instanceof TypeError && /fetch failed/i.test(err.message)) return new OidcUnavailableError('fetch failed');
  return new OidcRejectedError('invalid_response', typeof code === 'string' ? code : null);
}
