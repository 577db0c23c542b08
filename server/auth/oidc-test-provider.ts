// Tests only: a real OpenID provider (oidc-provider) on a random loopback port in the test
// process, with one confidential client, invented accounts, and login/consent interactions that
// a test drives over HTTP with fetch and a cookie jar, the way a browser would.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  claims: Record<string, unknown>;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: Map<string, Record<string, unknown>>;
  stop(): Promise<void>;
}

export const TEST_REDIRECT_URI = 'http://localhost/login/sso';

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestProvider(opts: { clientSecret?: string } = {}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'lots';
  const clientSecret = opts.clientSecret ?? 'test-client-secret-not-for-production-use-0123456789';
  const accounts = new Map<string, Record<string, unknown>>();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [TEST_REDIRECT_URI],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['test-provider-cookie-key-0123456789abcdef'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      lots: ['organisation', 'roles'],
      acr: null,
      amr: null,
    } as never,
    scopes: ['openid', 'email', 'profile', 'lots'],
    acrValues: ['urn:lots:test:loa2', 'urn:lots:test:loa3'],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
  });
  const callback = provider.callback();

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const m = /^\/interaction\/([^/]+)(?:\/(login|confirm))?$/.exec(url.pathname);
    if (!m) {
      void callback(req, res);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
        } else if (m[2] === 'login') {
          const form = await readForm(req);
          const amr = form.get('amr');
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: form.get('login') ?? '', acr: form.get('acr') ?? undefined, amr: amr ? amr.split(' ') : undefined } },
            { mergeWithLastSubmission: false },
          );
        } else {
          const { prompt, params, session } = details;
          const grant = new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
          const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
          if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
          if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
          const grantId = await grant.save();
          await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        }
      } catch (err) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: TEST_REDIRECT_URI,
    accounts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookie jar, just enough for the provider's interaction cookies. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Follows an authorization URL through the provider as a browser would: signs in as `login`
 * (with an authentication context if given), consents, and returns the URL the provider sends
 * the browser back to (the redirect URI with code, state and iss).
 */
export async function driveProvider(authorizationUrl: string, login: { sub: string; acr?: string; amr?: string }): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 12; hop++) {
    if (url.href.startsWith(TEST_REDIRECT_URI)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url);
      continue;
    }
    if (res.status !== 200 || !url.pathname.startsWith('/interaction/')) throw new Error(`provider answered ${res.status} at ${url.pathname}: ${await res.text()}`);
    const { prompt } = (await res.json()) as { prompt: string };
    const body = new URLSearchParams(prompt === 'login' ? { login: login.sub, ...(login.acr ? { acr: login.acr } : {}), ...(login.amr ? { amr: login.amr } : {}) } : {});
    const step = await fetch(new URL(`${url.pathname}/${prompt === 'login' ? 'login' : 'confirm'}`, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    jar.take(step);
    if (step.status < 300 || step.status >= 400) throw new Error(`interaction ${prompt} answered ${step.status}: ${await step.text()}`);
    url = new URL(step.headers.get('location')!, url);
  }
  throw new Error('too many redirects at the provider');
}
